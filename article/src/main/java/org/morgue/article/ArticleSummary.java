package org.morgue.article;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An article with the names its enrichment found, without every mention, cue and span: what a search
 * hit shows.
 *
 * @param article the article itself, body included
 * @param actors the actors it is about, most salient first, as {@link Enrichment#actors()} lists them
 * @param themes the names of its themes, in {@link Enrichment#themes()} order
 * @param hedging how sure its writing is, bucketed; empty when not measured ({@link Hedging#level()})
 * @param added when the archive took the article in (the write it entered with began); empty when the
 *     archive does not say, as for an article read from a file and not yet stored
 */
public record ArticleSummary(Article article, List<NamedActor> actors, List<String> themes, Optional<HedgeLevel> hedging,
    Optional<Instant> added) {
  public ArticleSummary {
    actors = List.copyOf(actors);
    themes = List.copyOf(themes);
    Objects.requireNonNull(hedging, "hedging");
    Objects.requireNonNull(added, "added");
  }

  /** A summary that does not say when the article was added. */
  public ArticleSummary(Article article, List<NamedActor> actors, List<String> themes, Optional<HedgeLevel> hedging) {
    this(article, actors, themes, hedging, Optional.empty());
  }

  /** The same summary, saying when the archive took the article in. */
  public ArticleSummary withAdded(Optional<Instant> when) {
    return new ArticleSummary(article, actors, themes, hedging, when);
  }

  /** An actor by name and type only. */
  public record NamedActor(String name, ActorType type) {}
}
