package org.morgue.article;

import java.util.List;

/** What Morgue found in one article: who, what, and how sure. */
public record Enrichment(List<Actor> actors, List<Theme> themes, Hedging hedging) {
  public Enrichment {
    actors = List.copyOf(actors);
    themes = List.copyOf(themes);
  }
}
