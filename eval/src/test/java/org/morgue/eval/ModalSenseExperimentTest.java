package org.morgue.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.article.Cue;
import org.morgue.article.CueKind;
import org.morgue.indexer.enrich.hedge.HedgeDetector;

/**
 * The modal-sense experiment (2026-12-03): does a logistic-regression classifier of the sense of
 * may / might / could, trained on the DEV hedging set, do better than ModalSense's hand rules?
 * Reads eval/hedging/dev.tsv only (never a held-out part) and writes its tables to
 * target/evaluation/modal-sense-experiment.txt (not run by the default build: rerun it with
 * {@code ./mvnw -o -q -B -pl eval -am test -Deval.excludedGroups= -Dtest=ModalSenseExperimentTest}); it asserts nothing about quality, only that the
 * sentence-level figure rebuilt from the rules' modal decisions equals the detector's own.
 *
 * <p>Instances: every may / might / could word of a dev sentence (a capitalised "May" inside a
 * sentence or before a number, the month or a name, is left out). Gold label: the modal word is one
 * of the words of a gold hedge cue of its sentence. The rules' decision: a hedge cue the detector
 * finds covers the modal word (ModalSense as HedgeDetector applies it, with the lexicon's ignore
 * entries). The classifier: L2-regularised logistic regression (OpenNLP's maxent with its
 * quasi-Newton trainer, L1 cost 0), L2 cost fixed at OpenNLP's default 0.1 before looking at any
 * result; other costs are printed as a sensitivity check only. Evaluation: 10-fold cross-validation
 * grouped by source document (column 1 of dev.tsv), folds drawn with a fixed seed; each instance
 * gets its out-of-fold prediction.
 */
