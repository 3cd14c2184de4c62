package org.morgue.search;

import java.io.IOException;

/**
 * The archive cannot answer now, though the request is fine: an engine over a cluster found no node
 * to answer, or part of the archive (a shard with no copy left on a running node) missing. Trying
 * again later may succeed; answering with part of the archive's matches would silently be wrong, so
 * an engine refuses instead.
 */
public class ArchiveUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  public ArchiveUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public ArchiveUnavailableException(String message) {
    super(message);
  }
}
