package org.morgue.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.indexer.enrich.hedge.CueSense;
import org.morgue.indexer.enrich.hedge.HedgeDetector;

/**
 * Trains {@link CueSense} on the DEV hedging set (never a held-out part) and writes it where the
 * indexer ships it. Every candidate hedge the lexicon finds in a dev sentence (including the modals
 * the hand rules reject) is an example; it is a hedge when a gold hedge cue of its sentence overlaps
 * it, as {@link HedgingEvaluation} matches them. The model is L2-regularised logistic regression
 * (OpenNLP's maxent with its quasi-Newton trainer, a well-kept implementation rather than one of our
 * own). Its settings (L2 cost 1.0, features seen at least twice, threshold 0.35) were chosen by
 * grouped cross-validation on dev part 6, the dev text the hand rules were never tuned on
 * ({@code CueSenseSweepExperimentTest}): the costs and cut-offs tried all gave F1 0.78-0.80 there, and
 * the lower threshold keeps recall, which the first model (0.5) lost on held-out text. Grouped 10-fold
 * cross-validation by source document says, before the model is written, how it does on dev text it
 * was not trained on.
 */
public final class CueSenseTraining {
  static final double L2_COST = 1.0;
  static final int CUTOFF = 2;
  static final double THRESHOLD = 0.35;
  static final int FOLDS = 10;
  static final long SEED = 20261209L;
  private static final String HEDGE = "hedge";
  private static final String NOT = "not";

  /** One candidate of a dev sentence. */
  record Example(int sentence, String source, String category, List<String> features, boolean gold, boolean rule) {}

  private final HedgeDetector candidates;
  private final double l2;
  private final double threshold;
  int cutoff = CUTOFF;

  public CueSenseTraining(HedgeDetector detector) {
    this(detector, L2_COST, THRESHOLD);
  }

  CueSenseTraining(HedgeDetector detector, double l2, double threshold) {
    this.candidates = detector.withSense(Optional.empty());
    this.l2 = l2;
    this.threshold = threshold;
  }

  /** The cross-validation alone, nothing written: for comparing costs and thresholds on dev. */
  String crossValidate(List<HedgedSentence> dev) {
    return validate(dev, examples(dev)).toString();
  }

  /** Trains on {@code dev}, writes the model to {@code out} and returns a report of the cross-validation. */
  public String train(List<HedgedSentence> dev, Path out) throws IOException {
    List<Example> examples = examples(dev);
    StringBuilder report = validate(dev, examples);
    MaxentModel all = fit(examples);
    write(all, examples, out);
    report.append("model written to ").append(out).append('\n');
    return report.toString();
  }

