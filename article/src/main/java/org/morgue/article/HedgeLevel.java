package org.morgue.article;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How hedged an article's writing is overall; the values of the hedging facet. */
public enum HedgeLevel {
  /** Mostly stated as fact. */
  LOW,
  /** A noticeable share of claims hedged or attributed. */
  MEDIUM,
  /** Much of the article hedged: speculative or thinly sourced writing. */
  HIGH;

  /** The lower-case name used in JSON, facets and query parameters. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
