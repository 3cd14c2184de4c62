package org.morgue.server.load;

import java.util.Arrays;

/** Response times of one kind of request, recorded from many threads; read once the run is over. */
final class Latencies {
  private long[] nanos = new long[1024];
  private int count;

  /** Records one response time. */
  synchronized void add(long elapsedNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = elapsedNanos;
  }

  /** The percentiles of what was recorded (nearest rank), in milliseconds. */
  synchronized Summary summary() {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return new Summary(count, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
        count == 0 ? 0 : millis(sorted[count - 1]));
  }

  /** Response times in milliseconds; all zero when nothing was recorded. */
  record Summary(long count, double p50, double p95, double p99, double max) {}

  private static double rank(long[] sorted, double percentile) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percentile * sorted.length);
    return millis(sorted[Math.max(0, rank - 1)]);
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
