package org.morgue.server.api;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;

/**
 * Refuses a query string whose percent-encoding is broken ({@code q=%ZZ}, {@code q=50%}) instead of
 * letting the server read it leniently: Jetty drops what it cannot decode, so {@code /api/search?q=%ZZ}
 * searched for everything and answered 200 with the whole archive. A request is taken as sent or
 * refused, never guessed at.
 */
public final class QueryStrings {
  private QueryStrings() {}

  /** Before every API request: a 400 {@code malformed_request} naming the parameter at fault. */
  public static void requireWellFormed(Context ctx) throws BadRequestException {
    String query = ctx.queryString();
    if (query == null || query.indexOf('%') < 0) {
      return;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      int badInName = badEscape(name);
      if (badInName >= 0) {
        throw refused(null, "a parameter name", name, badInName);
      }
      int badInValue = badEscape(value);
      if (badInValue >= 0) {
        String decodedName = URLDecoder.decode(name, StandardCharsets.UTF_8);
        throw refused(decodedName, "the value of '" + decodedName + "'", value, badInValue);
      }
      // Escapes that are well formed but make no UTF-8 text (q=caf%C3) were read as U+FFFD and searched.
      if (!isUtf8(name)) {
        throw notUtf8(null, "a parameter name");
      }
      if (!isUtf8(value)) {
        String decodedName = URLDecoder.decode(name, StandardCharsets.UTF_8);
        throw notUtf8(decodedName, "the value of '" + decodedName + "'");
      }
    }
  }

  private static BadRequestException notUtf8(String parameter, String where) {
    return new BadRequestException(ProblemCode.MALFORMED_REQUEST, parameter, where + " is not UTF-8 text: its"
        + " percent-encoded bytes make no character (as '%C3' alone, a character cut short); send text"
        + " percent-encoded as UTF-8");
  }

  /** Whether the percent-decoded bytes of a well-formed query part are UTF-8 text. */
  static boolean isUtf8(String part) {
    if (part.indexOf('%') < 0) {
      return true;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(part.length());
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '%') {
        bytes.write(Integer.parseInt(part, i + 1, i + 3, 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Refuses a parameter an endpoint does not take, or one it takes given twice, as /api/search does:
   * {@code /api/articles/x?sizee=1} answered as if the parameter were not there would hide the typo.
   */
  public static void only(Context ctx, String... names) throws BadRequestException {
    List<String> taken = List.of(names);
    Map<String, List<String>> params = ctx.queryParamMap();
    for (String name : params.keySet()) {
      if (!taken.contains(name)) {
        throw new BadRequestException(ProblemCode.UNKNOWN_PARAMETER, name, "unknown parameter '" + name + "'; "
            + (taken.isEmpty() ? "this endpoint takes none" : "use " + String.join(", ", taken)));
      }
      SearchParameters.single(params, name);
    }
  }

  /**
   * Refuses a query parameter a write does not take, as reads refuse theirs: a write answered as if
   * {@code ?dryRun=1} were not there has already written (an API trial, session 38). A write takes a
   * curator's {@code reason}, and removing members of a collection takes their {@code id}s.
   */
  public static void writeParameters(Context ctx) throws BadRequestException {
    boolean removesMembers = ctx.method() == io.javalin.http.HandlerType.DELETE && ctx.path().endsWith("/articles");
    for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
      String name = param.getKey();
      if (name.equals("id") && removesMembers) {
        continue;
      }
      if (!name.equals("reason")) {
        throw new BadRequestException(ProblemCode.UNKNOWN_PARAMETER, name, "unknown parameter '" + name + "'; a write takes"
            + " only reason" + (removesMembers ? " and id" : "") + " in its query, and what it writes in its body");
      }
      SearchParameters.single(ctx.queryParamMap(), name);
    }
  }

  private static BadRequestException refused(String parameter, String where, String text, int at) {
    String escape = text.substring(at, Math.min(text.length(), at + 3));
    return new BadRequestException(ProblemCode.MALFORMED_REQUEST, parameter, where + " has '" + escape
        + "', which is not a percent-encoded character (a '%' and two hexadecimal digits); write a % sign"
        + " as %25");
  }

  /** Where the first '%' not followed by two hexadecimal digits is, or -1. */
  static int badEscape(String text) {
    for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
      if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
          || Character.digit(text.charAt(i + 2), 16) < 0) {
        return i;
      }
    }
    return -1;
  }
}
