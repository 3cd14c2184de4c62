package org.morgue.curation;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A named search: the query string parameters of {@code /api/search} (q, filters, dates, sort), kept
 * in the shape the API reads and writes them, so a curator reads back what they saved, the changes
 * record shows the same, and running it is the same search the page shows.
 *
 * @param id stable id
 * @param name what curators call it
 * @param search parameter name to its value: a string, or a list of strings for a filter; which is
 *     which is the server's to decide (it knows the search's parameters), this module only keeps it.
 *     Saved searches stored before it was named {@code search} call it {@code parameters}, every value
 *     a list, and still load
 * @param curator who saved it
 * @param created when it was saved
 * @param updated when it last changed
 * @param version counts its changes
 */
public record SavedSearch(
    String id, String name, @JsonAlias("parameters") ObjectNode search, String curator, Instant created,
    Instant updated, long version) {
  public SavedSearch {
    search = search == null ? JsonNodeFactory.instance.objectNode() : search.deepCopy();
  }

  /** A copy: the record stays as it was saved whatever a caller does with what it reads. */
  @Override
  public ObjectNode search() {
    return search.deepCopy();
  }
}
