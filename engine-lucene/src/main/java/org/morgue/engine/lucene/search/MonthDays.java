package org.morgue.engine.lucene.search;

import java.time.DateTimeException;
import java.time.Month;
import java.time.MonthDay;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day of a month, without its year, however it is typed ("9/11", "September 11", "Sept. 11th",
 * "September the 11th", "11 September"), with every way the archive's texts write it: a journalist
 * searching "9/11" missed the five addresses of 2002 to 2006, which say "September the 11th", and
 * "September 11th" found nothing at all (a journalist's trial, session 45). Query-side only, as
 * {@link Abbreviations} is: the index keeps what each text wrote.
 *
 * <p>A slash between two numbers is a date only when it is no common fraction: "3/4" and "1/2" stay
 * the numbers they are (a denominator of 2, 3, 4, 5, 8 or 10 over a smaller numerator), "9/11" and
 * "7/4" are days. A year in figures ("12/7/1941") is {@link NumericDates}'.
 */
final class MonthDays {
  private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})");
  private static final Pattern DAY = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?,?", Pattern.CASE_INSENSITIVE);
  /** The day of a month in figures as typed before it: "11", "11th"; a comma ends a date, not starts one. */
  private static final Pattern DAY_FIRST = Pattern.compile("\\d{1,2}(?:st|nd|rd|th)?", Pattern.CASE_INSENSITIVE);
  private static final Set<Integer> FRACTION_DENOMINATORS = Set.of(2, 3, 4, 5, 8, 10);
  /** Each month's name in full and cut short ("sept" too), lower case, without a full stop. */
  private static final Map<String, Month> MONTHS = monthNames();

  private static Map<String, Month> monthNames() {
    Map<String, Month> names = new java.util.HashMap<>(Map.ofEntries(
        Map.entry("jan", Month.JANUARY), Map.entry("feb", Month.FEBRUARY), Map.entry("mar", Month.MARCH),
        Map.entry("apr", Month.APRIL), Map.entry("jun", Month.JUNE), Map.entry("jul", Month.JULY),
        Map.entry("aug", Month.AUGUST), Map.entry("sep", Month.SEPTEMBER), Map.entry("sept", Month.SEPTEMBER),
        Map.entry("oct", Month.OCTOBER), Map.entry("nov", Month.NOVEMBER), Map.entry("dec", Month.DECEMBER)));
    for (Month month : Month.values()) {
      names.put(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), month);
    }
    return Map.copyOf(names);
  }

  /**
   * Ordinals in letters that the analysis makes one word with their figures ("Fourth of July" is
   * "4th of July"); "first" and "second" are mostly other words, and are not.
   */
  private static final List<String> ORDINAL_WORDS = List.of("third", "fourth", "fifth", "sixth", "seventh", "eighth",
      "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
      "eighteenth", "nineteenth", "twentieth");

  private MonthDays() {}

  /** The month a word names, in full or cut short, with or without its full stop ("Sept."). */
  static Optional<Month> month(String word) {
    String key = word.strip().toLowerCase(Locale.ROOT);
    key = key.endsWith(".") ? key.substring(0, key.length() - 1) : key;
    return Optional.ofNullable(MONTHS.get(key));
  }

  /** Whether a word is a day of a month as typed after one ("11", "11th", "11,", "fourth"). */
  static boolean isDay(String word) {
    return dayNumber(word).isPresent();
  }

  private static Optional<Integer> dayNumber(String word) {
    String typed = word.strip();
    Matcher day = DAY.matcher(typed);
    if (day.matches()) {
      int number = Integer.parseInt(day.group(1));
      return number >= 1 && number <= 31 ? Optional.of(number) : Optional.empty();
    }
    String ordinal = (typed.endsWith(",") ? typed.substring(0, typed.length() - 1) : typed).toLowerCase(Locale.ROOT);
    int index = ORDINAL_WORDS.indexOf(ordinal);
    if (index >= 0) {
      return Optional.of(index + 3);
    }
    return ordinal.equals("thirtieth") ? Optional.of(30) : Optional.empty();
  }

  /**
   * How many words from {@code start} are a day typed before its month ("11 September", "11th Sept.",
   * "11th of September", "7 December," before a year), or 0. The day is a number in figures only: a word in letters before a month
   * is seldom its day ("Fourth of July" is the holiday, and stays the words it is), and a month after
   * anything else ("10 Downing Street", "a May") is no date.
   */
  static int dayFirstLength(String[] words, int start) {
    if (start + 1 >= words.length || !DAY_FIRST.matcher(words[start]).matches()
        || dayNumber(words[start]).isEmpty()) {
      return 0;
    }
    if (monthBeforeYear(words[start + 1])) {
      return 2;
    }
    boolean of = start + 2 < words.length && words[start + 1].equalsIgnoreCase("of");
    return of && monthBeforeYear(words[start + 2]) ? 3 : 0;
  }

  /** Whether a word is a month, with the comma a year may follow it with ("7 December, 1941"). */
  private static boolean monthBeforeYear(String word) {
    return month(word.endsWith(",") ? word.substring(0, word.length() - 1) : word).isPresent();
  }

  /** The day a query's phrase or word names, if it names a day of a month and no year. */
  static Optional<MonthDay> typed(String typed) {
    String text = typed.strip();
    Matcher slashed = SLASHED.matcher(text);
    if (slashed.matches()) {
      int first = Integer.parseInt(slashed.group(1));
      int second = Integer.parseInt(slashed.group(2));
      if (first < second && FRACTION_DENOMINATORS.contains(second)) {
        return Optional.empty();
      }
      return day(first, second);
    }
    List<String> words = new ArrayList<>(List.of(text.split("\\s+")));
    words.removeIf(word -> word.equalsIgnoreCase("the") || word.equalsIgnoreCase("of"));
    if (words.size() != 2) {
      return Optional.empty();
    }
    Optional<Month> month = month(words.get(0));
    String day = words.get(1);
    if (month.isEmpty()) {
      month = month(words.get(1));
      day = words.get(0);
    }
    Optional<Integer> number = dayNumber(day);
    if (month.isEmpty() || number.isEmpty()) {
      return Optional.empty();
    }
    return day(month.get().getValue(), number.get());
  }

  /**
   * The ways the texts write the day, as phrases: "September 11", "September 11th", "September the
   * 11th", "11th of September", "11 September" (the short month, "Sept. 11", is {@link Abbreviations}'
   * other writing of the first two). An ordinal the analysis spells in letters ("11th", "eleventh") is
   * found either way.
   */
  static List<String> writings(MonthDay day) {
    String month = day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    String ordinal = day.getDayOfMonth() + suffix(day.getDayOfMonth());
    return List.of(month + " " + day.getDayOfMonth(), month + " " + ordinal, month + " the " + ordinal,
        ordinal + " of " + month, day.getDayOfMonth() + " " + month);
  }

  private static Optional<MonthDay> day(int month, int dayOfMonth) {
    try {
      return Optional.of(MonthDay.of(month, dayOfMonth));
    } catch (DateTimeException notADay) {
      return Optional.empty(); // "24/7", "13/45": the numbers as typed
    }
  }

  private static String suffix(int day) {
    if (day >= 11 && day <= 13) {
      return "th";
    }
    return switch (day % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }
}