@Tag("experiment")
class ModalSenseExperimentTest {
  static final Path DEV = Path.of("..", "eval", "hedging", "dev.tsv");
  static final long SEED = 20261203L;
  static final int FOLDS = 10;
  static final double L2_COST = 0.1;
  static final String HEDGE = "hedge";
  static final String NOT = "not";

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019\\-\u2010][\\p{L}\\p{N}]+)*");
  private static final Set<String> MODALS = Set.of("may", "might", "could");
  private static final Set<String> SKIPPED_BEFORE_VERB = Set.of("not", "never", "also", "well", "still", "even",
      "only", "already", "yet", "ever", "just", "soon", "eventually", "then", "now", "easily", "hardly", "barely");
  private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "nothing", "neither", "hardly", "scarcely");
  private static final Set<String> REPORTING = Set.of("said", "says", "say", "believe", "believes", "believed",
      "think", "thinks", "thought", "expect", "expects", "expected", "estimated", "fear", "fears", "feared", "warned",
      "warns", "suggested", "argued", "claimed", "reported", "told", "stated", "announced", "added", "noted");
  private static final Set<String> MARKERS = Set.of("if", "unless", "though", "although", "whether", "hope", "hopes",
      "hoped", "hoping", "trust", "pray", "wish", "whatever", "whoever", "however", "whichever", "as", "how", "what");

  /** One modal word of a dev sentence. */
  record Instance(int sentence, String source, String modal, List<String> features, boolean gold, boolean rules,
      int start, int end) {}

  /** One dev sentence with what the detector found. */
  record Sentence(HedgedSentence gold, List<Cue> hedges, int offset) {}

  @Test
  void modalSenseClassifierAgainstTheRulesOnDevByGroupedCrossValidation() throws IOException {
    HedgeDetector detector = HedgeDetector.fromResources();
    List<HedgedSentence> dev = HedgedSentence.read(DEV);
    List<Sentence> sentences = new ArrayList<>();
    List<Instance> instances = new ArrayList<>();
    int monthsLeftOut = 0;
    int contractionsSeen = 0;
    int repeatedModal = 0;
    for (int s = 0; s < dev.size(); s++) {
      HedgedSentence gold = dev.get(s);
      Article article = article(gold.sentence());
      List<Cue> hedges = detector.detect(article).cues().stream().filter(c -> c.kind() == CueKind.HEDGE).toList();
      int offset = article.text().indexOf(gold.sentence());
      sentences.add(new Sentence(gold, hedges, offset));
      List<int[]> spans = new ArrayList<>();
      List<String> surfaces = new ArrayList<>();
      Matcher m = WORD.matcher(gold.sentence());
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
        surfaces.add(m.group());
      }
      List<String> words = surfaces.stream().map(w -> w.toLowerCase(Locale.ROOT).replace('\u2019', '\'')).toList();
      Set<String> goldWords = new TreeSet<>();
      for (HedgedSentence.GoldCue cue : gold.cues()) {
        if (cue.kind().equals(HEDGE)) {
          for (String w : cue.anchor().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'\u2019]+")) {
            goldWords.add(w.replace('\u2019', '\''));
          }
        }
      }
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < words.size(); i++) {
        String w = words.get(i);
        if (w.equals("mightn't") || w.equals("couldn't")) {
          contractionsSeen++;
        }
        if (!MODALS.contains(w)) {
          continue;
        }
        if (w.equals("may") && !surfaces.get(i).equals("may")
            && (i > 0 || i + 1 < words.size() && Character.isDigit(words.get(i + 1).charAt(0)))) {
          monthsLeftOut++;
          continue;
        }
        if (seen.merge(w, 1, Integer::sum) == 2) {
          repeatedModal++;
        }
        int start = spans.get(i)[0] + offset;
        int end = spans.get(i)[1] + offset;
        boolean rules = hedges.stream().anyMatch(c -> c.start() < end && start < c.end());
        instances.add(new Instance(s, gold.source(), w, features(gold.sentence(), words, spans, i), goldWords.contains(w),
            rules, start, end));
      }
    }

    // Grouped folds: the documents, shuffled with the seed, dealt round-robin.
    List<String> sources = new ArrayList<>(new LinkedHashSet<>(dev.stream().map(HedgedSentence::source).toList()));
    Collections.sort(sources);
    Collections.shuffle(sources, new Random(SEED));
    Map<String, Integer> foldOf = new HashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      foldOf.put(sources.get(i), i % FOLDS);
    }

    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT,
        "Modal-sense experiment on eval/hedging/dev.tsv only: %d sentences (%d hedged), %d documents, %d folds by document (seed %d)%n",
        dev.size(), dev.stream().filter(HedgedSentence::hedged).count(), sources.size(), FOLDS, SEED));
    report.append(String.format(Locale.ROOT,
        "instances: %d may/might/could (%d gold hedge); left out: %d capitalised May (month or name); %d contracted mightn't/couldn't not counted; %d instances repeat a modal already in their sentence (their gold label is shared)%n",
        instances.size(), instances.stream().filter(Instance::gold).count(), monthsLeftOut, contractionsSeen, repeatedModal));
    for (String modal : List.of("may", "might", "could")) {
      long n = instances.stream().filter(x -> x.modal().equals(modal)).count();
      long h = instances.stream().filter(x -> x.modal().equals(modal) && x.gold()).count();
      report.append(String.format(Locale.ROOT, "  %-6s %4d instances, %4d hedge (%.0f%%)%n", modal, n, h, 100.0 * h / n));
    }
    int[] foldSizes = new int[FOLDS];
    instances.forEach(x -> foldSizes[foldOf.get(x.source())]++);
    report.append("instances per fold: ").append(java.util.Arrays.toString(foldSizes)).append("\n\n");

    // Out-of-fold predictions at the chosen L2 cost, and at others for sensitivity only.
    double[] costs = {L2_COST, 0.01, 1.0, 10.0};
    Map<Double, double[]> oofByCost = new HashMap<>();
    for (double cost : costs) {
      oofByCost.put(cost, outOfFold(instances, foldOf, cost));
    }
    double[] oof = oofByCost.get(L2_COST);

    report.append("Modal instances, out-of-fold for the classifier (rules were tuned on these same sentences: their figure is optimistic)\n");
    report.append(header());
    boolean[] rules = new boolean[instances.size()];
    boolean[] classifier = new boolean[instances.size()];
    boolean[] combined = new boolean[instances.size()];
    for (int i = 0; i < instances.size(); i++) {
      rules[i] = instances.get(i).rules();
      classifier[i] = oof[i] >= 0.5;
      combined[i] = rules[i] && classifier[i];
    }
    report.append(row("(a) rules (detector)", instances, rules));
    report.append(row("(b) classifier L2 0.1", instances, classifier));
    report.append(row("(c) rules AND classifier", instances, combined));
    boolean[] either = new boolean[instances.size()];
    for (int i = 0; i < instances.size(); i++) {
      either[i] = rules[i] || classifier[i];
    }
    report.append(row("(d) rules OR classifier", instances, either));
    boolean[] none = new boolean[instances.size()];
    report.append(row("majority (never hedge)", instances, none));
    report.append("  by modal:\n");
    for (String modal : List.of("may", "might", "could")) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < instances.size(); i++) {
        if (instances.get(i).modal().equals(modal)) {
          idx.add(i);
        }
      }
      List<Instance> sub = idx.stream().map(instances::get).toList();
      report.append(row("  " + modal + " rules", sub, pick(rules, idx)));
      report.append(row("  " + modal + " classifier", sub, pick(classifier, idx)));
      report.append(row("  " + modal + " rules AND cls", sub, pick(combined, idx)));
    }
    report.append("  sensitivity (not used for the decision), classifier at other L2 costs:\n");
    for (double cost : costs) {
      boolean[] p = new boolean[instances.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = oofByCost.get(cost)[i] >= 0.5;
      }
      report.append(row(String.format(Locale.ROOT, "  classifier L2 %s", cost), instances, p));
    }

    // Sentence level: every non-modal hedge cue from the detector, the modal decisions from each source.
    report.append("\nHedged sentences on dev (all 1,167): non-modal cues from the detector, modal decisions as named\n");
    report.append(header());
    boolean[] detectorSentence = new boolean[dev.size()];
    for (int s = 0; s < dev.size(); s++) {
      detectorSentence[s] = !sentences.get(s).hedges().isEmpty();
    }
    boolean[] goldSentence = new boolean[dev.size()];
    for (int s = 0; s < dev.size(); s++) {
      goldSentence[s] = dev.get(s).hedged();
    }
    report.append(sentenceRow("detector as it is", goldSentence, detectorSentence));
    boolean[] rebuilt = sentenceLevel(sentences, instances, rules);
    assertEquals(java.util.Arrays.toString(detectorSentence), java.util.Arrays.toString(rebuilt),
        "the sentence figure rebuilt from the rules' modal decisions must be the detector's own");
    report.append(sentenceRow("rebuilt with rules (check)", goldSentence, rebuilt));
    report.append(sentenceRow("modal: classifier (OOF)", goldSentence, sentenceLevel(sentences, instances, classifier)));
    report.append(sentenceRow("modal: rules AND classifier", goldSentence, sentenceLevel(sentences, instances, combined)));
    report.append(sentenceRow("modal: rules OR classifier", goldSentence, sentenceLevel(sentences, instances, either)));
    report.append(sentenceRow("modal: never a hedge", goldSentence, sentenceLevel(sentences, instances, none)));
    boolean[] always = new boolean[instances.size()];
    java.util.Arrays.fill(always, true);
    report.append(sentenceRow("modal: always a hedge", goldSentence, sentenceLevel(sentences, instances, always)));
    for (double cost : costs) {
      boolean[] p = new boolean[instances.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = oofByCost.get(cost)[i] >= 0.5;
      }
      report.append(sentenceRow(String.format(Locale.ROOT, "  (sens.) classifier L2 %s", cost), goldSentence,
          sentenceLevel(sentences, instances, p)));
    }

    // Ablations (sensitivity only, not used for the decision): fewer, more general features.
    report.append("\nAblations at L2 0.1 (sensitivity only): modal instances, then hedged sentences\n");
    report.append(header());
    Map<String, java.util.function.Predicate<String>> variants = new java.util.LinkedHashMap<>();
    variants.put("no word window (keeps m+1)", f -> !f.matches("w-?\\d=.*"));
    variants.put("no window, no m+1", f -> !f.matches("w-?\\d=.*") && !f.startsWith("m+1="));
    variants.put("window +-1 only and m", f -> f.equals("bias") || f.startsWith("m=") || f.matches("w-?1=.*"));
    for (Map.Entry<String, java.util.function.Predicate<String>> variant : variants.entrySet()) {
      List<Instance> reduced = instances.stream().map(x -> new Instance(x.sentence(), x.source(), x.modal(),
          x.features().stream().filter(variant.getValue()).toList(), x.gold(), x.rules(), x.start(), x.end())).toList();
      double[] p = outOfFold(reduced, foldOf, L2_COST);
      boolean[] predicted = new boolean[p.length];
      for (int i = 0; i < p.length; i++) {
        predicted[i] = p[i] >= 0.5;
      }
      report.append(row(variant.getKey(), instances, predicted));
      report.append(sentenceRow("  sentences", goldSentence, sentenceLevel(sentences, instances, predicted)));
    }

    // Per-fold view of how unstable the figures are: modal accuracy per fold.
    report.append("\nModal accuracy per fold (rules / classifier):\n");
    for (int f = 0; f < FOLDS; f++) {
      int n = 0;
      int r = 0;
      int c = 0;
      for (int i = 0; i < instances.size(); i++) {
        if (foldOf.get(instances.get(i).source()) == f) {
          n++;
          r += rules[i] == instances.get(i).gold() ? 1 : 0;
          c += classifier[i] == instances.get(i).gold() ? 1 : 0;
        }
      }
      report.append(String.format(Locale.ROOT, "  fold %d: n %3d  rules %.2f  classifier %.2f%n", f, n,
          (double) r / n, (double) c / n));
    }

    // The heaviest features of a model trained on all of dev, for a person to read.
    MaxentModel all = train(instances, x -> true, L2_COST, foldOf, -1);
    report.append("\nHeaviest features of the model trained on all dev instances (weight toward hedge):\n");
    report.append(heaviest(all, instances));

    Path out = Files.createDirectories(Path.of("target", "evaluation")).resolve("modal-sense-experiment.txt");
    Files.writeString(out, report.toString());
    System.out.println(report);
  }

  static Article article(String sentence) {
    return new Article("eval", "", List.of(new Block(BlockKind.PARAGRAPH, sentence)), Optional.empty(), "eval",
        Optional.empty(), List.of(), "eval");
  }

  static boolean[] pick(boolean[] all, List<Integer> idx) {
    boolean[] out = new boolean[idx.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = all[idx.get(i)];
    }
    return out;
  }

  /** A sentence is hedged when a detector hedge cue that covers no modal instance is there, or a modal is judged a hedge. */
  static boolean[] sentenceLevel(List<Sentence> sentences, List<Instance> instances, boolean[] modalHedge) {
    boolean[] hedged = new boolean[sentences.size()];
    for (int s = 0; s < sentences.size(); s++) {
      int sentence = s;
      List<Instance> own = instances.stream().filter(x -> x.sentence() == sentence).toList();
      for (Cue cue : sentences.get(s).hedges()) {
        boolean coversModal = own.stream().anyMatch(x -> x.start() < cue.end() && cue.start() < x.end());
        if (!coversModal) {
          hedged[s] = true;
        }
      }
    }
    for (int i = 0; i < instances.size(); i++) {
      if (modalHedge[i]) {
        hedged[instances.get(i).sentence()] = true;
      }
    }
    return hedged;
  }

  interface Filter {
    boolean test(Instance instance);
  }

  static double[] outOfFold(List<Instance> instances, Map<String, Integer> foldOf, double cost) {
    double[] oof = new double[instances.size()];
    java.util.Arrays.fill(oof, Double.NaN);
    for (int f = 0; f < FOLDS; f++) {
      int fold = f;
      MaxentModel model = train(instances, x -> foldOf.get(x.source()) != fold, cost, foldOf, fold);
      int hedge = model.getIndex(HEDGE);
      for (int i = 0; i < instances.size(); i++) {
        if (foldOf.get(instances.get(i).source()) == fold) {
          oof[i] = model.eval(instances.get(i).features().toArray(String[]::new))[hedge];
        }
      }
    }
    for (double p : oof) {
      if (Double.isNaN(p)) {
        throw new IllegalStateException("an instance without an out-of-fold prediction");
      }
    }
    return oof;
  }

  static MaxentModel train(List<Instance> instances, Filter inTraining, double cost, Map<String, Integer> foldOf, int fold) {
    List<Event> events = new ArrayList<>();
    for (Instance x : instances) {
      if (inTraining.test(x)) {
        events.add(new Event(x.gold() ? HEDGE : NOT, x.features().toArray(String[]::new)));
      }
    }
    return CueSenseTraining.maxent(events, cost, 0);
  }

  static String heaviest(MaxentModel model, List<Instance> instances) {
    Set<String> features = new TreeSet<>();
    instances.forEach(x -> features.addAll(x.features()));
    int hedge = model.getIndex(HEDGE);
    List<Map.Entry<String, Double>> weights = new ArrayList<>();
    String[] bias = {"bias"};
    double base = Math.log(model.eval(bias)[hedge] / (1 - model.eval(bias)[hedge]));
    for (String f : features) {
      double p = model.eval(new String[] {"bias", f})[hedge];
      weights.add(Map.entry(f, Math.log(p / (1 - p)) - base));
    }
    weights.sort((a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue())));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(30, weights.size()); i++) {
      out.append(String.format(Locale.ROOT, "  %+.2f %s%n", weights.get(i).getValue(), weights.get(i).getKey()));
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- features

  static List<String> features(String text, List<String> words, List<int[]> spans, int at) {
    List<String> f = new ArrayList<>();
    String modal = words.get(at);
    f.add("bias");
    f.add("m=" + modal);
    for (int d = -3; d <= 3; d++) {
      if (d == 0) {
        continue;
      }
      int i = at + d;
      String w = i < 0 ? "<s>" : i >= words.size() ? "</s>" : words.get(i);
      f.add("w" + d + "=" + w);
    }
    String next = at + 1 < words.size() ? words.get(at + 1) : "</s>";
    f.add("m+1=" + modal + "_" + next);
    // The next verb, past negation and adverbs, by its shape.
    int v = at + 1;
    while (v < words.size() && (SKIPPED_BEFORE_VERB.contains(words.get(v)) || words.get(v).endsWith("ly"))) {
      v++;
    }
    String verb = v < words.size() ? words.get(v) : "</s>";
    f.add("verb=" + shape(verb));
    if (verb.equals("be") || verb.equals("have")) {
      int u = v + 1;
      while (u < words.size() && (SKIPPED_BEFORE_VERB.contains(words.get(u)) || words.get(u).endsWith("ly"))) {
        u++;
      }
      String after = u < words.size() ? words.get(u) : "</s>";
      f.add("verb2=" + verb + "_" + (after.equals("been") ? "been" : shape(after)));
    }
    for (int i = at + 1; i <= Math.min(words.size() - 1, at + 3); i++) {
      if (NEGATIONS.contains(words.get(i)) || words.get(i).endsWith("n't")) {
        f.add("neg");
        break;
      }
    }
    if (next.equals("well")) {
      f.add("well");
    }
    // Subject class: the word right before the modal, past adverbs.
    int p = at - 1;
    while (p >= 0 && (words.get(p).endsWith("ly") || SKIPPED_BEFORE_VERB.contains(words.get(p)))) {
      p--;
    }
    String subject = p < 0 ? "<s>" : words.get(p);
    f.add("subj=" + subjectClass(subject));
    if (at == 0) {
      f.add("initial");
    }
    if (text.indexOf('?') >= 0) {
      f.add("question");
    }
    // Markers earlier in the modal's clause: back to a comma, semicolon, colon, dash or sentence start.
    int clauseStart = 0;
    for (int i = at - 1; i >= 0; i--) {
      String between = text.substring(spans.get(i)[1], spans.get(i + 1)[0]);
      if (between.matches(".*[,;:\u2014\u2013(].*")) {
        clauseStart = i + 1;
        break;
      }
    }
    for (int i = Math.max(clauseStart, at - 10); i < at; i++) {
      String w = words.get(i);
      if (MARKERS.contains(w)) {
        f.add("clause=" + w);
      }
      if (w.equals("so") && i + 1 < at && words.get(i + 1).equals("that")) {
        f.add("clause=so_that");
      }
      if (w.equals("order") && i + 1 < at && words.get(i + 1).equals("that")) {
        f.add("clause=in_order_that");
      }
      if (w.equals("such") && i + 1 < at && words.get(i + 1).equals("as")) {
        f.add("clause=such_as");
      }
    }
    for (int i = 0; i < at; i++) {
      if (REPORTING.contains(words.get(i))) {
        f.add("reported");
        break;
      }
    }
    return f;
  }

  static String shape(String w) {
    if (w.equals("be") || w.equals("have")) {
      return w;
    }
    if (w.equals("</s>")) {
      return "end";
    }
    if (w.endsWith("ed") || w.endsWith("en")) {
      return "ed";
    }
    if (w.endsWith("ing")) {
      return "ing";
    }
    return "other";
  }

  static String subjectClass(String w) {
    return switch (w) {
      case "it", "there", "this" -> "it";
      case "that" -> "that";
      case "which", "who", "whom", "what" -> "wh";
      case "i", "we", "you" -> "person";
      case "he", "she", "they" -> "3p";
      case "<s>" -> "none";
      default -> NEGATIONS.contains(w) ? "neg" : "noun";
    };
  }

  // ---------------------------------------------------------------- scoring

  static String header() {
    return String.format(Locale.ROOT, "  %-32s %5s %5s %5s %5s %5s  %6s %6s %6s %6s%n", "", "n", "TP", "FP", "FN", "TN",
        "acc", "P", "R", "F1");
  }

  static String row(String name, List<Instance> instances, boolean[] predicted) {
    boolean[] gold = new boolean[instances.size()];
    for (int i = 0; i < gold.length; i++) {
      gold[i] = instances.get(i).gold();
    }
    return sentenceRow(name, gold, predicted);
  }

  static String sentenceRow(String name, boolean[] gold, boolean[] predicted) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    for (int i = 0; i < gold.length; i++) {
      if (predicted[i] && gold[i]) {
        tp++;
      } else if (predicted[i]) {
        fp++;
      } else if (gold[i]) {
        fn++;
      } else {
        tn++;
      }
    }
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return String.format(Locale.ROOT, "  %-32s %5d %5d %5d %5d %5d  %6.3f %6.3f %6.3f %6.3f%n", name, gold.length, tp, fp,
        fn, tn, (double) (tp + tn) / gold.length, p, r, f1);
  }
}
