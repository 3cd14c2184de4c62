package org.morgue.indexer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.morgue.indexer.article.Article;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.index.ArchiveSchema;
import org.morgue.indexer.index.ArchiveWriter;
import org.morgue.indexer.index.ArticleJson;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.ArticleSink;
import org.morgue.indexer.source.MalformedArticleException;
import org.morgue.indexer.source.SinkFailedException;

/**
 * Reads files, enriches every article in them and writes it to the index, counting as it goes.
 *
 * <p>An article whose fingerprint (its content as read, plus the Morgue build) matches the one in
 * the index is counted as unchanged and not enriched or written again, so re-running a command is
 * cheap. The run commits every {@link #COMMIT_EVERY} articles (or as configured): killed at any moment, the index keeps
 * everything up to the last commit, and running the same command again completes it.
 */
public final class ArchiveIndexer {
  /** Commit metadata key: {@code false} while a run is still going, {@code true} once it ended. */
  public static final String COMPLETE_KEY = "morgue.complete";
  /** Articles between intermediate commits, unless told otherwise. */
  public static final int COMMIT_EVERY = 5_000;

  private final ArticleFiles files;
  private final ArticleEnricher enricher;
  private final ArticleJson json = new ArticleJson();
  private final byte[] build = buildStamp();
  private final int commitEvery;

  public ArchiveIndexer(ArticleFiles files, ArticleEnricher enricher) {
    this(files, enricher, COMMIT_EVERY);
  }

  /** An indexer that commits every {@code commitEvery} written articles. */
  public ArchiveIndexer(ArticleFiles files, ArticleEnricher enricher, int commitEvery) {
    if (commitEvery < 1) {
      throw new IllegalArgumentException("commitEvery must be at least 1, not " + commitEvery);
    }
    this.files = files;
    this.enricher = enricher;
    this.commitEvery = commitEvery;
  }

  /** Indexes without showing progress. */
  public IndexReport index(List<Path> paths, ArchiveWriter writer, Map<String, String> commitData)
      throws IOException {
    return index(paths, writer, commitData, IndexProgress.SILENT);
  }

  /**
   * Indexes every article under the paths. Commits along the way with {@code commitData} and
   * {@link #COMPLETE_KEY} false, and at the end with it true. A bad file or record is skipped and
   * reported; it never stops the run.
   *
   * @throws IOException when the index cannot be written, or a path does not exist
   */
  public IndexReport index(List<Path> paths, ArchiveWriter writer, Map<String, String> commitData, IndexProgress progress)
      throws IOException {
    long start = System.nanoTime();
    ArticleFiles.FileWalk walk = files.walk(paths);
    List<Path> inputs = walk.files();
    Counter counter = new Counter(writer, commitData);
    walk.skipped().forEach(counter::reject);
    progress.started(inputs.size());
    try {
      int done = 0;
      for (Path file : inputs) {
        files.read(file, counter);
        progress.advanced(++done, counter.articles());
      }
    } catch (SinkFailedException e) {
      throw e.getCause();
    } finally {
      progress.finished();
    }
    writer.commit(withComplete(commitData, true));
    return new IndexReport(inputs.size(), counter.added, counter.updated, counter.unchanged, counter.skipped,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static Map<String, String> withComplete(Map<String, String> commitData, boolean complete) {
    Map<String, String> data = new HashMap<>(commitData);
    data.put(COMPLETE_KEY, Boolean.toString(complete));
    return data;
  }

  /**
   * Writes one article unless the index already holds it exactly as given (same fingerprint), in
   * which case it is neither enriched nor written. Does not commit.
   */
  public WriteOutcome write(Article article, ArchiveWriter writer) throws IOException {
    String fingerprint = fingerprint(article);
    Optional<String> existing = writer.fingerprint(article.id());
    if (existing.isPresent() && existing.get().equals(fingerprint)) {
      return WriteOutcome.UNCHANGED;
    }
    writer.put(enricher.enrich(article), fingerprint);
    return existing.isPresent() ? WriteOutcome.UPDATED : WriteOutcome.ADDED;
  }

  /** The digest that tells whether an article must be written again. */
  String fingerprint(Article article) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(build);
      // Where the article was read from is not part of it: the same file moved is unchanged.
      digest.update(json.write(new Article(article.id(), article.title(), article.blocks(), article.published(),
          article.source(), article.url(), article.authors(), "", article.metadata())));
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The schema version and the build stamp: a new Morgue may enrich differently, so it re-indexes. */
  private static byte[] buildStamp() {
    try (InputStream in = ArchiveIndexer.class.getResourceAsStream("/org/morgue/indexer/build.properties")) {
      byte[] stamp = in == null ? new byte[0] : in.readAllBytes();
      return (ArchiveSchema.VERSION + "\n" + new String(stamp, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read Morgue's build stamp", e);
    }
  }

  /** Enriches and writes what the readers accept, and keeps what they reject. */
  private final class Counter implements ArticleSink {
    private final ArchiveWriter writer;
    private final Map<String, String> commitData;
    private final List<MalformedArticleException> skipped = new ArrayList<>();
    private int added;
    private int updated;
    private int unchanged;
    private int sinceCommit;

    Counter(ArchiveWriter writer, Map<String, String> commitData) {
      this.writer = writer;
      this.commitData = commitData;
    }

    int articles() {
      return added + updated + unchanged;
    }

    @Override
    public void accept(Article article) {
      Optional<String> tooLarge = article.tooLarge();
      if (tooLarge.isPresent()) {
        // Checked before enrichment, which is what a huge text would make slow.
        reject(new MalformedArticleException(article.origin(), tooLarge.get()));
        return;
      }
      try {
        switch (write(article, writer)) {
          case UNCHANGED -> {
            unchanged++;
            return;
          }
          case UPDATED -> updated++;
          case ADDED -> added++;
        }
        if (++sinceCommit >= commitEvery) {
          writer.commit(withComplete(commitData, false));
          sinceCommit = 0;
        }
      } catch (IOException e) {
        throw new SinkFailedException(e);
      }
    }

    @Override
    public void reject(MalformedArticleException problem) {
      skipped.add(problem);
    }
  }
}
