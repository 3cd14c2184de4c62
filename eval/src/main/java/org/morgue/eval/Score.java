package org.morgue.eval;

/**
 * Counts behind precision, recall and F1.
 *
 * @param correct predictions that match the gold
 * @param predicted everything predicted
 * @param expected everything in the gold
 */
public record Score(int correct, int predicted, int expected) {
  /** No predictions and no gold. */
  public static final Score EMPTY = new Score(0, 0, 0);

  /** The counts of both. */
  public Score plus(Score other) {
    return new Score(correct + other.correct, predicted + other.predicted, expected + other.expected);
  }

  /** Share of predictions that are right; 1 when nothing was predicted. */
  public double precision() {
    return predicted == 0 ? 1 : (double) correct / predicted;
  }

  /** Share of the gold that was predicted; 1 when the gold is empty. */
  public double recall() {
    return expected == 0 ? 1 : (double) correct / expected;
  }

  /** Harmonic mean of precision and recall. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** "P / R / F1 (correct, predicted, expected)", as the evaluation's tables print it. */
  public String format() {
    return String.format(java.util.Locale.ROOT, "%.2f / %.2f / %.2f (%d, %d, %d)", precision(), recall(), f1(),
        correct, predicted, expected);
  }
}
