package org.morgue.curation;

import java.util.Set;

/**
 * The indexed articles a change may alter, to be written again: by id, and every article naming one
 * of these actors.
 */
public record Affected(Set<String> articleIds, Set<String> actorNames) {
  public static final Affected NONE = new Affected(Set.of(), Set.of());

  public Affected {
    articleIds = Set.copyOf(articleIds);
    actorNames = Set.copyOf(actorNames);
  }

  public boolean isEmpty() {
    return articleIds.isEmpty() && actorNames.isEmpty();
  }
}
