package org.morgue.engine.lucene.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.morgue.engine.lucene.index.ListedLines;

/**
 * Words written in full or cut short before a name or a day ("Saint Louis" and "St. Louis", "Sen.
 * Kennedy" and "Senator Kennedy", "Sept. 11" and "September 11"), so a query for one writing asks
 * for the other. The index keeps what each text wrote; the other writing is asked for only as a
 * phrase with the word after it, where the short form means the title: "St." ending "Main St." is a
 * street and is left alone. Query-side only, like {@link CompoundWords}: both engines search the
 * same index terms. Read once; immutable.
 */
final class Abbreviations {
  /** A word of letters, with the full stop a short form is typed with ("St."). */
  private static final Pattern WORD = Pattern.compile("\\p{L}+\\.?");
  /**
   * What may follow a listed word for the pair to be asked as a phrase: a word, or a day ("Sept. 11"),
   * with the comma before a year ("Sept. 11, 2001").
   */
  private static final Pattern WORD_AFTER = Pattern.compile("(?:\\p{L}+\\.?|\\d{1,2}(?:st|nd|rd|th)?),?");
  /** A day of the month after a listed word ("Sept. 11", "Feb. 9th,"): the pair is then a date. */
  private static final Pattern DAY = Pattern.compile("\\d{1,2}(?:st|nd|rd|th)?,?");

  private static final Abbreviations SHIPPED = new Abbreviations(ListedLines.of(Abbreviations.class, "abbreviations.txt"), "abbreviations.txt");

  /** Each listed word, in full or short, lower case and without its full stop, to its other writing. */
  private final Map<String, String> other;

  private Abbreviations(List<String> lines, String file) {
    Map<String, String> pairs = new HashMap<>();
    for (String line : lines) {
      String[] sides = line.split("=", -1);
      if (sides.length != 2 || !WORD.matcher(sides[0].strip()).matches() || !WORD.matcher(sides[1].strip()).matches()) {
        throw new IllegalStateException(file + ": not 'word = short': " + line);
      }
      String full = key(sides[0]);
      String shortForm = key(sides[1]);
      if (pairs.putIfAbsent(full, shortForm) != null || pairs.putIfAbsent(shortForm, full) != null) {
        throw new IllegalStateException(file + ": a word is listed twice: " + line);
      }
    }
    this.other = Map.copyOf(pairs);
  }

  /** The list Morgue ships. */
  static Abbreviations shipped() {
    return SHIPPED;
  }

  /**
   * The words of a phrase with every listed word that has a word after it written the other way
   * ("saint louis": "st louis"; "Lt. Gov. Smith" and "Lt. Gov.": "lieutenant governor"), if any is.
   */
  Optional<String> otherWriting(String phrase) {
    String[] words = phrase.strip().split("\\s+");
    boolean changed = false;
    boolean swappedBefore = false;
    for (int i = 0; i < words.length; i++) {
      // The last word too when it ends a run of titles ("Lt. Gov."): nothing else follows a title there.
      String swapped = (i + 1 < words.length || swappedBefore) && WORD.matcher(words[i]).matches()
          ? other.get(key(words[i])) : null;
      swappedBefore = swapped != null;
      if (swapped != null) {
        words[i] = swapped;
        changed = true;
      }
    }
    return changed ? Optional.of(String.join(" ", words)) : Optional.empty();
  }

  /**
   * A plain run of words with each listed word and the word after it also asked for as a phrase, in
   * query syntax: "Saint Louis" as {@code ((Saint Louis) OR "Saint Louis")}, a date only as the phrase
   * ("Sept. 11" as {@code "Sept. 11"}, "11th of September" as {@code "11th of September"}). Other words alone still match as they did; the phrase is what the parser widens to the other writing ({@link
   * #otherWriting}).
   */
  String phrasingPairs(String plainWords) {
    String[] words = plainWords.strip().split(" +");
    List<String> written = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      boolean month = MonthDays.month(words[i]).isPresent();
      if (month && i + 2 < words.length && words[i + 1].equalsIgnoreCase("the") && MonthDays.isDay(words[i + 2])) {
        // "September the 11th", as the addresses say it, is a date as "September 11" is.
        written.add("\"" + words[i] + " " + words[++i] + " " + words[++i] + "\"");
        continue;
      }
      int dayFirst = MonthDays.dayFirstLength(words, i);
      if (dayFirst > 0) {
        // A day before its month, as Europe and the texts' "11 September" write it: "11 September" as
        // loose words found the "11" of "9/11" and any September (a journalist's trial, session 47).
        String date = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + dayFirst));
        written.add("\"" + (date.endsWith(",") ? date.substring(0, date.length() - 1) : date) + "\"");
        i += dayFirst - 1;
        continue;
      }
      if (month && i + 1 < words.length && MonthDays.isDay(words[i + 1])) {
        // Every month before its day, not only those cut short: "July 4" as loose words found a July
        // beside a 4 anywhere.
        written.add("\"" + words[i] + " " + words[++i] + "\"");
        continue;
      }
      boolean pair = i + 1 < words.length && WORD.matcher(words[i]).matches() && other.containsKey(key(words[i]))
          && WORD_AFTER.matcher(words[i + 1]).matches();
      if (pair) {
        boolean day = DAY.matcher(words[i + 1]).matches();
        String both = words[i] + " " + words[++i];
        // A month and its day are a date only together: "Sept. 11" as two loose words found "Sept. 6"
        // beside an "11" elsewhere (a librarian's trial), so the date is asked only as the phrase.
        written.add(day ? "\"" + both + "\"" : "((" + both + ") OR \"" + both + "\")");
      } else {
        written.add(words[i]);
      }
    }
    return String.join(" ", written);
  }

  private static String key(String word) {
    String stripped = word.strip().toLowerCase(Locale.ROOT);
    return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }
}
