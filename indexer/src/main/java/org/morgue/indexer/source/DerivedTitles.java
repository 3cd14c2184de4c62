package org.morgue.indexer.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headline for an article its source sent without one: its first sentence, cut at a word if it runs
 * long. Every format that accepts a text with no title names it the same way, so the archive lists
 * no empty headline.
 */
final class DerivedTitles {
  private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?[.!?])(?:\\s|$)");
  private static final int MAX_LENGTH = 120;

  private DerivedTitles() {}

  /** The first sentence of {@code text}, at most about 120 characters. */
  static String of(String text) {
    Matcher sentence = FIRST_SENTENCE.matcher(text);
    String first = sentence.find() ? sentence.group(1) : text;
    if (first.length() <= MAX_LENGTH) {
      return first;
    }
    int cut = first.lastIndexOf(' ', MAX_LENGTH);
    return first.substring(0, cut > 0 ? cut : MAX_LENGTH) + "…";
  }
}
