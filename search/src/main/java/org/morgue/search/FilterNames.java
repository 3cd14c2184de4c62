package org.morgue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads filter values typed by hand as the names they mean. Facet values are kept as the index
 * spells them ("Tren de Aragua", "Nicolás Maduro"), and the page only ever sends those; but a
 * journalist typing a URL or a developer writing a client types "tren de aragua" or "Nicolas Maduro",
 * and an exact filter would answer nothing with no hint why. So a value of the actor, theme or
 * source facet that the index does not hold as typed, but holds written another way (capitals,
 * accents, width), filters by that name instead; the answer's {@code filters} then show the name
 * used. A value held exactly is kept exactly: "US" stays "US" even if an "Us" exists. The fixed
 * words of the actor type and hedging facets are read in any case ("Person", "HIGH"), and a year in
 * any digits.
 *
 * <p>A collection filter names a collection by its id, exactly: an id is what links and saved searches
 * keep, and a collection's name can change. One that is the id of no collection is {@linkplain #unheld
 * unheld} as an unknown name is; a collection with no articles yet is held.
 */
public final class FilterNames {
  /** The facets whose values are names a person types. */
  static final Set<String> NAMED = Set.of(Facet.ACTOR.id(), Facet.THEME.id(), Facet.SOURCE.id());

  /** The facets whose values {@link #unheld} checks: the named ones, and collection ids. */
  static final Set<String> CHECKED = Set.of(Facet.ACTOR.id(), Facet.THEME.id(), Facet.SOURCE.id(), Facet.COLLECTION.id());

  /** The facets whose values are a few fixed lower-case words. */
  static final Set<String> WORDS = Set.of(Facet.ACTOR_TYPE.id(), Facet.HEDGING.id());

  private FilterNames() {}

  /**
   * Where a facet's values named another way are looked up: the engine's {@link
   * SearchEngine#facetValuesNamed}, or that after a curator's renames (an actor's old name, kept as an
   * alias, filters by the new one). For the collection facet, {@code named} answers the id itself when a
   * collection has it, else nothing: the engines count collection ids, but only the curation knows which
   * collections exist (one with no articles is in no index).
   */
  @FunctionalInterface
  public interface Lookup {
    List<String> named(String facet, String name) throws IOException;

    /**
     * The value a filter value held under no name most likely means, when this lookup knows better than
     * the engine's spelling correction ({@link SearchEngine#facetValueNear}): a collection's id for its
     * name. Empty by default, leaving it to the engine.
     */
    default Optional<String> near(String facet, String name) throws IOException {
      return Optional.empty();
    }
  }

  private static String asciiDigits(String text) {
    StringBuilder ascii = new StringBuilder(text.length());
    text.strip().codePoints().forEach(c -> ascii.appendCodePoint(Character.isDigit(c) ? '0' + Character.digit(c, 10) : c));
    return ascii.toString();
  }

  /**
   * A filter value the archive holds under no name (a typo, a name no article has), which filters
   * every article out: the answer says so, where it said nothing but "0 articles".
   *
   * @param near the value of the facet it most likely misspells, if one is near
   *     ({@link SearchEngine#facetValueNear})
   */
  public record Unheld(String facet, String value, Optional<String> near) {}

  /**
   * The actor, theme, source and collection values of a request (as {@link #resolve} left them) that
   * {@code names} finds under no name, each with the value it means ({@link Lookup#near}) or else the
   * engine holds near it, in the order of the filters.
   */
  public static List<Unheld> unheld(Lookup names, SearchEngine engine, SearchRequest request) throws IOException {
    List<Unheld> unheld = new ArrayList<>();
    for (String facet : Facet.ids()) {
      if (!CHECKED.contains(facet)) {
        continue;
      }
      for (String value : request.filters().getOrDefault(facet, List.of())) {
        if (names.named(facet, value).isEmpty()) {
          Optional<String> meant = names.near(facet, value);
          unheld.add(new Unheld(facet, value, meant.isPresent() ? meant : engine.facetValueNear(facet, value)));
        }
      }
    }
    return unheld;
  }

  /** The request with each named filter value as the index holds it. */
  public static SearchRequest resolve(SearchEngine engine, SearchRequest request) throws IOException {
    return resolve(engine::facetValuesNamed, request);
  }

  /** The request with each named filter value as {@code names} finds it. */
  public static SearchRequest resolve(Lookup names, SearchRequest request) throws IOException {
    Map<String, List<String>> resolved = new LinkedHashMap<>();
    boolean changed = false;
    for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
      if (filter.getKey().equals(Facet.YEAR.id())) {
        // A year typed in other digits (fullwidth １９６１, as a Japanese keyboard types it) is the year,
        // as such digits are a number in size and facetLimit.
        List<String> years = filter.getValue().stream().map(FilterNames::asciiDigits).toList();
        changed |= !years.equals(filter.getValue());
        resolved.put(filter.getKey(), years);
        continue;
      }
      if (WORDS.contains(filter.getKey())) {
        List<String> words = filter.getValue().stream().map(word -> word.strip().toLowerCase(Locale.ROOT)).toList();
        changed |= !words.equals(filter.getValue());
        resolved.put(filter.getKey(), words);
        continue;
      }
      if (!NAMED.contains(filter.getKey())) {
        resolved.put(filter.getKey(), filter.getValue());
        continue;
      }
      Set<String> values = new LinkedHashSet<>();
      for (String typed : filter.getValue()) {
        List<String> named = names.named(filter.getKey(), typed);
        if (named.isEmpty() || named.contains(typed)) {
          values.add(typed);
        } else {
          values.addAll(named);
          changed = true;
        }
      }
      resolved.put(filter.getKey(), new ArrayList<>(values));
    }
    return changed ? request.withFilters(resolved) : request;
  }
}
