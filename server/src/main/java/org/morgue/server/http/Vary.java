package org.morgue.server.http;

import io.javalin.http.Context;
import java.util.Arrays;

/** The {@code Vary} header, to which several conventions each add the request header they depend on. */
public final class Vary {
  private Vary() {}

  /** Adds a header name to the answer's {@code Vary}, once. */
  public static void add(Context ctx, String header) {
    String current = ctx.res().getHeader("Vary");
    if (current == null || current.isBlank()) {
      ctx.header("Vary", header);
    } else if (Arrays.stream(current.split(",")).map(String::trim).noneMatch(header::equalsIgnoreCase)) {
      ctx.header("Vary", current + ", " + header);
    }
  }
}
