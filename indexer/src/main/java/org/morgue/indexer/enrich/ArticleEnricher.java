package org.morgue.indexer.enrich;

import org.morgue.indexer.enrich.actor.ActorExtractor;
import org.morgue.indexer.enrich.hedge.HedgeDetector;
import org.morgue.indexer.enrich.quote.SpeakerLinker;
import org.morgue.indexer.enrich.theme.ThemeClassifier;

import org.morgue.article.Article;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.Enrichment;
import org.morgue.article.Hedging;

/**
 * Runs the three enrichments over an article, then links the attributions hedging found to the actors
 * they quote. Thread-safe: one instance serves every indexing thread.
 */
public final class ArticleEnricher {
  private final ActorExtractor actors;
  private final ThemeClassifier themes;
  private final HedgeDetector hedges;
  private final SpeakerLinker speakers = new SpeakerLinker();

  public ArticleEnricher(ActorExtractor actors, ThemeClassifier themes, HedgeDetector hedges) {
    this.actors = actors;
    this.themes = themes;
    this.hedges = hedges;
  }

  /** The enricher with the gazetteers, taxonomy and lexicon that ship with Morgue. */
  public static ArticleEnricher standard() {
    return new ArticleEnricher(
        ActorExtractor.fromResources(), ThemeClassifier.fromResources(), HedgeDetector.fromResources());
  }

  /** Finds who, what and how sure in one article. */
  public EnrichedArticle enrich(Article article) {
    Hedging hedging = hedges.detect(article);
    return new EnrichedArticle(
        article,
        new Enrichment(speakers.link(article, actors.extract(article), hedging), themes.classify(article), hedging));
  }
}
