package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.ActorType;

/**
 * Finds companies the text marks in angle brackets, as Reuters' newswire does for companies without
 * a stock symbol: "to <Woodco Inc> of Houston", "<Stanwell Mortgage>". A bracketed run of capitalised
 * words is one organisation, whatever its words; an all-capitals one is a stock symbol ("<CPML>",
 * "<BK.N>"), which names no actor and is set aside, but says that the capitalised words right before
 * it name a listed company: "ChemLawn Corp <CHEM>", "Swedish Match <SMBS ST>", "Bank of New York Co
 * Inc <BK.N>". Headlines are left alone, since every word there is capitalised.
 */
final class BracketedNames {
  /** The most tokens between the brackets: longer runs are not a name. */
  private static final int MAX_TOKENS = 16;

  /** The most words a company's name before its stock symbol takes. */
  private static final int MAX_NAME_WORDS = 8;

  private final Set<String> notNameStarts;
  private final Set<String> organisationHeads;
  private final Set<String> unitNouns;

  /**
   * @param notNameStarts capitalised words that open a sentence but no name ("The", "In")
   * @param organisationHeads words after which "of" stays inside a name ("Bank of New York Co Inc")
   * @param unitNouns nouns that make a bracket between "its" and them a company's unit ("its <SMS> unit")
   */
  BracketedNames(Set<String> notNameStarts, Set<String> organisationHeads, Set<String> unitNouns) {
    this.notNameStarts = Set.copyOf(notNameStarts);
    this.organisationHeads = Set.copyOf(organisationHeads);
    this.unitNouns = Set.copyOf(unitNouns);
  }

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
      if (isName(tokens, first, close) || unitName(tokens, open, close)) {
        found.add(new TokenMatch(
            new ActorKey(NameRules.canonical(text, tokens, first, close), ActorType.ORGANISATION), first, close));
      } else if (!segment.headline() && !segment.shouting()) {
        nameBeforeSymbol(text, tokens, covered, open).ifPresent(m -> found.add(m.cover(covered)));
      }
      for (int k = open; k <= close; k++) {
        covered[k] = true; // a stock symbol is set aside too: "CPML" names no one
      }
      open = close;
    }
    return found;
  }

  /**
   * The company named right before the stock symbol that opens at {@code open}: capitalised words,
   * with initials ("E.F. Hutton", "L.P."), glued hyphens, "and" or "&" between capitalised words,
   * and "of" after a head word ("Financial Corp of Santa Barbara"); a sentence opener is left out.
   */
  private Optional<TokenMatch> nameBeforeSymbol(String text, List<Token> tokens, boolean[] covered, int open) {
    int first = open;
    int words = 0;
    int k = open - 1;
    while (k >= 0 && !covered[k] && words < MAX_NAME_WORDS) {
      Token token = tokens.get(k);
      String key = token.key();
      if (token.capitalised()) {
        first = k;
        words++;
      } else if (k > 0 && tokens.get(k - 1).capitalised()
          && ((key.equals(".") && !token.spaceBefore() && tokens.get(k - 1).initial())
              || (first < open && key.equals("-") && !tokens.get(k + 1).spaceBefore())
              || (first < open && (key.equals("and") || key.equals("&")))
              || (first < open && key.equals("of") && organisationHeads.contains(tokens.get(k - 1).key())))) {
        // inside the name: read on to the capitalised word before it
      } else {
        break;
      }
      k--;
    }
    while (first < open && (notNameStarts.contains(tokens.get(first).key()) || !tokens.get(first).capitalised())) {
      first++;
    }
    if (first == open) {
      return Optional.empty();
    }
    return Optional.of(new TokenMatch(
        new ActorKey(NameRules.canonical(text, tokens, first, open), ActorType.ORGANISATION), first, open));
  }

  /**
   * Whether the bracket between {@code open} and {@code close} names a company's unit, as in "70 in
   * its <SMS> unit": capitals between "its" or "their" and a unit noun are the unit's name, not a
   * stock symbol.
   */
  private boolean unitName(List<Token> tokens, int open, int close) {
    return open > 0 && close + 1 < tokens.size() && close == open + 2
        && (tokens.get(open - 1).key().equals("its") || tokens.get(open - 1).key().equals("their"))
        && unitNouns.contains(tokens.get(close + 1).key());
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
