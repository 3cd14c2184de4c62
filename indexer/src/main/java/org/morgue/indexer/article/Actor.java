package org.morgue.indexer.article;

import java.util.List;

/**
 * A person, organisation, place, government body or group an article is about.
 *
 * @param name the canonical name, the same across the archive ("Donald Trump", not "Trump")
 * @param type what kind of actor it is
 * @param mentions every place the article names it, in text order
 * @param salience how central it is to the article, 0 to 1 (headline and lede mentions weigh more)
 */
public record Actor(String name, ActorType type, List<Mention> mentions, double salience) {
  public Actor {
    mentions = List.copyOf(mentions);
  }

  /** How many times the article names this actor. */
  public int mentionCount() {
    return mentions.size();
  }
}
