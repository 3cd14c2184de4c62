package org.morgue.curation;

import java.time.Instant;
import java.util.Optional;
import org.morgue.article.ActorType;

/**
 * A decision about one actor name across the archive: an entry of the authority file.
 *
 * @param actor the name as the enrichment gives it (or as an earlier correction made it)
 * @param renameTo the canonical name to use instead; when another actor already has it, this merges
 *     the two, and the old name stays an alias, so articles indexed later go to the merged actor too
 * @param type the actor's type, when the enrichment got it wrong
 * @param curator who made the decision
 * @param updated when
 * @param version counts its changes
 */
public record ActorCorrection(
    String actor, Optional<String> renameTo, Optional<ActorType> type, String curator, Instant updated, long version) {
  public ActorCorrection {
    renameTo = renameTo == null ? Optional.empty() : renameTo;
    type = type == null ? Optional.empty() : type;
  }
}
