package org.morgue.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.enrich.hedge.HedgeDetector;

/**
 * Whether the cue-sense model's decision, rather than its features, holds precision back: the model's
 * out-of-fold probabilities on the DEV set (grouped 10-fold cross-validation by document, as
 * {@link CueSenseTraining} does), scored as hedged sentences on dev parts 6-7 for one threshold and for
 * a separate threshold on modal verbs, with the features as shipped and with each feature also
 * conjoined with the modal's own word (so "may be" and "could be" weigh apart); per cue word, how
 * often the model is right; and a sentence decided by its likeliest candidate (as shipped) or by all
 * of them, noisy-or. Prints, asserts nothing; never reads a held-out part. Not run by the
 * default build: {@code ./mvnw -o -q -B -pl eval -am test -Deval.excludedGroups=
 * -Dtest=CueSenseThresholdExperimentTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("experiment")
class CueSenseThresholdExperimentTest {
  static final double[] THRESHOLDS = {0.25, 0.35, 0.45, 0.5, 0.55, 0.65, 0.75};
  static final double[] MODAL_THRESHOLDS = {0.35, 0.5, 0.6, 0.7, 0.8, 1.01};

  @Test
  void thresholdsAndConjunctionsOnDevParts6And7() throws IOException {
    List<HedgedSentence> dev = HedgedSentence.read(Path.of("..", "eval", "hedging", "dev.tsv"));
    CueSenseTraining training = new CueSenseTraining(HedgeDetector.fromResources());
    List<CueSenseTraining.Example> shipped = training.examples(dev);
    for (boolean conjoined : new boolean[] {false, true}) {
      List<CueSenseTraining.Example> examples = conjoined ? conjoinedWithModal(shipped) : shipped;
      double[] oof = outOfFold(training, dev, examples);
      String features = conjoined ? "conjoined" : "shipped";
      for (double threshold : THRESHOLDS) {
        print(features + String.format(Locale.ROOT, " threshold %.2f", threshold), dev, examples, oof, threshold, threshold);
      }
      for (double modal : MODAL_THRESHOLDS) {
        print(features + String.format(Locale.ROOT, " modal %.2f, others 0.35", modal), dev, examples, oof, modal, 0.35);
      }
      if (!conjoined) {
        byCueWord(examples, oof);
      }
    }
  }

  @Test
  void sentenceDecisionByMaxOrNoisyOr() throws IOException {
    List<HedgedSentence> dev = HedgedSentence.read(Path.of("..", "eval", "hedging", "dev.tsv"));
    CueSenseTraining training = new CueSenseTraining(HedgeDetector.fromResources());
    List<CueSenseTraining.Example> examples = training.examples(dev);
    double[] oof = outOfFold(training, dev, examples);
    double[] max = new double[dev.size()];
    double[] none = new double[dev.size()];
    Arrays.fill(none, 1.0);
    for (int i = 0; i < examples.size(); i++) {
      int s = examples.get(i).sentence();
      max[s] = Math.max(max[s], oof[i]);
      none[s] *= 1 - oof[i];
    }
    for (double t = 0.25; t <= 0.70; t += 0.05) {
      Score byMax = Score.EMPTY;
      Score byNoisyOr = Score.EMPTY;
      for (int s = CueSenseSweepExperimentTest.PART_6_FROM; s < dev.size(); s++) {
        boolean gold = dev.get(s).hedged();
        boolean m = max[s] >= t;
        boolean n = 1 - none[s] >= t;
        byMax = byMax.plus(new Score(m && gold ? 1 : 0, m ? 1 : 0, gold ? 1 : 0));
        byNoisyOr = byNoisyOr.plus(new Score(n && gold ? 1 : 0, n ? 1 : 0, gold ? 1 : 0));
      }
      System.out.printf(Locale.ROOT, "THRESHOLD %.2f: max %s, noisy-or %s%n", t, byMax.format(), byNoisyOr.format());
    }
  }

  private static List<CueSenseTraining.Example> conjoinedWithModal(List<CueSenseTraining.Example> examples) {
    List<CueSenseTraining.Example> conjoined = new ArrayList<>();
    for (CueSenseTraining.Example e : examples) {
      String owner = e.category().equals("modal") ? head(e) : "other";
      List<String> features = new ArrayList<>(e.features());
      for (String feature : e.features()) {
        if (!feature.startsWith("head") && !feature.startsWith("cue=") && !feature.equals("bias")) {
          features.add(owner + "|" + feature);
        }
      }
      conjoined.add(new CueSenseTraining.Example(e.sentence(), e.source(), e.category(), features, e.gold(), e.rule()));
    }
    return conjoined;
  }

  static String head(CueSenseTraining.Example e) {
    return e.features().stream().filter(f -> f.startsWith("head=")).findFirst().orElse("head=?").substring(5);
  }

  static double[] outOfFold(CueSenseTraining training, List<HedgedSentence> dev,
      List<CueSenseTraining.Example> examples) {
    return outOfFold(training, dev, examples, e -> true);
  }

  /** The same, each fold's model trained only on the other folds' examples that {@code train} keeps. */
  static double[] outOfFold(CueSenseTraining training, List<HedgedSentence> dev,
      List<CueSenseTraining.Example> examples, java.util.function.Predicate<CueSenseTraining.Example> train) {
    Map<String, Integer> foldOf = CueSenseTraining.folds(dev);
    double[] oof = new double[examples.size()];
    for (int fold = 0; fold < CueSenseTraining.FOLDS; fold++) {
      int held = fold;
      MaxentModel model = training.fit(
          examples.stream().filter(e -> foldOf.get(e.source()) != held).filter(train).toList());
      int hedge = model.getIndex("hedge");
      for (int i = 0; i < examples.size(); i++) {
        if (foldOf.get(examples.get(i).source()) == held) {
          oof[i] = model.eval(examples.get(i).features().toArray(String[]::new))[hedge];
        }
      }
    }
    return oof;
  }

  static void print(String name, List<HedgedSentence> dev, List<CueSenseTraining.Example> examples, double[] oof,
      double modal, double others) {
    boolean[] flagged = new boolean[dev.size()];
    for (int i = 0; i < examples.size(); i++) {
      flagged[examples.get(i).sentence()] |= oof[i] >= (examples.get(i).category().equals("modal") ? modal : others);
    }
    Score score = Score.EMPTY;
    for (int s = CueSenseSweepExperimentTest.PART_6_FROM; s < dev.size(); s++) {
      boolean gold = dev.get(s).hedged();
      score = score.plus(new Score(flagged[s] && gold ? 1 : 0, flagged[s] ? 1 : 0, gold ? 1 : 0));
    }
    System.out.println("THRESHOLD " + name + ", hedged sentences of parts 6-7: " + score.format());
  }

  private static void byCueWord(List<CueSenseTraining.Example> examples, double[] oof) {
    Map<String, int[]> counts = new TreeMap<>();
    for (int i = 0; i < examples.size(); i++) {
      if (examples.get(i).sentence() >= CueSenseSweepExperimentTest.PART_6_FROM) {
        int[] c = counts.computeIfAbsent(head(examples.get(i)), k -> new int[3]);
        boolean flagged = oof[i] >= CueSenseTraining.THRESHOLD;
        c[0] += examples.get(i).gold() ? 1 : 0;
        c[1] += flagged ? 1 : 0;
        c[2] += flagged && examples.get(i).gold() ? 1 : 0;
      }
    }
    counts.forEach((word, c) -> {
      if (c[0] + c[1] >= 10) {
        System.out.printf(Locale.ROOT, "CUE %-14s gold %4d flagged %4d right %4d%n", word, c[0], c[1], c[2]);
      }
    });
  }
}
