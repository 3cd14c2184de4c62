package org.morgue.cli;

import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.IndexProgress;
import org.morgue.indexer.ingest.IndexReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.morgue.search.ArchiveStore;

/**
 * Keeps an index in step with a corpus folder: rebuilds it when it is missing, was built by another
 * schema version, or no longer matches the corpus's {@link CorpusFingerprint}; otherwise leaves it
 * alone, so a second start costs nothing. A rebuild that was interrupted (its last commit is not
 * marked complete) counts as stale. An index that was not built from a corpus (one a user
 * filled with {@code morgue index}) is never rebuilt: wiping it would lose their archive.
 */
public final class CorpusIndexer {
  private final Supplier<ArchiveIndexer> indexer;
  private final CorpusFingerprint fingerprints;

  public CorpusIndexer(ArchiveIndexer indexer, CorpusFingerprint fingerprints) {
    this(() -> indexer, fingerprints);
  }

  /**
   * A corpus indexer that asks for its indexer only when the index is stale: loading the enrichment
   * lexicons costs most of a second, which a server starting on an up-to-date index need not pay.
   */
  public CorpusIndexer(Supplier<ArchiveIndexer> indexer, CorpusFingerprint fingerprints) {
    this.indexer = indexer;
    this.fingerprints = fingerprints;
  }

  /**
   * Rebuilds the index from the corpus if it is stale.
   *
   * @return the report of the rebuild, or empty when the index was already up to date
   */
  public Optional<IndexReport> indexIfStale(Path corpus, Path index, IndexProgress progress) throws IOException {
    return indexIfStale(corpus, new ArchiveLocation.Folder(index), progress);
  }

  /**
   * Rebuilds an archive, in a folder or a cluster, from the corpus if it is stale.
   *
   * @return the report of the rebuild, or empty when the archive was already up to date
   */
  Optional<IndexReport> indexIfStale(Path corpus, ArchiveLocation archive, IndexProgress progress) throws IOException {
    return indexIfStale(corpus, archive, archive.lastCommitData(), progress, Map.of());
  }

  /**
   * The same, judged by the archive's last commit metadata as the caller read it ({@code commit}: a
   * server reads it once for several checks), recording {@code alsoRecord} in a rebuild's commits too
   * (how far the curation it applied goes).
   */
  Optional<IndexReport> indexIfStale(Path corpus, ArchiveLocation archive, Optional<Map<String, String>> commit,
      IndexProgress progress, Map<String, String> alsoRecord) throws IOException {
    String fingerprint = fingerprints.of(corpus);
    if (commit.isPresent() && !commit.get().containsKey(CorpusFingerprint.KEY)) {
      return Optional.empty();
    }
    boolean fresh = commit.isPresent()
        && fingerprint.equals(commit.get().get(CorpusFingerprint.KEY))
        && "true".equals(commit.get().get(ArchiveIndexer.COMPLETE_KEY))
        && archive.currentLayout(commit.get());
    if (fresh) {
      return Optional.empty();
    }
    try (ArchiveStore store = archive.openEmpty()) {
      Map<String, String> commitData = new java.util.HashMap<>(alsoRecord);
      commitData.put(CorpusFingerprint.KEY, fingerprint);
      return Optional.of(indexer.get().index(List.of(corpus), store, commitData, progress));
    }
  }
}
