package org.morgue.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.enrich.hedge.HedgeDetector;

/**
 * Word classes as features of the cue-sense model, compared by grouped cross-validation on the DEV set
 * alone: each of the words up to two or three either side of a candidate adds its class (by
 * {@code eval/tools/word-clusters.py}, 64 or 256 classes learnt from the shipped corpus without labels)
 * beside its spelling, so that what the model learns on one verb after a modal carries to verbs of its
 * class. Prints, asserts nothing. Not run by the default build; make the classes first, then:
 * {@code python3 eval/tools/word-clusters.py eval/target/word-clusters; ./mvnw -o -q -B -pl eval -am
 * test -Deval.excludedGroups= -Dtest=ClusterFeatureExperimentTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * Result (2026-12-04, docs/enrichment.md): no setting beat the model without them.
 */
@Tag("experiment")
class ClusterFeatureExperimentTest {
  /** Where dev part 6 starts, as in {@link CueSenseSweepExperimentTest}. */
  static final int PART_6_FROM = CueSenseSweepExperimentTest.PART_6_FROM;

  static Map<String, String> read(String file) throws IOException {
    Path path = Path.of("target", file);
    Assumptions.assumeTrue(Files.exists(path), "run eval/tools/word-clusters.py first: " + path.toAbsolutePath());
    Map<String, String> map = new HashMap<>();
    for (String line : Files.readAllLines(path)) {
      String[] p = line.split("\t");
      map.put(p[0], p[1]);
    }
    return map;
  }

  @Test
  void clusters() throws IOException {
    List<HedgedSentence> dev = HedgedSentence.read(Path.of("..", "eval", "hedging", "dev.tsv"));
    Map<String, Integer> foldOf = CueSenseTraining.folds(dev);
    CueSenseTraining training = new CueSenseTraining(HedgeDetector.fromResources());
    List<CueSenseTraining.Example> all = training.examples(dev);
    Map<String, String> c64 = read("word-clusters-64.tsv");
    Map<String, String> c256 = read("word-clusters-256.tsv");
    Map<String, Function<List<String>, List<String>>> variants = new java.util.LinkedHashMap<>();
    variants.put("base", f -> f);
    variants.put("c256 +-2", f -> add(f, c256, "c256", 2));
    variants.put("c64 +-2", f -> add(f, c64, "c64", 2));
    variants.put("c64+c256 +-2", f -> add(add(f, c64, "c64", 2), c256, "c256", 2));
    variants.put("c256 +-3", f -> add(f, c256, "c256", 3));
    for (var variant : variants.entrySet()) {
      List<CueSenseTraining.Example> examples = new ArrayList<>();
      for (CueSenseTraining.Example e : all) {
        examples.add(new CueSenseTraining.Example(e.sentence(), e.source(), e.category(),
            variant.getValue().apply(e.features()), e.gold(), e.rule()));
      }
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
        boolean[] hedged = new boolean[dev.size()];
        for (int i = 0; i < examples.size(); i++) {
          hedged[examples.get(i).sentence()] |= oof[i] >= threshold;
        }
        Score late = Score.EMPTY;
        Score whole = Score.EMPTY;
        for (int s = 0; s < dev.size(); s++) {
          boolean gold = dev.get(s).hedged();
          Score one = new Score(hedged[s] && gold ? 1 : 0, hedged[s] ? 1 : 0, gold ? 1 : 0);
          whole = whole.plus(one);
          if (s >= PART_6_FROM) {
            late = late.plus(one);
          }
        }
        System.out.println(String.format(Locale.ROOT, "CLUSTER %-16s t %.2f parts 6-7: %s   all dev: %s",
            variant.getKey(), threshold, late.format(), whole.format()));
      }
    }
  }

  static List<String> add(List<String> features, Map<String, String> clusters, String name, int window) {
    List<String> out = new ArrayList<>(features);
    for (String f : features) {
      for (int d = 1; d <= window; d++) {
        for (String side : new String[] {"w-" + d + "=", "w+" + d + "="}) {
          if (f.startsWith(side)) {
            String c = clusters.get(f.substring(side.length()));
            out.add(name + side + (c == null ? "?" : c));
          }
        }
      }
    }
    return out;
  }
}
