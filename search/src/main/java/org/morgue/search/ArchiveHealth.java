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
 * @param lost whether the archive's storage is gone from under the server (an embedded index's folder):
 *     no change can be kept until an operator restores it, so a write refused meanwhile says that, not
 *     to try again; a cluster with a node down still takes changes
 */
public record ArchiveHealth(int articles, Optional<String> degraded, Optional<IOException> cause, boolean lost) {
  /** An archive at risk for the reason given, which says everything, that still takes changes. */
  public ArchiveHealth(int articles, Optional<String> degraded) {
    this(articles, degraded, Optional.empty(), false);
  }

  /** An archive with nothing wrong. */
  public static ArchiveHealth ok(int articles) {
    return new ArchiveHealth(articles, Optional.empty());
  }

  /** An archive whose storage is gone, for the reason given, with the cause only the log is shown. */
  public static ArchiveHealth lost(int articles, String reason, IOException cause) {
    return new ArchiveHealth(articles, Optional.of(reason), Optional.of(cause), true);
  }
}
