package org.morgue.server.problem;

import io.javalin.http.HttpStatus;
import org.morgue.search.InvalidQueryException;

/**
 * Every kind of error the API answers, each with its stable machine-readable {@code code}, its HTTP
 * status and its fixed title: the one table that binds a code to a status, and ({@link
 * #of(InvalidQueryException.Kind)}) the one place the kinds of invalid search the engine reports
 * become codes; the engine never picks a status. Clients switch on the code; the {@code detail}
 * beside it is for people and may be reworded. The OpenAPI document lists the same codes, and a test
 * holds the two together.
 *
 * <p>The status is Javalin's {@link HttpStatus}, but the title is the API's own: it is part of every
 * problem answer, and Javalin's reason phrases differ from it ("Bad Request", "Not Found", "Server
 * Error" against "Bad request", "Not found", "Internal server error", and "Bad query" has none), so
 * taking them would change answers clients already see.
 */
public enum ProblemCode {
  /** A query parameter that no endpoint takes, e.g. {@code colour=red}. */
  UNKNOWN_PARAMETER("unknown_parameter", HttpStatus.BAD_REQUEST, "Bad request"),
  /** A parameter given more often than it may be: twice where once is allowed, or over the limit of values. */
  REPEATED_PARAMETER("repeated_parameter", HttpStatus.BAD_REQUEST, "Bad request"),
  /** A required parameter left out or blank. */
  MISSING_PARAMETER("missing_parameter", HttpStatus.BAD_REQUEST, "Bad request"),
  /** A parameter value outside its domain: not a number, out of range, not a date, not one of the choices. */
  INVALID_PARAMETER("invalid_parameter", HttpStatus.BAD_REQUEST, "Bad request"),
  /** A facet name that does not exist, as a filter or in {@code facetPrefix.<facet>}. */
  UNKNOWN_FACET("unknown_facet", HttpStatus.BAD_REQUEST, "Bad request"),
  /** A query that cannot be searched even as its plain words, or names a field or date that does not exist. */
  QUERY_SYNTAX("query_syntax", HttpStatus.BAD_REQUEST, "Bad query"),
  /** A query beyond a bound that keeps every search cheap: length, nesting, clauses, wildcards. */
  QUERY_TOO_COMPLEX("query_too_complex", HttpStatus.BAD_REQUEST, "Bad query"),
  /** A cursor that was cut, edited or not made by Morgue. */
  CURSOR_MALFORMED("cursor_malformed", HttpStatus.BAD_REQUEST, "Bad request"),
  /** A real cursor used with another query, filter, sort or grouping than its own. */
  CURSOR_STALE("cursor_stale", HttpStatus.BAD_REQUEST, "Bad request"),
  /** A posted body whose lines are not all articles; nothing from it was written. */
  INVALID_BODY("invalid_body", HttpStatus.BAD_REQUEST, "Bad request"),
  /** A posted article whose id holds control characters; {@code field} and {@code value} name it. */
  INVALID_ARTICLE_ID("invalid_article_id", HttpStatus.BAD_REQUEST, "Bad request"),
  /** A posted article whose url is not an absolute http or https URL, e.g. {@code javascript:...}. */
  INVALID_ARTICLE_URL("invalid_article_url", HttpStatus.BAD_REQUEST, "Bad request"),
  /** A posted article whose published is not an ISO-8601 date, or not one in the years 1-9999. */
  INVALID_ARTICLE_PUBLISHED("invalid_article_published", HttpStatus.BAD_REQUEST, "Bad request"),
  /** A curation request naming articles the archive does not hold; nothing was changed. */
  UNKNOWN_ARTICLE("unknown_article", HttpStatus.BAD_REQUEST, "Bad request"),
  /** A curation change with a value outside what is allowed: blank, too long, an unknown theme, over a limit. */
  INVALID_CURATION("invalid_curation", HttpStatus.BAD_REQUEST, "Bad request"),
  /** A correction that contradicts the authority file as it stands (a cycle of merges), or a collection name in use. */
  CURATION_CONFLICT("curation_conflict", HttpStatus.CONFLICT, "Conflict"),
  /** A request Jetty could not read as HTTP at all. */
  MALFORMED_REQUEST("malformed_request", HttpStatus.BAD_REQUEST, "Bad request"),
  /** A write without the server's bearer token. */
  UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
  /** A write to a server started without a token: live updates are off. */
  LIVE_UPDATES_DISABLED("live_updates_disabled", HttpStatus.FORBIDDEN, "Forbidden"),
  /** No such path or article. */
  NOT_FOUND("not_found", HttpStatus.NOT_FOUND, "Not found"),
  /** A known path asked with a method it does not take; the {@code Allow} header lists those it does. */
  METHOD_NOT_ALLOWED("method_not_allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
  /** A request whose {@code Accept} takes none of the types the endpoint answers. */
  NOT_ACCEPTABLE("not_acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
  /**
   * A write sent with {@code If-Match} whose version is no longer the article's: someone changed or
   * deleted it since it was read, so the write is refused rather than silently overwriting theirs.
   */
  PRECONDITION_FAILED("precondition_failed", HttpStatus.PRECONDITION_FAILED, "Precondition failed"),
  /**
   * A curation write that replaces an existing correction, saved search or story record whole, sent
   * without {@code If-Match}: it would silently replace what another curator set since it was read.
   */
  PRECONDITION_REQUIRED("precondition_required", HttpStatus.PRECONDITION_REQUIRED, "Precondition required"),
  /** A posted body over the size limit. */
  BODY_TOO_LARGE("body_too_large", HttpStatus.CONTENT_TOO_LARGE, "Content too large"),
  /** A request URI too long to read. */
  REQUEST_TOO_LARGE("request_too_large", HttpStatus.URI_TOO_LONG, "URI too long"),
  /** A posted body of a media type the endpoint does not read. */
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
  /** More index reads than the server runs and queues at once; {@code Retry-After} says when to try again. */
  TOO_MANY_REQUESTS("too_many_requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
  /** Request headers too large to read (over 256 KB). */
  HEADERS_TOO_LARGE("headers_too_large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request header fields too large"),
  /**
   * The archive cannot answer now (a cluster with no node answering, or a part of the archive with no
   * copy on a running node); {@code Retry-After} says when to try again.
   */
  ARCHIVE_UNAVAILABLE("archive_unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
  /** The server failed; the error is in its log. */
  INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error"),
  /** A request in a version of HTTP the server does not speak (it speaks 1.0 and 1.1). */
  HTTP_VERSION_NOT_SUPPORTED("http_version_not_supported", HttpStatus.HTTP_VERSION_NOT_SUPPORTED,
      "HTTP version not supported");

  private final String code;
  private final HttpStatus status;
  private final String title;

  ProblemCode(String code, HttpStatus status, String title) {
    this.code = code;
    this.status = status;
    this.title = title;
  }

  /** The stable code clients match on, e.g. {@code query_syntax}. */
  public String code() {
    return code;
  }

  /** The HTTP status this kind of error is answered with. */
  public int status() {
    return status.getCode();
  }

  /** The short, fixed title of the problem. */
  public String title() {
    return title;
  }

  /** The code for a kind of invalid search the engine reports. */
  public static ProblemCode of(InvalidQueryException.Kind kind) {
    return switch (kind) {
      case QUERY_SYNTAX -> QUERY_SYNTAX;
      case QUERY_TOO_COMPLEX -> QUERY_TOO_COMPLEX;
      case UNKNOWN_FACET -> UNKNOWN_FACET;
      case CURSOR_MALFORMED -> CURSOR_MALFORMED;
      case CURSOR_STALE -> CURSOR_STALE;
      case INVALID_VALUE -> INVALID_PARAMETER;
    };
  }

  /**
   * The code for an error status Javalin or Jetty chose themselves (routing, their own refusals);
   * statuses Morgue never answers fall back to the nearest general code, whose status is then the
   * one answered.
   */
  public static ProblemCode ofStatus(int status) {
    for (ProblemCode code : values()) {
      if (code.status.getCode() == status && code.isGeneral()) {
        return code;
      }
    }
    return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
  }

  /** Whether this is the one code of its status that a bare status maps to. */
  private boolean isGeneral() {
    return switch (this) {
      case MALFORMED_REQUEST, UNAUTHORIZED, LIVE_UPDATES_DISABLED, NOT_FOUND, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE,
          PRECONDITION_FAILED,
          PRECONDITION_REQUIRED, BODY_TOO_LARGE,
          REQUEST_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, TOO_MANY_REQUESTS, HEADERS_TOO_LARGE, INTERNAL, HTTP_VERSION_NOT_SUPPORTED -> true;
      default -> false;
    };
  }
}
