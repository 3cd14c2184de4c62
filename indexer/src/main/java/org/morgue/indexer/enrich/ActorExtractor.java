package org.morgue.indexer.enrich;

import java.util.List;
import org.morgue.indexer.article.Actor;
import org.morgue.indexer.article.Article;

/** Finds the actors an article names. PLACEHOLDER: replaced by the gazetteer-based extractor. */
public final class ActorExtractor {
  /** The extractor with the gazetteers that ship with Morgue. */
  public static ActorExtractor fromResources() {
    return new ActorExtractor();
  }

  /** Every actor the article names, most salient first. */
  public List<Actor> extract(Article article) {
    return List.of();
  }
}
