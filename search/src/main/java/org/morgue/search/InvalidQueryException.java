package org.morgue.search;

/**
 * A search request that cannot be run as asked; says which part of the request is at fault (a
 * {@link RequestField}, not a URL parameter name), what kind of problem it is and what is wrong
 * with it. The kind and the field are for machines (the server turns them into a stable error code,
 * an HTTP status and a parameter name); the message is for people.
 */
public final class InvalidQueryException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of problem the request has; the engine reports it, the HTTP layer picks the status. */
  public enum Kind {
    /** The query cannot be read, even as plain words, or names a field or date that does not exist. */
    QUERY_SYNTAX,
    /** The query is readable but beyond a bound that keeps any one search cheap. */
    QUERY_TOO_COMPLEX,
    /** A facet name that does not exist. */
    UNKNOWN_FACET,
    /** A cursor that was cut, edited or never made by Morgue. */
    CURSOR_MALFORMED,
    /** A real cursor used with another query, filter, sort or grouping than the one it was made for. */
    CURSOR_STALE,
    /** Any other parameter value out of its domain: a sort, an interval, a hedging level, a date order. */
    INVALID_VALUE
  }

  private final RequestField field;
  private final Kind kind;

  public InvalidQueryException(Kind kind, RequestField field, String message) {
    super(message);
    this.kind = kind;
    this.field = field;
  }

  public InvalidQueryException(Kind kind, RequestField field, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.field = field;
  }

  /** The part of the request at fault, e.g. the query or the hedging filter. */
  public RequestField field() {
    return field;
  }

  /** What kind of problem this is. */
  public Kind kind() {
    return kind;
  }
}
