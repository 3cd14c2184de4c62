package org.morgue.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;
import java.util.Set;

/**
 * The one check that a client takes what the JSON endpoints answer: a request whose {@code Accept}
 * header excludes {@code application/json} (RFC 9110, 12.5.1: the most specific media range that
 * matches a type gives its quality, and {@code q=0} refuses it) is answered 406 before any work is
 * done, rather than with JSON it said it cannot read. No Accept, an empty one, {@code *}{@code /*},
 * {@code application/*} and a browser's list ending in {@code *}{@code /*;q=0.8} all take JSON.
 * {@code application/problem+json} alone does not: it is another media type, not a kind of {@code
 * application/json}, and a client naming only it takes a problem and nothing else. Such a client was
 * answered 200 with application/json (a user trial, session 48), which it had not said it reads; now
 * it is answered a 406 problem, the one answer of this endpoint it takes, as {@code image/png} is. Endpoints that answer other types choose among them by their
 * own parameters and Accept (exports, feeds) and are left to do so, as are the page's files (outside
 * {@code /api}) and DELETE, whose answers are mostly empty. The OpenAPI document is JSON with a media
 * type of its own ({@link #OPENAPI}), which a client may ask for instead: that endpoint takes either.
 */
public final class JsonAnswers {
  private static final String JSON = "application/json";
  /** The OpenAPI document's registered media type (its {@code version} parameter aside), which tools may ask for. */
  public static final String OPENAPI = "application/vnd.oai.openapi+json";
  /** The types an endpoint answers besides application/json, by the last segment of its path. */
  private static final Map<String, String> ALSO = Map.of("openapi.json", OPENAPI);
  /** The last segment of the paths whose answers are files or feeds, not JSON. */
  private static final Set<String> OWN_TYPES = Set.of("export", "feed");

  private JsonAnswers() {}

  /** A before-matched handler: refuses a request to a JSON endpoint whose Accept takes no JSON. */
  public static void require(Context ctx) {
    if (!ctx.path().startsWith("/api/") || ctx.method() == HandlerType.DELETE || ctx.method() == HandlerType.OPTIONS) {
      return;
    }
    String template = ctx.endpoints().matchedHttpEndpoint().path;
    String last = template.substring(template.lastIndexOf('/') + 1);
    if (OWN_TYPES.contains(last)) {
      return;
    }
    String accept = ctx.header("Accept");
    boolean takesOwnType = ALSO.containsKey(last) && takesNamed(AcceptHeader.parse(accept), ALSO.get(last));
    if (!accepts(accept) && !takesOwnType) {
      throw new NotAcceptableException("this endpoint answers application/json, which Accept: " + accept.strip()
          + " does not take (problems, such as this one, are application/problem+json: a client that reads"
          + " answers names application/json too)");
    }
  }

  /**
   * Whether an Accept header takes JSON, what a JSON endpoint answers when it succeeds; an absent or
   * unreadable one takes anything. Taking problems is not enough: an endpoint that may only fail is
   * no endpoint a client asked for.
   */
  static boolean accepts(String accept) {
    AcceptHeader header = AcceptHeader.parse(accept);
    return header.takesAnything() || header.quality(JSON, true).orElse(0.0) > 0;
  }

  /**
   * What to answer an endpoint that also has a JSON type of its own ({@link #OPENAPI}): application/json,
   * unless the request's Accept takes that type and not application/json (by name or wildcard). A
   * client naming both, or neither, gets application/json, which every JSON reader takes.
   */
  public static String chooseType(Context ctx, String own) {
    AcceptHeader header = AcceptHeader.parse(ctx.header("Accept"));
    boolean takesJson = header.takesAnything() || header.quality(JSON, true).orElse(0.0) > 0;
    return !takesJson && takesNamed(header, own) ? own : JSON;
  }

  private static boolean takesNamed(AcceptHeader header, String type) {
    return header.quality(type, false).orElse(0.0) > 0;
  }

  /** A request to a JSON endpoint whose Accept takes no JSON: answered 406. */
  public static final class NotAcceptableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotAcceptableException(String message) {
      super(message);
    }
  }
}
