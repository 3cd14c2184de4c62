package org.morgue.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.indexer.enrich.hedge.HedgeDetector;

/**
 * Whether part-of-speech tags give the cue-sense model the signal its word features lack: the tags
 * around each candidate (OpenNLP's Apache-licensed English model, a test dependency only), added as
 * features, scored out of fold on dev parts 6-7 as {@link CueSenseThresholdExperimentTest} scores the
 * shipped features. Prints, asserts nothing; never reads a held-out part. Not run by the default build:
 * {@code ./mvnw -o -q -B -pl eval -am test -Deval.excludedGroups= -Dtest=PosFeatureExperimentTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("experiment")
class PosFeatureExperimentTest {
  static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

  @Test
  void tagsAroundEachCandidateOnDevParts6And7() throws IOException {
    POSTaggerME tagger;
    try (InputStream in = PosFeatureExperimentTest.class.getResourceAsStream(MODEL)) {
      tagger = new POSTaggerME(new POSModel(in));
    }
    List<HedgedSentence> dev = HedgedSentence.read(Path.of("..", "eval", "hedging", "dev.tsv"));
    CueSenseTraining training = new CueSenseTraining(HedgeDetector.fromResources());
    List<CueSenseTraining.Example> shipped = training.examples(dev);
    HedgeDetector candidates = HedgeDetector.fromResources().withSense(Optional.empty());
    List<CueSenseTraining.Example> tagged = new ArrayList<>();
    int at = 0;
    for (int s = 0; s < dev.size(); s++) {
      String sentence = dev.get(s).sentence();
      Article article = new Article("eval", "", List.of(new Block(BlockKind.PARAGRAPH, sentence)), Optional.empty(),
          "eval", Optional.empty(), List.of(), "eval");
      List<HedgeDetector.Candidate> found = candidates.candidates(article);
      if (found.isEmpty()) {
        continue;
      }
      Span[] spans = SimpleTokenizer.INSTANCE.tokenizePos(sentence);
      String[] tokens = Span.spansToStrings(spans, sentence);
      String[] tags = tagger.tag(tokens);
      for (HedgeDetector.Candidate candidate : found) {
        CueSenseTraining.Example e = shipped.get(at++);
        int first = token(spans, candidate.cue().start());
        int last = token(spans, Math.max(candidate.cue().start(), candidate.cue().end() - 1));
        List<String> features = new ArrayList<>(e.features());
        String head = CueSenseThresholdExperimentTest.head(e);
        String before1 = tag(tags, first - 1);
        String after1 = tag(tags, last + 1);
        String after2 = tag(tags, last + 2);
        features.add("pos-2=" + tag(tags, first - 2));
        features.add("pos-1=" + before1);
        features.add("pos+1=" + after1);
        features.add("pos+2=" + after2);
        features.add("pos-1+1=" + before1 + "_" + after1);
        features.add("pos+1+2=" + after1 + "_" + after2);
        features.add("head|pos+1+2=" + head + "_" + after1 + "_" + after2);
        features.add("head|pos-1=" + head + "_" + before1);
        tagged.add(new CueSenseTraining.Example(e.sentence(), e.source(), e.category(), features, e.gold(), e.rule()));
      }
    }
    if (at != shipped.size()) {
      throw new IllegalStateException("candidates " + at + " against " + shipped.size() + " examples");
    }
    for (var variant : List.of(java.util.Map.entry("shipped", shipped), java.util.Map.entry("with tags", tagged))) {
      double[] oof = CueSenseThresholdExperimentTest.outOfFold(training, dev, variant.getValue());
      for (double threshold : CueSenseThresholdExperimentTest.THRESHOLDS) {
        CueSenseThresholdExperimentTest.print(variant.getKey() + String.format(Locale.ROOT, " threshold %.2f", threshold),
            dev, variant.getValue(), oof, threshold, threshold);
      }
    }
  }

  private static int token(Span[] spans, int offset) {
    for (int i = 0; i < spans.length; i++) {
      if (spans[i].getEnd() > offset) {
        return i;
      }
    }
    return spans.length - 1;
  }

  private static String tag(String[] tags, int i) {
    return i < 0 ? "<s>" : i >= tags.length ? "</s>" : tags[i];
  }
}
