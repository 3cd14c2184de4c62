package org.morgue.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.lucene.search.ArchiveSearcher;

/**
 * Runs the benchmarks for one set of options, in order, and turns their results into the report's
 * tables, with the targets next to the figures they apply to.
 */
final class BenchRun implements AutoCloseable {
  /** Targets from issue #9. */
  private static final double PLAIN_P50_MS = 2;
  private static final double FACETS_OVER_PLAIN = 3;
  private static final double BROWSE_MS = 100;
  private static final double HIGHLIGHT_ADDS_MS = 2;
  private static final double FACETS_OVER_LUCENE = 1.5;
  private static final double HTTP_OVERHEAD_MS = 1;
  private static final double LIVE_VISIBLE_MS = 1000;
  private static final double START_SECONDS = 5;
  private static final double HEAP_BYTES = 1e9;
  /** Searches per second on the mixed set: 1,000 at 100k articles, 300 at 1M. */
  private static final double THROUGHPUT_SMALL = 1000;
  private static final double THROUGHPUT_LARGE = 300;

  private final BenchOptions options;
  private final BenchWorkspace workspace;
  private final List<BenchQuery> queries = BenchQuery.mix();

  /** The OpenSearch cluster, once a part of the run has asked for it; closed (and stopped, if started) at the end. */
  private Optional<BenchCluster> cluster = Optional.empty();

  BenchRun(BenchOptions options) {
    this.options = options;
    this.workspace = options.workspace();
    options.measuresOpenSearch(); // refuses engines without the baseline before anything is measured
  }

  /** Generates the corpus if needed, then indexes it every way, and into OpenSearch when asked. */
  BenchReport indexing() throws IOException {
    CorpusSummary corpus = workspace.corpus(options.sentences);
    IndexingBenchmark.Result result = indexEveryWay(corpus);
    BenchReport report = result.tables();
    if (options.measuresOpenSearch()) {
      long start = System.nanoTime();
      OpenSearchBenchmark.Indexing indexed = openSearch(corpus).indexing();
      took("OpenSearch indexing", start);
      start = System.nanoTime();
      EnrichedBulkBenchmark.Bulk bulk = new EnrichedBulkBenchmark(cluster(), workspace.scratch())
          .measure(workspace.indexFolder());
      took("OpenSearch bulk of the enriched documents", start);
      report.add(EngineComparison.indexing(result.morgue(), indexed, bulk, cluster().nodes()));
    }
    return report;
  }

  /**
   * Issue #21's figures from one run: every way of indexing, then OpenSearch's bulk of the documents
   * of Morgue's archive (no run of Morgue into the cluster, which a million articles would make
   * hours long), and the targets table.
   */
  BenchReport indexingTargets() throws IOException {
    IndexingBenchmark.Result result = indexEveryWay(workspace.corpus(options.sentences));
    long start = System.nanoTime();
    EnrichedBulkBenchmark.Bulk bulk = new EnrichedBulkBenchmark(cluster(), workspace.scratch())
        .measure(workspace.indexFolder());
    took("OpenSearch bulk of the enriched documents", start);
    BenchReport report = new BenchReport();
    report.add(IndexingTargets.table(result, bulk, cluster().nodes()));
    report.addAll(result.tables());
    return report;
  }

  /** R0, T0, B0 and Morgue over the corpus, leaving Morgue's two-thread archive where later parts read it. */
  private IndexingBenchmark.Result indexEveryWay(CorpusSummary corpus) throws IOException {
    workspace.unmarkIndexed();
    long start = System.nanoTime();
    IndexingBenchmark.Result result = new IndexingBenchmark(corpus, workspace.scratch(), options.indexRepeats)
        .report(workspace.indexFolder());
    workspace.markIndexed();
    took("indexing", start);
    return result;
  }

  private BenchCluster cluster() {
    if (cluster.isEmpty()) {
      cluster = Optional.of(BenchCluster.open(options, workspace));
    }
    return cluster.get();
  }