  private StringBuilder validate(List<HedgedSentence> dev, List<Example> examples) {
    Map<String, Integer> foldOf = folds(dev);
    double[] outOfFold = new double[examples.size()];
    for (int fold = 0; fold < FOLDS; fold++) {
      int held = fold;
      MaxentModel model = fit(examples.stream().filter(e -> foldOf.get(e.source()) != held).toList());
      int hedge = model.getIndex(HEDGE);
      for (int i = 0; i < examples.size(); i++) {
        if (foldOf.get(examples.get(i).source()) == held) {
          outOfFold[i] = model.eval(examples.get(i).features().toArray(String[]::new))[hedge];
        }
      }
    }
    boolean[] rule = new boolean[examples.size()];
    boolean[] model = new boolean[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      rule[i] = examples.get(i).rule();
      model[i] = outOfFold[i] >= threshold;
    }
    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "cue-sense training on dev: %d sentences (%d hedged), %d candidates (%d gold hedges)%n",
        dev.size(), dev.stream().filter(HedgedSentence::hedged).count(), examples.size(),
        examples.stream().filter(Example::gold).count()));
    report.append("grouped 10-fold cross-validation by document (the model out of fold; the rules were tuned on this text):\n");
    report.append(line("candidates, rules", examples, rule));
    report.append(line("candidates, model", examples, model));
    report.append(sentences("hedged sentences, rules", dev, examples, rule));
    report.append(sentences("hedged sentences, model", dev, examples, model));
    return report;
  }

  List<Example> examples(List<HedgedSentence> dev) {
    List<Example> examples = new ArrayList<>();
    for (int s = 0; s < dev.size(); s++) {
      HedgedSentence gold = dev.get(s);
      Article article = new Article("eval", "", List.of(new Block(BlockKind.PARAGRAPH, gold.sentence())),
          Optional.empty(), "eval", Optional.empty(), List.of(), "eval");
      List<String> anchors = gold.cues().stream().filter(c -> c.kind().equals(HEDGE))
          .map(c -> c.anchor().toLowerCase(Locale.ROOT)).toList();
      for (HedgeDetector.Candidate candidate : candidates.candidates(article)) {
        String text = candidate.cue().text().toLowerCase(Locale.ROOT);
        boolean hedge = anchors.stream().anyMatch(a -> text.contains(a) || a.contains(text));
        examples.add(new Example(s, gold.source(), candidate.cue().category(), candidate.features(), hedge, candidate.rule()));
      }
    }
    return examples;
  }

  static Map<String, Integer> folds(List<HedgedSentence> dev) {
    List<String> sources = new ArrayList<>(new TreeSet<>(dev.stream().map(HedgedSentence::source).toList()));
    Collections.shuffle(sources, new Random(SEED));
    Map<String, Integer> foldOf = new HashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      foldOf.put(sources.get(i), i % FOLDS);
    }
    return foldOf;
  }

  MaxentModel fit(List<Example> examples) {
    List<Event> events = new ArrayList<>();
    for (Example e : examples) {
      events.add(new Event(e.gold() ? HEDGE : NOT, e.features().toArray(String[]::new)));
    }
    return maxent(events, l2, cutoff);
  }

  /**
   * L2-regularised logistic regression over binary features: OpenNLP's maxent with its quasi-Newton
   * trainer, one thread so a run is repeatable, outcomes {@code "hedge"} and {@code "not"}.
   */
  static MaxentModel maxent(List<Event> events, double l2, int cutoff) {
    TrainingParameters parameters = new TrainingParameters();
    parameters.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
    parameters.put(TrainingParameters.ITERATIONS_PARAM, 500);
    parameters.put(TrainingParameters.CUTOFF_PARAM, cutoff);
    parameters.put(QNTrainer.L1COST_PARAM, 0.0);
    parameters.put(QNTrainer.L2COST_PARAM, l2);
    parameters.put(QNTrainer.THREADS_PARAM, 1);
    EventTrainer trainer = TrainerFactory.getEventTrainer(parameters, null);
    try {
      return trainer.train(ObjectStreamUtils.createObjectStream(events));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes each feature's weight toward "hedge": with binary features the model's log-odds are a sum
   * over the features present, so a feature's weight is the log-odds it adds to the bias alone.
   */
  private void write(MaxentModel model, List<Example> examples, Path out) throws IOException {
    int hedge = model.getIndex(HEDGE);
    double base = logit(model.eval(new String[] {"bias"})[hedge]);
    Map<String, Double> weights = new TreeMap<>();
    for (Example e : examples) {
      for (String feature : e.features()) {
        weights.computeIfAbsent(feature, f -> f.equals("bias") ? base
            : logit(model.eval(new String[] {"bias", f})[hedge]) - base);
      }
    }
    StringBuilder text = new StringBuilder();
    text.append("# Morgue's cue-sense model: the weight each context feature (indexer CueContext) adds to the\n")
        .append("# log-odds that a candidate hedge cue is used in its uncertain sense. Trained by\n")
        .append("# `./morgue eval --train-cue-sense` on eval/hedging/dev.tsv only (L2-regularised logistic\n")
        .append("# regression, OpenNLP maxent QN, L2 cost ").append(l2).append(", features seen at least ").append(cutoff)
        .append(" times); do not edit by hand.\n")
        .append(CueSense.THRESHOLD).append('\t').append(threshold).append('\n');
    for (Map.Entry<String, Double> weight : weights.entrySet()) {
      if (Math.abs(weight.getValue()) >= 1e-4) {
        text.append(weight.getKey()).append('\t').append(String.format(Locale.ROOT, "%.4f", weight.getValue())).append('\n');
      }
    }
    Files.createDirectories(out.getParent());
    Files.writeString(out, text, StandardCharsets.UTF_8);
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  private static String line(String name, List<Example> examples, boolean[] predicted) {
    int correct = 0;
    int flagged = 0;
    int gold = 0;
    for (int i = 0; i < examples.size(); i++) {
      correct += predicted[i] && examples.get(i).gold() ? 1 : 0;
      flagged += predicted[i] ? 1 : 0;
      gold += examples.get(i).gold() ? 1 : 0;
    }
    return String.format(Locale.ROOT, "  %-26s %s%n", name, new Score(correct, flagged, gold).format());
  }

  private static String sentences(String name, List<HedgedSentence> dev, List<Example> examples, boolean[] predicted) {
    boolean[] hedged = new boolean[dev.size()];
    for (int i = 0; i < examples.size(); i++) {
      hedged[examples.get(i).sentence()] |= predicted[i];
    }
    Score score = Score.EMPTY;
    for (int s = 0; s < dev.size(); s++) {
      boolean gold = dev.get(s).hedged();
      score = score.plus(new Score(hedged[s] && gold ? 1 : 0, hedged[s] ? 1 : 0, gold ? 1 : 0));
    }
    return String.format(Locale.ROOT, "  %-26s %s%n", name, score.format());
  }
}
