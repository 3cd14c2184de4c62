package org.morgue.server.http;

import java.nio.charset.StandardCharsets;

/**
 * One segment of a path the server hands out ({@code /api/stories/<id>}), encoded as RFC 3986 says
 * (section 3.3): every byte of the value's UTF-8 outside the unreserved characters is percent-encoded,
 * so a space is {@code %20}, a {@code +} is {@code %2B} and a {@code /} is {@code %2F}, and the
 * server decodes the segment back to the value whatever it holds. Ids come from the sources ("AP
 * 2021/07", "AFP+1"); {@link java.net.URLEncoder} is a form encoder, right for a query's values but
 * not here: its {@code +} for a space is a plus in a path.
 */
public final class PathSegment {
  private static final String HEX = "0123456789ABCDEF";

  private PathSegment() {}

  /** The value as one path segment; letters, digits, {@code -}, {@code .}, {@code _} and {@code ~} stay as they are. */
  public static String of(String value) {
    StringBuilder segment = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == '~') {
        segment.append((char) c);
      } else {
        segment.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
      }
    }
    return segment.toString();
  }
}
