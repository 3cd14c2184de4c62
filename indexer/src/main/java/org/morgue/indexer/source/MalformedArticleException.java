package org.morgue.indexer.source;

/** A file or record that cannot be read as an article; says where and why. */
public final class MalformedArticleException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String origin;
  private final String reason;

  public MalformedArticleException(String origin, String reason) {
    super(origin + ": " + reason);
    this.origin = origin;
    this.reason = reason;
  }

  /** The file, and record where there are several, that could not be read. */
  public String origin() {
    return origin;
  }

  /** Why it could not be read, in words a user can act on. */
  public String reason() {
    return reason;
  }
}
