package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.Token;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.ActorType;

/**
 * A country's name at the end of a longer place name the gazetteers do not list is not that country:
 * "West New Guinea" is no part of Guinea, "New Grenada" (Colombia) no part of Grenada, "New South
 * Wales" no part of Wales; the longer name is a place of its own. "New" makes a namesake; region
 * words alone ("North China", "Upper Canada", "Western Germany") make a region, which lies in the
 * country ({@link #countryOfRegion}), so a reader filtering by China still finds "North China".
 *
 * <p>Only the country's own name counts, not a demonym ("South Vietnamese" stays an adjective) nor
 * another alias; and title-case headlines, where every word is capitalised, are left alone.
 */
final class LongerPlaceNames {
  /** Words that open a region of what they stand before. */
  private static final Set<String> REGION_WORDS = Set.of("North", "South", "East", "West", "Central", "Northern",
      "Southern", "Eastern", "Western", "Middle", "Upper", "Lower");

  /** The word that names a namesake, a place named after another: "New Guinea", "New Grenada". */
  private static final String NAMESAKE = "New";

  private final Gazetteer gazetteer;
  /** Every country by its canonical name. */
  private final Map<String, ActorKey> countries;

  LongerPlaceNames(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    Map<String, ActorKey> byName = new HashMap<>();
    gazetteer.actors().stream().filter(gazetteer::isCountry).forEach(country -> byName.put(country.name(), country));
    this.countries = Map.copyOf(byName);
  }

  /**
   * The gazetteer's match widened over the region words and "New" right before it when it is a
   * country's own name; the match itself otherwise. The words before it must be free: a pass before
   * the gazetteer's has not claimed them.
   */
  TokenMatch read(String text, TokenMatch match, Segment segment) {
    ActorKey actor = match.actor();
    List<Token> tokens = segment.tokens();
    if (segment.headline() || segment.shouting() || !gazetteer.isCountry(actor)
        || !NameRules.canonical(text, tokens, match.first(), match.end()).equals(actor.name())) {
      return match;
    }
    int start = match.first();
    while (start > 0 && segment.free(start - 1, start) && tokens.get(start).spaceBefore()
        && (REGION_WORDS.contains(tokens.get(start - 1).key()) || tokens.get(start - 1).key().equals(NAMESAKE))) {
      start--;
    }
    if (start == match.first()) {
      return match;
    }
    return new TokenMatch(
        new ActorKey(NameRules.canonical(text, tokens, start, match.end()), ActorType.PLACE), start, match.end());
  }

  /**
   * The country a region named by region words and the country's name lies in: China for "North
   * China"; none for a place the gazetteers list, which may be a country of its own ("East Germany").
   */
  Optional<ActorKey> countryOfRegion(ActorKey place) {
    if (gazetteer.actors().contains(place)) {
      return Optional.empty();
    }
    String[] words = place.name().split(" ");
    int k = 0;
    while (k < words.length - 1 && REGION_WORDS.contains(words[k])) {
      k++;
    }
    if (k == 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(countries.get(String.join(" ", List.of(words).subList(k, words.length))));
  }
}
