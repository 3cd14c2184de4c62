package org.morgue.eval;

import org.morgue.indexer.enrich.hedge.HedgeDetector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Guards the hedge detector's measured quality with the code {@code morgue eval} uses, on the
 * annotated sentences in the repository's eval/hedging/ (the dev set it is tuned on, and the held-out
 * test set it never is). The floors sit a little below the figures in docs/enrichment.md, so a
 * regression fails the build; every disagreement is written to target/evaluation/hedging.txt. The
 * issue's targets (precision and recall of hedged sentences on test at least 0.80) are checked by
 * {@code morgue eval}: recall meets it, precision (0.77) does not yet, so its floor here is lower.
 */
class HedgeDetectorEvaluationTest {
  static final Path EVAL = Path.of("..", "eval", "hedging");
  static final double DEV_SENTENCE_F1_FLOOR = 0.86;
  static final double DEV_CUE_PRECISION_FLOOR = 0.78;
  static final double DEV_CUE_RECALL_FLOOR = 0.85;
  static final double TEST_SENTENCE_PRECISION_FLOOR = 0.75;
  /** The second held-out part (2026-12-03), measured before its round at P 0.61 / R 0.73. */
  static final double TEST2_SENTENCE_PRECISION_FLOOR = 0.60;
  static final double TEST2_SENTENCE_RECALL_FLOOR = 0.72;

  @Test
  void hedgedSentencesAndCuesStayAboveTheFloorsOnDevAndTest() throws IOException {
    HedgingEvaluation evaluation = new HedgingEvaluation(HedgeDetector.fromResources());
    HedgingEvaluation.Result dev = evaluation.evaluate(HedgedSentence.read(EVAL.resolve("dev.tsv")));
    HedgingEvaluation.Result test = evaluation.evaluate(HedgedSentence.read(EVAL.resolve("test.tsv")));
    HedgingEvaluation.Result test2 = evaluation.evaluate(HedgedSentence.read(EVAL.resolve("test2.tsv")));
    String summary = String.format(Locale.ROOT,
        "dev: sentences P %.2f R %.2f F1 %.2f, cues P %.2f R %.2f; test: sentences P %.2f R %.2f F1 %.2f, cues P %.2f R %.2f%n",
        dev.sentences().precision(), dev.sentences().recall(), dev.sentences().f1(), dev.cues().precision(),
        dev.cues().recall(), test.sentences().precision(), test.sentences().recall(), test.sentences().f1(),
        test.cues().precision(), test.cues().recall());
    String report = summary + String.format(Locale.ROOT, "test2: sentences P %.2f R %.2f%n",
        test2.sentences().precision(), test2.sentences().recall())
        + "\ndev\n" + String.join("\n", dev.disagreements())
        + "\n\ntest\n" + String.join("\n", test.disagreements())
        + "\n\ntest2\n" + String.join("\n", test2.disagreements()) + "\n";
    Files.writeString(Files.createDirectories(Path.of("target", "evaluation")).resolve("hedging.txt"), report);
    assertTrue(dev.sentences().f1() >= DEV_SENTENCE_F1_FLOOR, report);
    assertTrue(dev.cues().precision() >= DEV_CUE_PRECISION_FLOOR && dev.cues().recall() >= DEV_CUE_RECALL_FLOOR, report);
    assertTrue(test.sentences().precision() >= TEST_SENTENCE_PRECISION_FLOOR, report);
    assertTrue(test.sentences().recall() >= EvaluationReport.HEDGED_SENTENCE_RECALL, report);
    assertTrue(test2.sentences().precision() >= TEST2_SENTENCE_PRECISION_FLOOR, report);
    assertTrue(test2.sentences().recall() >= TEST2_SENTENCE_RECALL_FLOOR, report);
  }
}
