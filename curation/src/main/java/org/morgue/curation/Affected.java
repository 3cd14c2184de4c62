package org.morgue.curation;

import java.util.Set;

/**
 * The indexed articles a change may alter, to be written again: by id and every article naming one
 * of these actors, whose enrichment a correction changes (they are enriched again); and articles whose
 * collections alone changed (written again as they are held, which costs no enrichment).
 */
public record Affected(Set<String> articleIds, Set<String> actorNames, Set<String> memberIds) {
  public static final Affected NONE = new Affected(Set.of(), Set.of(), Set.of());

  public Affected {
    articleIds = Set.copyOf(articleIds);
    actorNames = Set.copyOf(actorNames);
    memberIds = Set.copyOf(memberIds);
  }

  /** Articles whose collections changed. */
  static Affected members(Set<String> ids) {
    return new Affected(Set.of(), Set.of(), ids);
  }

  /** Articles whose corrections changed: by id, and every article naming one of the actors. */
  static Affected corrected(Set<String> ids, Set<String> actors) {
    return new Affected(ids, actors, Set.of());
  }

  public boolean isEmpty() {
    return articleIds.isEmpty() && actorNames.isEmpty() && memberIds.isEmpty();
  }
}
