package org.morgue.indexer.search;

/** A search request that cannot be run as asked; names the parameter and what is wrong with it. */
public final class InvalidQueryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  public InvalidQueryException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public InvalidQueryException(String parameter, String message, Throwable cause) {
    super(message, cause);
    this.parameter = parameter;
  }

  /** The request parameter at fault, e.g. {@code q} or {@code hedging}. */
  public String parameter() {
    return parameter;
  }
}
