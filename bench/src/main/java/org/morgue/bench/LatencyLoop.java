package org.morgue.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one operation per query of the mix, round robin on the calling thread, for a fixed time,
 * and keeps each call's latency under its query's category.
 */
final class LatencyLoop {
  /** A category name covering every query of the mix. */
  static final String MIX = "mix";

  /** One call for one query; its result is ignored. */
  @FunctionalInterface
  interface Operation {
    Object run(BenchQuery query) throws Exception;
  }

  private final List<BenchQuery> queries;
  private final Timing timing;

  LatencyLoop(List<BenchQuery> queries, Timing timing) {
    this.queries = List.copyOf(queries);
    this.timing = timing;
  }

  /**
   * Warms up, then times {@link Timing#repeats()} runs; returns per category (and {@link #MIX}) the
   * median over the runs of each percentile.
   */
  Map<String, Latencies> measure(Operation operation) throws Exception {
    run(operation, timing.warmup());
    Map<String, List<Latencies>> runs = new LinkedHashMap<>();
    for (int repeat = 0; repeat < timing.repeats(); repeat++) {
      Map<String, LatencySamples> samples = run(operation, timing.run());
      samples.forEach((category, values) ->
          runs.computeIfAbsent(category, key -> new ArrayList<>()).add(Latencies.of(values.toArray())));
    }
    Map<String, Latencies> medians = new LinkedHashMap<>();
    runs.forEach((category, values) -> medians.put(category, Latencies.median(values)));
    return medians;
  }

  /** Runs whole rounds of the mix until the time is up, so every query counts equally. */
  private Map<String, LatencySamples> run(Operation operation, Duration duration) throws Exception {
    Map<String, LatencySamples> samples = new LinkedHashMap<>();
    samples.put(MIX, new LatencySamples());
    long end = System.nanoTime() + duration.toNanos();
    long sink = 0;
    do {
      for (BenchQuery query : queries) {
        long start = System.nanoTime();
        Object result = operation.run(query);
        long took = System.nanoTime() - start;
        sink += result == null ? 0 : 1;
        samples.computeIfAbsent(query.category(), key -> new LatencySamples()).add(took);
        samples.get(MIX).add(took);
      }
    } while (System.nanoTime() < end);
    if (sink < 0) {
      throw new IllegalStateException("unreachable: keeps the results alive");
    }
    return samples;
  }
}
