package org.morgue.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.morgue.cluster.ClusterProcess;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.engine.opensearch.ArchiveIndex;
import org.morgue.engine.opensearch.ClusterConnection;
import org.morgue.engine.opensearch.OpenSearchEngine;
import org.morgue.engine.opensearch.OpenSearchStore;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.RecordingStore;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.search.ArchiveStore;
import org.morgue.search.Arrivals;
import org.morgue.search.SearchEngine;

/**
 * The engines the HTTP contract tests run against: the embedded index in a temp folder, and an
 * archive in a real one-node OpenSearch cluster whose indexes have three shards, so counts are merged
 * across shards. Merging across nodes and replicas is the engine's to prove (engine-opensearch's
 * {@code EngineParityTest} and {@code NodeFailureTest} run three nodes); here one node does, since two
 * more nodes on a two-core machine cost the HTTP tests about a tenth of their CPU. One cluster serves
 * the whole test run: it starts when a test first asks for it and stops when the JVM exits; each
 * archive gets its own alias.
 */
enum TestEngine {
  LUCENE,
  OPENSEARCH;

  private static final AtomicInteger ARCHIVES = new AtomicInteger();
  private static ClusterProcess cluster;

  /**
   * An archive of these folders of articles, opened for searching, with the stores that write it, a
   * way to open another engine over it as a restarted server would, and where it is: the embedded
   * index's folder, or the alias of the cluster's index.
   */
  record Archive(SearchEngine engine, ArchiveStore.Opener stores, Searchers searchers, java.io.Closeable resources,
      String location) implements java.io.Closeable {
    @Override
    public void close() throws IOException {
      try (resources) {
        engine.close();
      }
    }
  }

  /** Opens a new engine over an archive; the caller closes it. */
  interface Searchers {
    SearchEngine open() throws IOException;
  }

  /** Indexes the folders into a new archive of this engine ({@code tmp} holds an embedded index). */
  Archive index(Path tmp, List<Path> folders) throws IOException {
    if (folders.equals(List.of(SeedIndex.SHIPPED_CORPUS))) {
      // Built once per test JVM; the cluster's archive of it gets the same writes, not a second enrichment.
      return this == LUCENE ? embedded(SeedIndex.shippedCorpus(tmp)) : onCluster(SeedIndex.shippedCorpusWrites());
    }
    return index(tmp, List.copyOf(folders), new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard()));
  }

  /** The same, indexed by a given indexer (one that applies a curation, say). */
  Archive index(Path tmp, List<Path> folders, ArchiveIndexer indexer) throws IOException {
    if (this == LUCENE) {
      Path folder = tmp.resolve("index");
      try (ArchiveWriter writer = ArchiveWriter.open(folder)) {
        indexer.index(folders, writer, Map.of());
      }
      return embedded(folder);
    }
    return onCluster(store -> indexer.index(folders, store, Map.of()));
  }

  /** What writes an archive into a store. */
  private interface Writing {
    void into(ArchiveStore store) throws IOException;
  }

  /** An archive of the shared cluster, of these writes made again. */
  private static Archive onCluster(List<RecordingStore.Write> writes) throws IOException {
    return onCluster(store -> RecordingStore.replay(writes, store));
  }

  private static Archive onCluster(Writing writing) throws IOException {
    ClusterConnection connection = ClusterConnection.open(clusterUrl());
    ArchiveIndex index = new ArchiveIndex(connection, "test-" + ARCHIVES.incrementAndGet() + "-" + ProcessHandle.current().pid(),
        new ArchiveIndex.IndexSettings(3, 0));
    try (OpenSearchStore store = OpenSearchStore.open(index)) {
      writing.into(store);
    }
    return new Archive(OpenSearchEngine.open(index), () -> OpenSearchStore.openExisting(index, Arrivals.none()),
        () -> OpenSearchEngine.open(index),
        connection, index.alias());
  }

  private static Archive embedded(Path folder) throws IOException {
    return new Archive(ArchiveSearcher.open(folder), () -> ArchiveWriter.openExisting(folder, null),
        () -> ArchiveSearcher.open(folder),
        () -> { }, folder.toString());
  }

  /** The shared cluster's address, starting it on first use. */
  static synchronized String clusterUrl() {
    if (cluster == null) {
      cluster = ClusterProcess.start(1);
    }
    return cluster.url();
  }

  /** The shared cluster, started on first use. */
  static synchronized ClusterProcess cluster() {
    clusterUrl();
    return cluster;
  }
}
