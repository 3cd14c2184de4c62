package org.morgue.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Each comparison row puts the embedded figure, the OpenSearch figure and OpenSearch / embedded side by side. */
class EngineComparisonTest {
  @Test
  void indexingRatiosAreOpenSearchOverEmbedded() {
    IndexingBenchmark.Run embedded = new IndexingBenchmark.Run("Morgue", 2, 1000, 2.0, 5_000_000, 8_000_000, 1);
    OpenSearchBenchmark.Indexing opensearch = new OpenSearchBenchmark.Indexing(1000, 8.0, 12_000_000);
    EnrichedBulkBenchmark.Bulk bulk = new EnrichedBulkBenchmark.Bulk(1000, 0.5, 10_000_000, OptionalLong.of(1500));

    ReportTable table = EngineComparison.indexing(embedded, opensearch, bulk, 1);

    assertEquals(List.of("indexing, docs/s", "500", "125", "0.250x"), table.rows().get(0));
    assertEquals(List.of("indexing, seconds", "2.00", "8.00", "4.00x"), table.rows().get(1));
    assertEquals(List.of("index size", "8.00 MB", "12.0 MB", "1.50x"), table.rows().get(2));
    assertEquals(List.of("OpenSearch bulk of the enriched documents, docs/s (embedded: full indexing)", "500", "2000",
        "4.00x"), table.rows().get(3));
    assertEquals(List.of("OpenSearch bulk of the enriched documents, cluster CPU ms per article", "-", "1.50", "-"),
        table.rows().get(4));
    assertEquals(List.of("OpenSearch bulk-built index size", "8.00 MB", "10.0 MB", "1.25x"), table.rows().get(5));
    assertEquals(List.of(EngineComparison.BULK_TARGET, "0.250x", "-", "-"), table.rows().get(6));
  }

  @Test
  void bulkCpuOfAClusterTheBenchDidNotStartIsSaidToBeUnknown() {
    IndexingBenchmark.Run embedded = new IndexingBenchmark.Run("Morgue", 2, 1000, 2.0, 5_000_000, 8_000_000, 1);
    EnrichedBulkBenchmark.Bulk bulk = new EnrichedBulkBenchmark.Bulk(1000, 0.5, 10_000_000, OptionalLong.empty());

    ReportTable table = EngineComparison.indexing(embedded, new OpenSearchBenchmark.Indexing(1000, 8.0, 12_000_000),
        bulk, 1);

    assertEquals(List.of("OpenSearch bulk of the enriched documents, cluster CPU ms per article", "-",
        "not started by the bench", "-"), table.rows().get(4));
  }

  @Test
  void searchRowsFollowTheOpenSearchSearchesByCategory() {
    Map<String, Map<String, Latencies>> embedded = Map.of(SearchBenchmark.MORGUE_PAGE,
        Map.of(BenchQuery.BROAD, new Latencies(2, 4, 5, 10)), SearchBenchmark.LUCENE_TOP10,
        Map.of(BenchQuery.BROAD, new Latencies(1, 1, 1, 10)));
    Map<String, Map<String, Latencies>> opensearch = Map.of(SearchBenchmark.MORGUE_PAGE,
        Map.of(BenchQuery.BROAD, new Latencies(10, 30, 40, 10)));

    ReportTable table = EngineComparison.search(embedded, opensearch,
        new Timing(Duration.ZERO, Duration.ofSeconds(1), 1));

    assertEquals(List.of(List.of(SearchBenchmark.MORGUE_PAGE, BenchQuery.BROAD, "2.00", "10.0", "5.00x", "4.00", "30.0",
        "7.50x")), table.rows());
  }

  @Test
  void httpRowsPairClientCountsAndMemoryAddsTheClusterProcess() {
    HttpBenchmark.Results embedded = new HttpBenchmark.Results(List.of(
        new HttpBenchmark.ClientSeries(4, 400, new Latencies(5, 10, 20, 100))), List.of(50.0), 100_000_000);
    HttpBenchmark.Results opensearch = new HttpBenchmark.Results(List.of(
        new HttpBenchmark.ClientSeries(4, 100, new Latencies(20, 50, 60, 100))), List.of(200.0), 120_000_000);

    ReportTable http = EngineComparison.http(embedded, opensearch);
    ReportTable memory = EngineComparison.startAndMemory(embedded, List.of(2.0),
        new OpenSearchBenchmark.Serving(opensearch, OptionalLong.of(380_000_000), 90_000_000), List.of(3.0),
        OptionalDouble.of(20));

    assertEquals(List.of("4", "400", "100", "0.250x", "5.00", "20.0", "4.00x", "10.0", "50.0", "5.00x"),
        http.rows().getFirst());
    assertEquals(List.of("server start to first search, s", "2.00", "3.00", "1.50x"), memory.rows().get(0));
    assertEquals(List.of("cluster start, s", "-", "20.0", "-"), memory.rows().get(1));
    assertEquals(List.of("Morgue heap + cluster resident memory, MB", "100", "500", "5.00x"), memory.rows().getLast());
  }
}
