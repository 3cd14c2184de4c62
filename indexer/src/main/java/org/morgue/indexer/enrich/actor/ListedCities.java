package org.morgue.indexer.enrich.actor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.morgue.article.ActorType;
import org.morgue.indexer.enrich.text.AccentFolding;
import org.morgue.indexer.enrich.text.DataFile;
import org.morgue.indexer.enrich.text.Token;

/**
 * Finds towns of ANNIE's world city list (GATE, LGPL 3.0, the unmodified jar on the classpath) that
 * Morgue's own gazetteers leave out, where a preposition of place puts them: "the conference in
 * Columbus", "won at Augusta", "flew to Pensacola". Morgue's gazetteers hold a few hundred
 * places and leave out on purpose the names that are as often a person or a thing ("Columbus",
 * "Augusta", "Chester"), so the list alone names nothing; "in" or "at" before the word, and no
 * capitalised word after it ("at Augusta National"), is what makes it a town. Not "of": in the
 * addresses it is as often a person's ("the nation of Edison", "descendants of Lafayette"). Names are
 * compared with their accents folded ({@link AccentFolding}): the list's "Malaga" is the text's
 * "Málaga", and is named as the list writes it unless the list has the text's spelling too.
 */
final class ListedCities {
  /** The lower-case words that put a town after them. */
  private static final Set<String> PREPOSITIONS = Set.of("in", "at", "near", "from", "outside", "to");

