package org.morgue.server.problem;

import io.javalin.http.HttpStatus;
import org.morgue.search.InvalidQueryException;

/**
 * Every kind of error the API answers, each with its stable machine-readable {@code code}, its HTTP
 * status and its fixed title: the one table that binds a code to a status, and ({@link
 * #of(InvalidQueryException.Kind)}) the one place the kinds of invalid search the engine reports
 * become codes; the engine never picks a status. Clients switch on the code; the {@code detail}
 * beside it is for people and may be reworded. Each kind is also a problem type (RFC 9457), {@code
 * /api/problems/<code>}, which the server describes at that address with the {@code description} here;
 * the OpenAPI document lists the same codes, types and descriptions, and a test holds the two together.
 *
 * <p>The status is Javalin's {@link HttpStatus}, but the title is the API's own: it is part of every
 * problem answer, and Javalin's reason phrases differ from it ("Bad Request", "Not Found", "Server
 * Error" against "Bad request", "Not found", "Internal server error", and "Bad query" has none), so
 * taking them would change answers clients already see.
 */
public enum ProblemCode {
  UNKNOWN_PARAMETER("unknown_parameter", HttpStatus.BAD_REQUEST, "Bad request",
      "A query parameter no endpoint takes, e.g. colour=red."),
  REPEATED_PARAMETER("repeated_parameter", HttpStatus.BAD_REQUEST, "Bad request",
      "A parameter given more often than allowed: twice where once is allowed, or more than 100 values of "
      + "one facet."),
  MISSING_PARAMETER("missing_parameter", HttpStatus.BAD_REQUEST, "Bad request",
      "A required parameter left out or blank (prefix, format)."),
  INVALID_PARAMETER("invalid_parameter", HttpStatus.BAD_REQUEST, "Bad request",
      "A value outside its parameter's domain: not a number, out of range, not a date, from after to, not "
      + "one of the choices."),
  UNKNOWN_FACET("unknown_facet", HttpStatus.BAD_REQUEST, "Bad request",
      "A facet that does not exist, as a filter or in facetPrefix.<facet>."),
  QUERY_SYNTAX("query_syntax", HttpStatus.BAD_REQUEST, "Bad query",
      "q cannot be searched even as its plain words (e.g. a lone AND), or names a field or a date that does "
      + "not exist, or starts a word with a wildcard. A query that is merely not valid syntax is searched as "
      + "its plain words instead (see interpretedAs)."),
  QUERY_TOO_COMPLEX("query_too_complex", HttpStatus.BAD_REQUEST, "Bad query",
      "q passes a bound: length, bracket nesting, clauses, wildcard/fuzzy/regex terms, regex size."),
  CURSOR_MALFORMED("cursor_malformed", HttpStatus.BAD_REQUEST, "Bad request",
      "A cursor that was cut, edited or not made by Morgue."),
  CURSOR_STALE("cursor_stale", HttpStatus.BAD_REQUEST, "Bad request",
      "A cursor used with another query, filter, sort or grouping than the search that made it."),
  UNKNOWN_FILTER_VALUE("unknown_filter_value", HttpStatus.BAD_REQUEST, "Bad request",
      "An export filtered by an actor, theme or source the archive holds under no name (actor=Kenedy), or by "
      + "a collection id no collection has (a collection's name gets its id as suggestion): it would "
      + "leave out every article the value was meant to find, so nothing is exported; unknownFilters lists each "
      + "such value with the name the archive holds nearest (suggestion, null when none is near). A search "
      + "names such values in its answer's unknownFilters, and a feed in its Morgue-Unknown-Filters header and "
      + "its subtitle; neither is refused."),
  INVALID_BODY("invalid_body", HttpStatus.BAD_REQUEST, "Bad request",
      "A posted body that cannot be taken: lines that are not articles (detail names each bad line), or a "
      + "curation change that is not a JSON object, holds a field the endpoint does not take or gives a field "
      + "twice (parameter names it); nothing was written."),
  INVALID_ARTICLE_ID("invalid_article_id", HttpStatus.BAD_REQUEST, "Bad request",
      "A posted article's id holds control characters; field and value name it; nothing was written."),
  INVALID_ARTICLE_URL("invalid_article_url", HttpStatus.BAD_REQUEST, "Bad request",
      "A posted article's url is not an absolute http or https URL (e.g. javascript:...); field and value "
      + "name it; nothing was written."),
  INVALID_ARTICLE_PUBLISHED("invalid_article_published", HttpStatus.BAD_REQUEST, "Bad request",
      "A posted article's published is not an ISO-8601 date, or not one in the years 1-9999; field and "
      + "value name it; nothing was written."),
  UNKNOWN_ARTICLE("unknown_article", HttpStatus.BAD_REQUEST, "Bad request",
      "A curation request naming articles the archive does not hold (adding to a collection); detail names "
      + "them; nothing was changed."),
  INVALID_CURATION("invalid_curation", HttpStatus.BAD_REQUEST, "Bad request",
      "A curation change with a value outside what is allowed: a blank name, a note over 2,000 characters, "
      + "an actor merged into itself, an unknown theme, a position out of range; parameter names the field; "
      + "nothing was changed."),
  CURATION_CONFLICT("curation_conflict", HttpStatus.CONFLICT, "Conflict",
      "A correction that contradicts the actor authority file as it stands, such as a merge that would make "
      + "a cycle of merges (A into B while B goes into A); withdraw one first. Also a collection named as "
      + "another one is (in any case or spacing)."),
  MALFORMED_REQUEST("malformed_request", HttpStatus.BAD_REQUEST, "Bad request",
      "A request that could not be read as HTTP."),
  UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized",
      "A write without the server's bearer token, or a curator's."),
  LIVE_UPDATES_DISABLED("live_updates_disabled", HttpStatus.FORBIDDEN, "Forbidden",
      "A write to a server started without a token."),
  NOT_FOUND("not_found", HttpStatus.NOT_FOUND, "Not found",
      "No such path, article, collection, saved search or correction (or a server that keeps no curation)."),
  METHOD_NOT_ALLOWED("method_not_allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
      "A known path asked with another method; the Allow header lists the allowed ones."),
  NOT_ACCEPTABLE("not_acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
      "A request whose Accept header takes none of the types the endpoint answers (for the JSON endpoints: "
      + "not application/json, nor a wildcard that covers it; application/problem+json alone takes only problems)."),
  PRECONDITION_FAILED("precondition_failed", HttpStatus.PRECONDITION_FAILED, "Precondition failed",
      "A write sent with If-Match whose version is no longer the one of what it changes (an article, a "
      + "collection, a saved search, a correction: someone changed or deleted it since it was read); read it "
      + "again, then write."),
  PRECONDITION_REQUIRED("precondition_required", HttpStatus.PRECONDITION_REQUIRED, "Precondition required",
      "A PUT that replaces an existing correction, saved search or story record whole, sent without "
      + "If-Match: it would silently replace what another curator set since it was read. Read it, then send "
      + "its ETag as If-Match (If-Match: * replaces it whatever it is)."),
  BODY_TOO_LARGE("body_too_large", HttpStatus.CONTENT_TOO_LARGE, "Content too large",
      "A posted body over 10 MiB."),
  REQUEST_TOO_LARGE("request_too_large", HttpStatus.URI_TOO_LONG, "URI too long",
      "A request line or headers too long to read."),
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
      "A posted body of a media type the endpoint does not read: any type but JSON (application/json or a "
      + "+json type; no Content-Type is read as JSON), and for POST /api/articles JSON Lines too, such as "
      + "the application/x-www-form-urlencoded curl -d sends unless told otherwise; a charset other than "
      + "UTF-8; a compressed body."),
  TOO_MANY_REQUESTS("too_many_requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
      "More index reads than the server runs and queues at once (--max-concurrent-searches, "
      + "--search-queue), or one that waited 15 s in line; Retry-After says when to try again."),
  HEADERS_TOO_LARGE("headers_too_large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request header fields too large",
      "Request headers over 256 KB."),
  ARCHIVE_UNAVAILABLE("archive_unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
      "The archive cannot answer now (a server still building or opening its index at start, which says how "
      + "far it has got; an OpenSearch cluster with no node answering, or part of the archive with no copy on a "
      + "running node): nothing partial is answered; Retry-After says when to try again."),
  INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error",
      "The server failed; the error is in its log."),
  HTTP_VERSION_NOT_SUPPORTED("http_version_not_supported", HttpStatus.HTTP_VERSION_NOT_SUPPORTED, "HTTP version not supported",
      "A request in another HTTP version than 1.0 or 1.1."),
  ARCHIVE_FULL("archive_full", HttpStatus.INSUFFICIENT_STORAGE, "Insufficient storage",
      "A write (articles posted or deleted, a curation change, a saved search's run) met a full disk under the "
      + "archive: nothing of the request was kept, the archive and its curation are as they were, and searches are "
      + "answered meanwhile. Free space on that disk, then send the same request again.");

  /** Where the problem types are described, each at this path followed by its code. */
  public static final String TYPE_PATH = "/api/problems/";

  private final String code;
  private final HttpStatus status;
  private final String title;
  private final String description;

  ProblemCode(String code, HttpStatus status, String title, String description) {
    this.code = code;
    this.status = status;
    this.title = title;
    this.description = description;
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

  /**
   * The problem's type (RFC 9457, 3.1.1): {@code /api/problems/<code>}, the same on every server, a
   * reference relative to the server that answered, where a GET describes it ({@link #description()}).
   */
  public String type() {
    return TYPE_PATH + code;
  }

  /** What this kind of problem means and what to do about it, as the OpenAPI document says it. */
  public String description() {
    return description;
  }

  /** The kind of problem a code names, if it names one. */
  public static java.util.Optional<ProblemCode> ofCode(String code) {
    return java.util.Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
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
