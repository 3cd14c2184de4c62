package org.morgue.indexer.enrich;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.eval.Evaluation;
import org.morgue.indexer.eval.EvaluationReport;

/**
 * Guards the actors and themes measured by {@code morgue eval}, with the same code, on the sets in
 * the repository's eval/ folder: the hand-listed actors and the 50 Reuters stories' PLACES and TOPICS
 * tags. Speed is not timed here (benchmarks are commands). The floors are the targets, which
 * the figures in docs/enrichment.md meet; the table and every disagreement go to
 * target/evaluation/enrichment.md.
 */
class EnrichmentEvaluationTest {
  static final double REUTERS_PLACE_RECALL_FLOOR = 0.90;
  static final double REUTERS_PLACE_PRECISION_FLOOR = 0.80;
  static final double GOLD_PLACES_PEOPLE_RECALL_FLOOR = 0.90;
  static final double GOLD_PLACES_PEOPLE_PRECISION_FLOOR = 0.80;
  static final double TOPIC_AGREEMENT_FLOOR = 0.80;

  @Test
  void actorsAndThemesStayAboveTheFloorsOnTheAnnotatedSets() throws Exception {
    EvaluationReport report = Evaluation.standard(Path.of("..")).run(Optional.empty());
    String text = report.table() + "\n" + report.details();
    Files.writeString(Files.createDirectories(Path.of("target", "evaluation")).resolve("enrichment.md"), text);
    assertTrue(report.reutersAll().places().recall() >= REUTERS_PLACE_RECALL_FLOOR, text);
    assertTrue(report.reutersAll().places().precision() >= REUTERS_PLACE_PRECISION_FLOOR, text);
    assertTrue(report.actorsTest().placesAndPeople().recall() >= GOLD_PLACES_PEOPLE_RECALL_FLOOR, text);
    assertTrue(report.actorsTest().placesAndPeople().precision() >= GOLD_PLACES_PEOPLE_PRECISION_FLOOR, text);
    assertTrue(report.reutersAll().topTheme().recall() >= TOPIC_AGREEMENT_FLOOR, text);
  }
}
