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

  /** Authentication schemes from IANA's registry and common use, which a refusal may name as sent. */
  private static final java.util.Set<String> KNOWN_SCHEMES = java.util.Set.of("basic", "digest", "negotiate", "ntlm",
      "hoba", "mutual", "oauth", "scram-sha-1", "scram-sha-256", "vapid", "token", "aws4-hmac-sha256", "dpop",
      "privatetoken", "concealed");

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
      String authorization = ctx.header("Authorization");
      throw new UnauthorizedResponse(authorization == null
          ? (asks ? "this asks whose a curator's token is: send Authorization: Bearer <token>"
              : "this request changes the archive: send Authorization: Bearer <token>")
          : otherScheme(authorization).map(scheme -> "Authorization " + scheme + ", and this server takes"
              + " a curator's token as a bearer token: send Authorization: Bearer <token>")
          .orElse("the bearer token is not one this server was started with"));
    }
    ctx.attribute(CURATOR, curator.get());
  }

  /**
   * What an Authorization header holds when it is not a bearer credential, in words ("uses the Basic
   * scheme"); empty for one: a Basic one was told its bearer token was wrong, though it sent none. A
   * scheme is named only when it is a known one, as a header of a bare token would show the token.
   */
  private static Optional<String> otherScheme(String authorization) {
    String value = authorization.strip();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    if (scheme.equalsIgnoreCase("Bearer")) {
      return Optional.empty();
    }
    return Optional.of(KNOWN_SCHEMES.contains(scheme.toLowerCase(java.util.Locale.ROOT))
        ? "uses the " + scheme + " scheme" : "holds no bearer token");
  }
}
