package org.morgue.engine.lucene.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * An acronym written with dots is the acronym: "U.N." as "UN", "U.S.S.R." as "USSR", "F.B.I." as
 * "FBI". The tokenizer keeps a run of single letters and dots as one token ("U.N"), so a search for
 * "UN" missed the 1961 clippings and the addresses that write "U.N." (4 articles of the 24 that say
 * either were found by both). "U.S" is left as it is: it is how the index writes the country, which
 * {@link UsAsCountryFilter} also makes of "US", so the pronoun "us" stays apart.
 *
 * <p>The same as OpenSearch's {@code pattern_replace} token filter {@code morgue_acronyms} in the
 * mapping (a dot between single letters, across the whole token, removed), without matching a
 * regular expression against every token: only a token whose second character is a dot is looked at.
 */
final class DottedAcronymFilter extends TokenFilter {
  /**
   * How many of an acronym's first letters are joined: the mapping's pattern looks back over at most
   * this many, as a lookbehind must be bounded, so the filter joins the same ones.
   */
  static final int MAX_LETTERS = 10;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  DottedAcronymFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] text = term.buffer();
    int length = term.length();
    if (isDottedAcronym(text, length) && !isUs(text, length)) {
      int kept = 0;
      for (int i = 0; i < length; i++) {
        if (i % 2 == 0 || i >= 2 * MAX_LETTERS) {
          text[kept++] = text[i];
        }
      }
      term.setLength(kept);
    }
    return true;
  }

  /** Letter, dot, letter (dot, letter)...: single letters with a dot between each two, none at the end. */
  private static boolean isDottedAcronym(char[] text, int length) {
    if (length < 3 || length % 2 == 0 || text[1] != '.') {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (i % 2 == 0 ? !Character.isLetter(text[i]) : text[i] != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isUs(char[] text, int length) {
    return length == 3 && (text[0] == 'U' || text[0] == 'u') && (text[2] == 'S' || text[2] == 's');
  }
}
