package org.morgue.server.http;

import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.util.Locale;

/**
 * Strong entity tags per content coding. Javalin gzips an answer of 1,500 bytes or more for a client
 * that accepts gzip, and RFC 9110 (8.8.3) wants a strong tag to name one representation's exact
 * bytes: the gzipped answer and the plain one must not share it, or a cache could answer a range or a
 * revalidation of one with the other. So a strong tag sent with an answer that is compressed carries
 * {@value #GZIP} before its closing quote, as Apache's mod_deflate marks it, and a tag sent back (in
 * If-Match or If-None-Match) is compared without the mark: both codings are the same version of the
 * same thing. An answer too small to compress is sent as it is, and so is its tag: the mark names the
 * coding of the bytes sent, not the client's willingness. Weak tags already say they do not name exact
 * bytes, and are left as they are.
 */
public final class CodedTags {
  static final String GZIP = "-gzip";
  /** How answers are compressed: the server's configuration and the marking read this one object. */
  public static final CompressionStrategy COMPRESSION = CompressionStrategy.GZIP;

  private CodedTags() {}

  /** A tag a client sent back, without the coding's mark: what a version is compared with. */
  public static String withoutCoding(String tag) {
    String trimmed = tag.trim();
    return trimmed.endsWith(GZIP + "\"") ? trimmed.substring(0, trimmed.length() - GZIP.length() - 1) + "\"" : trimmed;
  }

  /**
   * An after-handler: marks the strong tag of an answer that Javalin is about to compress. It decides
   * as Javalin will when it writes the body (CompressedOutputStream): a body of at least the
   * compression's minimum size, no coding set already, a client whose Accept-Encoding names one. A
   * streamed body (already sent, or of unknown length here) is never given a strong tag.
   */
  public static void mark(Context ctx) {
    String tag = ctx.res().getHeader("ETag");
    if (tag == null || ctx.res().isCommitted() || tag.startsWith("W/") || !tag.endsWith("\"") || tag.endsWith(GZIP + "\"")) {
      return;
    }
    if (ctx.resultInputStream() instanceof ByteArrayInputStream body
        && body.available() >= COMPRESSION.getDefaultMinSizeForCompression()
        && ctx.res().getHeader("Content-Encoding") == null && acceptsGzip(ctx)) {
      ctx.header("ETag", marked(tag));
    }
  }

  /**
   * The tag of a 304, which must be the tag its 200 would carry (RFC 9110, 15.4.5), decided without
   * the body the 200 would have: marked when the client still accepts gzip and revalidates the marked
   * tag, since only a compressed answer was given that one; else plain. (A client that accepts gzip
   * now but holds the plain tag is told the plain one: the body may be too small to compress.)
   */
  static String forNotModified(Context ctx, String tag, String ifNoneMatch) {
    if (tag.startsWith("W/") || !tag.endsWith("\"") || !acceptsGzip(ctx)) {
      return tag;
    }
    String gzipped = marked(tag);
    boolean heldGzipped = java.util.Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
        .anyMatch(sent -> sent.equals(gzipped));
    return heldGzipped ? gzipped : tag;
  }

  private static String marked(String tag) {
    return tag.substring(0, tag.length() - 1) + GZIP + "\"";
  }

  /** Whether Javalin's compression has a coding this request's Accept-Encoding names. */
  private static boolean acceptsGzip(Context ctx) {
    String accepted = ctx.header("Accept-Encoding");
    return accepted != null && COMPRESSION.findMatchingCompressor(accepted.toLowerCase(Locale.ROOT)) != null;
  }
}
