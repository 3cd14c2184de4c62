package org.morgue.article;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The longest value each of an article's named fields may have. The id, the source and each author
 * become search terms, facet labels and, for the id, the cluster's document id, which the engines
 * bound: Lucene refuses a term over 32,766 bytes of UTF-8 ("immense term") and a facet label over
 * 8,191 characters, OpenSearch a document id over 512 bytes and a keyword over 32,766. Past any of
 * them a write failed half way and answered 500. The limits are the same for both engines, so an
 * archive one takes the other takes too.
 *
 * <p>The id's is in bytes of UTF-8, as OpenSearch counts it: 512 letters of a-z, 256 of most accented
 * ones, 128 emoji. The others are in characters as a person counts them (an emoji is one), far under
 * every engine's bound: a character is at most 4 bytes, and a facet label counts at most 2 chars one.
 */
public final class FieldLengths {
  /** The longest id, in bytes of UTF-8: OpenSearch's document id bound. */
  public static final int MAX_ID_BYTES = 512;
  /** The longest source, in characters: a publication's or collection's name. */
  public static final int MAX_SOURCE = 1_000;
  /** The longest author, in characters, each one of a byline's names. */
  public static final int MAX_AUTHOR = 1_000;
  /** The longest url, in characters. */
  public static final int MAX_URL = 8_000;
  /**
   * The longest name of an actor the enrichment finds, in characters, as of one a curator names (the
   * curation's limit): a capitalised "word" of 9,000 letters after "President" is no one's name, and
   * as a facet label it failed the write.
   */
  public static final int MAX_ACTOR = 200;

  private FieldLengths() {}

  /**
   * A field whose value is longer than its limit.
   *
   * @param field the field's name in the article schema: {@code id}, {@code source}, {@code authors}, {@code url}
   * @param length how long the value is, in the limit's unit
   * @param limit how long it may be
   * @param bytes whether both count bytes of UTF-8 (the id's) rather than characters
   */
  public record TooLong(String field, int length, int limit, boolean bytes) {
    /** Why the article is refused, in words: "source is 9000 characters long; the limit is 1000". */
    public String reason() {
      String what = field.equals("authors") ? "an author" : field;
      return bytes ? what + " is " + length + " bytes long in UTF-8; the limit is " + limit + " bytes"
          : what + " is " + length + " characters long; the limit is " + limit;
    }
  }

  /** The first of the article's fields that is longer than its limit, if any. */
  public static Optional<TooLong> of(Article article) {
    int idBytes = utf8Length(article.id());
    Optional<TooLong> found = idBytes > MAX_ID_BYTES ? Optional.of(new TooLong("id", idBytes, MAX_ID_BYTES, true))
        : Optional.empty();
    found = found.or(() -> check("source", article.source(), MAX_SOURCE))
        .or(() -> article.url().flatMap(url -> check("url", url, MAX_URL)));
    for (String author : article.authors()) {
      found = found.or(() -> check("authors", author, MAX_AUTHOR));
    }
    return found;
  }

  /** Whether a value is no longer than a limit of these, in characters as a person counts them. */
  public static boolean within(String value, int limit) {
    // Counting code points costs a pass; a value of no more chars than the limit needs none.
    return value.length() <= limit || value.codePointCount(0, value.length()) <= limit;
  }

  private static Optional<TooLong> check(String field, String value, int limit) {
    return within(value, limit) ? Optional.empty()
        : Optional.of(new TooLong(field, value.codePointCount(0, value.length()), limit, false));
  }

  /** How many bytes of UTF-8 a value is, when it may be over the id's limit; 0 for one that cannot be. */
  private static int utf8Length(String value) {
    // No char takes more than 3 bytes (a surrogate pair 4 for two), so most ids need no encoding.
    return (long) value.length() * 3 <= MAX_ID_BYTES ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
  }
}
