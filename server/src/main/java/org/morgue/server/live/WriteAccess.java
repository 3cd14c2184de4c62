package org.morgue.server.live;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.util.Optional;

/**
 * Who may change the archive, decided once for every route, before its handler runs: a route given the
 * {@link Role#WRITER} role is answered 403 when the server takes no changes (started without a token)
 * and 401 with {@code WWW-Authenticate} when the request does not carry a curator's bearer token;
 * an admitted request carries the curator's name in the {@link #CURATOR} attribute.
 * Routes without the role pass untouched. Installed as a before-matched handler, so it sees the
 * matched route's roles and never runs for a path or method no route takes (those stay 404 or 405).
 */
public final class WriteAccess implements Handler {
  /** What a route asks of its caller. */
  public enum Role implements RouteRole {
    /** Changes the archive (or asks whose a token is): needs live updates on and a curator's token. */
    WRITER
  }

  /** Why a write to a server without live updates is refused. */
  public static final String DISABLED =
      "live updates are disabled: start the server with MORGUE_TOKEN, --token-file or --curators";

  /** The request attribute that names the admitted curator, for the changes record. */
  public static final String CURATOR = org.morgue.server.http.AccessLog.CURATOR;

  private final Optional<LiveUpdates> live;

  public WriteAccess(Optional<LiveUpdates> live) {
    this.live = live;
  }

  @Override
  public void handle(Context ctx) {
    if (!ctx.routeRoles().contains(Role.WRITER)) {
      return;
    }
    LiveUpdates updates = live.orElseThrow(() -> new ForbiddenResponse(DISABLED));
    Optional<String> curator = updates.curators().admit(Optional.ofNullable(ctx.header("Authorization")));
    if (curator.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"morgue\"");
      boolean asks = ctx.method() == io.javalin.http.HandlerType.GET || ctx.method() == io.javalin.http.HandlerType.HEAD;
      throw new UnauthorizedResponse(ctx.header("Authorization") == null
          ? (asks ? "this asks whose a curator's token is: send Authorization: Bearer <token>"
              : "this request changes the archive: send Authorization: Bearer <token>")
          : "the bearer token is not one this server was started with");
    }
    ctx.attribute(CURATOR, curator.get());
  }
}
