package org.morgue.curation;

import java.time.Instant;
import java.util.List;

/**
 * What a saved search matched when it was last run, to tell what is new the next time.
 *
 * @param at when it ran
 * @param total how many articles matched
 * @param ids the ids of the matches, when there were at most {@link Curation#MAX_RUN_IDS}; else empty
 *     and {@code complete} false, and only the growth of the total can be told
 */
public record SavedSearchRun(Instant at, long total, List<String> ids, boolean complete) {
  public SavedSearchRun {
    ids = ids == null ? List.of() : List.copyOf(ids);
  }
}
