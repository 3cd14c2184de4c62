package org.morgue.curation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.morgue.article.Actor;
import org.morgue.article.ActorType;
import org.morgue.article.Mention;

/**
 * The authority file for actor names: which name an actor goes by (renames, and merges, where the old
 * name becomes an alias of another actor) and what type it is. Immutable; the curation swaps in a new
 * one with each actor correction, so indexing threads read it without locks.
 */
public final class ActorAuthority {
  static final ActorAuthority EMPTY = new ActorAuthority(Map.of());

  private final Map<String, ActorCorrection> byName;

  ActorAuthority(Map<String, ActorCorrection> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** The authority with one correction set (or, with null, withdrawn). */
  ActorAuthority with(String actor, ActorCorrection correction) {
    Map<String, ActorCorrection> next = new LinkedHashMap<>(byName);
    if (correction == null) {
      next.remove(actor);
    } else {
      next.put(actor, correction);
    }
    return new ActorAuthority(next);
  }

  /**
   * The names a rename leads through, from {@code name} to the canonical name, when it makes no cycle.
   * A chain is followed (A renamed B, B merged into C: A is C).
   */
  Optional<List<String>> chain(String name) {
    return RenameChain.from(name, this::renameOf);
  }


  /** The name one rename leads to from this one, if it is renamed. */
  Optional<String> renameOf(String name) {
    ActorCorrection correction = byName.get(name);
    return correction == null ? Optional.empty() : correction.renameTo();
  }

  /** The canonical name for a name the enrichment (or a curator) gave. */
  public String resolve(String name) {
    List<String> chain = chain(name).orElseThrow(() -> new IllegalStateException("a merge cycle through " + name));
    return chain.get(chain.size() - 1);
  }

  /** The type for an actor: the canonical name's correction, else the first along its chain, else as found. */
  ActorType type(String name, ActorType found) {
    List<String> chain = chain(name).orElse(List.of(name));
    for (int i = chain.size() - 1; i >= 0; i--) {
      ActorCorrection correction = byName.get(chain.get(i));
      if (correction != null && correction.type().isPresent()) {
        return correction.type().get();
      }
    }
    return found;
  }

  /** Every decision, by the name it is about. */
  Map<String, ActorCorrection> corrections() {
    return byName;
  }

  /** Whether nothing is decided. */
  boolean isEmpty() {
    return byName.isEmpty();
  }

  /**
   * The actors as the authority has them: renamed, retyped, and merged where two names are now one
   * (their mentions together in text order, the higher salience), most salient first.
   */
  List<Actor> apply(List<Actor> found) {
    if (byName.isEmpty()) {
      return found;
    }
    Map<String, Actor> merged = new LinkedHashMap<>();
    for (Actor actor : found) {
      String name = resolve(actor.name());
      Actor renamed = new Actor(name, type(actor.name(), actor.type()), actor.role(), actor.mentions(), actor.salience(),
          aliases(name, actor.aliases(), List.of(actor.name())), actor.quotes());
      merged.merge(name, renamed, ActorAuthority::merge);
    }
    List<Actor> actors = new ArrayList<>(merged.values());
    actors.sort(Comparator.comparingDouble(Actor::salience).reversed());
    return actors;
  }

  private static Actor merge(Actor a, Actor b) {
    List<Mention> mentions = new ArrayList<>(a.mentions());
    mentions.addAll(b.mentions());
    mentions.sort(Comparator.comparingInt(Mention::start));
    List<Mention> quotes = new ArrayList<>(a.quotes());
    quotes.addAll(b.quotes());
    quotes.sort(Comparator.comparingInt(Mention::start));
    return new Actor(a.name(), a.type(), a.role().or(b::role), mentions, Math.max(a.salience(), b.salience()),
        aliases(a.name(), a.aliases(), b.aliases()), quotes);
  }

  /**
   * The names an actor renamed or merged goes by: what each part went by, its old name among them, so
   * a search by the name the curator replaced still finds it; never the name itself.
   */
  private static List<String> aliases(String name, List<String> first, List<String> second) {
    LinkedHashSet<String> aliases = new LinkedHashSet<>(first);
    aliases.addAll(second);
    aliases.remove(name);
    return List.copyOf(aliases);
  }
}
