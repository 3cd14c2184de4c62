package org.morgue.indexer.enrich;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.article.Article;
import org.morgue.indexer.article.Block;
import org.morgue.indexer.article.BlockKind;
import org.morgue.indexer.article.Cue;

/**
 * Measures the hedge detector against hand-annotated sentences (eval/hedging-gold.tsv): precision
 * and recall of its cues, written to target/evaluation/hedging.txt. The floors below guard against
 * regressions; the file header says how the sentences were annotated.
 */
class HedgeDetectorEvaluationTest {
  static final double PRECISION_FLOOR = 0.80;
  static final double RECALL_FLOOR = 0.90;

  record Gold(String source, String sentence, List<String[]> cues) {}

  static List<Gold> gold() throws IOException {
    List<Gold> gold = new ArrayList<>();
    try (InputStream in = HedgeDetectorEvaluationTest.class.getResourceAsStream("/eval/hedging-gold.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        List<String[]> cues = new ArrayList<>();
        for (String cue : fields[2].split(";")) {
          if (!cue.isBlank()) {
            cues.add(cue.strip().split(":", 2));
          }
        }
        gold.add(new Gold(fields[0], fields[1], cues));
      }
    }
    return gold;
  }

  @Test
  void cuesMatchTheAnnotatedSentencesAboveTheFloors() throws IOException {
    HedgeDetector detector = HedgeDetector.fromResources();
    int found = 0;
    int predicted = 0;
    int annotated = 0;
    StringBuilder report = new StringBuilder();
    for (Gold sentence : gold()) {
      Article article = new Article("eval", "", List.of(new Block(BlockKind.PARAGRAPH, sentence.sentence())),
          Optional.empty(), "eval", Optional.empty(), List.of(), "eval");
      List<Cue> cues = new ArrayList<>(detector.detect(article).cues());
      predicted += cues.size();
      annotated += sentence.cues().size();
      List<String> missed = new ArrayList<>();
      for (String[] gold : sentence.cues()) {
        Optional<Cue> match = cues.stream()
            .filter(cue -> cue.kind().id().equals(gold[0])
                && cue.text().toLowerCase(Locale.ROOT).contains(gold[1].toLowerCase(Locale.ROOT)))
            .findFirst();
        if (match.isPresent()) {
          found++;
          cues.remove(match.get());
        } else {
          missed.add(gold[0] + ":" + gold[1]);
        }
      }
      if (!missed.isEmpty() || !cues.isEmpty()) {
        report.append(sentence.source()).append(": ").append(sentence.sentence()).append('\n');
        missed.forEach(m -> report.append("    missed ").append(m).append('\n'));
        cues.forEach(c -> report.append("    extra  ").append(c.kind().id()).append(':').append(c.text())
            .append(" (").append(c.category()).append(")\n"));
      }
    }
    double precision = predicted == 0 ? 1 : (double) found / predicted;
    double recall = annotated == 0 ? 1 : (double) found / annotated;
    String summary = String.format(Locale.ROOT,
        "hedge cues on %d annotated sentences: precision %.2f (%d/%d), recall %.2f (%d/%d)%n",
        gold().size(), precision, found, predicted, recall, found, annotated);
    Path out = Files.createDirectories(Path.of("target", "evaluation")).resolve("hedging.txt");
    Files.writeString(out, summary + report);
    assertTrue(precision >= PRECISION_FLOOR && recall >= RECALL_FLOOR, summary + report);
  }
}
