package org.morgue.indexer.source;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.morgue.article.DatePrecision;
import org.morgue.article.PublishedTime;

/**
 * Reads the publication dates web pages and feeds carry: ISO 8601 dates and date-times, with or
 * without an offset ({@code 2026-11-23}, {@code 2026-11-23T10:00:00+01:00}), and the RFC 822/1123
 * dates of RSS ({@code Mon, 23 Nov 2026 10:00:00 GMT}). A year or a month alone ({@code 1961},
 * {@code 1961-05}), which ISO 8601, W3C-DTF and so Dublin Core's {@code dc:date} allow, is that
 * year or month, and says so.
 *
 * <p>A date-time keeps the calendar date it was written with, not the UTC date: a story published
 * at 23:30 in New York appeared on that day in the paper's own edition. Its time of day is kept
 * beside it ({@link PublishedTime}), with the offset when the source wrote one.
 *
 * <p>RSS dates are read as feed readers read them, because real feeds are written by hand and by
 * templates that get the details wrong: the weekday is ignored (a feed that says {@code Mon, 02 May
 * 1961}, a Tuesday, means the 2nd of May, the one thing both halves cannot both get wrong), the time
 * and zone are optional and any zone name is accepted, and a two-digit year, which RFC 822 and so
 * RSS 2.0 allow, is read in RFC 2822's window (section 4.3): {@code 00}-{@code 49} are 2000-2049,
 * {@code 50}-{@code 99} are 1950-1999, the rule Python's {@code email.utils} and feedparser follow.
 */
final class PublicationDateParser {
  /**
   * RFC 822 as feeds write it: an optional weekday (any word, not checked), day, month name, a
   * two-, three- or four-digit year, then optionally a time and a zone (numeric or a name).
   */
  private static final Pattern RFC_822_AS_WRITTEN = Pattern.compile(
      "(?:\\p{Alpha}+\\.?,?\\s*)?(\\d{1,2})[\\s-]+(\\p{Alpha}+)\\.?,?[\\s-]+(\\d{2,4})"
          + "(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?"
          + "(?:\\s*([+-]\\d{2}:?\\d{2}|\\p{Alpha}{1,5}(?:[+-]\\d{1,4})?))?");

