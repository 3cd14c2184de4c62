package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.ActorType;

/**
 * The firm a quoted person is "of": "said Perrin Long of Lipper Analytical", "Larry Eckenfelder of
 * Prudential-Bache Securities said". After a person's name and "of", two capitalised words or more
 * (or two partners joined by "and" or "&") that name no known place, hold no place head word and
 * are not followed by a comma ("of Santa Monica, Calif.") are an organisation, when "said" stands
 * before the person or after the firm: a source is quoted with the firm, a prize-list entrant with
 * the town ("Charles Reynolds of Pumpkin Ridge was rabbit showmanship champion"). One word after
 * "of" is left alone: "Anne Batchelder of Hillsboro" is a town far more often than a firm.
 */
final class AffiliationNames {
  /** The verbs of a quoted source, one of which must stand before the person or after the firm. */
  private static final Set<String> SAID = Set.of("said", "says");

  /** The most tokens the firm's name takes. */
  private static final int MAX_TOKENS = 6;

  private final Gazetteer gazetteer;
  private final Set<String> placeHeads;
  private final Set<String> notNameStarts;

  /**
   * @param placeHeads head words of places and names of no actor ("County", "River", "Avenue"): a
   *     name holding one is not a firm
   */
  AffiliationNames(Gazetteer gazetteer, Set<String> placeHeads, Set<String> notNameStarts) {
    this.gazetteer = gazetteer;
    this.placeHeads = Set.copyOf(placeHeads);
    this.notNameStarts = Set.copyOf(notNameStarts);
  }

  /** The firms named after the people in {@code people}; marks their tokens as covered. */
  List<TokenMatch> find(String text, Segment segment, List<TokenMatch> people) {
    List<Token> tokens = segment.tokens();
    boolean[] covered = segment.covered();
    List<TokenMatch> found = new ArrayList<>();
    for (TokenMatch person : people) {
      if (person.actor().type() != ActorType.PERSON || person.end() - person.first() < 2) {
        continue;
      }
      int of = person.end();
      if (of + 2 >= tokens.size() || !tokens.get(of).key().equals("of")) {
        continue;
      }
      boolean saidBefore = person.first() > 0 && SAID.contains(tokens.get(person.first() - 1).key());
      firm(tokens, covered, of + 1)
          .filter(end -> saidBefore || (end < tokens.size() && SAID.contains(tokens.get(end).key())))
          .ifPresent(end -> found.add(new TokenMatch(
              new ActorKey(NameRules.canonical(text, tokens, of + 1, end), ActorType.ORGANISATION), of + 1, end)
              .cover(covered)));
    }
    return found;
  }

  /** The end of the firm's name starting at {@code first}, if one starts there. */
  private Optional<Integer> firm(List<Token> tokens, boolean[] covered, int first) {
    int words = 0;
    boolean joined = false;
    int end = first;
    int k = first;
    while (k < tokens.size() && k - first < MAX_TOKENS && !covered[k]) {
      Token token = tokens.get(k);
      if (token.capitalised() && token.word()) {
        if (placeHeads.contains(token.key()) || (k == first && notNameStarts.contains(token.key()))) {
          return Optional.empty();
        }
        words++;
        end = ++k;
      } else if ((token.key().equals("and") || token.key().equals("&")) && words > 0 && k + 1 < tokens.size()
          && tokens.get(k + 1).capitalised() && (k + 2 >= tokens.size() || !tokens.get(k + 2).capitalised())) {
        joined = true;
        k++;
      } else if (token.key().equals("-") && !token.spaceBefore() && k + 1 < tokens.size()
          && !tokens.get(k + 1).spaceBefore() && tokens.get(k + 1).capitalised()) {
        k++;
      } else {
        break;
      }
    }
    if (words < 2 && !joined) {
      return Optional.empty();
    }
    if (end < tokens.size() && (covered[end] || tokens.get(end).key().equals(","))) {
      return Optional.empty(); // "of Pumpkin Ridge, Ore.", "of Santa Monica, Calif.": a town and its state
    }
    for (int p = first; p < end; p++) {
      Optional<GazetteerEntry> known = gazetteer.longestMatch(tokens, p, false, false, Set.of());
      if (known.isPresent()) {
        return Optional.empty(); // a known place or body: "of New Orleans", "of the Treasury"
      }
    }
    return Optional.of(end);
  }
}
