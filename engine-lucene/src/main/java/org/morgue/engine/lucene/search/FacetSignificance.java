package org.morgue.engine.lucene.search;

import java.util.Comparator;
import java.util.List;

/**
 * Ranks a facet's values by how much more often they occur among a search's matches than in the
 * whole archive, with Elasticsearch's JLH score for significant terms: {@code (fg - bg) * fg / bg},
 * where {@code fg} is the share of matches with the value and {@code bg} its share of the archive.
 * The first factor favours values whose share grew a lot; the second, values whose share grew by a
 * large ratio. A value on fewer than {@link #MIN_COUNT} matches is noise however rare it is in the
 * archive, and a value no more common among the matches than in the archive says nothing about them:
 * both rank after the significant ones, by count. The score sees only counts: two values found only
 * in the matches, on two articles each, tie, however central one is to its articles and however
 * passing a mention the other.
 */
public final class FacetSignificance {
  /** The fewest matches a value needs to be ranked as significant. */
  static final long MIN_COUNT = 2;

  /** One facet value with its count among the matches and in the whole archive. */
  public record Candidate(String value, long count, long archiveCount) {}

  private FacetSignificance() {}

  /** The JLH score of a value on {@code count} of {@code matches} and {@code archiveCount} of {@code archiveSize}. */
  static double score(long count, long matches, long archiveCount, long archiveSize) {
    if (count < MIN_COUNT || matches <= 0 || archiveCount <= 0 || archiveSize <= 0) {
      return 0;
    }
    double foreground = (double) count / matches;
    double background = (double) archiveCount / archiveSize;
    return foreground <= background ? 0 : (foreground - background) * (foreground / background);
  }

  /** The candidates, most significant first, then the rest by count; ties by count, then value. */
  public static List<Candidate> rank(List<Candidate> candidates, long matches, long archiveSize, int limit) {
    Comparator<Candidate> bySignificance = Comparator.comparingDouble(
        (Candidate c) -> score(c.count(), matches, c.archiveCount(), archiveSize)).reversed();
    return candidates.stream()
        .sorted(bySignificance.thenComparing(Comparator.comparingLong(Candidate::count).reversed())
            .thenComparing(Candidate::value))
        .limit(limit)
        .toList();
  }
}
