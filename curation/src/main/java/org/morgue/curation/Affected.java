package org.morgue.curation;

import java.util.Set;

/**
 * The indexed articles a change may alter, to be written again: by id and every article naming one
 * of these actors, whose enrichment a correction changes (they are enriched again); every article from
 * one of these sources, whose source name a rename changes; articles whose
 * collections alone changed (written again as they are held, which costs no enrichment); and articles
 * a curator filed in a story or apart (filed again, with the other versions of the story each was in).
 */
public record Affected(Set<String> articleIds, Set<String> actorNames, Set<String> sourceNames, Set<String> memberIds,
    Set<String> refiledIds) {
  public static final Affected NONE = new Affected(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

  public Affected {
    articleIds = Set.copyOf(articleIds);
    actorNames = Set.copyOf(actorNames);
    sourceNames = Set.copyOf(sourceNames);
    memberIds = Set.copyOf(memberIds);
    refiledIds = Set.copyOf(refiledIds);
  }

  /** Articles whose collections changed. */
  static Affected members(Set<String> ids) {
    return new Affected(Set.of(), Set.of(), Set.of(), ids, Set.of());
  }

  /** Articles whose corrections changed: by id, and every article naming one of the actors. */
  static Affected corrected(Set<String> ids, Set<String> actors) {
    return new Affected(ids, actors, Set.of(), Set.of(), Set.of());
  }

  /** Every article from one of these sources, whose name a rename changed. */
  static Affected renamedSources(Set<String> sources) {
    return new Affected(Set.of(), Set.of(), sources, Set.of(), Set.of());
  }

  /** An article whose story a curator filed, or whose filing was withdrawn. */
  static Affected refiled(String id) {
    return new Affected(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(id));
  }

  public boolean isEmpty() {
    return articleIds.isEmpty() && actorNames.isEmpty() && sourceNames.isEmpty() && memberIds.isEmpty()
        && refiledIds.isEmpty();
  }
}
