package org.morgue.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.enrich.hedge.HedgeDetector;

/**
 * The cue-sense model's settings compared by grouped cross-validation on the DEV set alone (never a
 * held-out part), scored on dev parts 6 and 7: the rules were tuned on parts 1-5, so their decisions
 * there (a feature of the model) are better than on unseen text, while parts 6 and 7 were drawn and
 * labelled after the rules' last round. Prints, asserts nothing. Not run by the default build:
 * {@code ./mvnw -o -q -B -pl eval -am test -Deval.excludedGroups= -Dtest=CueSenseSweepExperimentTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("experiment")
class CueSenseSweepExperimentTest {
  /** Where dev part 6 starts: parts 1-5 hold 1,167 sentences. */
  static final int PART_6_FROM = 1167;

  record Variant(String name, Predicate<String> feature, boolean cleanOnly) {}

  @Test
  void settingsOnDevParts6And7() throws IOException {
    List<HedgedSentence> dev = HedgedSentence.read(Path.of("..", "eval", "hedging", "dev.tsv"));
    Map<String, Integer> foldOf = CueSenseTraining.folds(dev);
    List<Variant> variants = List.of(
        new Variant("all features, all dev", f -> true, false),
        new Variant("no rule features, all dev", f -> !f.startsWith("rule=") && !f.startsWith("cat-rule="), false),
        new Variant("all features, parts 6-7 only", f -> true, true));
    CueSenseTraining training = new CueSenseTraining(HedgeDetector.fromResources());
    List<CueSenseTraining.Example> all = training.examples(dev);
    for (Variant variant : variants) {
      List<CueSenseTraining.Example> examples = new ArrayList<>();
      for (CueSenseTraining.Example e : all) {
        examples.add(new CueSenseTraining.Example(e.sentence(), e.source(), e.category(),
            e.features().stream().filter(variant.feature()).toList(), e.gold(), e.rule()));
      }
      double[] oof = new double[examples.size()];
      for (int fold = 0; fold < CueSenseTraining.FOLDS; fold++) {
        int held = fold;
        MaxentModel model = training.fit(examples.stream().filter(e -> foldOf.get(e.source()) != held)
            .filter(e -> !variant.cleanOnly() || e.sentence() >= PART_6_FROM).toList());
        int hedge = model.getIndex("hedge");
        for (int i = 0; i < examples.size(); i++) {
          if (foldOf.get(examples.get(i).source()) == held) {
            oof[i] = model.eval(examples.get(i).features().toArray(String[]::new))[hedge];
          }
        }
      }
      for (double threshold : new double[] {0.35, 0.5}) {
        boolean[] hedged = new boolean[dev.size()];
        for (int i = 0; i < examples.size(); i++) {
          hedged[examples.get(i).sentence()] |= oof[i] >= threshold;
        }
        Score score = Score.EMPTY;
        for (int s = PART_6_FROM; s < dev.size(); s++) {
          boolean gold = dev.get(s).hedged();
          score = score.plus(new Score(hedged[s] && gold ? 1 : 0, hedged[s] ? 1 : 0, gold ? 1 : 0));
        }
        System.out.println(String.format(Locale.ROOT, "SWEEP %-30s threshold %.2f, parts 6-7: %s", variant.name(),
            threshold, score.format()));
      }
    }
    boolean[] rules = new boolean[dev.size()];
    all.forEach(e -> rules[e.sentence()] |= e.rule());
    Score score = Score.EMPTY;
    for (int s = PART_6_FROM; s < dev.size(); s++) {
      boolean gold = dev.get(s).hedged();
      score = score.plus(new Score(rules[s] && gold ? 1 : 0, rules[s] ? 1 : 0, gold ? 1 : 0));
    }
    System.out.println("SWEEP rules alone, parts 6-7: " + score.format());
  }
}
