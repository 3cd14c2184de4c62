package org.morgue.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.morgue.search.SearchEngine;

/**
 * Validators for answers derived from the index (search, article, feed, export): an {@code ETag} and
 * a {@code Last-Modified} tied to the index's last commit and to this build of Morgue, and the
 * {@code 304} when the client's copy is still current, so feed readers and caches stop re-downloading.
 * Answers may be stored but are revalidated on each use ({@code Cache-Control: no-cache}), since a
 * live update can change them at any moment.
 */
public final class Freshness {
  private final SearchEngine searcher;
  private final String build;
  private final LongSupplier curated;
  /** A curated read's tag: its version, then a digest of what else the answer shows. */
  private static final Pattern VERSION_TAG = Pattern.compile("\"(v\\d+)-[0-9a-f]+\"");

  /** The latest changes answers were made from, newest last ({@link #sharesItsSecond}). */
  private final ArrayDeque<Instant> answeredFrom = new ArrayDeque<>();
  private static final int REMEMBERED = 256;

  /**
   * @param curated the number of the last change to the story records: a story's record changes
   *     answers without a commit of the index, so the entity tag covers it too
   */
  public Freshness(SearchEngine searcher, String build, LongSupplier curated) {
    this.searcher = searcher;
    this.build = build;
    this.curated = curated;
  }

  /**
   * Sets the validators on the answer and says whether the request's own ({@code If-None-Match}, else
   * {@code If-Modified-Since}) shows the client's copy is current, in which case the answer is now a
   * {@code 304} and the handler must write nothing more.
   */
  public boolean notModified(Context ctx) throws IOException {
    Optional<Instant> commit = searcher.lastCommit();
    if (commit.isEmpty()) {
      requireMatch(ctx, null);
      return false;
    }
    return notModified(ctx, "W/\"" + digest(build + "\n" + commit.get() + "\n" + curated.getAsLong()) + "\"");
  }

  /**
   * The same for one of the representations one address answers with, chosen by the request's
   * headers (an export's format, by its Accept): each has an entity tag of its own, as RFC 9110
   * (section 8.8.3) asks, so the tag of a CSV copy never validates a RIS one.
   */
  public boolean notModifiedAs(Context ctx, String representation) throws IOException {
    Optional<Instant> commit = searcher.lastCommit();
    if (commit.isEmpty()) {
      requireMatch(ctx, null);
      return false;
    }
    return notModified(ctx, "W/\"" + digest(build + "\n" + commit.get() + "\n" + curated.getAsLong() + "\n" + representation) + "\"");
  }

  /** The same with an entity tag of the answer's own (an article's version); Last-Modified stays the commit's. */
  public boolean notModified(Context ctx, String version) throws IOException {
    // Sent plain: a 200 is marked for its coding once its body is known (CodedTags.mark), a 304 here.
    String etag = version;
    Optional<Instant> commit = searcher.lastCommit();
    if (commit.isEmpty()) {
      return notModifiedTagged(ctx, etag);
    }
    return validate(ctx, etag, commit.get());
  }

  /**
   * The same for an answer with no date to give, only its own tag: one the index has no commit for
   * yet, or one fixed for as long as the server runs (the OpenAPI document, some 700 KB, which client
   * generators and build steps fetched in full on every run).
   */
  public static boolean notModifiedTagged(Context ctx, String etag) throws IOException {
    requireMatch(ctx, etag);
    ctx.header("ETag", etag).header("Cache-Control", "no-cache");
    String ifNoneMatch = ctx.header("If-None-Match");
    boolean current = ifNoneMatch != null && matches(ifNoneMatch, etag);
    if (current) {
      ctx.header("ETag", CodedTags.forNotModified(ctx, etag, ifNoneMatch));
      notModifiedAnswer(ctx);
    }
    return current;
  }

  /**
   * Validators for an answer made of the index and of something kept beside it (a curator's
   * collection), which can change while the index does not: the entity tag covers this build, the
   * index's last commit and {@code beside} (which must change whenever the thing does, e.g. its
   * version), and Last-Modified is the later of the commit and {@code changed}.
   */
  public boolean notModified(Context ctx, String beside, Instant changed) throws IOException {
    Optional<Instant> commit = searcher.lastCommit();
    String etag = "W/\"" + digest(build + "\n" + commit.map(Instant::toString).orElse("") + "\n" + beside) + "\"";
    Instant lastModified = commit.filter(at -> at.isAfter(changed)).orElse(changed);
    return validate(ctx, etag, lastModified);
  }

