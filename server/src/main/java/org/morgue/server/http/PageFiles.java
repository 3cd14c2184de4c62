package org.morgue.server.http;

import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.ResourceHandler;
import io.javalin.http.staticfiles.StaticFileConfig;
import io.javalin.jetty.JettyResourceHandler;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The page's files, served by Javalin's own handler, with an {@code ETag} that also names this build
 * of Morgue: browsers and caches keep the files and revalidate them on each use
 * ({@code Cache-Control: no-cache}, answered with a bodiless {@code 304}), and the tag changes as soon
 * as Morgue is rebuilt. The files keep fixed names (the page's modules import each other by name), so
 * a long {@code max-age} would let a browser run old and new modules together after an upgrade.
 */
public final class PageFiles implements ResourceHandler {
  public static final String CACHE_CONTROL = "no-cache";

  private final JettyResourceHandler files = new JettyResourceHandler();
  private final String buildTag;

  public PageFiles(String build) {
    this.buildTag = Freshness.digest(build);
  }

  @Override
  public void init(CompressionStrategy compressionStrategy) {
    files.init(compressionStrategy);
  }

  @Override
  public boolean canHandle(Context ctx) {
    return files.canHandle(ctx);
  }

  @Override
  public boolean handle(Context ctx) {
    if (!files.handle(ctx)) {
      return false;
    }
    String fileTag = ctx.res().getHeader("ETag");
    if (fileTag == null) {
      return true;
    }
    String etag = "W/\"" + buildTag + "-" + fileTag.replace("W/", "").replace("\"", "") + "\"";
    ctx.header("ETag", etag);
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null && Freshness.matches(ifNoneMatch, etag)) {
      InputStream unsent = ctx.resultInputStream();
      ctx.result(new byte[0]).status(304);
      try {
        if (unsent != null) {
          unsent.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close " + ctx.path(), e);
      }
    }
    return true;
  }

  @Override
  public boolean addStaticFileConfig(StaticFileConfig config) {
    return files.addStaticFileConfig(config);
  }

  @Override
  public Set<RouteRole> resourceRouteRoles(Context ctx) {
    return files.resourceRouteRoles(ctx);
  }
}
