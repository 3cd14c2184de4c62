package org.morgue.curation.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * One curation change, as the journal keeps it and the changes record shows it: who, when, what,
 * the state of the thing before and after, and why.
 *
 * @param seq the change's number, from 1, in the order changes were made
 * @param at when it was made
 * @param curator who made it
 * @param action what was done, e.g. {@code collection.add} or {@code actor.correct}
 * @param target what it was done to, e.g. {@code collection:tren-de-aragua} or {@code actor:Maduro}
 * @param before the part of the target it changed, as it was (null when the target is new)
 * @param after the same part as it became (null when the target is gone)
 * @param reason the curator's reason, if given
 */
public record Change(
    long seq, Instant at, String curator, String action, String target, JsonNode before, JsonNode after,
    Optional<String> reason) {
  public Change {
    reason = reason == null ? Optional.empty() : reason;
  }
}