  /**
   * Validators for an answer made only of what curators keep, which the index's commits do not
   * change (the changes record): {@code etag} must change whenever the answer can, {@code changed}
   * is when it last did, and {@code sharesItsSecond} whether the change before it fell in the same
   * second (then a date cannot tell the two apart, and only the tag can answer 304).
   */
  public boolean notModifiedKept(Context ctx, String etag, Instant changed, boolean sharesItsSecond) throws IOException {
    // Not among the index's commits (answeredFrom): a write makes a change and a commit within
    // milliseconds, and together they made every commit's second look shared, so If-Modified-Since
    // was never answered 304 again (an API trial).
    return validate(ctx, etag, changed, sharesItsSecond);
  }

  private boolean validate(Context ctx, String etag, Instant modified) throws IOException {
    return validate(ctx, etag, modified, sharesItsSecond(modified));
  }

  private boolean validate(Context ctx, String etag, Instant modified, boolean sharesItsSecond) throws IOException {
    requireMatch(ctx, etag);
    Instant lastModified = modified.truncatedTo(ChronoUnit.SECONDS);
    ctx.header("ETag", etag)
        .header("Last-Modified", IMF_FIXDATE.format(lastModified.atZone(ZoneOffset.UTC)))
        .header("Cache-Control", "no-cache");
    String ifNoneMatch = ctx.header("If-None-Match");
    boolean current = ifNoneMatch != null
        ? matches(ifNoneMatch, etag)
        : !sharesItsSecond && unmodifiedSince(ctx.header("If-Modified-Since"), lastModified);
    if (current) {
      if (ifNoneMatch != null) {
        ctx.header("ETag", CodedTags.forNotModified(ctx, etag, ifNoneMatch));
      }
      notModifiedAnswer(ctx);
    }
    return current;
  }

  /**
   * Refuses a read whose {@code If-Match} names no tag of the answer it would get: RFC 9110 (13.1.1)
   * has the server answer 412 then, so a client that reads a part after another (a collection's next
   * page, an article it read before) learns that the thing changed in between, rather than piecing
   * together two versions. {@code *} matches any answer there is. The comparison is strong, as
   * If-Match asks (a weak tag matches nothing), and without the coding's mark ({@link CodedTags}).
   * Evaluated before If-None-Match, as RFC 9110 (13.2.2) orders them.
   *
   * @param etag the answer's entity tag; null for an answer that has none, which only {@code *} matches
   */
  public static void requireMatch(Context ctx, String etag) {
    String ifMatch = ctx.header("If-Match");
    if (ifMatch == null || ifMatch.isBlank()) {
      return;
    }
    boolean matched = Arrays.stream(ifMatch.split(",")).map(String::trim).anyMatch(tag -> tag.equals("*")
        || etag != null && !etag.startsWith("W/") && !tag.startsWith("W/")
            && (CodedTags.withoutCoding(tag).equals(CodedTags.withoutCoding(etag)) || namesItsVersion(tag, etag)));
    if (!matched) {
      throw new PreconditionFailedException(etag == null
          ? "If-Match names " + ifMatch.strip() + ", but " + ctx.path() + " has no entity tag to match; only * matches it"
          : etag.startsWith("W/")
              ? "If-Match names " + ifMatch.strip() + ", but " + ctx.path() + " answers a weak tag (" + etag
                  + "), which If-Match never matches (RFC 9110, 13.1.1); send * or no If-Match"
              : "If-Match names " + ifMatch.strip() + ", but what " + ctx.path() + " answers now is " + etag
                  + ": it changed since that tag was read");
    }
  }

  /**
   * Whether a curated thing's version tag, as its writes hand it out ({@code "v3"}), names the read's
   * tag ({@code "v3-<digest of the archive's state>"}): writes take the read's version part, so reads
   * take the write's tag (an API trial was told "it changed" of a collection it had just written).
   */
  private static boolean namesItsVersion(String sent, String etag) {
    Matcher version = VERSION_TAG.matcher(CodedTags.withoutCoding(etag));
    return version.matches() && CodedTags.withoutCoding(sent).equals("\"" + version.group(1) + "\"");
  }

