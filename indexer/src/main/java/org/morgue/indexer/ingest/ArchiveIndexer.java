package org.morgue.indexer.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.morgue.indexer.article.Article;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.index.ArchiveWriter;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.ArticleSink;
import org.morgue.indexer.source.MalformedArticleException;
import org.morgue.indexer.source.SinkFailedException;

/** Reads files, enriches every article in them and writes it to the index, counting as it goes. */
public final class ArchiveIndexer {
  private final ArticleFiles files;
  private final ArticleEnricher enricher;

  public ArchiveIndexer(ArticleFiles files, ArticleEnricher enricher) {
    this.files = files;
    this.enricher = enricher;
  }

  /**
   * Indexes every article under the paths and commits once at the end with the given metadata.
   * A bad file or record is skipped and reported; it never stops the run.
   *
   * @throws IOException when the index cannot be written, or a path does not exist
   */
  public IndexReport index(List<Path> paths, ArchiveWriter writer, Map<String, String> commitData)
      throws IOException {
    long start = System.nanoTime();
    List<Path> inputs = files.files(paths);
    Counter counter = new Counter(writer);
    try {
      for (Path file : inputs) {
        files.read(file, counter);
      }
    } catch (SinkFailedException e) {
      throw e.getCause();
    }
    writer.commit(commitData);
    return new IndexReport(
        inputs.size(), counter.indexed, counter.skipped, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Enriches and writes what the readers accept, and keeps what they reject. */
  private final class Counter implements ArticleSink {
    private final ArchiveWriter writer;
    private final List<MalformedArticleException> skipped = new ArrayList<>();
    private int indexed;

    Counter(ArchiveWriter writer) {
      this.writer = writer;
    }

    @Override
    public void accept(Article article) {
      try {
        writer.put(enricher.enrich(article));
        indexed++;
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
