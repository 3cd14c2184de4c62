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
 */
public record Actor(String name, ActorType type, Optional<String> role, List<Mention> mentions, double salience,
    List<String> aliases) {
  public Actor {
    role = role == null ? Optional.empty() : role; // stored articles from before roles have none
    mentions = List.copyOf(mentions);
    aliases = aliases == null ? List.of() : List.copyOf(aliases); // nor those from before aliases
  }

  /** An actor known by its name alone. */
  public Actor(String name, ActorType type, Optional<String> role, List<Mention> mentions, double salience) {
    this(name, type, role, mentions, salience, List.of());
  }

  /** How many times the article names this actor. */
  public int mentionCount() {
    return mentions.size();
  }
}
