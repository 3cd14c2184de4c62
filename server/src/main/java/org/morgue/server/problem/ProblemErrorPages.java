package org.morgue.server.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.morgue.server.http.Cors;
import org.eclipse.jetty.util.Callback;
import org.morgue.server.http.RequestIds;
import org.morgue.server.http.SecurityHeaders;

/**
 * Jetty's answers to requests it refuses before Javalin sees them (a request line it cannot parse, a
 * bad URI encoding such as {@code /api/articles/%00}, an unknown HTTP version, headers over the
 * limit): the same {@code application/problem+json} as Morgue's own problems, with the security
 * headers and a request id, instead of Jetty's HTML page.
 */
public final class ProblemErrorPages extends ErrorHandler {
  private static final int MAX_DETAIL = 200;

  private final ObjectMapper json;

  public ProblemErrorPages(ObjectMapper json) {
    this.json = json;
    setShowStacks(false);
  }

  /** Every method gets a body, not only GET, POST and HEAD (Jetty's default). */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
      Callback callback) throws IOException {
    SecurityHeaders.ALL.forEach(response.getHeaders()::put);
    if (!response.getHeaders().contains(RequestIds.HEADER)) {
      response.getHeaders().put(RequestIds.HEADER, RequestIds.choose(request.getHeaders().get(RequestIds.HEADER)));
    }
    if (!response.getHeaders().contains("Access-Control-Allow-Origin")) {
      // A refusal Jetty makes before Morgue reads the request (a malformed path, a URI or headers too
      // long) is as public as any read: without these a script on another origin saw only "Failed to
      // fetch", never the problem saying what was wrong (a developer's trial, session 43). Said whether
      // or not an Origin came: a request line too long is refused before its headers are read.
      response.getHeaders().put("Access-Control-Allow-Origin", "*");
      response.getHeaders().put("Access-Control-Expose-Headers", Cors.EXPOSED);
    }
    if (status == HttpStatus.UPGRADE_REQUIRED_426) {
      // Jetty's answer to "HTTP/2.0" on an HTTP/1 connection. 426 would ask the client to switch to
      // another protocol; this server speaks HTTP/1.1 only, which is RFC 9110's 505.
      ProblemCode code = ProblemCode.HTTP_VERSION_NOT_SUPPORTED;
      send(response, code, "this server speaks HTTP/1.1 (and 1.0): send the request as HTTP/1.1", callback);
      return;
    }
    ProblemCode code = ProblemCode.ofStatus(status);
    send(response, code, badEscape(cause).orElseGet(() -> detail(status, message)), callback);
  }

  private void send(Response response, ProblemCode code, String detail, Callback callback) throws IOException {
    response.setStatus(code.status());
    byte[] body = json.writeValueAsBytes(Problem.of(code, detail, null));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE + ";charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /**
   * What is wrong with an address Jetty refuses as a bare "Bad Request", read from its cause: a broken
   * percent-escape ({@code /api/articles/%ZZ}, a trailing {@code 100%}: a digit that is not
   * hexadecimal), an escaped control character ({@code %00}: "Illegal character in path"), or dot
   * segments that climb above the root ({@code /../../etc/passwd}: "Bad URI"); empty for any other
   * refusal. Jetty keeps no copy of the address to quote.
   */
  private static Optional<String> badEscape(Throwable cause) {
    for (Throwable at = cause; at != null; at = at.getCause()) {
      String message = String.valueOf(at.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (at instanceof NumberFormatException && message.contains("hex")
          || at instanceof IllegalArgumentException && message.contains("encoding")) {
        return Optional.of("the address has a % that is not followed by two hexadecimal digits; in an address %20"
            + " is a space, and a % sign itself is written %25");
      }
      if (at instanceof IllegalArgumentException && message.contains("illegal character")) {
        return Optional.of("the address holds a character that cannot stand in an address (a control character"
            + " such as %00, %0A or %7F); leave it out");
      }
      if (at instanceof IllegalArgumentException && message.equals("bad uri")) {
        return Optional.of("the address climbs above the server's root with '..' segments; write the path from"
            + " the root, such as /api/articles/ID");
      }
    }
    return Optional.empty();
  }

  /** Jetty's reason ("Bad UTF-8 encoding", "No Host"), said for people and kept short and printable. */
  private static String detail(int status, String message) {
    String reason = message == null || message.isBlank() ? "status " + status : message;
    reason = reason.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    if (reason.length() > MAX_DETAIL) {
      reason = reason.substring(0, MAX_DETAIL) + "…";
    }
    return "the request was refused before it reached Morgue: " + reason;
  }
}
