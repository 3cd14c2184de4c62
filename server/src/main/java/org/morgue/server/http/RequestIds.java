package org.morgue.server.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} every answer carries: the client's own when it sent a sane one (so a
 * proxy's or a client's id follows the request through the log), else a new random one.
 */
public final class RequestIds {
  /** The header, in requests and answers. */
  public static final String HEADER = "X-Request-Id";

  /** Short, printable and free of anything a log line or a header could be split on. */
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:+/=@-]{1,128}");

  private RequestIds() {}

  /** The client's id when it is sane, else a new one. */
  public static String choose(String fromClient) {
    return fromClient != null && SANE.matcher(fromClient).matches() ? fromClient : UUID.randomUUID().toString();
  }

  /** Sets the id on an answer Javalin is writing. */
  public static void apply(Context ctx) {
    ctx.header(HEADER, choose(ctx.header(HEADER)));
  }
}
