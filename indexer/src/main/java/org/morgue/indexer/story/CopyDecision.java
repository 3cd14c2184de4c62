package org.morgue.indexer.story;

/**
 * Decides whether two articles are copies of one story: containment at least {@link
 * CopyDetection#minContainment()}, counted on their {@link ShingleSketch}es (what indexing keeps of
 * the articles written since the last commit, and makes again from a stored body), or estimated from
 * their signatures alone.
 */
public final class CopyDecision {
  private final CopyDetection detection;

  /** A decision with the given parameters. */
  public CopyDecision(CopyDetection detection) {
    this.detection = detection;
  }

  /** Whether the two bodies are copies of one story; never for a body without words. */
  public boolean sameStory(ShingleSketch a, ShingleSketch b) {
    return a.shingles() > 0 && b.shingles() > 0 && a.containment(b) >= detection.minContainment();
  }

  /**
   * The same from the signatures' estimate of containment, which misses some short takes of long
   * stories ({@link ShingleSketch} says why): for a signature kept without its body.
   */
  public boolean sameStory(StorySignature a, StorySignature b) {
    return a.shingles() > 0 && b.shingles() > 0 && a.containment(b) >= detection.minContainment();
  }
}
