package org.morgue.engine.opensearch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.morgue.cluster.ClusterProcess;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;

/**
 * The real three-node OpenSearch cluster this module's tests share: started on first use (in a
 * child JVM, see ClusterProcess), stopped when the test JVM exits. Each test's archive has its own
 * alias, three shards and a replica, so counts are merged across shards and every shard has a copy
 * on another node.
 */
final class TestCluster {
  /** The corpus Morgue ships; surefire runs in this module, which is its sibling. */
  static final Path CORPUS = Path.of("..", "corpus", "articles");
  /**
   * A smaller part of it, for tests about the cluster rather than about answers: the seed articles
   * and the Brown reportage, 46 articles, enough to put documents on every shard.
   */
  static final List<Path> SMALL_CORPUS = List.of(CORPUS.resolve("seed-articles"), CORPUS.resolve("brown-press-reportage"));
  private static final AtomicInteger ARCHIVES = new AtomicInteger();
  private static ClusterProcess cluster;

  private TestCluster() {}

  static synchronized ClusterProcess cluster() {
    if (cluster == null) {
      cluster = ClusterProcess.start(3);
    }
    return cluster;
  }

  /** A new archive under its own alias, reached through every node of the shared cluster. */
  static ArchiveIndex newArchive(String name) {
    return newArchive(name, new ArchiveIndex.IndexSettings(3, 1));
  }

  /** A new archive of the layout given under its own alias, reached through every node of the shared cluster. */
  static ArchiveIndex newArchive(String name, ArchiveIndex.IndexSettings settings) {
    return new ArchiveIndex(ClusterConnection.open(cluster().urls()),
        name + "-" + ARCHIVES.incrementAndGet() + "-" + ProcessHandle.current().pid(), settings);
  }

  /** Indexes folders of articles into an archive with the standard formats and enrichment. */
  static void index(ArchiveIndex archive, List<Path> folders) throws IOException {
    try (OpenSearchStore store = OpenSearchStore.open(archive)) {
      new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard()).index(folders, store, Map.of());
    }
  }
}
