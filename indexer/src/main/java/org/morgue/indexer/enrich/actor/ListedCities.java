package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.morgue.article.ActorType;

/**
 * Finds towns of ANNIE's world city list (GATE, LGPL 3.0, the unmodified jar on the classpath) that
 * Morgue's own gazetteers leave out, where a preposition of place puts them: "the conference in
 * Columbus", "won at Augusta", "flew to Pensacola". Morgue's gazetteers hold a few hundred
 * places and leave out on purpose the names that are as often a person or a thing ("Columbus",
 * "Augusta", "Chester"), so the list alone names nothing; "in" or "at" before the word, and no
 * capitalised word after it ("at Augusta National"), is what makes it a town. Not "of": in the
 * addresses it is as often a person's ("the nation of Edison", "descendants of Lafayette").
 */
final class ListedCities {
  /** The lower-case words that put a town after them. */
  private static final Set<String> PREPOSITIONS = Set.of("in", "at", "near", "from", "outside", "to");

  /**
   * Words of the list that name something else far more often in an archive's text: "Providence"
   * is God's in two centuries of addresses ("the favor of Providence").
   */
  private static final Set<String> OTHER_SENSES = Set.of("Providence");

  private final Set<String> cities;
  private final NameRules rules;

  ListedCities(Set<String> cities, NameRules rules) {
    this.cities = Set.copyOf(cities);
    this.rules = rules;
  }

  /**
   * ANNIE's city list, single words (about 1,600 towns of the world), less the words of the people
   * the gazetteer knows ("Roosevelt", "Palmer" are towns too) and {@link #OTHER_SENSES}.
   */
  static ListedCities fromAnnie(NameRules rules, Gazetteer gazetteer) {
    Set<String> cities = new HashSet<>(AnnieLists.singleWords(List.of("city.lst")));
    cities.removeAll(OTHER_SENSES);
    gazetteer.actors().stream().filter(actor -> actor.type() == ActorType.PERSON)
        .forEach(actor -> cities.removeAll(List.of(actor.name().split(" "))));
    return new ListedCities(cities, rules);
  }

  /**
   * The towns in a segment's free tokens, less the {@code surnames} of people the article names;
   * marks the tokens it uses as covered.
   */
  List<TokenMatch> find(String text, Segment segment, Set<String> surnames) {
    List<TokenMatch> found = new ArrayList<>();
    if (segment.headline()) {
      return found;
    }
    List<Token> tokens = segment.tokens();
    boolean[] covered = segment.covered();
    for (int i = 1; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      // Cheapest test first: this runs on every token of the article.
      if (covered[i] || !token.capitalised() || !placed(tokens, i) || !cities.contains(token.key())
          || surnames.contains(token.key()) || !rules.isNameWord(token)) {
        continue;
      }
      found.add(new TokenMatch(new ActorKey(token.key(), ActorType.PLACE), i, i + 1).cover(covered));
    }
    return found;
  }

  /**
   * Whether a preposition of place stands before the word and nothing after it makes the word part of a
   * longer name or a person's: "in Columbus," but not "at Augusta National" nor "to Palmer's house".
   */
  private boolean placed(List<Token> tokens, int at) {
    Token before = tokens.get(at - 1);
    if (!before.word() || !PREPOSITIONS.contains(before.key())) {
      return false;
    }
    if (at + 1 < tokens.size()) {
      Token next = tokens.get(at + 1);
      if (next.capitalised() || (next.key().equals("-") && !next.spaceBefore())
          || ((next.key().equals("'") || next.key().equals("\u2019")) && !next.spaceBefore())) {
        return false;
      }
    }
    return true;
  }
}
