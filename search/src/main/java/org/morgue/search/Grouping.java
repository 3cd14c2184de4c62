package org.morgue.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether a search lists stories or articles. Copies of one wire story (an agency's original, its
 * corrections and re-issues, every paper that ran it) share a story id; grouped by story, a search
 * lists each story once, through its version that comes first in the request's order, so twenty
 * copies do not hide the three other stories on the page.
 */
public enum Grouping {
  /** One hit per story: the default, because it is what a journalist scanning coverage wants. */
  STORIES,
  /** One hit per article, every version of a story on its own. */
  ARTICLES;

  /** The name used in the API, e.g. {@code stories}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()}. */
  public static Grouping fromId(String id) throws InvalidQueryException {
    for (Grouping grouping : values()) {
      if (grouping.id().equalsIgnoreCase(id.trim())) {
        return grouping;
      }
    }
    throw new InvalidQueryException(InvalidQueryException.Kind.INVALID_VALUE, RequestField.GROUP, "unknown group '" + id
        + "'; use one of " + Arrays.stream(values()).map(Grouping::id).collect(Collectors.joining(", ")));
  }
}
