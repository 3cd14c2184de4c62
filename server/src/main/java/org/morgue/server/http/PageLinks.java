package org.morgue.server.http;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Link} header (RFC 8288) naming an answer's next page, {@code <...>; rel="next"}: HTTP
 * clients that page by it (GitHub's and GitLab's convention, and the libraries written for them)
 * walk Morgue's pages as they walk those, without reading the body's cursor. The target is a
 * path and query, so it holds behind any host; behind a proxy that serves Morgue under a path, it is
 * under the path of {@code --public-url}.
 */
public final class PageLinks {
  private PageLinks() {}

  /** Says where the next page is. */
  public static void next(Context ctx, String target) {
    ctx.header("Link", "<" + target + ">; rel=\"next\"");
  }

  /**
   * The request's path and query with one parameter set to a value: every other parameter as the
   * client sent it, in its order, and any value the parameter had replaced.
   */
  public static String withParameter(Context ctx, String name, String value) {
    List<String> kept = new ArrayList<>();
    String query = ctx.queryString();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        int equals = pair.indexOf('=');
        String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        if (!pair.isEmpty() && !key.equals(name)) {
          kept.add(pair);
        }
      }
    }
    kept.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    return PublicAddress.path(ctx, ctx.path()) + "?" + String.join("&", kept);
  }
}
