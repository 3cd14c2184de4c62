package org.morgue.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.enrich.hedge.HedgeDetector;

/**
 * Whether more labelled dev sentences, or the words of the whole sentence, would lift the cue-sense
 * model: its out-of-fold hedged-sentence figures on dev parts 6-7 (grouped 10-fold cross-validation by
 * document, as {@link CueSenseTraining} does) when each fold's model is trained on a random share of
 * the other folds' examples (a curve still rising at the full share says more labels pay; a flat one
 * says they do not), and when every candidate also carries the words, or the word pairs, of its
 * sentence (context beyond the three words either side). Prints, asserts nothing; never reads a
 * held-out part. Not run by the default build: {@code ./mvnw -o -q -B -pl eval -am test
 * -Deval.excludedGroups= -Dtest=CueSenseLearningCurveExperimentTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("experiment")
class CueSenseLearningCurveExperimentTest {
  static final double[] SHARES = {0.25, 0.5, 0.75, 1.0};

  @Test
  void sentenceWordsAsFeatures() throws IOException {
    List<HedgedSentence> dev = HedgedSentence.read(Path.of("..", "eval", "hedging", "dev.tsv"));
    CueSenseTraining training = new CueSenseTraining(HedgeDetector.fromResources());
    List<CueSenseTraining.Example> shipped = training.examples(dev);
    String[] names = {"shipped features", "+ sentence words", "+ sentence words and word pairs"};
    for (int variant = 0; variant < names.length; variant++) {
      List<CueSenseTraining.Example> examples = new ArrayList<>();
      for (CueSenseTraining.Example e : shipped) {
        List<String> features = new ArrayList<>(e.features());
        String[] words = dev.get(e.sentence()).sentence().toLowerCase(Locale.ROOT).split("[^a-z']+");
        Set<String> seen = new TreeSet<>();
        for (int w = 0; w < words.length; w++) {
          if (variant >= 1) seen.add("sw=" + words[w]);
          if (variant >= 2 && w + 1 < words.length) seen.add("sb=" + words[w] + "_" + words[w + 1]);
        }
        features.addAll(seen);
        examples.add(new CueSenseTraining.Example(e.sentence(), e.source(), e.category(), features, e.gold(), e.rule()));
      }
      double[] oof = CueSenseThresholdExperimentTest.outOfFold(training, dev, examples);
      for (double t : new double[] {0.3, 0.35, 0.45}) {
        CueSenseThresholdExperimentTest.print(String.format(Locale.ROOT, "%s, threshold %.2f", names[variant], t),
            dev, examples, oof, t, t);
      }
    }
  }

  @Test
  void outOfFoldFiguresByShareOfTrainingExamples() throws IOException {
    List<HedgedSentence> dev = HedgedSentence.read(Path.of("..", "eval", "hedging", "dev.tsv"));
    CueSenseTraining training = new CueSenseTraining(HedgeDetector.fromResources());
    List<CueSenseTraining.Example> examples = training.examples(dev);
    for (double share : SHARES) {
      for (int repeat = 0; repeat < (share < 1.0 ? 3 : 1); repeat++) {
        Random random = new Random(31L * repeat + (long) (share * 100));
        double[] oof = CueSenseThresholdExperimentTest.outOfFold(training, dev, examples,
            e -> random.nextDouble() < share);
        CueSenseThresholdExperimentTest.print(String.format(Locale.ROOT, "share %.2f repeat %d", share, repeat),
            dev, examples, oof, CueSenseTraining.THRESHOLD, CueSenseTraining.THRESHOLD);
      }
    }
  }
}
