package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.AccentFolding;
import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.ActorType;

/**
 * Sports teams named by their plural alone, in an article that names a team in full: once "Kansas
 * City Athletics" or "Philadelphia Eagles" is found, "the Orioles" and "the Eagles" are teams too
 * (the Eagles being the Philadelphia Eagles). A plural that ends no team named in full counts only
 * in an article naming two teams or more. An article that names no team in full keeps its plurals:
 * "the Cherokees", "the Kochaneks" and "the Philippines" are no clubs. A team is a town or state
 * and a plural, perhaps with a word between; a country and a plural is a national body ("United
 * States Marines").
 */
final class TeamShortNames {
  /** How many different sports words make a sports page of an article that names no team in full. */
  private static final int SPORTS_WORDS = 2;

  private final Gazetteer gazetteer;
  private final Set<String> placePlurals;
  private final Set<String> sportsWords;

  TeamShortNames(Gazetteer gazetteer, Set<String> placePlurals, Set<String> sportsWords) {
    this.gazetteer = gazetteer;
    this.placePlurals = Set.copyOf(placePlurals.stream().map(AccentFolding::fold).toList());
    this.sportsWords = Set.copyOf(sportsWords);
  }

  /**
   * The mentions, with the teams named by their plural alone added; {@code surnames} are the last
   * words of the people the article names, whose plurals are their families.
   */
  List<Found> resolve(List<Found> found, List<Segment> segments, Set<String> surnames) {
    // Each organisation is read once, not once per mention: an address names its bodies many times.
    Set<ActorKey> organisations = new HashSet<>();
    for (Found mention : found) {
      if (mention.actor().type() == ActorType.ORGANISATION) {
        organisations.add(mention.actor());
      }
    }
    Map<String, List<ActorKey>> teams = new HashMap<>();
    for (ActorKey actor : organisations) {
      // Keyed folded, as the gazetteers are: "the Canadiens" after "Montréal Canadiens" whatever the accents.
      plural(actor.name()).ifPresent(
          last -> teams.computeIfAbsent(AccentFolding.fold(last), k -> new ArrayList<>()).add(actor));
    }
    // A plural no team ends in is a team only among two teams or more: one "team" may be a
    // misreading ("Alaska Indians", "Arctic Seas"), two are a sports page. Baseball copy often names
    // no team in full at all ("the Cardinals heed Manager Gene Mauch of the Phillies"); its words
    // make it a sports page too, decided at the first plural that needs it, as the scan reads every word.
    Boolean sportsPage = teams.values().stream().mapToInt(List::size).sum() >= 2 ? Boolean.TRUE : null;
    // A Brown sample runs society copy and the sports page together: "the Geraghtys' youngest
    // daughter" after "Mrs. Geraghty" is her family, not a club.
    List<Found> all = new ArrayList<>(found);
    for (Segment segment : segments) {
      if (segment.headline()) {
        continue;
      }
      List<Token> tokens = segment.tokens();
      boolean[] covered = segment.covered();
      for (int i = 0; i + 1 < tokens.size(); i++) {
        int at = i + 1;
        if (!tokens.get(i).key().equalsIgnoreCase("the") || covered[at] || !teamPlural(tokens.get(at).key())
            || (at + 1 < tokens.size() && tokens.get(at + 1).capitalised())
            || gazetteer.longestMatch(tokens, at, false, false, Set.of()).isPresent()) {
          continue;
        }
        String word = tokens.get(at).key();
        List<ActorKey> named = teams.getOrDefault(AccentFolding.fold(word), List.of());
        if (named.isEmpty()) {
          if (family(word, surnames)) {
            continue;
          }
          if (sportsPage == null) {
            sportsPage = sportsWords(segments);
          }
          if (!sportsPage) {
            continue;
          }
        }
        ActorKey team = named.size() == 1 ? named.get(0) : new ActorKey(word, ActorType.ORGANISATION);
        covered[at] = true;
        all.add(new Found(team, tokens.get(at).start(), tokens.get(at).end(), segment.weight()));
      }
    }
    return all;
  }

  /**
   * The plural ending a team's full name, a known place and the plural with at most one word
   * between: "Athletics" for "Kansas City Athletics"; none for "New York University Board of
   * Trustees".
   */
  private Optional<String> plural(String name) {
    if (!name.endsWith("s")) {
      return Optional.empty();
    }
    List<Token> tokens = Token.split(name, 0, name.length());
    if (tokens.size() < 2 || !teamPlural(tokens.get(tokens.size() - 1).key())) {
      return Optional.empty();
    }
    Optional<GazetteerEntry> place = gazetteer.longestMatch(tokens, 0, false, false, Set.of());
    if (place.isEmpty() || place.get().actor().type() != ActorType.PLACE || gazetteer.isCountry(place.get().actor())
        || place.get().tokens().size() >= tokens.size() || place.get().tokens().size() + 2 < tokens.size()
        || !AccentFolding.fold(NameRules.canonical(name, tokens, 0, place.get().tokens().size()))
            .equals(AccentFolding.fold(place.get().actor().name()))) {
      return Optional.empty(); // "American Nursery Products": a demonym, not a home town
    }
    return Optional.of(tokens.get(tokens.size() - 1).key());
  }

  /** Whether the article is a sports page: two different words of sports copy ("inning", "halfback"). */
  boolean sportsWords(List<Segment> segments) {
    Set<String> seen = new HashSet<>();
    for (Segment segment : segments) {
      for (Token token : segment.tokens()) {
        if (sportsWords.contains(token.key()) && seen.add(token.key()) && seen.size() >= SPORTS_WORDS) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean teamPlural(String word) {
    return word.length() >= 4 && word.endsWith("s") && !word.endsWith("ss") && Character.isUpperCase(word.charAt(0))
        && Character.isLowerCase(word.charAt(1)) && !placePlurals.contains(AccentFolding.fold(word))
        && !NOT_PLURALS.contains(word);
  }

  /** Capitalised words that end in "s" and name no plural of anything: "the Christmas holidays". */
  private static final Set<String> NOT_PLURALS = Set.of("Christmas");

  /** Whether a plural is a family the article names a member of: "the Burkes", "the Stevenses". */
  private static boolean family(String plural, Set<String> surnames) {
    String singular = plural.substring(0, plural.length() - 1);
    return surnames.contains(singular) || (plural.endsWith("es") && surnames.contains(plural.substring(0, plural.length() - 2)));
  }
}