  /**
   * The zone names RFC 822 defines (section 5.1), by their offsets. Any other name is accepted (see
   * above) but read as no offset: "IST" is India's, Ireland's or Israel's.
   */
  private static final Map<String, ZoneOffset> RFC_822_ZONES = Map.ofEntries(
      Map.entry("UT", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC), Map.entry("Z", ZoneOffset.UTC),
      Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
      Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
      Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
      Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)));

  /** A year, or a year and a month, alone. */
  private static final Pattern YEAR_OR_MONTH = Pattern.compile("(\\d{4})(?:-(0[1-9]|1[0-2]))?");

  /**
   * ISO 8601 as pages write it: a date, optionally a time after {@code T} or a space, optionally an
   * offset with or without its colon ({@code +01:00}, {@code +0100}, {@code Z}). Strict: the
   * builder's default (smart) resolving read {@code 2019-02-30} as 2019-02-28, a made-up date that
   * looks real, where every other bad date leaves the article undated (a librarian's trial, session 44).
   */
  private static final DateTimeFormatter ISO_AS_WRITTEN = isoAsWritten().withResolverStyle(ResolverStyle.STRICT);
  /** The same, resolving as the builder does by default: only to tell a day that does not exist from a non-date. */
  private static final DateTimeFormatter ISO_CLAMPING = isoAsWritten().withResolverStyle(ResolverStyle.SMART);

  private static DateTimeFormatter isoAsWritten() {
    return new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart()
      .appendPattern("['T'][ ]")
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT);
  }

  /**
   * The calendar date of a publication date as written.
   *
   * @param text the date as the page or feed gives it
   * @param origin the record it belongs to, for the error
   * @throws MalformedArticleException "published date '...' does not parse" when no reading fits
   */
  PublishedDate parse(String text, String origin) throws MalformedArticleException {
    String trimmed = text.strip();
    Matcher reduced = YEAR_OR_MONTH.matcher(trimmed);
    if (reduced.matches()) {
      return reduced(reduced);
    }
    try {
      TemporalAccessor parsed = ISO_AS_WRITTEN.parse(trimmed);
      return new PublishedDate(LocalDate.from(parsed), DatePrecision.DAY, timeOfDay(parsed));
    } catch (DateTimeParseException e) {
      // Not ISO 8601; RSS's RFC 822 is the other spelling feeds and pages use.
    }
    if (namesNoDay(trimmed)) {
      throw new MalformedArticleException(SkipReason.INVALID_VALUE, origin, "published date '" + trimmed + "'"
          + NO_SUCH_DAY);
    }
    return rfc822(trimmed).orElseThrow(
        () -> new MalformedArticleException(SkipReason.INVALID_VALUE, origin, "published date '" + trimmed + "' does not parse"));
  }

  /** What a date written as ISO 8601 but naming no day of the calendar is told by. */
  static final String NO_SUCH_DAY = " names a day that does not exist";

  /** Whether the text is an ISO 8601 date or date-time in form whose day does not exist ({@code 2019-02-30}). */
  static boolean namesNoDay(String text) {
    String trimmed = text.strip();
    try {
      ISO_AS_WRITTEN.parse(trimmed);
      return false;
    } catch (DateTimeParseException strictly) {
      try {
        ISO_CLAMPING.parse(trimmed);
        return true;
      } catch (DateTimeParseException e) {
        return false;
      }
    }
  }

  /** The time of day and offset an ISO 8601 date-time gives; none for a date alone. */
  private static Optional<PublishedTime> timeOfDay(TemporalAccessor parsed) {
    if (!parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
      return Optional.empty();
    }
    Optional<ZoneOffset> offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
        ? Optional.of(ZoneOffset.from(parsed)) : Optional.empty();
    return Optional.of(new PublishedTime(LocalTime.from(parsed), offset));
  }

  /** Whether a date is written as a year or a month alone ("1961", "1961-05"). */
  static Optional<PublishedDate> yearOrMonth(String text) {
    Matcher reduced = YEAR_OR_MONTH.matcher(text.strip());
    return reduced.matches() ? Optional.of(reduced(reduced)) : Optional.empty();
  }

  private static PublishedDate reduced(Matcher yearOrMonth) {
    int year = Integer.parseInt(yearOrMonth.group(1));
    return yearOrMonth.group(2) == null ? new PublishedDate(LocalDate.of(year, 1, 1), DatePrecision.YEAR)
        : new PublishedDate(LocalDate.of(year, Integer.parseInt(yearOrMonth.group(2)), 1), DatePrecision.MONTH);
  }

  private static Optional<PublishedDate> rfc822(String text) {
    Matcher date = RFC_822_AS_WRITTEN.matcher(text);
    if (!date.matches()) {
      return Optional.empty();
    }
    Optional<Month> month = month(date.group(2));
    if (month.isEmpty()) {
      return Optional.empty();
    }
    LocalDate day;
    try {
      day = LocalDate.of(year(date.group(3)), month.get(), Integer.parseInt(date.group(1)));
    } catch (DateTimeException e) {
      return Optional.empty(); // 31 Feb: a date that does not exist is not read as a neighbouring one.
    }
    return Optional.of(new PublishedDate(day, DatePrecision.DAY, rfc822Time(date)));
  }

  /** The time an RFC 822 date gives, if it gives one that exists (not 25:00); with its zone's offset when known. */
  private static Optional<PublishedTime> rfc822Time(Matcher date) {
    if (date.group(4) == null) {
      return Optional.empty();
    }
    LocalTime time;
    try {
      time = LocalTime.of(Integer.parseInt(date.group(4)), Integer.parseInt(date.group(5)),
          date.group(6) == null ? 0 : Integer.parseInt(date.group(6)));
    } catch (DateTimeException e) {
      return Optional.empty(); // The day holds; a time that does not exist is not kept.
    }
    return Optional.of(new PublishedTime(time, Optional.ofNullable(date.group(7)).flatMap(PublicationDateParser::offset)));
  }

  private static Optional<ZoneOffset> offset(String zone) {
    if (zone.startsWith("+") || zone.startsWith("-")) {
      try {
        return Optional.of(ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(RFC_822_ZONES.get(zone.toUpperCase(Locale.ROOT)));
  }

  /** A month by its English name or its three-letter abbreviation ({@code Sept} too). */
  private static Optional<Month> month(String name) {
    for (Month month : Month.values()) {
      String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      if (name.equalsIgnoreCase(full) || name.equalsIgnoreCase(full.substring(0, 3))
          || (month == Month.SEPTEMBER && name.equalsIgnoreCase("Sept"))) {
        return Optional.of(month);
      }
    }
    return Optional.empty();
  }

  /** RFC 2822 section 4.3: 00-49 are 2000-2049, 50-99 and any three-digit year are 1900 later. */
  private static int year(String digits) {
    int year = Integer.parseInt(digits);
    return switch (digits.length()) {
      case 2 -> year < 50 ? 2000 + year : 1900 + year;
      case 3 -> 1900 + year;
      default -> year;
    };
  }
}
