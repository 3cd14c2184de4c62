package org.morgue.bench;

import java.nio.file.Path;
import java.time.Duration;
import org.morgue.cli.MorgueHome;
import picocli.CommandLine.Option;

/** The options every bench command shares: which corpus, where to work, how long to measure. */
final class BenchOptions {
  @Option(names = "--count", description = "articles in the generated corpus (default: ${DEFAULT-VALUE})")
  int count = 100_000;

  @Option(names = "--seed", description = "seed of the generated corpus (default: ${DEFAULT-VALUE})")
  long seed = 9;

  @Option(names = "--work", paramLabel = "DIR",
      description = "where corpora and indexes are kept between runs (default: ${DEFAULT-VALUE})")
  Path work = MorgueHome.home().resolve("var").resolve("bench");

  @Option(names = "--sentences", paramLabel = "DIR",
      description = "the articles whose sentences the generator samples (default: ${DEFAULT-VALUE})")
  Path sentences = MorgueHome.defaultCorpus();

  @Option(names = "--seconds", description = "seconds per timed run of each figure (default: ${DEFAULT-VALUE})")
  double seconds = 30;

  @Option(names = "--warmup", description = "seconds of warm-up before each series (default: ${DEFAULT-VALUE})")
  double warmup = 10;

  @Option(names = "--repeats", description = "timed runs per figure; the median is reported (default: ${DEFAULT-VALUE})")
  int repeats = 3;

  @Option(names = "--index-repeats",
      description = "indexing runs per way of indexing; the median is reported (default: ${DEFAULT-VALUE})")
  int indexRepeats = 1;

  @Option(names = "--clients", split = ",",
      description = "concurrent HTTP clients, one series each (default: ${DEFAULT-VALUE})")
  int[] clients = {1, 4, 16};

  /**
   * Lucene alone by default: today's runs (and their sections of docs/benchmarks.md) stay what they
   * were, need no cluster, and do not pay a cluster's start and memory on a machine that has none.
   */
  @Option(names = "--engines", split = ",", paramLabel = "ENGINE", converter = BenchEngine.Converter.class,
      defaultValue = "lucene",
      description = "engines to measure, side by side: lucene (always, the baseline the ratios are over) and"
          + " opensearch (default: ${DEFAULT-VALUE})")
  java.util.List<BenchEngine> engines;

  @Option(names = "--opensearch", paramLabel = "URL",
      description = "measure the OpenSearch engine on the running cluster at URL (URL,URL,... for several nodes);"
          + " without it the bench starts a local cluster and stops it at the end")
  String opensearch;

  @Option(names = "--cluster-nodes", paramLabel = "N",
      description = "nodes of the cluster the bench starts, all on this machine (default: ${DEFAULT-VALUE}: one"
          + " machine against one machine)")
  int clusterNodes = 1;

  boolean measuresOpenSearch() {
    if (!engines.contains(BenchEngine.LUCENE)) {
      throw new IllegalArgumentException("--engines must include lucene: the OpenSearch figures are given as ratios"
          + " over the embedded engine's, not " + engines);
    }
    return engines.contains(BenchEngine.OPENSEARCH);
  }

  BenchWorkspace workspace() {
    return new BenchWorkspace(work, count, seed);
  }

  Timing timing() {
    return new Timing(seconds(warmup), seconds(seconds), repeats);
  }

  private static Duration seconds(double value) {
    return Duration.ofNanos(Math.round(value * 1e9));
  }
}
