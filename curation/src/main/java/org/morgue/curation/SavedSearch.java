package org.morgue.curation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named search: the query string parameters of {@code /api/search} (q, filters, dates, sort), kept
 * as the curator gave them, so running it is the same search the page shows.
 *
 * @param id stable id
 * @param name what curators call it
 * @param parameters parameter name to its values
 * @param curator who saved it
 * @param created when it was saved
 * @param updated when it last changed
 * @param version counts its changes
 */
public record SavedSearch(
    String id, String name, Map<String, List<String>> parameters, String curator, Instant created, Instant updated,
    long version) {
  public SavedSearch {
    Map<String, List<String>> copy = new TreeMap<>();
    (parameters == null ? Map.<String, List<String>>of() : parameters)
        .forEach((key, values) -> copy.put(key, List.copyOf(values)));
    parameters = java.util.Collections.unmodifiableMap(copy);
  }
}
