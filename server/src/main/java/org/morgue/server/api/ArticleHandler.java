package org.morgue.server.api;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import org.morgue.article.EnrichedArticle;
import org.morgue.search.IndexedArticle;
import org.morgue.search.SearchEngine;
import org.morgue.search.Story;
import org.morgue.server.http.ArticleVersions;
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

  public ArticleHandler(SearchEngine searcher, Freshness freshness, ApiViews.RecordPicks picks,
      ApiViews.CorrectionNotes corrections, ApiViews.ActorRenames renames) {
    this.searcher = searcher;
    this.freshness = freshness;
    this.picks = picks;
    this.corrections = corrections;
    this.renames = renames;
  }

  public void article(Context ctx) throws Exception {
    String id = StoredIds.of(searcher, ctx.pathParam("id"));
    // One read: the article, its version and when it was added are of the same write.
    IndexedArticle indexed = searcher.indexed(id).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'"));
    EnrichedArticle article = indexed.article();
    Story story = searcher.story(id).orElseGet(() -> Story.single(article.article()));
    // A curator's pick of the story's record changes this answer but not the article: the tag names it.
    Optional<String> record = ApiViews.pickedRecord(story, picks);
    // So do the story's other versions, which the view lists: a copy posted or deleted changes it.
    Optional<String> versions = story.versions().size() < 2 ? Optional.empty()
        : Optional.of(story.versions().stream().map(v -> v.articleId() + "\u0000" + v.title() + "\u0000" + v.source()
            + "\u0000" + v.published().map(Object::toString).orElse("")).collect(java.util.stream.Collectors.joining("\u0001")));
    // The article's own version is its validator: it is what a write's If-Match must name, and it
    // changes only when this article does, not at every commit.
    String tag = ArticleVersions.viewTag(indexed.version(), indexed.added(), record, versions);
    if (!freshness.notModified(ctx, tag)) {
      // A correction rewrites the article it corrects, so the tag above changes with it.
      ctx.json(ApiViews.article(article, indexed.added(), story, picks, corrections.of(id), renames));
    }
  }
}
