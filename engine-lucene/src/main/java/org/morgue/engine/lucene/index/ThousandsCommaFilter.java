package org.morgue.engine.lucene.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A number is one number however its thousands are written: "10,000" as "10000", "1,250,000.50" as
 * "1250000.50". The archive's texts write the commas (4,761 such numbers in the sample corpus, 9
 * numbers of five digits or more without them), and a search for "10000" found none of them. A token
 * changes only when it is grouped as thousands are: one to three digits, then groups of exactly three
 * after each comma, a decimal part at most; "3,4" and "1,2,3" are lists and stay as written.
 *
 * <p>The same as OpenSearch's {@code pattern_replace} token filter {@code morgue_thousands} in the
 * mapping, without matching a regular expression against every token: only a token that starts with a
 * digit and holds a comma is looked at.
 */
final class ThousandsCommaFilter extends TokenFilter {
  /**
   * How many of a number's commas are taken out, the first ones: the mapping's pattern looks back
   * over at most this many groups before a comma, as a lookbehind must be bounded, so the filter
   * takes out the same ones (a number of more than 21 digits keeps the rest).
   */
  static final int MAX_COMMAS = 6;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  ThousandsCommaFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] text = term.buffer();
    int length = term.length();
    if (length > 4 && isDigit(text[0]) && groupedInThousands(text, length)) {
      int kept = 0;
      int commas = 0;
      for (int i = 0; i < length; i++) {
        if (text[i] != ',' || ++commas > MAX_COMMAS) {
          text[kept++] = text[i];
        }
      }
      term.setLength(kept);
    }
    return true;
  }

  /** One to three digits, groups of ",ddd", then at most a "." and digits. */
  private static boolean groupedInThousands(char[] text, int length) {
    int i = 0;
    while (i < length && isDigit(text[i])) {
      i++;
    }
    if (i == 0 || i > 3) {
      return false;
    }
    int groups = 0;
    while (i < length && text[i] == ',') {
      if (i + 3 >= length) {
        return false;
      }
      if (!(isDigit(text[i + 1]) && isDigit(text[i + 2]) && isDigit(text[i + 3]))) {
        return false;
      }
      i += 4;
      groups++;
    }
    if (groups == 0) {
      return false;
    }
    if (i == length) {
      return true;
    }
    if (text[i] != '.' || i + 1 == length) {
      return false;
    }
    for (int j = i + 1; j < length; j++) {
      if (!isDigit(text[j])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
