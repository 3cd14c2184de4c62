package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.Token;

import java.util.List;

/**
 * The title or one block of an article, tokenised, while its actors are being found.
 *
 * @param tokens the tokens, offsets into the article text
 * @param covered per token, whether a match already uses it; later passes skip covered tokens, so
 *     matches never overlap and the earlier, more reliable pass wins
 * @param weight what one mention here counts towards salience
 * @param headline whether it is set in Title Case (a headline or heading), where capitals say
 *     nothing about names, so only gazetteer aliases are matched
 * @param shouting whether it is mostly upper case, where acronyms cannot be told from words
 */
record Segment(List<Token> tokens, boolean[] covered, double weight, boolean headline, boolean shouting) {

  /** Whether no match uses any of the tokens {@code [from, to)} yet. */
  boolean free(int from, int to) {
    for (int k = from; k < to; k++) {
      if (covered[k]) {
        return false;
      }
    }
    return true;
  }

  /** Share of long words that must be capitalised for a line to count as Title Case. */
  private static final double TITLE_CASE_SHARE = 0.75;

  /** Share of letters that must be upper case for a text to count as shouting. */
  private static final double SHOUTING_SHARE = 0.6;

  /** Tokenises {@code text[start, end)}; {@code mayBeHeadline} for the title and headings. */
  static Segment of(String text, int start, int end, double weight, boolean mayBeHeadline) {
    List<Token> tokens = Token.split(text, start, end);
    return new Segment(
        tokens, new boolean[tokens.size()], weight, mayBeHeadline && titleCase(tokens), shouting(tokens));
  }

  /**
   * Whether most words of four letters or more are capitalised. Short words are left out because
   * Title Case keeps "the", "of" and "de" lower case.
   */
  private static boolean titleCase(List<Token> tokens) {
    int longWords = 0;
    int capitalised = 0;
    for (Token token : tokens) {
      if (token.word() && token.key().length() >= 4 && Character.isLetter(token.key().charAt(0))) {
        longWords++;
        if (token.capitalised()) {
          capitalised++;
        }
      }
    }
    return longWords > 0 && capitalised >= TITLE_CASE_SHARE * longWords;
  }

  private static boolean shouting(List<Token> tokens) {
    int letters = 0;
    int upper = 0;
    for (Token token : tokens) {
      if (token.word()) {
        for (int i = 0; i < token.key().length(); i++) {
          char c = token.key().charAt(i);
          if (Character.isLetter(c)) {
            letters++;
            if (Character.isUpperCase(c)) {
              upper++;
            }
          }
        }
      }
    }
    return letters >= 8 && upper >= SHOUTING_SHARE * letters;
  }
}
