package org.morgue.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-origin access: the read API is public, so a web app on any origin may call it
 * ({@code Access-Control-Allow-Origin: *}, preflights answered); writes are granted only to the
 * origins the operator listed ({@code --cors-origin}). A browser on any other origin is never told it
 * may write, so it refuses to send the write; the bearer token still guards every write whoever sends it.
 */
public final class Cors {
  /** Answer headers a script on another origin may read. */
  public static final String EXPOSED = "X-Request-Id, ETag, Last-Modified, X-Morgue-Provenance, Morgue-Unknown-Filters, "
      + "Content-Disposition, "
      + "Retry-After, Allow, WWW-Authenticate, Link, Location";
  public static final String READ_METHODS = "GET, HEAD";
  // Every method a write uses: curation replaces with PUT and changes with PATCH, not only POST and DELETE.
  public static final String ALL_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
  /** How long a browser may reuse a preflight's answer, in seconds. */
  public static final int MAX_AGE = 600;

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final Set<String> writeOrigins;

  public Cors(List<String> writeOrigins) {
    this.writeOrigins = Set.copyOf(writeOrigins.stream().map(Cors::normalise).toList());
  }

  /** A before-handler: answers preflights itself and marks other cross-origin answers. */
  public void apply(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return;
    }
    String requested = ctx.header("Access-Control-Request-Method");
    if (ctx.method() == HandlerType.OPTIONS && requested != null) {
      preflight(ctx, origin, requested.trim().toUpperCase(Locale.ROOT));
      ctx.skipRemainingHandlers();
    } else if (READS.contains(ctx.method().name())) {
      ctx.header("Access-Control-Allow-Origin", "*").header("Access-Control-Expose-Headers", EXPOSED);
    } else if (mayWrite(origin)) {
      ctx.header("Access-Control-Allow-Origin", origin).header("Access-Control-Expose-Headers", EXPOSED);
      Vary.add(ctx, "Origin");
    }
  }

  private void preflight(Context ctx, String origin, String method) {
    boolean write = !READS.contains(method);
    if (write && mayWrite(origin)) {
      ctx.header("Access-Control-Allow-Origin", origin).header("Access-Control-Allow-Methods", ALL_METHODS);
      Vary.add(ctx, "Origin");
    } else {
      // Reads for everyone; a write asked from an unlisted origin is simply not among the methods granted.
      ctx.header("Access-Control-Allow-Origin", "*").header("Access-Control-Allow-Methods", READ_METHODS);
    }
    String headers = ctx.header("Access-Control-Request-Headers");
    if (headers != null && !headers.isBlank()) {
      ctx.header("Access-Control-Allow-Headers", headers);
    }
    ctx.header("Access-Control-Max-Age", Integer.toString(MAX_AGE)).status(204);
    // No after-handler runs past a preflight, and Javalin's default text/plain told of a body not there.
    ctx.res().setContentType(null);
  }

  private boolean mayWrite(String origin) {
    return writeOrigins.contains(normalise(origin));
  }

  /** Origins compare without case and without a trailing slash, as an operator may type them. */
  public static String normalise(String origin) {
    String trimmed = origin.trim().toLowerCase(Locale.ROOT);
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
