package org.morgue.engine.opensearch;

import org.morgue.search.ArchiveUnavailableException;

/** No node of the cluster answered a request (refused, timed out, or the connection broke). */
public class ClusterUnavailableException extends ArchiveUnavailableException {
  private static final long serialVersionUID = 1L;

  ClusterUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
