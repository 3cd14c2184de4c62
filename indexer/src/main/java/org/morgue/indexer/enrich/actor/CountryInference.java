package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.AccentFolding;
import org.morgue.indexer.enrich.text.DataFile;
import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.morgue.article.ActorType;
import org.morgue.article.Article;

/**
 * Infers the country of the places and governments an article names, from {@code
 * actor/places-in-countries.tsv}: "Houston, Tex." makes the story one about the United States,
 * as a Reuters editor tagging it would. The country gets each such mention as a mention of its own
 * at {@value #INFERRED_SHARE} of its weight, so a country only inferred ranks below the places that
 * imply it. A government's mentions are not its country's ("the White House" names no place),
 * unless the words of one name it ("the Government of Venezuela", "the British Government"); a
 * government seat in a dateline ("WASHINGTON") does give its country. A Reuters dateline ("COMMACK, N.Y., Feb 26"), kept in the article's metadata rather than
 * its text, names places too, as does a wire copy's opening "WASHINGTON (Reuters) -"; they count as
 * one lede mention each, without offsets.
 */
final class CountryInference {
  /** The share of a place mention's salience weight its country gets. */
  static final double INFERRED_SHARE = 0.5;

  /** A town's name in a dateline: one to three capitalised words, no digits ("Commack", "North Kingstown"). */
  private static final Pattern TOWN = Pattern.compile("\\p{Lu}[\\p{L}.'-]+( \\p{Lu}[\\p{L}.'-]+){0,2}");

  /** By place name, accents folded ({@link AccentFolding}): a town named as the text spells it ("Zürich") is found. */
  private final Map<String, ActorKey> countryOf;
  /** By government name, accents folded. */
  private final Map<String, ActorKey> seatOf;
  private final Gazetteer gazetteer;
  private final LongerPlaceNames regions;

  private CountryInference(Map<String, ActorKey> countryOf, Map<String, ActorKey> seatOf, Gazetteer gazetteer,
      LongerPlaceNames regions) {
    this.countryOf = Map.copyOf(countryOf);
    this.seatOf = Map.copyOf(seatOf);
    this.gazetteer = gazetteer;
    this.regions = regions;
  }

  /**
   * Reads {@code place <TAB> country} lines; fails naming the line when the place is no gazetteer
   * actor or the country no country place.
   */
  static CountryInference load(DataFile countries, DataFile seats, Gazetteer gazetteer, Set<String> capitalCities,
      LongerPlaceNames regions) {
    Map<String, ActorType> known = new HashMap<>();
    gazetteer.actors().forEach(actor -> known.put(actor.name(), actor.type()));
    capitalCities.forEach(city -> known.putIfAbsent(city, ActorType.PLACE));
    return new CountryInference(placesOf(countries, known), placesOf(seats, known), gazetteer, regions);
  }

  /**
   * {@code actor <TAB> place} lines, each actor {@code known} (the gazetteer's, and the capitals'
   * cities) and each place a place.
   */
  private static Map<String, ActorKey> placesOf(DataFile file, Map<String, ActorType> known) {
    Map<String, ActorKey> placeOf = new HashMap<>();
    for (DataFile.Line line : file.lines()) {
      String[] columns = line.text().split("\t", -1);
      if (columns.length != 2) {
        throw new IllegalStateException(file.where(line) + ": expected 'name<TAB>place', got '" + line.text() + "'");
      }
      String name = columns[0].strip();
      String place = columns[1].strip();
      if (!known.containsKey(name)) {
        throw new IllegalStateException(file.where(line) + ": '" + name + "' is in no gazetteer");
      }
      if (known.get(place) != ActorType.PLACE) {
        throw new IllegalStateException(file.where(line) + ": '" + place + "' is no place in the gazetteers");
      }
      ActorKey earlier = placeOf.put(AccentFolding.fold(name), new ActorKey(place, ActorType.PLACE));
      if (earlier != null && !earlier.name().equals(place)) {
        throw new IllegalStateException(file.where(line) + ": '" + name + "' is in " + earlier.name() + " too");
      }
    }
    return placeOf;
  }

