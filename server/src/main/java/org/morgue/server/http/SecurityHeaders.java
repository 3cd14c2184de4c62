package org.morgue.server.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The headers every answer carries, whoever writes it: Javalin's handlers, its static files, Jetty's
 * own error pages for requests refused before they reach Javalin (an ambiguous path like
 * {@code /../etc/passwd}, a malformed request line), which
 * {@link org.morgue.server.problem.ProblemErrorPages} writes, and the JDK server that answers while
 * the server starts ({@link org.morgue.server.StartingServer}).
 */
public final class SecurityHeaders {
  /** The page loads only its own scripts and styles: markup smuggled in an article can never run. */
  public static final String CONTENT_SECURITY_POLICY = policy("'self'");

  public static final Map<String, String> ALL = Map.of(
      "Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY");

  private SecurityHeaders() {}

  private static String policy(String styleSources) {
    return "default-src 'self'; script-src 'self'; style-src " + styleSources + "; "
        + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
  }

  /**
   * The same policy for a page that must carry its one style sheet inline (the page a starting server
   * answers, before the page's own files are served): that sheet is allowed by its hash, nothing else.
   */
  public static String contentSecurityPolicyWithStyle(String style) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
      return policy("'self' 'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Sets the headers on an answer Javalin is writing. */
  public static void apply(Context ctx) {
    ALL.forEach(ctx::header);
  }
}
