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
