package org.morgue.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How hits are ordered. */
public enum SortOrder {
  /** Best match first. */
  RELEVANCE,
  /** Most recently published first; undated articles last. */
  NEWEST,
  /** Earliest published first; undated articles last. */
  OLDEST,
  /** Highest hedging score first. */
  MOST_HEDGED,
  /** Lowest hedging score first. */
  LEAST_HEDGED,
  /**
   * Most recently added to the archive first: the articles of the latest import or change first,
   * each import's newest published first (see {@link AddedOrder}). What a feed of new matches wants,
   * since an archive takes in old articles as well as new ones.
   */
  ADDED;

  /** The name used in the API, e.g. {@code most-hedged}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@link #id()}. */
  public static SortOrder fromId(String id) throws InvalidQueryException {
    for (SortOrder order : values()) {
      if (order.id().equalsIgnoreCase(id.trim())) {
        return order;
      }
    }
    throw new InvalidQueryException(InvalidQueryException.Kind.INVALID_VALUE, RequestField.SORT, "unknown sort '" + id + "'; use one of "
        + Arrays.stream(values()).map(SortOrder::id).collect(Collectors.joining(", ")));
  }
}
