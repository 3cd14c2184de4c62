package org.morgue.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.morgue.article.Article;

/**
 * Enrichment speed in MB of article text (UTF-8) per second on one core: the enrichment runs on the
 * calling thread over the articles again and again, first to warm the JIT up, then for the timed
 * period, and the fastest pass counts, timed in the thread's CPU time. On a shared machine a pass's
 * wall time counts the time other processes took the core; its CPU time, and the best of many
 * passes, much less so, which is what makes two builds comparable. A command's figure, never a
 * test's.
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

  /** MB/s of one enrichment, from its fastest pass. */
  double megabytesPerSecond(Function<Article, ?> enrichment) {
    fastestPass(warmUp, enrichment);
    return bytes / 1e6 / (fastestPass(timed, enrichment) / 1e9);
  }

  /** The nanoseconds of the fastest pass over the articles within the period (at least one pass). */
  private long fastestPass(Duration period, Function<Article, ?> enrichment) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
    long end = System.nanoTime() + period.toNanos();
    long fastest = Long.MAX_VALUE;
    do {
      long start = cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime();
      for (Article article : articles) {
        enrichment.apply(article);
      }
      long elapsed = (cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - start;
      fastest = Math.min(fastest, Math.max(1, elapsed));
    } while (System.nanoTime() < end);
    return fastest;
  }
}
