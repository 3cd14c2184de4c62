package org.morgue.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The facets every engine counts and filters by: the one list that the index schema, the request
 * parameters, their validation, the API document's contract test and the page are checked against.
 * The order is the order the API lists them in.
 *
 * <p>To add a facet, see docs/architecture.md ("Add a facet").
 */
public enum Facet {
  /** Canonical actor names (people, organisations, places, governments, groups). */
  ACTOR("actor"),
  /** Actor types: person, organisation, place, government, group. */
  ACTOR_TYPE("actorType"),
  /**
   * Canonical names of the actors an article quotes: credits with a statement ("Pittston Co said", "according
   * to the Commerce Department"), as the enrichment linked its attributions.
   */
  QUOTED("quoted"),
  /** Theme names from the taxonomy. */
  THEME("theme"),
  /** Hedging level: low, medium, high. */
  HEDGING("hedging"),
  /** The source an article came from. */
  SOURCE("source"),
  /** Publication year. */
  YEAR("year"),
  /**
   * Collection ids the article belongs to (a librarian's collections). Membership is decided outside
   * the engines, which only keep what the writer hands their {@link ArchiveStore}.
   */
  COLLECTION("collection");

  private static final List<String> IDS = Arrays.stream(values()).map(Facet::id).toList();

  private final String id;

  Facet(String id) {
    this.id = id;
  }

  /** The facet's name in requests and answers, e.g. {@code actorType}. */
  public String id() {
    return id;
  }

  /** Every facet's name, in order. */
  public static List<String> ids() {
    return IDS;
  }

  /** The facet with this name, if there is one (names are case-sensitive, as in URLs). */
  public static Optional<Facet> byId(String id) {
    for (Facet facet : values()) {
      if (facet.id.equals(id)) {
        return Optional.of(facet);
      }
    }
    return Optional.empty();
  }
}
