package org.morgue.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a facet's values are ranked; their counts are the same either way. */
public enum FacetOrder {
  /** Most matches first. */
  COUNT,
  /**
   * Most characteristic of the matches first: values that occur far more often among the matches
   * than in the whole archive, as significant-terms aggregations rank them (see the Lucene engine's FacetSignificance).
   */
  SIGNIFICANCE;

  /** The name used in the API, e.g. {@code significance}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()}. */
  public static FacetOrder fromId(String id) throws InvalidQueryException {
    for (FacetOrder order : values()) {
      if (order.id().equalsIgnoreCase(id.trim())) {
        return order;
      }
    }
    throw new InvalidQueryException(InvalidQueryException.Kind.INVALID_VALUE, RequestField.FACET_ORDER, "unknown facetOrder '" + id
        + "'; use one of " + Arrays.stream(values()).map(FacetOrder::id).collect(Collectors.joining(", ")));
  }
}
