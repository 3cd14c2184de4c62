package org.morgue.server.view;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * How the API and the exports write a time: ISO 8601 in UTC with three digits of fraction, always
 * ("2026-12-07T12:09:01.000Z", not "...:01Z" one time in a thousand), so a client parsing with a fixed
 * pattern reads every one. A time kept to the microsecond (changes recorded before 2026-12-07) keeps
 * its digits: cutting them would make an exported corrections file differ from the one put back.
 */
public final class InstantText {
  private static final DateTimeFormatter MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

  private InstantText() {}

  public static String of(Instant instant) {
    return instant.getNano() % 1_000_000 == 0 ? MILLIS.format(instant) : DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
