package org.morgue.server.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where an export came from: the request, the index it ran on, when, and which Morgue made it.
 *
 * @param query the query text, empty for every article
 * @param filters facet filters, facet to values
 * @param from earliest publication date asked for
 * @param to latest publication date asked for
 * @param sort the sort order's API name
 * @param group whether the export has one row per story ({@code stories}) or per article ({@code articles})
 * @param matches how many articles matched, so a reader can tell a complete file from a cut one
 * @param indexArticles how many articles the index held
 * @param indexLastUpdate when the index was last committed, if it says
 * @param exportedAt when the export started
 * @param morgueVersion the Morgue build that wrote it
 */
public record Provenance(
    String query,
    Map<String, List<String>> filters,
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    String sort,
    String group,
    long matches,
    long indexArticles,
    Optional<Instant> indexLastUpdate,
    Instant exportedAt,
    String morgueVersion) implements ExportProvenance {
  public Provenance {
    Map<String, List<String>> sorted = new TreeMap<>();
    filters.forEach((facet, values) -> sorted.put(facet, List.copyOf(values)));
    filters = java.util.Collections.unmodifiableMap(sorted);
  }

  @Override
  public String describe() {
    StringBuilder text = new StringBuilder("Exported from Morgue ").append(morgueVersion)
        .append(" at ").append(exportedAt).append(": ");
    text.append(query.isBlank() ? "every article" : "query \"" + query + "\"");
    filters.forEach((facet, values) -> text.append("; ").append(facet).append(" = ").append(String.join(" or ", values)));
    from.ifPresent(date -> text.append("; from ").append(date));
    to.ifPresent(date -> text.append("; to ").append(date));
    text.append("; sort ").append(sort).append("; ").append(matches).append(" of ").append(indexArticles)
        .append(" articles matched");
    if (group.equals("stories")) {
      text.append(", one row per story");
    }
    indexLastUpdate.ifPresent(at -> text.append(" (index updated ").append(at).append(')'));
    return text.toString();
  }
}
