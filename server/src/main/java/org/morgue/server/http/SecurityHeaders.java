package org.morgue.server.http;

import io.javalin.http.Context;
import java.util.Map;

/**
 * The headers every answer carries, whoever writes it: Javalin's handlers, its static files, and
 * Jetty's own error pages for requests refused before they reach Javalin (an ambiguous path like
 * {@code /../etc/passwd}, a malformed request line), which
 * {@link org.morgue.server.problem.ProblemErrorPages} writes.
 */
public final class SecurityHeaders {
  /** The page loads only its own scripts and styles: markup smuggled in an article can never run. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  public static final Map<String, String> ALL = Map.of(
      "Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY");

  private SecurityHeaders() {}

  /** Sets the headers on an answer Javalin is writing. */
  public static void apply(Context ctx) {
    ALL.forEach(ctx::header);
  }
}
