package org.morgue.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The headers every answer carries, whoever writes it: Javalin's handlers, its static files, and
 * Jetty's own error pages for requests refused before they reach Javalin (an ambiguous path like
 * {@code /../etc/passwd}, a malformed request line).
 */
final class SecurityHeaders {
  /** The page loads only its own scripts and styles: markup smuggled in an article can never run. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  static final Map<String, String> ALL = Map.of(
      "Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY");

  private SecurityHeaders() {}

  /** Sets the headers on an answer Javalin is writing. */
  static void apply(Context ctx) {
    ALL.forEach(ctx::header);
  }

  /** Jetty's error pages, with the headers and without stack traces. */
  static final class ErrorPages extends ErrorHandler {
    ErrorPages() {
      setShowStacks(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
        Callback callback) throws IOException {
      ALL.forEach(response.getHeaders()::put);
      super.generateResponse(request, response, code, message, cause, callback);
    }
  }
}
