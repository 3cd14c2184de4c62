package org.morgue.search;

import java.io.IOException;
import java.util.Optional;

/**
 * Whether an archive answers searches as it should, for the health endpoint: an archive that cannot
 * answer at all is an {@link ArchiveUnavailableException} instead.
 *
 * @param articles how many articles a search finds now
 * @param degraded why the archive answers but is at risk (a cluster with a node down: a shard copy
 *     without a node, so another failure would lose part of it; an embedded index whose folder is
 *     gone), in words a reader may be shown; empty when nothing is wrong
 * @param cause what the server's log adds to the reason, which may name files and folders and is
 *     never shown to a client; empty when the reason says everything
 */
public record ArchiveHealth(int articles, Optional<String> degraded, Optional<IOException> cause) {
  /** An archive at risk for the reason given, which says everything. */
  public ArchiveHealth(int articles, Optional<String> degraded) {
    this(articles, degraded, Optional.empty());
  }

  /** An archive with nothing wrong. */
  public static ArchiveHealth ok(int articles) {
    return new ArchiveHealth(articles, Optional.empty());
  }
}
