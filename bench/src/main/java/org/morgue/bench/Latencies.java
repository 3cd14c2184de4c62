package org.morgue.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Latency percentiles of one series of operations, in milliseconds.
 *
 * @param count how many operations were timed
 */
record Latencies(double p50, double p95, double p99, long count) {
  /** The percentiles of samples in nanoseconds (nearest-rank). */
  static Latencies of(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Latencies(rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99), sorted.length);
  }

  /** Each percentile's median over repeated runs. */
  static Latencies median(List<Latencies> runs) {
    return new Latencies(median(runs, Latencies::p50), median(runs, Latencies::p95), median(runs, Latencies::p99),
        runs.stream().mapToLong(Latencies::count).sum());
  }

  static double median(List<Latencies> runs, ToDoubleFunction<Latencies> value) {
    return median(runs.stream().mapToDouble(value).toArray());
  }

  /** The median of values; the mean of the two middle ones for an even count. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static double rank(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