  /**
   * The mentions, plus a mention of its country for every mention of a place in one (a region named
   * by the country's name lies in it: {@link LongerPlaceNames}), and for every
   * mention of a government whose words, as written in {@code text}, name the country.
   */
  List<Found> addCountries(String text, List<Found> found) {
    List<Found> all = new ArrayList<>(found);
    for (Found mention : found) {
      if (mention.actor().type() == ActorType.GOVERNMENT) {
        // "the White House" is a mention of the U.S. government, not of the United States; "the
        // Government of Venezuela" names Venezuela too, and a reader filtering by Venezuela looks for it.
        countryNamedIn(text, mention).ifPresent(all::add);
        continue;
      }
      ActorKey country = mention.actor().type() == ActorType.PLACE
          ? countryOf.getOrDefault(AccentFolding.fold(mention.actor().name()),
              regions.countryOfRegion(mention.actor()).orElse(null))
          : countryOf.get(AccentFolding.fold(mention.actor().name()));
      if (country != null && !country.equals(mention.actor())) {
        all.add(new Found(country, mention.start(), mention.end(), mention.weight() * INFERRED_SHARE));
      }
    }
    return all;
  }

  /** The first country the words of a government's mention name ("Venezuela", "British"), as a mention of its own. */
  private Optional<Found> countryNamedIn(String text, Found mention) {
    List<Token> tokens = Token.split(text, mention.start(), mention.end());
    for (int at = 0; at < tokens.size(); at++) {
      Optional<GazetteerEntry> entry = gazetteer.longestMatch(tokens, at, false, false, Set.of());
      if (entry.isPresent() && gazetteer.isCountry(entry.get().actor())) {
        int end = tokens.get(at + entry.get().tokens().size() - 1).end();
        return Optional.of(new Found(entry.get().actor(), tokens.get(at).start(), end, mention.weight() * INFERRED_SHARE));
      }
    }
    return Optional.empty();
  }

  /**
   * The places the article's {@code dateline} metadata names (or, without it, the dateline its text
   * opens with: {@link OpeningDateline}), and their countries, each with the salience weight it adds;
   * empty without a dateline. Datelines are in capitals ("NEW YORK"), so
   * each comma-separated part is put in Title Case and must be a gazetteer alias as a whole. A
   * government the dateline names ("WASHINGTON") adds its seat ({@code actor/dateline-seats.tsv})
   * and its country: the dateline is the city. A part in no gazetteer followed by a known place
   * ("COMMACK, N.Y.") is a town there.
   */
  Map<ActorKey, Double> fromDateline(Article article, double weight) {
    List<String> dateline = article.metadata().getOrDefault("dateline", List.of());
    if (dateline.isEmpty()) {
      dateline = OpeningDateline.lines(article);
    }
    Map<ActorKey, Double> weights = new LinkedHashMap<>();
    for (String line : dateline) {
      List<String> names = new ArrayList<>();
      for (String part : line.split(",")) {
        names.add(titleCase(part.replaceAll("[\\s\\-\u2013\u2014]+$", "").strip()));
      }
      for (int p = 0; p < names.size(); p++) {
        String name = names.get(p);
        Optional<ActorKey> actor = wholeAlias(name);
        if (actor.isEmpty()) {
          // "COMMACK, N.Y.": a town in no gazetteer, placed by the state or country after it.
          boolean placedTown = p + 1 < names.size() && TOWN.matcher(name).matches()
              && wholeAlias(names.get(p + 1)).filter(next -> next.type() == ActorType.PLACE).isPresent();
          if (placedTown) {
            weights.merge(new ActorKey(name, ActorType.PLACE), weight, Math::max);
          }
          continue;
        }
        ActorKey found = seatOf.getOrDefault(AccentFolding.fold(actor.get().name()), actor.get());
        if (found.type() == ActorType.PLACE) {
          weights.merge(found, weight, Math::max);
        }
        ActorKey country = countryOf.get(AccentFolding.fold(found.name()));
        if (country == null) {
          country = countryOf.get(AccentFolding.fold(actor.get().name()));
        }
        if (country != null && !country.equals(found)) {
          weights.merge(country, weight * INFERRED_SHARE, Math::max);
        }
      }
    }
    return weights;
  }

  /** The actor whose alias is the whole name, if any. */
  private Optional<ActorKey> wholeAlias(String name) {
    if (name.isEmpty()) {
      return Optional.empty();
    }
    List<Token> tokens = Token.split(name, 0, name.length());
    Optional<GazetteerEntry> entry = gazetteer.longestMatch(tokens, 0, false, false, Set.of());
    if (entry.isEmpty() || entry.get().tokens().size() != tokens.size()) {
      return Optional.empty();
    }
    return Optional.of(entry.get().actor());
  }

  /** "NEW YORK" to "New York"; "N.Y." and mixed-case words stay as they are. */
  private static String titleCase(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String word : text.split(" ", -1)) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      boolean caps = word.chars().anyMatch(Character::isLetter) && word.equals(word.toUpperCase(Locale.ROOT));
      boolean initials = word.matches("(\\p{Lu}\\.)+");
      out.append(caps && !initials && word.length() > 1
          ? word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT) : word);
    }
    return out.toString();
  }
}
