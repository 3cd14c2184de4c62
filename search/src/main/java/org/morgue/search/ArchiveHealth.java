package org.morgue.search;

import java.util.Optional;

/**
 * Whether an archive answers searches as it should, for the health endpoint: an archive that cannot
 * answer at all is an {@link ArchiveUnavailableException} instead.
 *
 * @param articles how many articles a search finds now
 * @param degraded why the archive answers but is at risk (a cluster with a node down: a shard copy
 *     without a node, so another failure would lose part of it), empty when nothing is wrong
 */
public record ArchiveHealth(int articles, Optional<String> degraded) {
  /** An archive with nothing wrong. */
  public static ArchiveHealth ok(int articles) {
    return new ArchiveHealth(articles, Optional.empty());
  }
}
