package org.morgue.indexer.enrich.text;

import org.morgue.indexer.enrich.actor.Gazetteer;

import java.util.ArrayList;
import java.util.List;

/**
 * One word or punctuation mark of a text, with its offsets. Gazetteer aliases and article text are
 * split the same way, so a name matches whatever the spacing or apostrophe style of the text.
 *
 * @param key the token as compared: the word itself, or the punctuation mark with curly apostrophes
 *     and hyphen variants folded to their ASCII form
 * @param start offset of the first character
 * @param end offset after the last character
 * @param word whether it is a run of letters and digits rather than a single punctuation mark
 * @param spaceBefore whether whitespace (or the start of the text) precedes it
 */
public record Token(String key, int start, int end, boolean word, boolean spaceBefore) {

  /**
   * Splits {@code text[from, to)} into tokens: maximal runs of letters, digits and combining marks
   * are words; every other non-space character is a token of its own. Splitting at apostrophes is
   * what turns "Washington’s" into the name "Washington" followed by a possessive.
   */
  public static List<Token> split(CharSequence text, int from, int to) {
    List<Token> tokens = new ArrayList<>();
    boolean space = true;
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = true;
        i++;
      } else if (isWordChar(c)) {
        int start = i;
        while (i < to && isWordChar(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(text.subSequence(start, i).toString(), start, i, true, space));
        space = false;
      } else {
        tokens.add(new Token(fold(c), i, i + 1, false, space));
        space = false;
        i++;
      }
    }
    return tokens;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
  }

  // Punctuation marks are mostly ASCII: one shared String each instead of one per occurrence.
  private static final String[] ASCII = new String[128];

  static {
    for (char c = 0; c < ASCII.length; c++) {
      ASCII[c] = String.valueOf(c);
    }
  }

  private static String fold(char c) {
    return switch (c) {
      case '\u2019', '\u2018', '\u02bc', '`' -> "'";
      case '\u2010', '\u2011' -> "-";
      default -> c < ASCII.length ? ASCII[c] : String.valueOf(c);
    };
  }

  /** Whether it is a word starting with an upper-case letter. */
  public boolean capitalised() {
    return word && Character.isUpperCase(key.charAt(0));
  }

  /** Whether it is a single capital letter, an initial as in "D." or "U.S.". */
  public boolean initial() {
    return word && key.length() == 1 && Character.isUpperCase(key.charAt(0));
  }

  /** Whether it is a word of letters that are all upper case, like "US" or "NATO". */
  public boolean allCaps() {
    if (!word) {
      return false;
    }
    boolean letter = false;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }
}
