package org.morgue.server.http;

import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, whoever answered it (Javalin, its static files, or Jetty refusing the
 * request): method, path, status, milliseconds, request id, the client's address and, for a change,
 * the curator whose token was admitted. Never the query string nor any header, so neither a bearer
 * token nor whatever a query holds reaches the log. The address is the connection's: behind a proxy,
 * the proxy's, whose own log names the client.
 */
public final class AccessLog implements RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("org.morgue.server.access");
  private static final int MAX_PATH = 300;

  /**
   * The request attribute naming the curator a change was admitted for (set by the write access
   * check), so the line says who changed the archive.
   */
  public static final String CURATOR = "morgue.curator";

  /**
   * What is logged of one request.
   *
   * @param method the request method
   * @param path the path, without the query string, non-printable characters escaped
   * @param status the status answered
   * @param millis from the request's arrival to its answer's completion
   * @param requestId the {@code X-Request-Id} answered
   * @param client the address the request came from
   * @param curator the curator a change was admitted for; "-" for anyone else
   */
  public record Entry(String method, String path, int status, long millis, String requestId, String client,
      String curator) {
    /** The log line, e.g. {@code GET /api/search 200 12 ms id=4f6c... client=10.0.0.7 curator=-}. */
    public String line() {
      return method + " " + path + " " + status + " " + millis + " ms id=" + requestId + " client=" + client
          + " curator=" + curator;
    }
  }

  private final Consumer<Entry> sink;

  public AccessLog(Consumer<Entry> sink) {
    this.sink = sink;
  }

  /** The log Morgue writes: the {@code org.morgue.server.access} logger at INFO. */
  public static AccessLog toLogger() {
    return new AccessLog(entry -> LOG.info(entry.line()));
  }

  @Override
  public void log(Request request, Response response) {
    String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
    String id = response.getHeaders().get(RequestIds.HEADER);
    Object curator = request.getAttribute(CURATOR);
    sink.accept(new Entry(printable(request.getMethod(), 20), printable(path, MAX_PATH), response.getStatus(),
        NanoTime.millisSince(request.getBeginNanoTime()), id == null ? "-" : id,
        printable(Request.getRemoteAddr(request), 60), printable(curator == null ? null : curator.toString(), 60)));
  }

  /** A value that cannot forge or break a log line. */
  private static String printable(String value, int max) {
    if (value == null || value.isEmpty()) {
      return "-";
    }
    StringBuilder out = new StringBuilder();
    value.codePoints().limit(max).forEach(c -> {
      if (c < 0x20 || c == 0x7f || c == ' ') {
        out.append(String.format("%%%02X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return value.codePointCount(0, value.length()) > max ? out + "…" : out.toString();
  }
}
