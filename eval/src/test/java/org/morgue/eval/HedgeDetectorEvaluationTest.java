package org.morgue.eval;

import org.morgue.indexer.enrich.hedge.HedgeDetector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Guards the hedge detector's measured quality with the code {@code morgue eval} uses, on the
 * annotated sentences in the repository's eval/hedging/ (the dev set it is tuned and trained on, and
 * the held-out parts it never is). The floors sit at or a little below the figures in
 * docs/enrichment.md, so a regression fails the build; every disagreement is written to
 * target/evaluation/hedging.txt. The target (precision and recall of hedged sentences at least
 * 0.80, on test4) is checked by {@code morgue eval}: recall meets it, precision (0.70) does not yet, so
 * its floor here is lower. The detector with its cue-sense model must also beat the hand rules alone on
 * test to test4, which is what the model is for. On test5, drawn and labelled on 2026-12-03 after the
 * first model was final, it does not (F1 0.65 against the rules' 0.66; 0.63 with the model trained on
 * the modal-relabelled dev set, 0.65 again after the candidate relabelling): its floors guard the level measured there,
 * and its misses are not written out, since changes to hedging are measured on it.
 */
class HedgeDetectorEvaluationTest {
  static final Path EVAL = Path.of("..", "eval", "hedging");
  static final double DEV_SENTENCE_F1_FLOOR = 0.90;
  static final double DEV_CUE_PRECISION_FLOOR = 0.86;
  static final double DEV_CUE_RECALL_FLOOR = 0.90;
  static final double TEST_SENTENCE_PRECISION_FLOOR = 0.80;
  static final double TEST_SENTENCE_RECALL_FLOOR = 0.78;
  static final double TEST2_SENTENCE_PRECISION_FLOOR = 0.70;
  static final double TEST2_SENTENCE_RECALL_FLOOR = 0.64;
  static final double TEST4_SENTENCE_PRECISION_FLOOR = 0.70;
  static final double TEST4_SENTENCE_RECALL_FLOOR = 0.80;
  static final double TEST5_SENTENCE_PRECISION_FLOOR = 0.66;
  static final double TEST5_SENTENCE_RECALL_FLOOR = 0.58;
  /** Dev part 8, random dev text the model is not trained on: P 0.79 / R 0.62 when it was added. */
  static final double DEV8_SENTENCE_PRECISION_FLOOR = 0.77;
  static final double DEV8_SENTENCE_RECALL_FLOOR = 0.60;

  @Test
  void hedgedSentencesAndCuesStayAboveTheFloorsOnDevAndTheHeldOutParts() throws IOException {
    HedgeDetector detector = HedgeDetector.fromResources();
    HedgingEvaluation evaluation = new HedgingEvaluation(detector);
    HedgingEvaluation rulesAlone = new HedgingEvaluation(detector.withSense(Optional.empty()));
    HedgingEvaluation.Result dev = evaluation.evaluate(HedgedSentence.read(EVAL.resolve("dev.tsv")));
    HedgingEvaluation.Result dev8 = evaluation.evaluate(HedgedSentence.read(EVAL.resolve("dev8.tsv")));
    StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "dev: sentences %s, cues %s%ndev8: sentences %s%n",
        dev.sentences().format(), dev.cues().format(), dev8.sentences().format()));
    List<HedgingEvaluation.Result> heldOut = new ArrayList<>();
    List<String> worse = new ArrayList<>();
    for (String part : List.of("test", "test2", "test3", "test4")) {
      List<HedgedSentence> sentences = HedgedSentence.read(EVAL.resolve(part + ".tsv"));
      HedgingEvaluation.Result result = evaluation.evaluate(sentences);
      Score rules = rulesAlone.evaluate(sentences).sentences();
      heldOut.add(result);
      report.append(String.format(Locale.ROOT, "%s: sentences %s (rules alone %s)%n", part,
          result.sentences().format(), rules.format()));
      if (result.sentences().f1() <= rules.f1()) {
        worse.add(part);
      }
    }
    Score test5 = evaluation.evaluate(HedgedSentence.read(EVAL.resolve("test5.tsv"))).sentences();
    report.append(String.format(Locale.ROOT, "test5: sentences %s (misses not written: held out for the next change)%n",
        test5.format()));
    report.append("\ndev\n").append(String.join("\n", dev.disagreements()));
    report.append("\n\ndev8\n").append(String.join("\n", dev8.disagreements()));
    for (int i = 0; i < heldOut.size(); i++) {
      report.append("\n\ntest").append(i == 0 ? "" : String.valueOf(i + 1)).append('\n')
          .append(String.join("\n", heldOut.get(i).disagreements()));
    }
    String text = report.append('\n').toString();
    Files.writeString(Files.createDirectories(Path.of("target", "evaluation")).resolve("hedging.txt"), text);
    assertTrue(dev.sentences().f1() >= DEV_SENTENCE_F1_FLOOR, text);
    assertTrue(dev.cues().precision() >= DEV_CUE_PRECISION_FLOOR && dev.cues().recall() >= DEV_CUE_RECALL_FLOOR, text);
    assertTrue(dev8.sentences().precision() >= DEV8_SENTENCE_PRECISION_FLOOR
        && dev8.sentences().recall() >= DEV8_SENTENCE_RECALL_FLOOR, text);
    Score test = heldOut.get(0).sentences();
    assertTrue(test.precision() >= TEST_SENTENCE_PRECISION_FLOOR && test.recall() >= TEST_SENTENCE_RECALL_FLOOR, text);
    Score test2 = heldOut.get(1).sentences();
    assertTrue(test2.precision() >= TEST2_SENTENCE_PRECISION_FLOOR && test2.recall() >= TEST2_SENTENCE_RECALL_FLOOR, text);
    Score test4 = heldOut.get(3).sentences();
    assertTrue(test4.precision() >= TEST4_SENTENCE_PRECISION_FLOOR && test4.recall() >= TEST4_SENTENCE_RECALL_FLOOR, text);
    assertTrue(test5.precision() >= TEST5_SENTENCE_PRECISION_FLOOR && test5.recall() >= TEST5_SENTENCE_RECALL_FLOOR, text);
    assertTrue(worse.isEmpty(), "the model does no better than the rules alone on " + worse + "\n" + text);
  }
}
