package org.morgue.engine.lucene.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date typed in figures the American way, month first ("12/7/1941"), as newspapers write it in
 * words ("December 7, 1941"): the archive's texts write dates in words (1,387 in the sample, none in
 * figures), so the figures alone found nothing. Only a whole four-digit year is read, since "12/7/41"
 * could be any century; and "9/11" with no year stays the words 9 and 11 in that order, which is how
 * the texts name the attacks.
 */
final class NumericDates {
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

  private NumericDates() {}

  /** The date in words ("december 7 1941"), when the typed word is a real date in figures. */
  static Optional<String> inWords(String typed) {
    Matcher date = MONTH_DAY_YEAR.matcher(typed.strip());
    if (!date.matches()) {
      return Optional.empty();
    }
    try {
      LocalDate day = LocalDate.of(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(1)),
          Integer.parseInt(date.group(2)));
      return Optional.of(day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + day.getDayOfMonth() + " "
          + day.getYear());
    } catch (DateTimeException notADay) {
      return Optional.empty(); // "13/45/2001": searched as typed
    }
  }
}