  private OpenSearchBenchmark openSearch(CorpusSummary corpus) {
    return new OpenSearchBenchmark(cluster(), corpus, workspace.name());
  }

  @Override
  public void close() throws IOException {
    if (cluster.isPresent()) {
      cluster.get().close();
      cluster = Optional.empty();
    }
  }

  BenchReport search() throws Exception {
    return searchAndHttp(true, false);
  }

  BenchReport http() throws Exception {
    return searchAndHttp(false, true);
  }

  BenchReport all() throws Exception {
    BenchReport report = indexing();
    report.addAll(searchAndHttp(true, true));
    return report;
  }

  private BenchReport searchAndHttp(boolean search, boolean http) throws Exception {
    CorpusSummary corpus = workspace.corpus(options.sentences);
    Path index = workspace.ensureMorgueIndex(corpus);
    BenchReport report = new BenchReport();
    Optional<Latencies> inProcess = Optional.empty();
    Optional<Map<String, Map<String, Latencies>>> embeddedSearch = Optional.empty();
    Optional<HttpBenchmark.Results> embeddedHttp = Optional.empty();
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      if (search) {
        long start = System.nanoTime();
        Map<String, Map<String, Latencies>> results;
        try (SearchBenchmark benchmark = SearchBenchmark.open(searcher, index, queries, options.timing())) {
          results = benchmark.measureAll();
        }
        searchTables(results).tables().forEach(report::add);
        embeddedSearch = Optional.of(results);
        took("in-process search", start);
        inProcess = Optional.of(results.get(SearchBenchmark.MORGUE_PAGE).get(LatencyLoop.MIX));
      }
      if (http) {
        long start = System.nanoTime();
        if (inProcess.isEmpty()) {
          System.out.println("searching in process for comparison: " + SearchBenchmark.MORGUE_PAGE + " ...");
          inProcess = Optional.of(new LatencyLoop(queries, options.timing())
              .measure(query -> searcher.search(SearchBenchmark.request(query, 10))).get(LatencyLoop.MIX));
        }
        HttpBenchmark.Results results = new HttpBenchmark(queries, options.timing())
            .measure(searcher, () -> ArchiveWriter.open(index), options.clients);
        httpTables(results, inProcess.get()).tables().forEach(report::add);
        embeddedHttp = Optional.of(results);
        took("HTTP", start);
      }
    }
    // The embedded engine's searcher is closed: the OpenSearch figures do not share the heap with it.
    BenchReport compared = new BenchReport();
    if (search && options.measuresOpenSearch()) {
      compared.add(openSearchSearch(corpus, embeddedSearch.orElseThrow()));
    }
    if (http) {
      System.out.println("server start in a fresh JVM ...");
      long start = System.nanoTime();
      List<Double> starts = ServerStartBenchmark.embedded(index, corpus.folder()).measure(options.repeats);
      report.add(startTable(starts));
      took("server start", start);
      if (options.measuresOpenSearch()) {
        compared.addAll(openSearchHttp(corpus, embeddedHttp.orElseThrow(), starts));
      }
    }
    report.addAll(compared);
    return report;
  }

  /** The same query mix through the OpenSearch engine, set beside the embedded engine's latencies. */
  private ReportTable openSearchSearch(CorpusSummary corpus, Map<String, Map<String, Latencies>> embedded)
      throws Exception {
    long start = System.nanoTime();
    OpenSearchBenchmark benchmark = openSearch(corpus);
    benchmark.ensureIndexed();
    ReportTable table = EngineComparison.search(embedded, benchmark.search(queries, options.timing()), options.timing());
    took("OpenSearch in-process search", start);
    return table;
  }

  /** The same HTTP clients, server start and memory over the OpenSearch engine. */
  private BenchReport openSearchHttp(CorpusSummary corpus, HttpBenchmark.Results embedded, List<Double> embeddedStarts)
      throws Exception {
    long start = System.nanoTime();
    OpenSearchBenchmark benchmark = openSearch(corpus);
    benchmark.ensureIndexed();
    OpenSearchBenchmark.Serving serving = benchmark.http(queries, options.timing(), options.clients);
    took("OpenSearch HTTP", start);
    System.out.println("server start over OpenSearch in a fresh JVM ...");
    start = System.nanoTime();
    List<Double> starts = benchmark.serverStart(workspace.scratch().resolve("opensearch-serve.log"), options.repeats);
    took("OpenSearch server start", start);
    BenchReport report = new BenchReport();
    report.add(EngineComparison.http(embedded, serving.http()));
    report.add(EngineComparison.startAndMemory(embedded, embeddedStarts, serving, starts,
        benchmark.clusterStartSeconds()));
    return report;
  }

  /** Says how long a part took, so a user can plan a run at another size. */
  private static void took(String part, long startNanos) {
    System.out.printf(java.util.Locale.ROOT, "%s took %.1f s%n", part, (System.nanoTime() - startNanos) / 1e9);
  }

  private BenchReport searchTables(Map<String, Map<String, Latencies>> results) {
    ReportTable latencies = new ReportTable("Search latency, in process", queries.size() + " queries in the mix "
        + "(selective, broad and browse-all), each run in turn on one thread for " + ReportTable.number(options.seconds)
        + " s per run; median of " + options.repeats + " run(s) of each percentile. Hits, facet values and passages "
        + "as the page asks: 10, 10 per facet, 2.",
        "search", "queries", "p50 ms", "p95 ms", "p99 ms", "timed");
    results.forEach((name, byCategory) -> byCategory.forEach((category, value) -> latencies.row(name, category,
        ReportTable.number(value.p50()), ReportTable.number(value.p95()), ReportTable.number(value.p99()),
        Long.toString(value.count()))));

    ReportTable ratios = new ReportTable("Search ratios", "p50 over p50, by query category.",
        "ratio", BenchQuery.SELECTIVE, BenchQuery.BROAD, BenchQuery.BROWSE);
    ratio(ratios, "Morgue facets + timeline / Lucene facet counts", results, SearchBenchmark.MORGUE_COUNTS,
        SearchBenchmark.LUCENE_FACETS);
    ratio(ratios, "Morgue facets + timeline / Lucene top-10", results, SearchBenchmark.MORGUE_COUNTS,
        SearchBenchmark.LUCENE_TOP10);
    ratio(ratios, "Morgue full page / Lucene top-10", results, SearchBenchmark.MORGUE_PAGE,
        SearchBenchmark.LUCENE_TOP10);

    ReportTable targets = ReportTable.targets("Search targets");
    for (String category : List.of(BenchQuery.SELECTIVE, BenchQuery.BROAD)) {
      targets.target("plain query p50, " + category + " (Lucene top-10: ArchiveSearcher always counts facets)",
          p50(results, SearchBenchmark.LUCENE_TOP10, category), PLAIN_P50_MS, "ms", false);
    }
    targets.target("facets + timeline p50 / plain p50, selective",
        p50(results, SearchBenchmark.MORGUE_COUNTS, BenchQuery.SELECTIVE)
            / p50(results, SearchBenchmark.LUCENE_TOP10, BenchQuery.SELECTIVE), FACETS_OVER_PLAIN, "x", false);
    targets.target("browse all with all facets p50 (Morgue, 10 hits)",
        p50(results, SearchBenchmark.MORGUE_PAGE, BenchQuery.BROWSE), BROWSE_MS, "ms", false);
    for (String category : List.of(BenchQuery.SELECTIVE, BenchQuery.BROAD)) {
      targets.target("10 highlighted hits add, p50, " + category,
          p50(results, SearchBenchmark.MORGUE_PAGE, category) - p50(results, SearchBenchmark.MORGUE_COUNTS, category),
          HIGHLIGHT_ADDS_MS, "ms", false);
    }
    for (String category : List.of(BenchQuery.SELECTIVE, BenchQuery.BROAD, BenchQuery.BROWSE)) {
      targets.target("faceting cost / Lucene's facet counting, p50, " + category,
          p50(results, SearchBenchmark.MORGUE_COUNTS, category) / p50(results, SearchBenchmark.LUCENE_FACETS, category),
          FACETS_OVER_LUCENE, "x", false);
    }
    BenchReport report = new BenchReport();
    report.add(latencies);
    report.add(ratios);
    report.add(targets);
    return report;
  }

  private static void ratio(ReportTable table, String name, Map<String, Map<String, Latencies>> results, String over,
      String under) {
    table.row(name,
        ReportTable.ratio(p50(results, over, BenchQuery.SELECTIVE) / p50(results, under, BenchQuery.SELECTIVE)),
        ReportTable.ratio(p50(results, over, BenchQuery.BROAD) / p50(results, under, BenchQuery.BROAD)),
        ReportTable.ratio(p50(results, over, BenchQuery.BROWSE) / p50(results, under, BenchQuery.BROWSE)));
  }

  private static double p50(Map<String, Map<String, Latencies>> results, String search, String category) {
    Latencies latencies = results.get(search).get(category);
    if (latencies == null) {
      throw new IllegalStateException("the query mix has no " + category + " query");
    }
    return latencies.p50();
  }

  private BenchReport httpTables(HttpBenchmark.Results results, Latencies inProcess) {
    ReportTable clients = new ReportTable("HTTP search", "GET /api/search?size=10 over loopback, the whole mix, "
        + "against the server started in this JVM; clients and server share the machine's cores. In process: "
        + "ArchiveSearcher, same mix, one thread.",
        "clients", "searches/s", "p50 ms", "p95 ms", "p99 ms");
    // The loop runs whole rounds of the mix until its time is up, so this is near its true rate.
    double inProcessRate = inProcess.count() / (options.seconds * options.repeats);
    clients.row("in process, 1 thread", ReportTable.number(inProcessRate), ReportTable.number(inProcess.p50()),
        ReportTable.number(inProcess.p95()), ReportTable.number(inProcess.p99()));
    for (HttpBenchmark.ClientSeries series : results.series()) {
      clients.row(Integer.toString(series.clients()), ReportTable.number(series.searchesPerSecond()),
          ReportTable.number(series.latencies().p50()), ReportTable.number(series.latencies().p95()),
          ReportTable.number(series.latencies().p99()));
    }
    HttpBenchmark.ClientSeries first = results.series().getFirst();
    double best = results.series().stream().mapToDouble(HttpBenchmark.ClientSeries::searchesPerSecond).max()
        .orElseThrow();
    double live = Latencies.median(results.liveVisibleMillis().stream().mapToDouble(Double::doubleValue).toArray());
    ReportTable targets = ReportTable.targets("HTTP and server targets");
    targets.target("HTTP p50 (" + first.clients() + " client) - in-process p50", first.latencies().p50() - inProcess.p50(),
        HTTP_OVERHEAD_MS, "ms", false);
    targets.target("searches/s on the mixed set (best client count)", best,
        workspace.count() >= 500_000 ? THROUGHPUT_LARGE : THROUGHPUT_SMALL, "/s", true);
    targets.target("live update visible to search (median of " + results.liveVisibleMillis().size() + ")", live,
        LIVE_VISIBLE_MS, "ms", false);
    targets.target("server heap after warm-up and full GC (harness included)", results.heapAfterGcBytes() / 1e6,
        HEAP_BYTES / 1e6, "MB", false);
    BenchReport report = new BenchReport();
    report.add(clients);
    report.add(targets);
    return report;
  }

  private ReportTable startTable(List<Double> starts) {
    ReportTable table = ReportTable.targets("Server start");
    table.target("start on the existing index until the first search answers (median of " + starts.size() + ")",
        Latencies.median(starts.stream().mapToDouble(Double::doubleValue).toArray()), START_SECONDS, "s", false);
    return table;
  }
}
