package org.morgue.indexer.eval;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.morgue.indexer.article.Article;

/**
 * Enrichment speed in MB of article text (UTF-8) per second on one core: the enrichment runs on the
 * calling thread over the articles again and again, first to warm the JIT up, then for the timed
 * period. A command's figure, never a test's: timings on a shared machine vary.
 */
final class SpeedMeasurement {
  private final List<Article> articles;
  private final long bytes;
  private final Duration warmUp;
  private final Duration timed;

  SpeedMeasurement(List<Article> articles, Duration warmUp, Duration timed) {
    this.articles = List.copyOf(articles);
    this.bytes = articles.stream().mapToLong(a -> a.text().getBytes(StandardCharsets.UTF_8).length).sum();
    this.warmUp = warmUp;
    this.timed = timed;
  }

  /** How many MB of text the articles hold. */
  double megabytes() {
    return bytes / 1e6;
  }

  /** MB/s of one enrichment. */
  double megabytesPerSecond(Function<Article, ?> enrichment) {
    passesFor(warmUp, enrichment);
    long start = System.nanoTime();
    int passes = passesFor(timed, enrichment);
    double seconds = (System.nanoTime() - start) / 1e9;
    return bytes * (double) passes / 1e6 / seconds;
  }

  private int passesFor(Duration period, Function<Article, ?> enrichment) {
    long end = System.nanoTime() + period.toNanos();
    int passes = 0;
    do {
      for (Article article : articles) {
        enrichment.apply(article);
      }
      passes++;
    } while (System.nanoTime() < end);
    return passes;
  }
}
