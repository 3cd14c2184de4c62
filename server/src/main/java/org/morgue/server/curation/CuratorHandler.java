package org.morgue.server.curation;

import io.javalin.http.Context;

/**
 * Whose a token is: {@code GET /api/curator}. The page asks when a curator signs in, so a mistyped
 * token is refused then, not at the first change, and the page can say who is signed in. The route
 * needs a curator's token like every change (WriteAccess answers 401 or 403 before this runs).
 */
public final class CuratorHandler {
  /** The curator a token names. */
  public record Curator(String name) {}

  public void whoAmI(Context ctx) {
    ctx.json(new Curator(CurationRequests.curator(ctx)));
  }
}
