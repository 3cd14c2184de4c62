package org.morgue.search;

/**
 * The archive is no longer where the server opened it (the cluster's index deleted under it, the
 * embedded index's folder moved away): no
 * retry brings it back, and no engine makes a new, empty one in its place (a reopened store did, and
 * served that), so only an operator can mend it, by restoring it. Its message says so, for a reader.
 */
public class ArchiveGoneException extends ArchiveUnavailableException {
  private static final long serialVersionUID = 1L;

  public ArchiveGoneException(String message, Throwable cause) {
    super(message, cause);
  }

  public ArchiveGoneException(String message) {
    super(message);
  }
}
