package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.ActorType;

/**
 * Finds a company's unit named between a possessive and a unit noun: "its Stuart Pharmaceuticals
 * unit", "its Harrah's subsidiary", "their Transamerica Occidental Life subsidiary" (the nouns are in
 * {@code actor/unit-nouns.txt}). Business copy names units this way, with no legal form or head
 * word, and the name rules would otherwise read "Stuart Pharmaceuticals" as a person.
 *
 * <p>Runs before the gazetteer, so a town opening the name does not take it apart ("its Burlington
 * ... subsidiary"), but a name that is wholly a known place or demonym ("its U.S. unit", "its
 * Canadian subsidiary") is no unit's name and is left to the gazetteer.
 */
final class PossessiveUnits {
  /** The most capitalised words a unit's name takes. */
  private static final int MAX_NAME_WORDS = 6;

  private static final Set<String> POSSESSIVES = Set.of("its", "their", "Its", "Their");

  private final NameRules rules;
  private final Gazetteer gazetteer;
  private final Set<String> unitNouns;

  /**
   * @param rules which capitalised words can be name words
   * @param gazetteer the known places and demonyms that are no unit's name on their own
   * @param unitNouns the nouns that close a unit's name
   */
  PossessiveUnits(NameRules rules, Gazetteer gazetteer, Set<String> unitNouns) {
    this.rules = rules;
    this.gazetteer = gazetteer;
    this.unitNouns = Set.copyOf(unitNouns);
  }

  /** The units named in the segment's free tokens; marks the tokens it uses as covered. */
  List<TokenMatch> find(String text, Segment segment) {
    List<Token> tokens = segment.tokens();
    boolean[] covered = segment.covered();
    List<TokenMatch> found = new ArrayList<>();
    for (int i = 0; i + 2 < tokens.size(); i++) {
      String key = tokens.get(i).key();
      // "its" and "their" only: the length rules out most tokens before the set is looked up.
      if (key.length() != 3 && key.length() != 5 || !POSSESSIVES.contains(key)) {
        continue;
      }
      int first = i + 1;
      int end = nameEnd(tokens, covered, first);
      if (end > first && end < tokens.size() && unitNouns.contains(tokens.get(end).key())
          && !whollyKnown(tokens, first, end, segment)) {
        found.add(new TokenMatch(
            new ActorKey(NameRules.canonical(text, tokens, first, end), ActorType.ORGANISATION), first, end)
            .cover(covered));
        i = end;
      }
    }
    return found;
  }

  /**
   * The end of the run of name words from {@code at}: capitalised words, initials with their full
   * stop ("U.S."), glued hyphens ("Rhein-Chemie") and a glued "'s" ("Harrah's").
   */
  private int nameEnd(List<Token> tokens, boolean[] covered, int at) {
    int k = at;
    int words = 0;
    while (k < tokens.size() && !covered[k] && words < MAX_NAME_WORDS) {
      Token token = tokens.get(k);
      if (rules.isNameWord(token) || token.initial()) {
        words++;
        k++;
      } else if (words > 0 && !token.spaceBefore() && k + 1 < tokens.size() && !covered[k + 1]
          && (token.key().equals(".") || gluedTail(tokens, k))) {
        k += token.key().equals(".") ? 1 : 2;
      } else {
        break;
      }
    }
    return words == 0 ? at : k;
  }

  /** A glued "-Word" or "'s" continuing the name. */
  private boolean gluedTail(List<Token> tokens, int k) {
    Token next = tokens.get(k + 1);
    if (next.spaceBefore() || !next.word()) {
      return false;
    }
    return switch (tokens.get(k).key()) {
      case "-" -> rules.isNameWord(next);
      case "'" -> next.key().equals("s");
      default -> false;
    };
  }

  /** Whether one gazetteer entry, a place or a demonym, spans the whole name. */
  private boolean whollyKnown(List<Token> tokens, int first, int end, Segment segment) {
    Set<String> anyFile = new HashSet<>();
    Optional<GazetteerEntry> entry = gazetteer.longestMatch(tokens, first, segment.headline(), segment.shouting(), anyFile);
    return entry.isPresent() && first + entry.get().tokens().size() >= end;
  }
}
