package org.morgue.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.source.MalformedArticleException;
import org.morgue.indexer.source.SkipReason;

class IndexReportTest {
  @Test
  void skipsAreCountedByKindInTheKindsOrderWhateverTheirDetailedReasons() {
    IndexReport report = new IndexReport(4, 1, 0, 0, List.of(
        new MalformedArticleException(SkipReason.UNKNOWN_FORMAT, "a.bin", "unknown format"),
        MalformedArticleException.badField("b.jsonl#1", "published", "31/02", "published '31/02' is not an ISO-8601 date"),
        MalformedArticleException.badField("b.jsonl#2", "url", "javascript:x", "url 'javascript:x' is not an http or https URL"),
        new MalformedArticleException(SkipReason.EMPTY, "c.txt", "empty file")), List.of(), Duration.ofSeconds(1));

    Map<SkipReason, Integer> expected = new LinkedHashMap<>();
    expected.put(SkipReason.EMPTY, 1);
    expected.put(SkipReason.UNKNOWN_FORMAT, 1);
    expected.put(SkipReason.INVALID_VALUE, 2);
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(report.skippedByKind().entrySet()));
    assertEquals(4, report.skippedByReason().size(), "the detailed reasons are still counted apart");
  }

  @Test
  void everyKindHasADistinctReportName() {
    assertEquals(SkipReason.values().length,
        java.util.Arrays.stream(SkipReason.values()).map(SkipReason::id).distinct().count());
  }
}
