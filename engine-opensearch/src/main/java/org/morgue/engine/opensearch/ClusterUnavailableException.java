package org.morgue.engine.opensearch;

import java.io.IOException;

/** No node of the cluster answered a request (refused, timed out, or the connection broke). */
public class ClusterUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  ClusterUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
