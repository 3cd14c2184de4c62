package org.morgue.search;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.ActorType;

/**
 * Which actors the {@code actor} facet lists when a search is narrowed by actor type. The type
 * filter keeps the articles that name an actor of a ticked type; the actor list then shows only
 * actors of those types, so ticking "organisation" lists organisations, not the United States.
 *
 * <p>An actor's type here is the one most articles give it, ties going to the type listed first
 * in {@link ActorType}: the extractor now and then types a name two ways (a city named as its
 * team), and a name listed under a type it has in one article of twenty-six would mislead more
 * than it helps. The counts beside each actor stay what they are without the type filter's help:
 * the matching articles that name the actor. A name whose type the archive does not hold (an index
 * written before types were kept per actor) is listed under every type.
 */
public final class ActorTypes {
  /** Joins a type and a name in a {@link #typedName}: a unit separator, which neither holds. */
  private static final char SEPARATOR = '\u001f';

  private ActorTypes() {}

  /** The types a request ticks; empty when it is not narrowed by actor type. */
  public static Set<ActorType> selected(SearchRequest request) {
    List<String> ids = request.filters().getOrDefault(Facet.ACTOR_TYPE.id(), List.of());
    if (ids.isEmpty()) {
      return Set.of();
    }
    Set<ActorType> types = EnumSet.noneOf(ActorType.class);
    for (String id : ids) {
      try {
        types.add(ActorType.fromId(id));
      } catch (IllegalArgumentException unknown) {
        // An unknown type matches no article; the engines refuse it before counting.
      }
    }
    return types;
  }

  /** The type most articles give a name, from the number of articles giving it each type. */
  public static Optional<ActorType> mostGiven(Map<ActorType, Long> articlesByType) {
    ActorType best = null;
    long most = 0;
    for (ActorType type : ActorType.values()) {
      long count = articlesByType.getOrDefault(type, 0L);
      if (count > most) {
        best = type;
        most = count;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Whether an actor of this type, or of a type not known, is listed when these types are ticked. */
  public static boolean listed(Optional<ActorType> type, Set<ActorType> ticked) {
    return ticked.isEmpty() || type.isEmpty() || ticked.contains(type.get());
  }

  /** The term that says an article gives a name a type: the type's id and the canonical name. */
  public static String typedName(ActorType type, String canonicalName) {
    return type.id() + SEPARATOR + canonicalName;
  }

  /** Splits a {@link #typedName} back; empty for a term of another shape. */
  public static Optional<Map.Entry<ActorType, String>> parseTypedName(String term) {
    int at = term.indexOf(SEPARATOR);
    if (at < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Map.entry(ActorType.fromId(term.substring(0, at)), term.substring(at + 1)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
