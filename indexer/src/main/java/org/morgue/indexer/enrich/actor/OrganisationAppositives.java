package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.morgue.article.ActorType;

/**
 * Finds organisations in no gazetteer by an appositive that says what they are: "Nova, the Canadian
 * company that owns 56 pct of Husky Oil", "Supermac Technology, a rapidly growing supplier of
 * enhancement products" (the nouns are in {@code actor/organisation-nouns.txt}). Business copy names
 * many companies this way once, without a legal form or a head word.
 *
 * <p>The noun must close the appositive's noun phrase: "Meanwhile, the company said" and "Acme, the
 * company's chairman" are no organisations, because a verb or a possessive follows the noun.
 */
final class OrganisationAppositives {
  /** The most capitalised words a name takes. */
  private static final int MAX_NAME_WORDS = 5;

  /** How many words may stand between the article and the noun: "a rapidly growing supplier". */
  private static final int MAX_MODIFIERS = 6;

  private static final Set<String> OPENERS = Set.of("a", "an", "the");

  /**
   * Words that end the noun phrase before its noun, so a noun after them is not its head: "Kieffer,
   * the only junior in the group", "its Navy, the sentiment is alloyed only by a concern that".
   */
  private static final Set<String> PHRASE_BREAKS = Set.of("a", "an", "the", "is", "was", "are", "were", "be",
      "been", "has", "have", "had", "in", "of", "on", "at", "by", "to", "from", "with", "for", "that", "which",
      "who", "said", "says");

  /** Words that may follow the noun when it ends the appositive's noun phrase. */
  private static final Set<String> AFTER_NOUN =
      Set.of(",", ".", ";", ")", "that", "which", "whose", "of", "in", "based", "with", "owned", "controlled");

  private final NameRules rules;
  private final Set<String> notNameStarts;
  private final Set<String> nouns;

  /**
   * @param rules which capitalised words can be name words
   * @param notNameStarts capitalised words that open a sentence but no name ("The", "In")
   * @param nouns the organisation nouns
   */
  OrganisationAppositives(NameRules rules, Set<String> notNameStarts, Set<String> nouns) {
    this.rules = rules;
    this.notNameStarts = Set.copyOf(notNameStarts);
    this.nouns = Set.copyOf(nouns);
  }

  /** The organisations named in the segment's free tokens; marks the tokens it uses as covered. */
  List<TokenMatch> find(String text, Segment segment) {
    List<Token> tokens = segment.tokens();
    boolean[] covered = segment.covered();
    List<TokenMatch> found = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      // Capitalisation first: it rules out most tokens before any set is looked up.
      if (covered[i] || !tokens.get(i).capitalised() || !startsName(tokens, i)
          || notNameStarts.contains(tokens.get(i).key())) {
        continue;
      }
      int end = nameEnd(tokens, covered, i);
      if (end > i && end < tokens.size() && tokens.get(end).key().equals(",") && describesOrganisation(tokens, end + 1)) {
        found.add(new TokenMatch(
            new ActorKey(NameRules.canonical(text, tokens, i, end), ActorType.ORGANISATION), i, end).cover(covered));
        i = end;
      }
    }
    return found;
  }

  /**
   * Whether a name can start at the token: not inside a run of capitalised words, nor after a
   * closing bracket or a mark glued to it ("Industrial Equity (Pacific) Ltd", "anti-Semitism").
   */
  private static boolean startsName(List<Token> tokens, int at) {
    if (at == 0) {
      return true;
    }
    Token before = tokens.get(at - 1);
    boolean glued = !before.word() && !tokens.get(at).spaceBefore();
    return !before.capitalised() && !before.key().equals(")") && !glued;
  }

  /** The end of the run of name words from {@code at}, glued hyphens included ("Multi-Step"). */
  private int nameEnd(List<Token> tokens, boolean[] covered, int at) {
    int k = at;
    int words = 0;
    while (k < tokens.size() && !covered[k] && words < MAX_NAME_WORDS) {
      if (rules.isNameWord(tokens.get(k))) {
        words++;
        k++;
      } else if (words > 0 && tokens.get(k).key().equals("-") && !tokens.get(k).spaceBefore()
          && k + 1 < tokens.size() && !tokens.get(k + 1).spaceBefore() && rules.isNameWord(tokens.get(k + 1))) {
        k++;
      } else {
        break;
      }
    }
    return words == 0 ? at : k;
  }

  /** Whether an appositive from {@code at} is "a", "an" or "the", a few modifiers and a closing noun. */
  private boolean describesOrganisation(List<Token> tokens, int at) {
    if (at >= tokens.size() || !OPENERS.contains(tokens.get(at).key())) {
      return false;
    }
    for (int k = at + 1, seen = 0; k < tokens.size() && seen <= MAX_MODIFIERS; k++) {
      Token token = tokens.get(k);
      if (token.word() && nouns.contains(token.key())) {
        return k + 1 < tokens.size() && AFTER_NOUN.contains(tokens.get(k + 1).key());
      }
      if (token.word() && PHRASE_BREAKS.contains(token.key())) {
        return false;
      }
      if (token.word()) {
        seen++;
      } else if (!token.key().equals("-") && !token.key().equals(".")) {
        return false;
      }
    }
    return false;
  }
}
