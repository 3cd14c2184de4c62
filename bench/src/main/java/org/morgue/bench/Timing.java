package org.morgue.bench;

import java.time.Duration;

/**
 * How long each figure is measured: a warm-up whose results are thrown away, then {@code repeats}
 * timed runs of {@code run} each, of which the median is reported.
 */
record Timing(Duration warmup, Duration run, int repeats) {
  Timing {
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be at least 1, not " + repeats);
    }
    if (run.isNegative() || run.isZero()) {
      throw new IllegalArgumentException("the run time must be positive, not " + run);
    }
  }
}
