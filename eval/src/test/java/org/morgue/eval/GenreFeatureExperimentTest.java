package org.morgue.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.enrich.hedge.HedgeDetector;

/** Whether the document's kind (speech or news) and era carry a modal's sense. Prints only. */
@Tag("experiment")
class GenreFeatureExperimentTest {
  @Test
  void genreAndEraOnDevParts6And7() throws IOException {
    List<HedgedSentence> dev = HedgedSentence.read(Path.of("..", "eval", "hedging", "dev.tsv"));
    CueSenseTraining training = new CueSenseTraining(HedgeDetector.fromResources());
    List<CueSenseTraining.Example> shipped = training.examples(dev);
    List<String> names = List.of("shipped", "genre", "genre x head", "era", "era x head", "genre x all", "era x all");
    List<Function<CueSenseTraining.Example, List<String>>> extras = List.of(
        e -> List.of(),
        e -> List.of("genre=" + genre(e)),
        e -> List.of("genre=" + genre(e), "genre=" + genre(e) + "|" + CueSenseThresholdExperimentTest.head(e)),
        e -> List.of("era=" + era(e)),
        e -> List.of("era=" + era(e), "era=" + era(e) + "|" + CueSenseThresholdExperimentTest.head(e)),
        e -> conj("genre=" + genre(e), e),
        e -> conj("era=" + era(e), e));
    for (int v = 0; v < names.size(); v++) {
      List<CueSenseTraining.Example> examples = new ArrayList<>();
      for (CueSenseTraining.Example e : shipped) {
        List<String> f = new ArrayList<>(e.features());
        f.addAll(extras.get(v).apply(e));
        examples.add(new CueSenseTraining.Example(e.sentence(), e.source(), e.category(), f, e.gold(), e.rule()));
      }
      double[] oof = CueSenseThresholdExperimentTest.outOfFold(training, dev, examples);
      for (double t : new double[] {0.35, 0.45, 0.55}) {
        CueSenseThresholdExperimentTest.print(names.get(v) + String.format(Locale.ROOT, " %.2f", t), dev, examples, oof, t, t);
      }
    }
  }

  static List<String> conj(String tag, CueSenseTraining.Example e) {
    List<String> f = new ArrayList<>();
    f.add(tag);
    for (String feature : e.features()) {
      if (!feature.equals("bias")) {
        f.add(tag + "|" + feature);
      }
    }
    return f;
  }

  static String genre(CueSenseTraining.Example e) {
    return e.source().startsWith("sotu") ? "speech" : "news";
  }

  static String era(CueSenseTraining.Example e) {
    if (!e.source().startsWith("sotu")) {
      return e.source().startsWith("brown") ? "1961" : "late";
    }
    int year = Integer.parseInt(e.source().substring(5, 9));
    return year < 1900 ? "c19" : year < 1950 ? "early20" : year < 1990 ? "late20" : "late";
  }
}
