package org.morgue.server.http;

import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.ResourceHandler;
import io.javalin.http.staticfiles.StaticFileConfig;
import io.javalin.jetty.JettyResourceHandler;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The page's files, served by Javalin's own handler. The page itself ({@code /}, {@code /index.html})
 * is revalidated on each use ({@code Cache-Control: no-cache}, an {@code ETag}, a bodiless {@code 304})
 * and names every other file under a folder carrying a stamp of this build and of the files' own
 * bytes: {@code s/<stamp>/app.js}. Those are served {@code public, max-age=31536000, immutable}: a
 * browser keeps them for a year without asking, and a new Morgue (or any edited file) gets a new
 * stamp, so new URLs. The modules import each other by relative name ({@code ./dom.js}), which resolves
 * inside the same stamped folder, so old and new modules never mix and no JavaScript is rewritten. The
 * files stay served at their plain names too ({@code /app.js}), revalidated like the page.
 */
public final class PageFiles implements ResourceHandler {
  /** The classpath folder of the page's files. */
  public static final String DIRECTORY = "/morgue-web";
  /** Cache-Control of the page and of the files under their plain names. */
  public static final String CACHE_CONTROL = "no-cache";
  /** Cache-Control of the files under their stamped folder. */
  public static final String IMMUTABLE = "public, max-age=31536000, immutable";

  // href="style.css", src="app.js": a plain file name in the page's own folder.
  private static final Pattern LOCAL_REFERENCE = Pattern.compile("(href|src)=\"([A-Za-z0-9_-]+\\.(?:js|css))\"");

  private final JettyResourceHandler files = new JettyResourceHandler();
  private final String buildTag;
  private final String stamp;
  private final byte[] page;
  private final String pageTag;

  public PageFiles(String build) {
    this.buildTag = Freshness.digest(build);
    this.stamp = stamp(build);
    this.page = rewrite(read("index.html"), stamp).getBytes(StandardCharsets.UTF_8);
    this.pageTag = "W/\"" + buildTag + "-" + stamp + "\"";
  }

  /** Where the stamped files are served: {@code /s/<stamp>}. */
  public String stampedPath() {
    return "/s/" + stamp;
  }

  /** The page with each of its local references moved into the stamped folder (relative, as written). */
  static String rewrite(String html, String stamp) {
    Matcher m = LOCAL_REFERENCE.matcher(html);
    return m.replaceAll(r -> r.group(1) + "=\"s/" + stamp + "/" + r.group(2) + "\"");
  }

  @Override
  public void init(CompressionStrategy compressionStrategy) {
    files.init(compressionStrategy);
  }

  private static boolean isPage(Context ctx) {
    return ctx.path().equals("/") || ctx.path().equals("/index.html");
  }

  @Override
  public boolean canHandle(Context ctx) {
    return isPage(ctx) || files.canHandle(ctx);
  }

  @Override
  public boolean handle(Context ctx) {
    if (isPage(ctx) && (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD)) {
      ctx.header("Cache-Control", CACHE_CONTROL).header("ETag", pageTag).contentType("text/html; charset=utf-8");
      String ifNoneMatch = ctx.header("If-None-Match");
      if (ifNoneMatch != null && Freshness.matches(ifNoneMatch, pageTag)) {
        notModified(ctx);
      } else {
        ctx.result(page);
      }
      return true;
    }
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
      try {
        if (unsent != null) {
          unsent.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close " + ctx.path(), e);
      }
      notModified(ctx);
    }
    return true;
  }

  /** The bodiless 304, as {@link Freshness#notModifiedAnswer} makes it, with nothing left to send. */
  private static void notModified(Context ctx) {
    ctx.result(new byte[0]);
    ctx.res().setHeader("Content-Length", null);
    try {
      Freshness.notModifiedAnswer(ctx);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot answer " + ctx.path(), e);
    }
  }

  @Override
  public boolean addStaticFileConfig(StaticFileConfig config) {
    return files.addStaticFileConfig(config);
  }

  @Override
  public Set<RouteRole> resourceRouteRoles(Context ctx) {
    return files.resourceRouteRoles(ctx);
  }

  private static String read(String name) {
    try (InputStream in = PageFiles.class.getResourceAsStream(DIRECTORY + "/" + name)) {
      if (in == null) {
        throw new IllegalStateException(DIRECTORY + "/" + name + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /**
   * A digest of the build and of every page file's name and bytes: a rebuilt Morgue, or a file edited
   * while the build stamp stays the same (a run from unbuilt sources), both give a new stamp.
   */
  static String stamp(String build) {
    StringBuilder all = new StringBuilder(build);
    for (String name : fileNames()) {
      all.append('\n').append(name).append('\n').append(Freshness.digest(read(name)));
    }
    return Freshness.digest(all.toString()).substring(0, 12);
  }

  // Synchronized: a server opens the web jar as a file system and closes it after listing, and a
  // second server made at the same moment (tests start several in one JVM) listed through the first's
  // file system just as it closed.
  private static synchronized List<String> fileNames() {
    URL folder = PageFiles.class.getResource(DIRECTORY);
    if (folder == null) {
      throw new IllegalStateException(DIRECTORY + " is not on the classpath");
    }
    try {
      URI uri = folder.toURI();
      if (!uri.getScheme().equals("jar")) {
        return names(Path.of(uri));
      }
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return names(jar.provider().getPath(uri));
      } catch (FileSystemAlreadyExistsException e) {
        return names(FileSystems.getFileSystem(uri).provider().getPath(uri));
      }
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot list " + folder, e);
    }
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> listed = Files.list(folder)) {
      return listed.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
