package org.morgue.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.morgue.engine.opensearch.OpenSearchEngine;
import org.morgue.engine.opensearch.OpenSearchStore;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.IndexReport;
import org.morgue.indexer.source.ArticleFiles;

/**
 * Measures the OpenSearch engine with what the embedded engine is measured with: the same generated
 * articles through the same {@link ArchiveIndexer} (same enrichment, same threads), the same query
 * mix through the engine's {@code search}, and the same HTTP clients against a {@code MorgueServer}
 * over it. Each method returns the engine's figures; {@link EngineComparison} sets them beside the
 * embedded engine's.
 */
final class OpenSearchBenchmark {
  /** Commit metadata naming the corpus an archive holds, so a later run can reuse it. */
  private static final String CORPUS_KEY = "morgue.bench.corpus";
  private static final int INDEX_THREADS = 2;

  private final BenchCluster cluster;
  private final CorpusSummary corpus;
  private final String corpusName;

  OpenSearchBenchmark(BenchCluster cluster, CorpusSummary corpus, String corpusName) {
    this.cluster = cluster;
    this.corpus = corpus;
    this.corpusName = corpusName;
  }

  /**
   * One timed indexing run.
   *
   * @param seconds from the first file opened to the last bulk request applied, the index refreshed
   *     and the commit recorded
   * @param primaryBytes the primaries' segments' size from {@code _segments} after a flush, replicas not counted
   */
  record Indexing(int articles, double seconds, long primaryBytes) {
    double articlesPerSecond() {
      return articles / seconds;
    }
  }

  /**
   * Indexes the corpus into a new, empty index behind the bench's alias with two threads, after an
   * untimed pass over the first file (class loading, the cluster's first bulk requests).
   */
  Indexing indexing() throws IOException {
    System.out.println("indexing " + corpus.articles() + " articles into OpenSearch at " + cluster.urls() + " ...");
    List<Path> first = ArticleFiles.standard().files(List.of(corpus.folder())).subList(0, 1);
    try (OpenSearchStore store = OpenSearchStore.openEmpty(cluster.index())) {
      IndexingBenchmark.morgueIndexer(1).index(first, store, Map.of());
    }
    ArchiveIndexer indexer = IndexingBenchmark.morgueIndexer(INDEX_THREADS);
    double seconds;
    try (OpenSearchStore store = OpenSearchStore.openEmpty(cluster.index())) {
      long start = System.nanoTime();
      IndexReport report = indexer.index(List.of(corpus.folder()), store, Map.of(CORPUS_KEY, corpusName));
      seconds = (System.nanoTime() - start) / 1e9;
      if (report.indexed() != corpus.articles() || !report.skipped().isEmpty()) {
        throw new IllegalStateException("OpenSearch indexed " + report.indexed() + " of " + corpus.articles()
            + " articles and skipped " + report.skippedByReason());
      }
    }
    return new Indexing(corpus.articles(), seconds, cluster.primaryStoreBytes());
  }

  /** Indexes the corpus, untimed, unless the alias already holds all of it from an earlier run. */
  void ensureIndexed() throws IOException {
    Optional<Map<String, String>> commit = cluster.index().lastCommitData();
    if (commit.isPresent() && corpusName.equals(commit.get().get(CORPUS_KEY))
        && "true".equals(commit.get().get(ArchiveIndexer.COMPLETE_KEY))) {
      return;
    }
    System.out.println("indexing the corpus into OpenSearch (not timed) ...");
    indexing();
  }

  /**
   * The query mix through {@link OpenSearchEngine#search}: facets and timeline without hits, then the
   * full page, each as {@link SearchBenchmark} asks the embedded engine.
   */
  Map<String, Map<String, Latencies>> search(List<BenchQuery> queries, Timing timing) throws Exception {
    Map<String, Map<String, Latencies>> results = new LinkedHashMap<>();
    LatencyLoop loop = new LatencyLoop(queries, timing);
    try (OpenSearchEngine engine = OpenSearchEngine.open(cluster.index())) {
      System.out.println("searching OpenSearch: " + SearchBenchmark.MORGUE_COUNTS + " ...");
      results.put(SearchBenchmark.MORGUE_COUNTS, loop.measure(query -> engine.search(SearchBenchmark.request(query, 0))));
      System.out.println("searching OpenSearch: " + SearchBenchmark.MORGUE_PAGE + " ...");
      results.put(SearchBenchmark.MORGUE_PAGE, loop.measure(query -> engine.search(SearchBenchmark.request(query, 10))));
    }
    return results;
  }

  /**
   * What the HTTP side and memory came to: the server's figures, and the cluster's memory read at
   * their end, while the archive is warm.
   */
  record Serving(HttpBenchmark.Results http, OptionalLong clusterResidentBytes, long clusterHeapUsedBytes) {}

  /** The same HTTP clients against a server started in this JVM over the OpenSearch engine. */
  Serving http(List<BenchQuery> queries, Timing timing, int[] clients) throws Exception {
    try (OpenSearchEngine engine = OpenSearchEngine.open(cluster.index())) {
      HttpBenchmark.Results results = new HttpBenchmark(queries, timing)
          .measure(engine, () -> OpenSearchStore.open(cluster.index()), clients);
      return new Serving(results, cluster.residentBytes(), cluster.heapUsedBytes());
    }
  }

  /** {@code morgue serve --opensearch} in a fresh JVM, until its first search answers, per repeat. */
  List<Double> serverStart(Path log, int repeats) throws IOException, InterruptedException {
    return new ServerStartBenchmark(List.of("--opensearch", cluster.urls(), "--opensearch-index",
        cluster.index().alias()), corpus.folder(), log).measure(repeats);
  }

  OptionalDouble clusterStartSeconds() {
    return cluster.startSeconds();
  }
}
