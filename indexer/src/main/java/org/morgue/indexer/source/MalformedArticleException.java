package org.morgue.indexer.source;

import java.util.Objects;
import java.util.Optional;
import org.morgue.article.FieldLengths;

/**
 * A file or record that cannot be read as an article; says where and why, as a {@link SkipReason}
 * that reports count by and in words, and, when one field's value is what is refused (a {@code url}
 * that is not http, a {@code published} that is not a date), which field and the value as given.
 */
public final class MalformedArticleException extends Exception {
  private static final long serialVersionUID = 1L;

  private final SkipReason kind;
  private final String origin;
  private final String reason;
  private final String field;
  private final String value;
  /** The id the record gives, when it gives one: a refused line of a batch is named by it as well. */
  private final String id;

  /**
   * @param kind what kind of skip this is, for the report's counts
   * @param origin the file, and record where there are several
   * @param reason why, in words a user can act on
   */
  public MalformedArticleException(SkipReason kind, String origin, String reason) {
    this(kind, origin, reason, null, null, null);
  }

  private MalformedArticleException(SkipReason kind, String origin, String reason, String field, String value,
      String id) {
    super(origin + ": " + reason);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.origin = origin;
    this.reason = reason;
    this.field = field;
    this.value = value;
    this.id = id;
  }

  /**
   * The same refusal, naming the id the record gives (as written, when it is a string or a whole
   * number), so a client that sent a batch can tell which of its items to drop; none leaves it as is.
   */
  public MalformedArticleException about(Optional<String> givenId) {
    // An id refused for its length is not repeated: the line names it, and it may be a megabyte.
    boolean idTooLong = kind == SkipReason.TOO_LARGE && "id".equals(field);
    if (givenId.isEmpty() || givenId.get().equals(id) || idTooLong) {
      return this;
    }
    MalformedArticleException named = new MalformedArticleException(kind, origin, reason, field, value, givenId.get());
    named.setStackTrace(getStackTrace());
    return named;
  }

  /** The id the refused record gives, when it gives one and it is known. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /**
   * A record refused for the value of one field: a {@link SkipReason#INVALID_VALUE}.
   *
   * @param field the field's name in the source's schema, e.g. {@code url}
   * @param value the value as given
   */
  public static MalformedArticleException badField(String origin, String field, String value, String reason) {
    return new MalformedArticleException(SkipReason.INVALID_VALUE, origin, reason, field, value, null);
  }

  /**
   * A record refused because one field is longer than {@link FieldLengths} allows: a
   * {@link SkipReason#TOO_LARGE} naming the field, without its value, which may be a megabyte.
   */
  public static MalformedArticleException tooLong(String origin, FieldLengths.TooLong tooLong) {
    return new MalformedArticleException(SkipReason.TOO_LARGE, origin, tooLong.reason(), tooLong.field(), null, null);
  }

  /** What kind of skip this is: the name the index report counts it under. */
  public SkipReason kind() {
    return kind;
  }

  /** The field whose value was refused, when the refusal is about one field's value. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** The refused value as given, when the refusal is about one field's value. */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  /** The file, and record where there are several, that could not be read. */
  public String origin() {
    return origin;
  }

  /** Why it could not be read, in words a user can act on. */
  public String reason() {
    return reason;
  }
}
