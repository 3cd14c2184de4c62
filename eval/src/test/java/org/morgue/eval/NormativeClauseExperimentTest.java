package org.morgue.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.enrich.hedge.HedgeDetector;

/**
 * Whether a normative word in the clause after a cue tells the cue-sense model that a belief is a
 * conviction, not a guess ("We believe that all nations should have the freedom of the seas"), or
 * that "the question whether" deliberates rather than doubts (dev part 8's false alarms hold both
 * kinds). The feature is added alone, conjoined with the cue's category or word, and within eight
 * words only; scored out of fold on dev parts 6-7 and, trained on all of dev, on dev part 8. Prints,
 * asserts nothing; never reads a held-out part. Not run by the default build:
 * {@code ./mvnw -o -q -B -pl eval -am test -Deval.excludedGroups= -Dtest=NormativeClauseExperimentTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("experiment")
class NormativeClauseExperimentTest {
  private static final Set<String> NORMS = Set.of("should", "ought", "must", "shall", "need", "needs",
      "necessary", "essential", "important", "wise", "duty", "right");

  @Test
  void normativeComplementOnDev() throws IOException {
    List<HedgedSentence> dev = HedgedSentence.read(Path.of("..", "eval", "hedging", "dev.tsv"));
    List<HedgedSentence> dev8 = HedgedSentence.read(Path.of("..", "eval", "hedging", "dev8.tsv"));
    CueSenseTraining training = new CueSenseTraining(HedgeDetector.fromResources());
    List<String> names = List.of("shipped", "norm", "norm x category", "norm x cue word", "norm in 8 words x category");
    List<BiFunction<CueSenseTraining.Example, String, List<String>>> extras = List.of(
        (e, s) -> List.of(),
        (e, s) -> normAfter(e, s, 99) ? List.of("norm-after") : List.of(),
        (e, s) -> normAfter(e, s, 99) ? List.of("norm-after", "norm-after|" + e.category()) : List.of(),
        (e, s) -> normAfter(e, s, 99)
            ? List.of("norm-after", "norm-after|" + CueSenseThresholdExperimentTest.head(e)) : List.of(),
        (e, s) -> normAfter(e, s, 8) ? List.of("norm-after", "norm-after|" + e.category()) : List.of());
    for (int v = 0; v < names.size(); v++) {
      List<CueSenseTraining.Example> examples = with(training.examples(dev), dev, extras.get(v));
      double[] oof = CueSenseThresholdExperimentTest.outOfFold(training, dev, examples);
      List<CueSenseTraining.Example> examples8 = with(training.examples(dev8), dev8, extras.get(v));
      MaxentModel model = training.fit(examples);
      int hedge = model.getIndex("hedge");
      for (double t : new double[] {0.35, 0.45}) {
        String name = names.get(v) + String.format(Locale.ROOT, " %.2f", t);
        CueSenseThresholdExperimentTest.print(name, dev, examples, oof, t, t);
        boolean[] flagged = new boolean[dev8.size()];
        for (CueSenseTraining.Example e : examples8) {
          flagged[e.sentence()] |= model.eval(e.features().toArray(String[]::new))[hedge] >= t;
        }
        Score score = Score.EMPTY;
        for (int i = 0; i < dev8.size(); i++) {
          boolean gold = dev8.get(i).hedged();
          score = score.plus(new Score(flagged[i] && gold ? 1 : 0, flagged[i] ? 1 : 0, gold ? 1 : 0));
        }
        System.out.println("THRESHOLD " + name + ", dev part 8: " + score.format());
      }
    }
  }

  private static List<CueSenseTraining.Example> with(List<CueSenseTraining.Example> shipped,
      List<HedgedSentence> set, BiFunction<CueSenseTraining.Example, String, List<String>> extra) {
    List<CueSenseTraining.Example> out = new ArrayList<>();
    for (CueSenseTraining.Example e : shipped) {
      List<String> features = new ArrayList<>(e.features());
      features.addAll(extra.apply(e, set.get(e.sentence()).sentence()));
      out.add(new CueSenseTraining.Example(e.sentence(), e.source(), e.category(), features, e.gold(), e.rule()));
    }
    return out;
  }

  /** Whether one of the {@code window} words after the cue's first occurrence is normative. */
  private static boolean normAfter(CueSenseTraining.Example e, String sentence, int window) {
    String text = sentence.toLowerCase(Locale.ROOT);
    String cue = e.features().stream().filter(f -> f.startsWith("cue=")).findFirst().orElse("cue=").substring(4);
    int at = text.indexOf(cue);
    if (at < 0) {
      return false;
    }
    String[] rest = text.substring(at + cue.length()).split("[^a-z']+");
    for (int i = 0; i < Math.min(rest.length, window); i++) {
      if (NORMS.contains(rest[i])) {
        return true;
      }
    }
    return false;
  }
}
