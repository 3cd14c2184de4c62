package org.morgue.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.morgue.article.ActorType;

/**
 * Guards the actors and themes measured by {@code morgue eval}, with the same code, on the sets in
 * the repository's eval/ folder: the hand-listed actors and the 50 Reuters stories' PLACES and TOPICS
 * tags, and "same story" on eval/copies. Speed is not timed here (benchmarks are commands). The floors are the targets, which
 * the figures in docs/enrichment.md meet, except organisations (below); the table and every
 * disagreement go to
 * target/evaluation/enrichment.md.
 */
class EnrichmentEvaluationTest {
  static final double REUTERS_PLACE_RECALL_FLOOR = 0.90;
  static final double REUTERS_PLACE_PRECISION_FLOOR = 0.80;
  /**
   * Places and people on both held-out actor parts: the target, met since the census names
   * and towns of two words (2026-12-05: 246 of 273, recall 0.90 at precision 0.91).
   */
  static final double GOLD_PLACES_PEOPLE_RECALL_FLOOR = 0.90;
  static final double GOLD_PLACES_PEOPLE_PRECISION_FLOOR = 0.80;
  static final double TOPIC_AGREEMENT_FLOOR = 0.80;
  /**
   * Organisations on both held-out actor parts guard what is reached (recall 0.74 at precision 0.87,
   * 86 of 117, on 2026-12-03 after the fresh round; 0.70 at 0.85 before it), below the
   * issue's target of 0.85 at 0.85 ({@link EvaluationReport#ORGANISATION_RECALL}), which {@code morgue
   * eval} reports as missed; raise these to the target once it is met.
   */
  static final double GOLD_ORGANISATION_RECALL_FLOOR = 0.73;
  static final double GOLD_ORGANISATION_PRECISION_FLOOR = 0.85;

  @Test
  void actorsAndThemesStayAboveTheFloorsOnTheAnnotatedSets() throws Exception {
    EvaluationReport report = Evaluation.standard(Path.of("..")).run(Optional.empty());
    String text = report.table() + "\n" + report.details();
    Files.writeString(Files.createDirectories(Path.of("target", "evaluation")).resolve("enrichment.md"), text);
    assertTrue(report.reutersAll().places().recall() >= REUTERS_PLACE_RECALL_FLOOR, text);
    assertTrue(report.reutersAll().places().precision() >= REUTERS_PLACE_PRECISION_FLOOR, text);
    assertTrue(report.actors().heldOut().placesAndPeople().recall() >= GOLD_PLACES_PEOPLE_RECALL_FLOOR, text);
    assertTrue(report.actors().heldOut().placesAndPeople().precision() >= GOLD_PLACES_PEOPLE_PRECISION_FLOOR, text);
    assertTrue(report.reutersAll().topTheme().recall() >= TOPIC_AGREEMENT_FLOOR, text);
    Score organisations = report.actors().heldOut().byType().get(ActorType.ORGANISATION);
    assertTrue(organisations.recall() >= GOLD_ORGANISATION_RECALL_FLOOR, text);
    assertTrue(organisations.precision() >= GOLD_ORGANISATION_PRECISION_FLOOR, text);
    // Same story (wire copies) on the held-out part of eval/copies, found through the band lookup.
    CopyEvaluation.Result copies = report.copies().test();
    assertTrue(copies.pairs().precision() >= EvaluationReport.COPY_PRECISION, text);
    assertTrue(copies.pairs().recall() >= EvaluationReport.COPY_RECALL, text);
    assertTrue(copies.candidates() < copies.allPairs() / 100, "the lookup compared " + copies.candidates() + " pairs");
    // First takes of the held-out part's real articles find their articles, and only them, either way round.
    for (EvaluationReport.Takes takes : report.copies().takes()) {
      if (takes.split() == Split.TEST) {
        assertTrue(takes.takes() > 100, text);
        assertTrue(takes.result().pairs().precision() >= EvaluationReport.COPY_PRECISION, text);
        assertTrue(takes.result().pairs().recall() >= EvaluationReport.COPY_RECALL, text);
      }
    }
  }
}
