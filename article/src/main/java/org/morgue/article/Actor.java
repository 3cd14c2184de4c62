package org.morgue.article;

import java.util.List;
import java.util.Optional;

/**
 * A person, organisation, place, government body or group an article is about.
 *
 * @param name the canonical name, the same across the archive ("Donald Trump", not "Trump")
 * @param type what kind of actor it is
 * @param role what a gazetteer says the actor is ("President of Venezuela (2013-)"), for people
 *     known to it; empty otherwise
 * @param mentions every place the article names it, in text order
 * @param salience how central it is to the article, 0 to 1 (headline and lede mentions weigh more)
 * @param aliases other names the actor goes by where the archive's gazetteers list them ("FDR" and
 *     "F.D.R." for Franklin D. Roosevelt, "UK" for the United Kingdom), whether or not this article
 *     uses them: a search by any of them finds the actor
 * @param quotes where the article credits a statement to the actor, by the words of saying that do
 *     ("said", "according to", "told reporters"), in text order: the actor is quoted in the article when
 *     there is one. A spokesman speaking for a named company credits the company.
 */
public record Actor(String name, ActorType type, Optional<String> role, List<Mention> mentions, double salience,
    List<String> aliases, List<Mention> quotes) {
  public Actor {
    role = role == null ? Optional.empty() : role; // stored articles from before roles have none
    mentions = List.copyOf(mentions);
    aliases = aliases == null ? List.of() : List.copyOf(aliases); // nor those from before aliases
    quotes = quotes == null ? List.of() : List.copyOf(quotes); // nor those from before quotes
  }

  /** An actor the article quotes nowhere (or not yet known to). */
  public Actor(String name, ActorType type, Optional<String> role, List<Mention> mentions, double salience,
      List<String> aliases) {
    this(name, type, role, mentions, salience, aliases, List.of());
  }

  /** An actor known by its name alone. */
  public Actor(String name, ActorType type, Optional<String> role, List<Mention> mentions, double salience) {
    this(name, type, role, mentions, salience, List.of());
  }

  /** The same actor, quoted where {@code quotes} say. */
  public Actor withQuotes(List<Mention> quotes) {
    return new Actor(name, type, role, mentions, salience, aliases, quotes);
  }

  /** Whether the article credits at least one statement to this actor. */
  public boolean quoted() {
    return !quotes.isEmpty();
  }

  /** How many times the article names this actor. */
  public int mentionCount() {
    return mentions.size();
  }
}
