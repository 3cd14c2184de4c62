package org.morgue.engine.opensearch;

import java.util.Optional;
import org.morgue.search.ArchiveUnavailableException;

/** No node of the cluster answered a request (refused, timed out, or the connection broke), or none could answer it. */
public class ClusterUnavailableException extends ArchiveUnavailableException {
  private static final long serialVersionUID = 1L;
  /** Null for a cluster that answers, but not for the whole archive. */
  private final String why;

  /** The cluster at {@code cluster} (its address, without credentials) {@code why}, e.g. "does not answer (timed out)". */
  ClusterUnavailableException(String cluster, String why, Throwable cause) {
    super("the OpenSearch cluster at " + cluster + " " + why, cause);
    this.why = why;
  }

  /** A cluster that answers for part of the archive only, as {@code message} says. */
  ClusterUnavailableException(String message) {
    super(message);
    this.why = null;
  }

  /**
   * What the whole cluster does, in a reader's words and the classification of the 503s a running
   * server answers ("does not answer (connection refused)", "cannot answer now (...)"), never the
   * transport's own: what a server waiting at its start for the cluster says to its clients. Empty
   * when the cluster answers for part of the archive only.
   */
  public Optional<String> why() {
    return Optional.ofNullable(why);
  }
}
