package org.morgue.curation;

import java.time.Instant;
import java.util.List;

/**
 * A curator's collection: an ordered list of articles with notes, e.g. the file on one story.
 *
 * @param id stable id, made from the name when the collection was created and never reused
 * @param name what curators call it
 * @param description what it gathers and why
 * @param curator who created it
 * @param created when it was created
 * @param updated when it last changed (its name, description or articles)
 * @param version counts its changes; a write naming an older one is refused
 * @param entries its articles, in the curator's order
 */
public record ArticleCollection(
    String id, String name, String description, String curator, Instant created, Instant updated, long version,
    List<CollectionEntry> entries) {
  public ArticleCollection {
    description = description == null ? "" : description;
    entries = entries == null ? List.of() : List.copyOf(entries);
  }
}
