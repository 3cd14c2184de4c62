package org.morgue.search;

import java.util.Objects;

/**
 * The part of a {@link SearchRequest} a problem concerns, as data: the engine says which part is at
 * fault, the HTTP layer says what that part is called in a URL ({@code q}, {@code facetPrefix.actor}).
 * So the contract knows no parameter names, and an engine cannot invent one.
 *
 * @param part which part of the request
 * @param facet the facet a filter or facet prefix belongs to (its id, as the request names it, which
 *     may be a facet that does not exist); null for the other parts
 */
public record RequestField(Part part, String facet) {

  /** The parts of a request that can be at fault. */
  public enum Part {
    QUERY, CURSOR, FROM, TO, SORT, INTERVAL, FACET_ORDER, GROUP,
    /** A facet's filter values. */
    FILTER,
    /** The prefix a facet's values are narrowed to. */
    FACET_PREFIX
  }

  public static final RequestField QUERY = new RequestField(Part.QUERY, null);
  public static final RequestField CURSOR = new RequestField(Part.CURSOR, null);
  public static final RequestField FROM = new RequestField(Part.FROM, null);
  public static final RequestField TO = new RequestField(Part.TO, null);
  public static final RequestField SORT = new RequestField(Part.SORT, null);
  public static final RequestField INTERVAL = new RequestField(Part.INTERVAL, null);
  public static final RequestField FACET_ORDER = new RequestField(Part.FACET_ORDER, null);
  public static final RequestField GROUP = new RequestField(Part.GROUP, null);

  public RequestField {
    Objects.requireNonNull(part, "part");
    if ((part == Part.FILTER || part == Part.FACET_PREFIX) != (facet != null)) {
      throw new IllegalArgumentException(part + (facet == null ? " needs a facet" : " has no facet"));
    }
  }

  /** A facet's filter values. */
  public static RequestField filter(String facet) {
    return new RequestField(Part.FILTER, Objects.requireNonNull(facet, "facet"));
  }

  /** A facet's prefix. */
  public static RequestField facetPrefix(String facet) {
    return new RequestField(Part.FACET_PREFIX, Objects.requireNonNull(facet, "facet"));
  }
}
