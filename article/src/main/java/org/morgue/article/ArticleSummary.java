package org.morgue.article;

import java.util.List;

/**
 * An article with the names its enrichment found, without every mention, cue and span: what a search
 * hit shows.
 *
 * @param article the article itself, body included
 * @param actors the actors it is about, most salient first, as {@link Enrichment#actors()} lists them
 * @param themes the names of its themes, in {@link Enrichment#themes()} order
 * @param hedging how sure its writing is, bucketed
 */
public record ArticleSummary(Article article, List<NamedActor> actors, List<String> themes, HedgeLevel hedging) {
  public ArticleSummary {
    actors = List.copyOf(actors);
    themes = List.copyOf(themes);
  }

  /** An actor by name and type only. */
  public record NamedActor(String name, ActorType type) {}
}
