package org.morgue.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * The one check that a client takes what the JSON endpoints answer: a request whose {@code Accept}
 * header excludes both {@code application/json} and {@code application/problem+json} (RFC 9110,
 * 12.5.1: the most specific media range that matches a type gives its quality, and {@code q=0}
 * refuses it) is answered 406 before any work is done, rather than with JSON it said it cannot read.
 * No Accept, an empty one, {@code *}{@code /*}, {@code application/*} and a browser's list ending in
 * {@code *}{@code /*;q=0.8} all take JSON. Endpoints that answer other types choose among them by their
 * own parameters and Accept (exports, feeds) and are left to do so, as are the page's files (outside
 * {@code /api}) and DELETE, whose answers are mostly empty.
 */
public final class JsonAnswers {
  private static final String PROBLEM = "application/problem+json";
  /** The last segment of the paths whose answers are files or feeds, not JSON. */
  private static final Set<String> OWN_TYPES = Set.of("export", "feed");

  private JsonAnswers() {}

  /** A before-matched handler: refuses a request to a JSON endpoint whose Accept takes no JSON. */
  public static void require(Context ctx) {
    if (!ctx.path().startsWith("/api/") || ctx.method() == HandlerType.DELETE || ctx.method() == HandlerType.OPTIONS) {
      return;
    }
    String template = ctx.endpoints().matchedHttpEndpoint().path;
    if (OWN_TYPES.contains(template.substring(template.lastIndexOf('/') + 1))) {
      return;
    }
    String accept = ctx.header("Accept");
    if (!accepts(accept)) {
      throw new NotAcceptableException("this endpoint answers application/json (and problems as"
          + " application/problem+json), which Accept: " + accept.strip() + " does not take");
    }
  }

  /** Whether an Accept header takes JSON or a JSON problem; an absent or unreadable one takes anything. */
  static boolean accepts(String accept) {
    AcceptHeader header = AcceptHeader.parse(accept);
    // A problem is the refusal's own type, taken only when named: "application/json;q=0, */*"
    // refuses JSON, though */* would take a problem.
    return header.takesAnything() || header.quality("application/json", true).orElse(0.0) > 0
        || header.quality(PROBLEM, false).orElse(0.0) > 0;
  }

  /** A request to a JSON endpoint whose Accept takes no JSON: answered 406. */
  public static final class NotAcceptableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotAcceptableException(String message) {
      super(message);
    }
  }
}
