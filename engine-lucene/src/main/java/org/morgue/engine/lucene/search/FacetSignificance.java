package org.morgue.engine.lucene.search;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.morgue.search.SearchRequest;

/**
 * Ranks a facet's values by how much more often they occur among a search's matches than in the
 * whole archive, with Elasticsearch's JLH score for significant terms: {@code (fg - bg) * fg / bg},
 * where {@code fg} is the value's share of the matches and {@code bg} its share of the archive. The
 * first factor favours values whose share grew a lot; the second, values whose share grew by a large
 * ratio. A value on fewer than {@link #MIN_COUNT} matches is noise however rare it is in the archive,
 * and a value no more common among the matches than in the archive says nothing about them: both rank
 * after the significant ones, by count.
 *
 * <p>For a search with words, a match counts toward {@code fg} by its relevance score rather than as
 * one: a value's share is the part of the matches' summed scores that the matches carrying it hold.
 * Counts alone cannot tell a story's own actor, named all through the two articles about it, from a
 * name that a long address mentions once beside the searched word: both are on two matches and in no
 * other article. The score can, because the articles about the story are the best matches. Without
 * words (browsing, filters only) every match scores the same, and the share is the plain one.
 */
public final class FacetSignificance {
  /** The fewest matches a value needs to be ranked as significant. */
  static final long MIN_COUNT = 2;

  /**
   * One facet value with its count among the matches and in the whole archive, and the summed
   * relevance of the matches that carry it (0 when the ranking uses counts).
   */
  public record Candidate(String value, long count, long archiveCount, double relevance) {
    /** A candidate ranked by counts alone. */
    public Candidate(String value, long count, long archiveCount) {
      this(value, count, archiveCount, 0);
    }
  }

  /**
   * The relevance the matches carry: the sum of every match's score, and per dimension and value the
   * sum over the matches carrying it. Each match's score is rounded to {@link #rounded} before it is
   * added, and sums are rounded the same way, so that two engines scoring the same matches alike to
   * a thousandth rank values in the same order whatever order they add them in.
   */
  public record Relevance(double total, Map<String, Map<String, Double>> byValue) {
    /** No relevance: values are ranked by their counts. */
    public static final Relevance NONE = new Relevance(0, Map.of());

    /** The summed relevance of the matches with {@code value} in {@code dim}. */
    public double of(String dim, String value) {
      return byValue.getOrDefault(dim, Map.of()).getOrDefault(value, 0.0);
    }

    /** A score or a sum of scores, to a thousandth. */
    public static double rounded(double score) {
      return Math.round(score * 1000.0) / 1000.0;
    }
  }

  private FacetSignificance() {}

  /**
   * Whether the request's matches count toward significance by their relevance: only a search with
   * words, since without them every match scores the same.
   */
  public static boolean weighsRelevance(SearchRequest request) {
    return request.query() != null && !request.query().isBlank();
  }

  /**
   * The JLH score of a value on {@code count} of {@code matches} and {@code archiveCount} of
   * {@code archiveSize}; its share of the matches is {@code relevance / totalRelevance} when the
   * matches carry relevance, else {@code count / matches}.
   */
  static double score(Candidate value, long matches, long archiveSize, double totalRelevance) {
    if (value.count() < MIN_COUNT || matches <= 0 || value.archiveCount() <= 0 || archiveSize <= 0) {
      return 0;
    }
    double foreground = totalRelevance > 0 ? value.relevance() / totalRelevance : (double) value.count() / matches;
    double background = (double) value.archiveCount() / archiveSize;
    return foreground <= background ? 0 : (foreground - background) * (foreground / background);
  }

  /**
   * The candidates, most significant first, then the rest by count; ties by count, then value.
   *
   * @param totalRelevance the matches' summed relevance, or 0 to rank by counts
   */
  public static List<Candidate> rank(List<Candidate> candidates, long matches, long archiveSize, double totalRelevance,
      int limit) {
    Comparator<Candidate> bySignificance = Comparator.comparingDouble(
        (Candidate c) -> score(c, matches, archiveSize, totalRelevance)).reversed();
    return candidates.stream()
        .sorted(bySignificance.thenComparing(Comparator.comparingLong(Candidate::count).reversed())
            .thenComparing(Candidate::value))
        .limit(limit)
        .toList();
  }
}
