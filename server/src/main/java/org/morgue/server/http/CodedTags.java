package org.morgue.server.http;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * Strong entity tags per content coding. Javalin gzips any answer of 1,500 bytes or more for a client
 * that accepts gzip, and RFC 9110 (8.8.3) wants a strong tag to name one representation's exact
 * bytes: the gzipped answer and the plain one must not share it, or a cache could answer a range or a
 * revalidation of one with the other. So a strong tag sent to a client that accepts gzip carries
 * {@value #GZIP} before its closing quote, as Apache's mod_deflate marks it, and a tag sent back (in
 * If-Match or If-None-Match) is compared without the mark: both codings are the same version of the
 * same thing. Weak tags already say they do not name exact bytes, and are left as they are.
 */
public final class CodedTags {
  static final String GZIP = "-gzip";

  private CodedTags() {}

  /** The tag to send with this answer: a strong one marked when the client accepts gzip. */
  public static String forAnswer(Context ctx, String tag) {
    if (tag.startsWith("W/") || !tag.endsWith("\"") || tag.endsWith(GZIP + "\"") || !acceptsGzip(ctx)) {
      return tag;
    }
    return tag.substring(0, tag.length() - 1) + GZIP + "\"";
  }

  /** A tag a client sent back, without the coding's mark: what a version is compared with. */
  public static String withoutCoding(String tag) {
    String trimmed = tag.trim();
    return trimmed.endsWith(GZIP + "\"") ? trimmed.substring(0, trimmed.length() - GZIP.length() - 1) + "\"" : trimmed;
  }

  /**
   * An after-handler for the answers that set a strong tag themselves (curation's versions): marks it
   * when the answer is still to be sent; {@link Freshness} marks the tags it sets before it answers.
   */
  public static void mark(Context ctx) {
    String tag = ctx.res().getHeader("ETag");
    if (tag != null && !ctx.res().isCommitted()) {
      ctx.header("ETag", forAnswer(ctx, tag));
    }
  }

  /** Whether Javalin would gzip a large answer to this request: it looks for the word in Accept-Encoding. */
  private static boolean acceptsGzip(Context ctx) {
    String accepted = ctx.header("Accept-Encoding");
    return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
  }
}