  /**
   * Words of the lists that name something else far more often in an archive's text: "Providence"
   * is God's in two centuries of addresses ("the favor of Providence"); "at Christmas" and "at Notre
   * Dame" (the university) are a season and a school, though towns bear their names; so are compass
   * words ("in Central and South America") and a planet.
   */
  private static final Set<String> OTHER_SENSES = Set.of("Providence", "Christmas", "Easter", "Notre Dame",
      // "in Central America", "to Mars": the first word of a region, a planet
      "Central", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Middle", "Mars");

  /** Compass words: a town named by two of them alone ("North East") is a direction in most copy. */
  private static final Set<String> COMPASS = Set.of("North", "South", "East", "West", "Central", "Northern",
      "Southern", "Eastern", "Western", "Middle");

  /** Towns of two words that name something else when no preposition places them: Wilson's programme, the Cape. */
  private static final Set<String> ALONE_OTHER_SENSES = Set.of("New Freedom", "Good Hope");

  /** The towns by their first word, each as the folded token keys of its name, longest first. */
  private final Map<String, List<List<String>>> towns;
  /** The same, only the towns ending in a {@link #TOWN_HEADS} word: every place match looks them up. */
  private final Map<String, List<List<String>>> headedTowns;
  /** Each town's name as the list spells it, by its folded token keys; the plainer of two spellings. */
  private final Map<List<String>, String> listedName;
  /** Every town's token keys as the list spells them: a text spelling a town so keeps its spelling. */
  private final Set<List<String>> listedSpellings;
  private final NameRules rules;

  ListedCities(Collection<String> towns, NameRules rules) {
    Map<List<String>, String> names = new HashMap<>();
    Set<List<String>> spellings = new HashSet<>();
    for (String town : towns) {
      List<String> written = Token.split(town, 0, town.length()).stream().map(Token::key).toList();
      if (!written.isEmpty()) {
        spellings.add(written);
        // "Bogota" and "Bogotá" are both listed: one town, named "Bogota" where the text spells it neither way
        names.merge(written.stream().map(AccentFolding::fold).toList(), town, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }
    Map<String, List<List<String>>> byFirst = new HashMap<>();
    Map<String, List<List<String>>> headedByFirst = new HashMap<>();
    for (List<String> keys : names.keySet()) {
      byFirst.computeIfAbsent(keys.get(0), k -> new ArrayList<>()).add(keys);
      if (keys.size() > 1 && TOWN_HEADS.contains(keys.getLast())) {
        headedByFirst.computeIfAbsent(keys.get(0), k -> new ArrayList<>()).add(keys);
      }
    }
    byFirst.values().forEach(keys -> keys.sort(Comparator.comparingInt(List<String>::size).reversed()));
    headedByFirst.values().forEach(keys -> keys.sort(Comparator.comparingInt(List<String>::size).reversed()));
    this.towns = Map.copyOf(byFirst);
    this.headedTowns = Map.copyOf(headedByFirst);
    this.listedName = Map.copyOf(names);
    this.listedSpellings = Set.copyOf(spellings);
    this.rules = rules;
  }

  /**
   * ANNIE's city list, single words (about 1,600 towns of the world), and GeoNames' U.S. towns
   * ({@code us-towns}: names of one word or more), less the words of the people the gazetteer knows
   * ("Roosevelt", "Palmer" are towns too), nationality words, words that name no one (months,
   * days) and {@link #OTHER_SENSES}.
   */
  static ListedCities load(NameRules rules, Gazetteer gazetteer, DataFile usTowns) {
    Set<String> cities = new HashSet<>(AnnieLists.singleWords(List.of("city.lst")));
    cities.addAll(usTowns.words());
    cities.removeAll(OTHER_SENSES);
    cities.removeAll(AnnieLists.singleWords(List.of("country_adj.lst"))); // "in English": a language, and a town
    cities.removeIf(rules::isNotName); // "in May", "on Sunday"
    Set<String> peoplesWords = new HashSet<>();
    gazetteer.actors().stream().filter(actor -> actor.type() == ActorType.PERSON)
        .forEach(actor -> peoplesWords.addAll(List.of(AccentFolding.fold(actor.name()).split(" "))));
    cities.removeIf(city -> peoplesWords.contains(AccentFolding.fold(city)));
    return new ListedCities(cities, rules);
  }

  /**
   * The towns in a segment's free tokens, less the {@code surnames} of people the article names;
   * marks the tokens it uses as covered. "of" puts a town after a person's name ({@code peopleEnds}:
   * where the article's person mentions end), as local news places people: "Mr. and Mrs. Guy
   * Mullenax of Kittredge", "Dr. Ennis Keizer, of North Bend".
   */
  List<TokenMatch> find(String text, Segment segment, Set<String> surnames, Set<Integer> peopleEnds) {
    List<TokenMatch> found = new ArrayList<>();
    if (segment.headline()) {
      return found;
    }
    List<Token> tokens = segment.tokens();
    boolean[] covered = segment.covered();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      // Cheapest test first: this runs on every token of the article.
      if (covered[i] || !token.capitalised()) {
        continue;
      }
      boolean placed = i > 0 && (afterPreposition(tokens, i) || afterPersonOf(tokens, i, peopleEnds));
      if (!placed && !opensRun(tokens, i)) {
        continue;
      }
      List<List<String>> candidates = towns.get(AccentFolding.fold(token.key()));
      if (candidates == null || surnames.contains(token.key()) || !rules.isNameWord(token)) {
        continue;
      }
      for (List<String> town : candidates) {
        int end = i + town.size();
        if (!placed && (town.size() < 2 || rules.isAnyGivenName(town.get(0)) || COMPASS.containsAll(town)
            || ALONE_OTHER_SENSES.contains(String.join(" ", town)))) {
          continue; // alone, only a town of two words or more, not "Glen Allen", "North East", "New Freedom"
        }
        if (sameKeys(tokens, i, town) && segment.free(i, end) && closed(tokens, end)
            && !(town.size() == 1 && surnames.contains(town.get(0)))) {
          found.add(new TokenMatch(new ActorKey(townName(text, tokens, i, end, town), ActorType.PLACE), i, end)
              .cover(covered));
          i = end - 1;
          break;
        }
      }
    }
    return found;
  }

  /** The last words of towns named after a place the gazetteers know: "Colorado Springs", "Iowa City". */
  private static final Set<String> TOWN_HEADS = Set.of("City", "Heights", "Springs", "Beach", "Ridge", "Gardens",
      "Valley", "Shores", "Park", "Mills", "Lakes", "Falls", "Center", "Rapids", "Hills", "Harbor", "Terrace");

  /**
   * The end of a town whose name runs on past a place the gazetteers matched at {@code at} (to {@code
   * placeEnd}) with a word towns end in: "in Colorado Springs" is the town, not the state; {@code
   * placeEnd} when there is none.
   */
  int townEnd(List<Token> tokens, int at, int placeEnd) {
    List<List<String>> candidates = headedTowns.get(tokens.get(at).key());
    if (candidates == null) {
      return placeEnd;
    }
    for (List<String> town : candidates) {
      int end = at + town.size();
      if (end > placeEnd && sameKeys(tokens, at, town) && closed(tokens, end)) {
        return end;
      }
    }
    return placeEnd;
  }

  /** The town's name as the text writes it if the list spells it so too ("Bogotá"), else as the list does ("Malaga"). */
  private String townName(String text, List<Token> tokens, int at, int end, List<String> town) {
    List<String> written = tokens.subList(at, end).stream().map(Token::key).toList();
    return listedSpellings.contains(written)
        ? NameRules.canonical(text, tokens, at, end) : listedName.get(town);
  }

  private static boolean sameKeys(List<Token> tokens, int at, List<String> keys) {
    if (at + keys.size() > tokens.size()) {
      return false;
    }
    for (int k = 0; k < keys.size(); k++) {
      if (!AccentFolding.fold(tokens.get(at + k).key()).equals(keys.get(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean afterPersonOf(List<Token> tokens, int at, Set<Integer> peopleEnds) {
    int before = at - 2;
    if (!tokens.get(at - 1).key().equals("of") || before < 0) {
      return false;
    }
    if (tokens.get(before).key().equals(",") && before > 0) {
      before--;
    }
    return peopleEnds.contains(tokens.get(before).end());
  }

  /**
   * Whether a run of capitalised words starts at the token: a town of two words or more names itself
   * there with no preposition ("East Providence should organize", "a Severna Park man"), since few
   * other things are called "Central Falls"; a capitalised word before it makes it part of a longer
   * name, unless a sentence opens there.
   */
  private static boolean opensRun(List<Token> tokens, int at) {
    return at == 0 || !tokens.get(at - 1).capitalised() || NameRules.startsSentence(tokens, at);
  }

  private static boolean afterPreposition(List<Token> tokens, int at) {
    Token before = tokens.get(at - 1);
    return before.word() && PREPOSITIONS.contains(before.key());
  }

  /**
   * Whether nothing after the town's name makes it part of a longer name or a person's: "in
   * Columbus," but not "at Augusta National" nor "to Palmer's house".
   */
  private static boolean closed(List<Token> tokens, int end) {
    if (end < tokens.size()) {
      Token next = tokens.get(end);
      return !(next.capitalised() || (next.key().equals("-") && !next.spaceBefore())
          || ((next.key().equals("'") || next.key().equals("\u2019")) && !next.spaceBefore()));
    }
    return true;
  }
}
