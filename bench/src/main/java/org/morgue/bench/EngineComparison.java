package org.morgue.bench;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The tables that set the OpenSearch engine's figures beside the embedded engine's, each with the
 * ratio OpenSearch / embedded: above 1x for a time or a size means OpenSearch costs more, above 1x
 * for a rate means it does more.
 */
final class EngineComparison {
  static final String INDEXING = "OpenSearch against embedded: indexing";
  static final String SEARCH = "OpenSearch against embedded: search latency, in process";
  static final String HTTP = "OpenSearch against embedded: HTTP search";
  static final String START_AND_MEMORY = "OpenSearch against embedded: start and memory";
  /** The row of issue #21's target: embedded full indexing over OpenSearch's bulk of the enriched documents. */
  static final String BULK_TARGET = "embedded full indexing / OpenSearch bulk of the enriched documents, docs/s"
      + " (#21 target >= 1.0x)";
  private static final String NONE = "-";

  private EngineComparison() {}

  /**
   * Indexing each way, then issue #21's yardstick: OpenSearch's own bulk of the documents Morgue's run
   * left in the cluster, enrichment already done, set beside the embedded engine's full indexing
   * (enrichment included). The target is embedded / bulk >= 1.0x, stated on a row of its own, since
   * the table's ratio column reads the other way.
   */
  static ReportTable indexing(IndexingBenchmark.Run embedded, OpenSearchBenchmark.Indexing opensearch,
      EnrichedBulkBenchmark.Bulk bulk, int nodes) {
    ReportTable table = new ReportTable(INDEXING, "The same " + embedded.articles() + " generated articles through "
        + "ArchiveIndexer (same reader, enrichment and " + embedded.threads() + " threads) into ArchiveWriter and into "
        + "OpenSearchStore (bulk requests to a cluster of " + nodes + " node(s) on this machine, default index settings:"
        + " 3 shards, a replica only where another node can hold it). OpenSearch's time runs from the first file opened"
        + " to the commit recorded after a refresh; its size is the primaries' segments from `_segments` after a flush,"
        + " replicas and translog not counted. One run each. The bulk rows: the documents that run left in the cluster"
        + " (enriched, as indexed), exported untimed to an NDJSON file and sent to `_bulk` of a fresh index with the"
        + " same mapping and settings, in requests of 500 documents or 5 MB, two in flight (as OpenSearchStore sends"
        + " them), timed from the first request to the refresh done; beside it, the embedded engine's full indexing."
        + " Cluster CPU: the cluster JVM's CPU time over the bulk, from the operating system (only for a cluster the"
        + " bench started).",
        "figure", "embedded", "OpenSearch", "OpenSearch / embedded");
    compare(table, "indexing, docs/s", embedded.articlesPerSecond(), opensearch.articlesPerSecond());
    compare(table, "indexing, seconds", embedded.seconds(), opensearch.seconds());
    table.row("index size", ReportTable.megabytes(embedded.indexBytes()), ReportTable.megabytes(opensearch.primaryBytes()),
        ReportTable.ratio((double) opensearch.primaryBytes() / embedded.indexBytes()));
    compare(table, "OpenSearch bulk of the enriched documents, docs/s (embedded: full indexing)",
        embedded.articlesPerSecond(), bulk.documentsPerSecond());
    table.row("OpenSearch bulk of the enriched documents, cluster CPU ms per article", NONE,
        bulk.cpuMillisPerDocument().isPresent() ? ReportTable.number(bulk.cpuMillisPerDocument().getAsDouble())
            : "not started by the bench", NONE);
    table.row("OpenSearch bulk-built index size", ReportTable.megabytes(embedded.indexBytes()),
        ReportTable.megabytes(bulk.primaryBytes()), ReportTable.ratio((double) bulk.primaryBytes() / embedded.indexBytes()));
    table.row(BULK_TARGET, ReportTable.ratio(embedded.articlesPerSecond() / bulk.documentsPerSecond()), NONE, NONE);
    return table;
  }

  static ReportTable search(Map<String, Map<String, Latencies>> embedded,
      Map<String, Map<String, Latencies>> opensearch, Timing timing) {
    ReportTable table = new ReportTable(SEARCH, "The same query mix, one thread, through ArchiveSearcher.search and "
        + "OpenSearchEngine.search (a REST round trip over loopback per search), with the same requests; median of "
        + timing.repeats() + " run(s) of " + ReportTable.number(timing.run().toMillis() / 1e3) + " s.",
        "search", "queries", "embedded p50 ms", "OpenSearch p50 ms", "p50 ratio", "embedded p95 ms",
        "OpenSearch p95 ms", "p95 ratio");
    opensearch.forEach((search, byCategory) -> byCategory.forEach((category, os) -> {
      Latencies lucene = embedded.get(search).get(category);
      table.row(search, category, ReportTable.number(lucene.p50()), ReportTable.number(os.p50()),
          ReportTable.ratio(os.p50() / lucene.p50()), ReportTable.number(lucene.p95()), ReportTable.number(os.p95()),
          ReportTable.ratio(os.p95() / lucene.p95()));
    }));
    return table;
  }

