package org.morgue.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.story.CopyDetection;

/** "Same story" on eval/copies meets its targets on the held-out part, found through the band lookup. */
class CopyEvaluationTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void copiesAreFoundAndDifferentStoriesAreNotOnTheHeldOutPart() throws Exception {
    CopySet.Labelled set = CopySet.read(ROOT);
    CopyEvaluation evaluation = new CopyEvaluation(CopyDetection.STANDARD);
    CopyEvaluation.Result dev = evaluation.evaluate(set.articles(Split.DEV), set.pairs(Split.DEV));
    CopyEvaluation.Result test = evaluation.evaluate(set.articles(Split.TEST), set.pairs(Split.TEST));
    System.out.println("copies dev " + dev.pairs() + " candidates " + dev.candidates() + " of " + dev.allPairs()
        + " missedByLookup " + dev.missedByLookup() + " hard " + dev.hardNegativesDecidedCopy() + "/" + dev.hardNegatives()
        + " articles " + dev.articles());
    System.out.println("copies test " + test.pairs() + " candidates " + test.candidates() + " of " + test.allPairs()
        + " missedByLookup " + test.missedByLookup() + " hard " + test.hardNegativesDecidedCopy() + "/" + test.hardNegatives()
        + " articles " + test.articles());
    test.disagreements().forEach(System.out::println);
    assertTrue(test.pairs().precision() >= EvaluationReport.COPY_PRECISION, "precision " + test.pairs());
    assertTrue(test.pairs().recall() >= EvaluationReport.COPY_RECALL, "recall " + test.pairs());
    assertTrue(test.candidates() < test.allPairs() / 100, "the lookup compared " + test.candidates() + " pairs");
  }
}
