package org.morgue.indexer.enrich;

import org.morgue.article.ArticleSummary;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.Theme;

import org.morgue.article.ArticleJson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.enrich.ArticleEnricher;

class ArticleJsonTest {
  private final ArticleJson json = new ArticleJson();
  private final ArticleEnricher enricher = ArticleEnricher.standard();

  private EnrichedArticle enriched(String name) {
    return enricher.enrich(SeedArticles.article(name));
  }

  @Test
  void anArticleReadBackFromItsStoredJsonAndBodyIsTheArticleWritten() {
    for (String name : List.of(SeedArticles.CRACKDOWN, SeedArticles.KILL_CLAIMS)) {
      EnrichedArticle article = enriched(name);
      assertEquals(article, json.read(json.write(article), article.article().body()), name);
    }
  }

  @Test
  void aSummaryHasTheArticleAndTheNamesOfWhatItsEnrichmentFound() {
    EnrichedArticle article = enriched(SeedArticles.CRACKDOWN);
    assertFalse(article.enrichment().actors().isEmpty(), "the seed article names actors");

    ArticleSummary summary = json.readSummary(json.write(article), article.article().body());

    assertEquals(article.article(), summary.article());
    assertEquals(article.enrichment().actors().stream()
        .map(actor -> new ArticleSummary.NamedActor(actor.name(), actor.type())).toList(), summary.actors());
    assertEquals(article.enrichment().themes().stream().map(Theme::name).toList(), summary.themes());
    assertEquals(article.enrichment().hedging().level(), summary.hedging());
  }

  @Test
  void storedBlockLengthsLongerThanTheBodyAreAnError() {
    EnrichedArticle article = enriched(SeedArticles.KILL_CLAIMS);
    byte[] stored = json.write(article);
    String shortBody = article.article().body().substring(0, 10);
    assertThrows(UncheckedIOException.class, () -> json.read(stored, shortBody));
    assertThrows(UncheckedIOException.class, () -> json.readSummary(stored, shortBody));
  }
}
