package org.morgue.indexer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.morgue.article.DatePrecision;
import org.morgue.article.PublishedTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicationDateParserTest {
  private final PublicationDateParser parser = new PublicationDateParser();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2026-11-23                       | 2026-11-23",
      "2026-11-23T10:00:00Z             | 2026-11-23",
      "2026-11-23T10:00:00.000Z         | 2026-11-23",
      "2026-11-23T23:40:00-05:00        | 2026-11-23",
      "2026-11-23T00:30:00+0100         | 2026-11-23",
      "2026-11-23T10:00                 | 2026-11-23",
      "2026-11-23 10:00:00              | 2026-11-23",
      "Mon, 23 Nov 2026 10:00:00 GMT    | 2026-11-23",
      "Mon, 23 Nov 2026 23:40:00 -0500  | 2026-11-23",
      "23 Nov 2026 10:00:00 +0000       | 2026-11-23",
      "Mon, 23 Nov 2026 07:15:00 EST    | 2026-11-23",
      "Mon, 23 Nov 2026 07:15 PDT       | 2026-11-23",
      "'  2026-11-23T10:00:00Z  '       | 2026-11-23",
      "Mon, 02 May 1961 09:00:00 EST    | 1961-05-02",
      "Mon, 02 May 1961                 | 1961-05-02",
      "'Tue, 02 May 61 09:00 EST'       | 1961-05-02",
      "'02 May 02 10:00 GMT'            | 2002-05-02",
      "'02 May 49'                      | 2049-05-02",
      "'02 May 50'                      | 1950-05-02",
      "'Thursday, 4 May 1961 18:00 GMT' | 1961-05-04",
      "'Tue, 2 Sept 2025 07:00:00 +02:00' | 2025-09-02",
      "'Tue, 02 may 2023 07:00:00 CEST' | 2023-05-02"})
  void readsTheCalendarDateAsWritten(String text, LocalDate expected) throws MalformedArticleException {
    PublishedDate read = parser.parse(text, "feed.xml#1");
    assertEquals(expected, read.day());
    assertEquals(DatePrecision.DAY, read.precision());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2026-11-23                        | ''",
      "2026-11-23T10:00:00Z              | 10:00:00Z",
      "2026-11-23T10:00:00.250Z          | 10:00:00Z",
      "2026-11-23T23:40:00-05:00         | 23:40:00-05:00",
      "2026-11-23T00:30:00+0100          | 00:30:00+01:00",
      "2026-11-23T10:00                  | 10:00:00",
      "2026-11-23 10:00:00               | 10:00:00",
      "Mon, 23 Nov 2026 10:00:00 GMT     | 10:00:00Z",
      "Mon, 23 Nov 2026 23:40:00 -0500   | 23:40:00-05:00",
      "Mon, 23 Nov 2026 07:15:00 EST     | 07:15:00-05:00",
      "Mon, 23 Nov 2026 07:15 PDT        | 07:15:00-07:00",
      "'Tue, 2 Sept 2025 07:00:00 +02:00' | 07:00:00+02:00",
      "'Tue, 02 may 2023 07:00:00 CEST'  | 07:00:00",
      "Mon, 02 May 1961                  | ''",
      "Mon, 23 Nov 2026 25:00:00 GMT     | ''"})
  void keepsTheTimeOfDayWithTheOffsetWhereTheZoneIsKnown(String text, String expected) throws MalformedArticleException {
    // A wire desk's bulletin and its correction are hours apart on one day. A zone name RFC 822 does
    // not define (CEST) leaves the time without an offset; a time that does not exist leaves the day.
    PublishedDate read = parser.parse(text, "feed.xml#1");
    assertEquals(expected, read.time().map(PublishedTime::iso).orElse(""));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1961       | 1961-01-01 | YEAR",
      "' 1961 '   | 1961-01-01 | YEAR",
      "1974-05    | 1974-05-01 | MONTH",
      "0800       | 0800-01-01 | YEAR"})
  void aYearOrAMonthAloneIsThatYearOrMonth(String text, LocalDate day, DatePrecision precision)
      throws MalformedArticleException {
    // ISO 8601 and W3C-DTF allow them, and Dublin Core's dc:date recommends W3C-DTF.
    assertEquals(new PublishedDate(day, precision), parser.parse(text, "feed.xml#1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"last Tuesday", "23/11/2026", "2026-13-01", "Nov 23, 2026", "", "Mon, 31 Feb 2026 10:00:00 GMT",
      "Mon, 02 Mai 1961", "02 May 1961 the morning edition", "1961-13", "1961-5", "61"})
  void anythingElseIsTheRecordsProblem(String text) {
    MalformedArticleException problem = assertThrows(MalformedArticleException.class, () -> parser.parse(text, "feed.xml#4"));

    assertEquals("feed.xml#4", problem.origin());
    assertEquals("published date '" + text.strip() + "' does not parse", problem.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019-02-30", "2019-02-29T10:00:00Z", "2024-04-31 08:00"})
  void anIsoDateWhoseDayDoesNotExistIsSaidToBeOneNotReadAsTheMonthsLastDay(String text) {
    // Java's default resolving read 2019-02-30 as 2019-02-28: in a page or a feed, silently.
    MalformedArticleException problem = assertThrows(MalformedArticleException.class, () -> parser.parse(text, "page.html"));

    assertEquals("published date '" + text + "' names a day that does not exist", problem.reason());
  }
}
