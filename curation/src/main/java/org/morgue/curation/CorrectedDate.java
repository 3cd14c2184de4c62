package org.morgue.curation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import org.morgue.article.DatePrecision;

/**
 * A curator's date for an article, to the precision the curator knows it: "1790" for an address
 * dated by its year, "1790-01" or "1790-01-08". Written and read as that ISO 8601 form, so a
 * correction made before months and years could be given ("2025-10-05") still reads as a day.
 *
 * @param date the day every engine sorts and filters by: the first of the year or month
 * @param precision how much of it the curator gave
 */
public record CorrectedDate(LocalDate date, DatePrecision precision) {
  public CorrectedDate {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(precision, "precision");
  }

  /** A date of a year, a month or a day, as ISO 8601 writes it; refused when it is none of those. */
  @JsonCreator
  public static CorrectedDate parse(String text) {
    String given = text.strip();
    try {
      if (given.matches("\\d{4}")) {
        return new CorrectedDate(LocalDate.of(Integer.parseInt(given), 1, 1), DatePrecision.YEAR);
      }
      if (given.matches("\\d{4}-\\d{2}")) {
        return new CorrectedDate(YearMonth.parse(given).atDay(1), DatePrecision.MONTH);
      }
      return new CorrectedDate(LocalDate.parse(given), DatePrecision.DAY);
    } catch (java.time.DateTimeException e) { // a bad form, or a month or day that does not exist
      throw new IllegalArgumentException("'" + text + "' is not a date such as 2025-03-14, 2025-03 or 2025", e);
    }
  }

  /** "1790", "1790-01" or "1790-01-08". */
  @JsonValue
  public String iso() {
    return precision.iso(date);
  }
}
