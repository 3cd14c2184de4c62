package org.morgue.indexer.enrich;

import java.util.ArrayList;
import java.util.List;
import org.morgue.indexer.article.ActorType;

/**
 * Finds companies the text marks in angle brackets, as Reuters' newswire does for companies without
 * a stock symbol: "to <Woodco Inc> of Houston", "<Stanwell Mortgage>". A bracketed run of capitalised
 * words is one organisation, whatever its words; an all-capitals one is a stock symbol ("<CPML>",
 * "<BK.N>"), which names no actor and is set aside.
 */
final class BracketedNames {
  /** The most tokens between the brackets: longer runs are not a name. */
  private static final int MAX_TOKENS = 16;

  /** The names in the segment's tokens; marks the tokens it uses, brackets included, as covered. */
  List<TokenMatch> find(String text, Segment segment) {
    List<Token> tokens = segment.tokens();
    boolean[] covered = segment.covered();
    List<TokenMatch> found = new ArrayList<>();
    for (int open = 0; open < tokens.size(); open++) {
      if (!tokens.get(open).key().equals("<")) {
        continue;
      }
      int close = open + 1;
      while (close < tokens.size() && close - open <= MAX_TOKENS && !tokens.get(close).key().equals(">")
          && !tokens.get(close).key().equals("<")) {
        close++;
      }
      if (close >= tokens.size() || !tokens.get(close).key().equals(">") || close == open + 1) {
        continue;
      }
      int first = open + 1;
      if (isName(tokens, first, close)) {
        found.add(new TokenMatch(
            new ActorKey(NameRules.canonical(text, tokens, first, close), ActorType.ORGANISATION), first, close));
      }
      for (int k = open; k <= close; k++) {
        covered[k] = true; // a stock symbol is set aside too: "CPML" names no one
      }
      open = close;
    }
    return found;
  }

  /** Whether the bracketed tokens start with a capital and hold a lower-case letter somewhere. */
  private static boolean isName(List<Token> tokens, int first, int end) {
    if (!tokens.get(first).capitalised()) {
      return false;
    }
    for (int k = first; k < end; k++) {
      if (!tokens.get(k).allCaps() && tokens.get(k).word() && !tokens.get(k).key().chars().allMatch(Character::isDigit)) {
        return true;
      }
    }
    return false;
  }
}