  static ReportTable http(HttpBenchmark.Results embedded, HttpBenchmark.Results opensearch) {
    ReportTable table = new ReportTable(HTTP, "GET /api/search?size=10, the whole mix, from the same clients against a "
        + "MorgueServer started in this JVM over each engine. The cluster shares the machine's cores with the server "
        + "and the clients.",
        "clients", "embedded searches/s", "OpenSearch searches/s", "ratio", "embedded p50 ms", "OpenSearch p50 ms",
        "ratio", "embedded p95 ms", "OpenSearch p95 ms", "ratio");
    List<HttpBenchmark.ClientSeries> lucene = embedded.series();
    List<HttpBenchmark.ClientSeries> os = opensearch.series();
    for (int i = 0; i < os.size(); i++) {
      HttpBenchmark.ClientSeries a = lucene.get(i);
      HttpBenchmark.ClientSeries b = os.get(i);
      table.row(Integer.toString(b.clients()), ReportTable.number(a.searchesPerSecond()),
          ReportTable.number(b.searchesPerSecond()), ReportTable.ratio(b.searchesPerSecond() / a.searchesPerSecond()),
          ReportTable.number(a.latencies().p50()), ReportTable.number(b.latencies().p50()),
          ReportTable.ratio(b.latencies().p50() / a.latencies().p50()), ReportTable.number(a.latencies().p95()),
          ReportTable.number(b.latencies().p95()), ReportTable.ratio(b.latencies().p95() / a.latencies().p95()));
    }
    return table;
  }

  /**
   * @param embeddedStarts seconds to the first search answered, per start, serving the index folder
   * @param opensearchStarts the same, serving the alias in the (already running) cluster
   */
  static ReportTable startAndMemory(HttpBenchmark.Results embedded, List<Double> embeddedStarts,
      OpenSearchBenchmark.Serving opensearch, List<Double> opensearchStarts, OptionalDouble clusterStart) {
    ReportTable table = new ReportTable(START_AND_MEMORY, "Server start: `morgue serve` in a fresh JVM until its first"
        + " search answers (median of " + opensearchStarts.size() + "); for OpenSearch over a cluster already"
        + " running, whose own start is the next row. Memory: the bench JVM's heap after the HTTP runs and a full"
        + " collection (server and harness together; the embedded engine's index is read through the page cache,"
        + " outside the heap), and the cluster JVM's resident set from /proc/PID/status (every node is in it) and"
        + " its heap in use from `_nodes/stats`, read at the end of the HTTP runs.",
        "figure", "embedded", "OpenSearch", "OpenSearch / embedded");
    compare(table, "server start to first search, s", median(embeddedStarts), median(opensearchStarts));
    table.row("cluster start, s", NONE,
        clusterStart.isPresent() ? ReportTable.number(clusterStart.getAsDouble()) : "not started by the bench", NONE);
    compare(table, "live update visible to search, ms", median(embedded.liveVisibleMillis()),
        median(opensearch.http().liveVisibleMillis()));
    compare(table, "Morgue heap after warm-up and GC, MB", embedded.heapAfterGcBytes() / 1e6,
        opensearch.http().heapAfterGcBytes() / 1e6);
    table.row("cluster heap in use, MB", NONE, ReportTable.number(opensearch.clusterHeapUsedBytes() / 1e6), NONE);
    OptionalLong resident = opensearch.clusterResidentBytes();
    table.row("cluster JVM resident memory, MB", NONE,
        resident.isPresent() ? ReportTable.number(resident.getAsLong() / 1e6) : "not started by the bench", NONE);
    if (resident.isPresent()) {
      compare(table, "Morgue heap + cluster resident memory, MB", embedded.heapAfterGcBytes() / 1e6,
          (opensearch.http().heapAfterGcBytes() + resident.getAsLong()) / 1e6);
    }
    return table;
  }

  private static void compare(ReportTable table, String figure, double embedded, double opensearch) {
    table.row(figure, ReportTable.number(embedded), ReportTable.number(opensearch), ReportTable.ratio(opensearch / embedded));
  }

  private static double median(List<Double> values) {
    return Latencies.median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
