package org.morgue.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.enrich.hedge.HedgeDetector;

/**
 * The cue-sense model's settings compared by grouped cross-validation on the DEV set alone (never a
 * held-out part), scored on dev part 6 only: the rules were tuned on parts 1-5, so their decisions
 * there (a feature of the model) are better than on unseen text, while part 6 was drawn and labelled
 * after the rules' last round. Prints, asserts nothing. Not run by the default build:
 * {@code ./mvnw -o -q -B -pl eval -am test -Deval.excludedGroups= -Dtest=CueSenseSweepExperimentTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("experiment")
class CueSenseSweepExperimentTest {
  static final int PART_6 = 1558;
  /** Dev parts 1 and 5 were drawn at random, not for their words, as the held-out parts are. */
  static final int RANDOM_1 = 300;
  static final int RANDOM_5_FROM = 867;
  static final int RANDOM_5 = 300;

  @Test
  void settingsOnDevPart6() throws IOException {
    List<HedgedSentence> dev = HedgedSentence.read(Path.of("..", "eval", "hedging", "dev.tsv"));
    int from = dev.size() - PART_6;
    Map<String, Integer> foldOf = CueSenseTraining.folds(dev);
    for (int cutoff : new int[] {0, 2}) {
      for (double l2 : new double[] {0.1, 1}) {
        CueSenseTraining training = new CueSenseTraining(HedgeDetector.fromResources(), l2, 0.5);
        training.cutoff = cutoff;
        List<CueSenseTraining.Example> examples = training.examples(dev);
        double[] oof = new double[examples.size()];
        for (int fold = 0; fold < CueSenseTraining.FOLDS; fold++) {
          int held = fold;
          MaxentModel model = training.fit(examples.stream().filter(e -> foldOf.get(e.source()) != held).toList());
          int hedge = model.getIndex("hedge");
          for (int i = 0; i < examples.size(); i++) {
            if (foldOf.get(examples.get(i).source()) == held) {
              oof[i] = model.eval(examples.get(i).features().toArray(String[]::new))[hedge];
            }
          }
        }
        for (double threshold : new double[] {0.3, 0.35, 0.4, 0.5}) {
          for (String mode : List.of("rules", "model", "hybrid")) {
            if (mode.equals("rules") && (threshold != 0.5 || l2 != 0.1 || cutoff != 0)) {
              continue;
            }
            boolean[] hedged = new boolean[dev.size()];
            for (int i = 0; i < examples.size(); i++) {
              CueSenseTraining.Example e = examples.get(i);
              boolean lexical = e.rule() && !e.category().equals("modal");
              boolean decision = switch (mode) {
                case "rules" -> e.rule();
                case "model" -> oof[i] >= threshold;
                default -> lexical || oof[i] >= threshold;
              };
              hedged[e.sentence()] |= decision;
            }
            Score score = Score.EMPTY;
            Score random = Score.EMPTY;
            for (int s = 0; s < dev.size(); s++) {
              boolean gold = dev.get(s).hedged();
              Score one = new Score(hedged[s] && gold ? 1 : 0, hedged[s] ? 1 : 0, gold ? 1 : 0);
              if (s >= from) {
                score = score.plus(one);
              } else if (s < RANDOM_1 || s >= RANDOM_5_FROM && s < RANDOM_5_FROM + RANDOM_5) {
                random = random.plus(one);
              }
            }
            System.out.println(String.format(Locale.ROOT, "cutoff %d, L2 %.1f, threshold %.2f, %-6s part 6 %s; random parts 1+5 %s",
                cutoff, l2, threshold, mode, score.format(), random.format()));
          }
        }
      }
    }
  }
}
