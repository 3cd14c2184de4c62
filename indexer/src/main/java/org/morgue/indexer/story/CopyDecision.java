package org.morgue.indexer.story;

/**
 * Decides whether two articles are copies of one story from their signatures alone (what an index
 * can keep per article): estimated containment at least {@link CopyDetection#minContainment()}.
 */
public final class CopyDecision {
  private final CopyDetection detection;

  /** A decision with the given parameters. */
  public CopyDecision(CopyDetection detection) {
    this.detection = detection;
  }

  /** Whether the two bodies are copies of one story; never for a body without words. */
  public boolean sameStory(StorySignature a, StorySignature b) {
    return a.shingles() > 0 && b.shingles() > 0 && a.containment(b) >= detection.minContainment();
  }
}
