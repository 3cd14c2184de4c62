package org.morgue.server.api;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.morgue.article.EnrichedArticle;
import org.morgue.search.IndexedArticle;
import org.morgue.search.SearchEngine;
import org.morgue.search.Story;
import org.morgue.server.http.Freshness;
import org.morgue.server.http.StoredIds;
import org.morgue.server.view.ApiViews;

/** {@code GET /api/articles/{id}}: one article with every enrichment and its offsets, and its story. */
public final class ArticleHandler {
  private final SearchEngine searcher;
  private final Freshness freshness;
  private final ApiViews.RecordPicks picks;
  private final ApiViews.CorrectionNotes corrections;
  private final ApiViews.ActorRenames renames;
  private final ArticleViewTags tags;

  public ArticleHandler(SearchEngine searcher, Freshness freshness, ApiViews.RecordPicks picks,
      ApiViews.CorrectionNotes corrections, ApiViews.ActorRenames renames, ArticleViewTags tags) {
    this.searcher = searcher;
    this.freshness = freshness;
    this.picks = picks;
    this.corrections = corrections;
    this.renames = renames;
    this.tags = tags;
  }

  public void article(Context ctx) throws Exception {
    String id = StoredIds.of(searcher, ctx.pathParam("id"));
    // One read: the article, its version and when it was added are of the same write.
    IndexedArticle indexed = searcher.indexed(id).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'"));
    EnrichedArticle article = indexed.article();
    Story story = searcher.story(id).orElseGet(() -> Story.single(article.article()));
    // The article's own version is its validator: it is what a write's If-Match must name, and it
    // changes only when this article does, not at every commit.
    String tag = tags.of(indexed, story);
    if (!freshness.notModified(ctx, tag)) {
      // A correction rewrites the article it corrects, so the tag above changes with it.
      ctx.json(ApiViews.article(article, indexed.added(), story, picks, corrections.of(id), renames));
    }
  }
}