  /**
   * An after-handler for the reads that set their tag themselves (a collection, a correction) or set
   * none: {@link #requireMatch} on the answer they made, before Javalin sends it or answers its 304.
   * Answers already sent (streamed, or a 304 from here) were checked before they were written.
   */
  public static void requireMatch(Context ctx) {
    boolean read = ctx.method() == io.javalin.http.HandlerType.GET || ctx.method() == io.javalin.http.HandlerType.HEAD;
    if (read && ctx.status().isSuccess() && !ctx.res().isCommitted()) {
      requireMatch(ctx, ctx.res().getHeader("ETag"));
    }
  }

  /** A read whose If-Match matches no tag of its answer: answered 412. */
  public static final class PreconditionFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PreconditionFailedException(String message) {
      super(message);
    }
  }

  /**
   * Whether another change this server answered from fell in the same second as this one. HTTP dates
   * count whole seconds, so two commits within one second give one Last-Modified: a feed reader
   * polling with If-Modified-Since after the first was answered 304 after the second (the API
   * trial's poller missed writes). Such a date cannot tell the client's copy from the current one, so
   * it validates nothing; the entity tag still does. A change no answer was made from cannot have
   * given a client its date, so the changes remembered are those answers were made from.
   */
  private boolean sharesItsSecond(Instant modified) {
    Instant second = modified.truncatedTo(ChronoUnit.SECONDS);
    synchronized (answeredFrom) {
      boolean shared = false;
      for (Instant other : answeredFrom) {
        shared |= !other.equals(modified) && other.truncatedTo(ChronoUnit.SECONDS).equals(second);
      }
      if (!answeredFrom.contains(modified)) {
        answeredFrom.addLast(modified);
        if (answeredFrom.size() > REMEMBERED) {
          answeredFrom.removeFirst();
        }
      }
      return shared;
    }
  }

  /**
   * Makes the answer a {@code 304}: no body, so no Content-Type either (Javalin's default would say
   * text/plain, and a cache that merges a 304's headers into its stored answer would relabel the JSON).
   * Its headers are sent at once: Jetty, finishing an answer not yet sent, would add
   * {@code Content-Length: 0}, which RFC 9110 (8.6) forbids on a 304 unless the full answer is empty,
   * and which a cache that merges headers would take as its stored answer's length.
   */
  static void notModifiedAnswer(Context ctx) throws IOException {
    ctx.status(304);
    ctx.res().setContentType(null);
    ctx.res().flushBuffer();
  }

  /**
   * Weak comparison, as If-None-Match asks: the tags without their {@code W/} are equal, or the list is
   * {@code *}; and without their coding's mark ({@link CodedTags}): a client that revalidates a gzipped
   * copy without asking for gzip again has the same version.
   */
  static boolean matches(String ifNoneMatch, String etag) {
    String opaque = CodedTags.withoutCoding(etag.startsWith("W/") ? etag.substring(2) : etag);
    return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
        .anyMatch(tag -> tag.equals("*") || CodedTags.withoutCoding(tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque));
  }

  /**
   * HTTP's preferred date (RFC 9110, section 5.6.7): a two-digit day, "Fri, 04 Dec 2026 22:29:08 GMT".
   * Java's RFC_1123_DATE_TIME writes "4 Dec", which the grammar does not allow.
   */
  static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
  /** The obsolete forms a recipient must still read: RFC 850's and C's asctime(). */
  private static final List<DateTimeFormatter> OBSOLETE_DATES = List.of(
      new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-").appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
          .appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.US).withZone(ZoneOffset.UTC),
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC));

  /** The date of an If-Modified-Since (or If-Unmodified-Since) in any of HTTP's three forms; empty when it is none of them. */
  public static Optional<Instant> httpDate(String text) {
    String trimmed = text.trim();
    try {
      return Optional.of(ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      for (DateTimeFormatter format : OBSOLETE_DATES) {
        try {
          return Optional.of(ZonedDateTime.parse(trimmed, format).toInstant());
        } catch (DateTimeParseException next) {
          // try the next form
        }
      }
      return Optional.empty();
    }
  }

  private static boolean unmodifiedSince(String ifModifiedSince, Instant lastModified) {
    // An unreadable date is ignored, as RFC 9110 says.
    return ifModifiedSince != null && httpDate(ifModifiedSince).filter(since -> !lastModified.isAfter(since)).isPresent();
  }

  /** A short hex digest, the opaque part of an entity tag. */
  public static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
