package org.morgue.indexer.source;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads the publication dates web pages and feeds carry: ISO 8601 dates and date-times, with or
 * without an offset ({@code 2026-11-23}, {@code 2026-11-23T10:00:00+01:00}), and the RFC 822/1123
 * dates of RSS ({@code Mon, 23 Nov 2026 10:00:00 GMT}).
 *
 * <p>A date-time keeps the calendar date it was written with, not the UTC date: a story published
 * at 23:30 in New York appeared on that day in the paper's own edition.
 */
final class PublicationDateParser {
  /**
   * RFC 1123 as Java knows it accepts only {@code GMT} and numeric offsets; feeds in the wild also
   * write zone names ({@code EST}, {@code PDT}, {@code UT}) and leave out the weekday.
   */
  private static final DateTimeFormatter RFC_822_WITH_ZONE_NAMES = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .optionalStart().appendPattern("EEE, ").optionalEnd()
      .appendPattern("d MMM yyyy HH:mm")
      .optionalStart().appendPattern(":ss").optionalEnd()
      .appendPattern(" ")
      .appendZoneText(TextStyle.SHORT)
      .toFormatter(Locale.ENGLISH);

  /**
   * ISO 8601 as pages write it: a date, optionally a time after {@code T} or a space, optionally an
   * offset with or without its colon ({@code +01:00}, {@code +0100}, {@code Z}).
   */
  private static final DateTimeFormatter ISO_AS_WRITTEN = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart()
      .appendPattern("['T'][ ]")
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT);

  private static final List<Function<String, LocalDate>> READINGS = List.of(
      text -> LocalDate.from(ISO_AS_WRITTEN.parse(text)),
      text -> ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate(),
      text -> ZonedDateTime.parse(text, RFC_822_WITH_ZONE_NAMES).toLocalDate());

  /**
   * The calendar date of a publication date as written.
   *
   * @param text the date as the page or feed gives it
   * @param origin the record it belongs to, for the error
   * @throws MalformedArticleException "published date '...' does not parse" when no reading fits
   */
  LocalDate parse(String text, String origin) throws MalformedArticleException {
    String trimmed = text.strip();
    for (Function<String, LocalDate> reading : READINGS) {
      try {
        return reading.apply(trimmed);
      } catch (DateTimeParseException e) {
        // Not this spelling; the next reading may fit. Only when none fits is it the record's problem.
      }
    }
    throw new MalformedArticleException(origin, "published date '" + trimmed + "' does not parse");
  }
}
