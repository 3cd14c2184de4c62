package org.morgue.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.morgue.indexer.ingest.IndexProgress;
import org.morgue.server.http.AcceptHeader;
import org.morgue.server.http.RequestIds;
import org.morgue.server.http.SecurityHeaders;
import org.morgue.server.problem.Problem;
import org.morgue.server.problem.ProblemCode;

/**
 * What answers on the server's address while {@code morgue serve} gets the archive ready: a rebuild of
 * the sample corpus on a first start or after an upgrade takes seconds, and an archive of a million
 * articles about ten minutes. Until 2026-12-07 the port stayed closed meanwhile, and a client, a
 * proxy's health check or a reader's browser met "connection refused", which says nothing of a server
 * busy starting. Now every request is answered {@code 503} with {@code Retry-After}: for the API (and
 * any client that does not ask for a page) the {@code archive_unavailable} problem, saying how far the
 * indexing has got; for a browser asking for a page, a page that says the same and reloads itself.
 *
 * <p>It is the JDK's own small HTTP server, not Javalin: it has one answer for every path and method,
 * and is stopped, freeing the port, just before the real server binds it (a client in those few
 * milliseconds is refused a connection, as before).
 */
public final class StartingServer implements AutoCloseable {
  /** Seconds a client is asked to wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The search page's type and colours, inline: the page's own style sheet is not served yet. */
  private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1c1f24;"
      + "max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}h1{font-size:1.6rem;margin:0 0 .5rem}"
      + "p{color:#5a6270}";
  /** The policy every answer carries, allowing the page's inline style sheet (by its hash) and nothing else inline. */
  private static final String PAGE_POLICY = SecurityHeaders.contentSecurityPolicyWithStyle(STYLE);

  private final HttpServer server;
  private final ExecutorService threads;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
  private final AtomicReference<String> state = new AtomicReference<>("opening the archive");

  private StartingServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** Listens on the address until {@link #close()}; fails as binding the port fails (in use, say). */
  public static StartingServer start(String host, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    ExecutorService threads = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("morgue-starting-", 0).factory());
    StartingServer starting = new StartingServer(server, threads);
    server.createContext("/", starting::answer);
    server.setExecutor(threads);
    server.start();
    return starting;
  }

  /** The port it listens on (the one asked for, or the one the system chose for 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Says what the server is doing now, in a few words ("opening the index"). */
  public void doing(String what) {
    state.set(what);
  }

  /** Progress that tells clients how far an indexing run has got, and tells {@code also} too. */
  public IndexProgress reporting(IndexProgress also) {
    return new IndexProgress() {
      private int files;

      @Override
      public void started(int files) {
        this.files = files;
        doing("indexing the archive: 0 of " + files + " files read");
        also.started(files);
      }

      @Override
      public void advanced(int filesDone, int articles) {
        // Articles are counted as they are written, a batch behind the files read: none is no news.
        doing(String.format(Locale.ROOT, "indexing the archive: %,d of %,d files read", filesDone, files)
            + (articles > 0 ? String.format(Locale.ROOT, ", %,d articles", articles) : ""));
        also.advanced(filesDone, articles);
      }

      @Override
      public void finished() {
        doing("opening the index");
        also.finished();
      }
    };
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
      String detail = "Morgue is starting (" + state.get() + "); try again in a few seconds";
      boolean page = !exchange.getRequestURI().getPath().startsWith("/api/")
          && AcceptHeader.parse(exchange.getRequestHeaders().getFirst("Accept")).quality("text/html", false)
              .filter(quality -> quality > 0).isPresent();
      byte[] body;
      if (page) {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        // Reloads itself, so a reader who opened the page early sees the archive once it is served.
        body = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\""
            + RETRY_AFTER_SECONDS + "\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>Morgue is starting</title><style>" + STYLE + "</style></head><body><h1>Morgue is starting</h1><p>"
            + escape(capitalised(state.get())) + ". This page reloads itself every " + RETRY_AFTER_SECONDS
            + " seconds until the archive is served.</p></body></html>").getBytes(StandardCharsets.UTF_8);
      } else {
        exchange.getResponseHeaders().set("Content-Type", Problem.MEDIA_TYPE);
        body = JSON.writeValueAsBytes(Problem.of(ProblemCode.ARCHIVE_UNAVAILABLE, detail, null));
      }
      // Sent as "Retry-after" (and "Content-type", "X-request-id", "X-content-type-options",
      // "Content-security-policy"...): the JDK's Headers keep a name's first letter upper case and lower
      // the rest, with no way to say otherwise. Left so: header names are case-insensitive (RFC 9110,
      // 5.1; HTTP/2 sends them all lower case) and every client and proxy reads them so; mending it
      // means writing HTTP by hand for a server that lives for a start.
      // The headers every other answer carries: the page is a page like the server's own (it was sent
      // without them, framable and sniffable, for the seconds or minutes of a start).
      SecurityHeaders.ALL.forEach(exchange.getResponseHeaders()::set);
      if (page) {
        exchange.getResponseHeaders().set("Content-Security-Policy", PAGE_POLICY);
      }
      exchange.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
      exchange.getResponseHeaders().set(RequestIds.HEADER,
          RequestIds.choose(exchange.getRequestHeaders().getFirst(RequestIds.HEADER)));
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
      exchange.sendResponseHeaders(ProblemCode.ARCHIVE_UNAVAILABLE.status(), head ? -1 : body.length);
      if (!head) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Stops listening at once, freeing the port for the real server; again, does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      threads.shutdownNow();
    }
  }
}
