package org.morgue.server.http;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;

/**
 * Where readers reach the server, for the absolute links a feed must carry (a feed reader follows
 * them from anywhere, so a relative link will not do): the {@code --public-url} a server behind a
 * reverse proxy is given, else the scheme and {@code Host} each request came with. Behind a proxy that
 * terminates TLS or rewrites the host, the request's own address is the proxy's view of the server
 * ({@code http://10.0.0.5:7070}), which no subscriber can reach.
 */
public final class PublicAddress {
  private final Optional<String> base;

  private PublicAddress(Optional<String> base) {
    this.base = base;
  }

  /** Links made from each request's scheme and Host header. */
  public static PublicAddress fromRequests() {
    return new PublicAddress(Optional.empty());
  }

  /**
   * Links made from this address, e.g. {@code https://news.example.org} or, where the proxy serves
   * Morgue under a path and strips it, {@code https://news.example.org/morgue}.
   *
   * @throws IllegalArgumentException when it is not an absolute http or https URL without a query
   */
  public static PublicAddress of(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("--public-url must be a URL such as https://news.example.org, not '" + url + "'");
    }
    if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null
        || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("--public-url must be an http or https URL such as https://news.example.org,"
          + " with no query, fragment or user name, not '" + url + "'");
    }
    return new PublicAddress(Optional.of(uri.toString().replaceAll("/+$", "")));
  }

  /** Where handlers find the server's address: a request attribute set before every route. */
  public static final String ATTRIBUTE = "morgue.publicAddress";

  /** Makes this the address the request's links are made from ({@link #path}). */
  public void attach(Context ctx) {
    ctx.attribute(ATTRIBUTE, this);
  }

  /**
   * A path of the server's, {@code /api/...}, as a link a client follows must name it: under the
   * path of {@code --public-url} where a proxy serves Morgue below one and strips it ({@code
   * /morgue/api/...}), else as it is.
   */
  public static String path(Context ctx, String serverPath) {
    PublicAddress address = ctx.attribute(ATTRIBUTE);
    return address == null ? serverPath : address.prefix() + serverPath;
  }

  private String prefix() {
    return base.map(url -> URI.create(url).getRawPath()).orElse("");
  }

  /** The site's address, without a trailing slash: the page is at {@code site + "/"}. */
  public String site(Context ctx) {
    return base.orElseGet(() -> ctx.scheme() + "://" + ctx.host());
  }

  /** The address of the request itself, path and query as the client sent them. */
  public String requestUrl(Context ctx) {
    String query = ctx.queryString();
    return site(ctx) + ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
  }
}
