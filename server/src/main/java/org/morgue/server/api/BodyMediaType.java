package org.morgue.server.api;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;

/**
 * How a write reads its body's {@code Content-Type}: one rule for {@code POST /api/articles} and every
 * curation write, which had two (a developer's trial, session 43: no type was 415 on articles and
 * JSON on curation; {@code application/ld+json} the other way round). {@code application/json} and
 * any {@code application/*+json} type are JSON, and so is a request that names no type: many clients
 * leave the header out on a JSON body, RFC 9110 (8.3) lets the server look at the data, and a body
 * that is not JSON is still refused (400), so nothing is guessed. The JSON Lines types are JSON Lines.
 * Any other type, a charset other than UTF-8 or a compressed body is a 415 naming what to send,
 * before the body is read.
 */
public enum BodyMediaType {
  /** One JSON value: {@code application/json}, an {@code application/*+json} type, or no type. */
  JSON,
  /** One JSON object per line: {@code application/x-ndjson}, {@code application/jsonl} and their aliases. */
  JSON_LINES;

  /**
   * The type of the request's body, when it is one of {@code taken}.
   *
   * @param expected what to send, in words, for the 415's detail (e.g. "JSON, sent with Content-Type:
   *     application/json")
   * @throws BadRequestException ({@code unsupported_media_type}) for any other type, a charset other
   *     than UTF-8 or a {@code Content-Encoding}
   */
  public static BodyMediaType of(Context ctx, Set<BodyMediaType> taken, String expected) throws BadRequestException {
    String type = Optional.ofNullable(ctx.header("Content-Type")).map(String::strip).orElse("");
    String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    Optional<BodyMediaType> named = media.isEmpty() ? Optional.of(JSON) : named(media);
    if (named.isEmpty() || !taken.contains(named.get())) {
      throw new BadRequestException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type", "the body must be " + expected
          + ", not '" + type + "'" + (media.equals("application/x-www-form-urlencoded") ? " (what curl -d sends unless"
              + " told -H 'Content-Type: application/json')" : ""));
    }
    // The servlet request reads the charset parameter of Content-Type, quotes and all.
    String charset = Optional.ofNullable(ctx.req().getCharacterEncoding()).map(name -> name.strip().toLowerCase(Locale.ROOT))
        .orElse("utf-8");
    if (!charset.equals("utf-8") && !charset.equals("utf8")) {
      throw new BadRequestException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type", "the body must be UTF-8, not"
          + " charset '" + charset + "'");
    }
    // A compressed body is a type this server does not take (RFC 9110, 15.5.16), not broken text.
    String coding = Optional.ofNullable(ctx.header("Content-Encoding")).map(String::strip).orElse("");
    if (!coding.isEmpty() && !coding.equalsIgnoreCase("identity")) {
      throw new BadRequestException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding", "Content-Encoding '"
          + coding + "' is not taken: send the body uncompressed");
    }
    return named.get();
  }

  private static Optional<BodyMediaType> named(String media) {
    return switch (media) {
      case "application/json" -> Optional.of(JSON);
      case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines" ->
          Optional.of(JSON_LINES);
      default -> media.startsWith("application/") && media.endsWith("+json") ? Optional.of(JSON) : Optional.empty();
    };
  }
}
