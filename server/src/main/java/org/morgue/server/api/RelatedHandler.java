package org.morgue.server.api;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import org.morgue.search.SearchEngine;
import org.morgue.server.http.Freshness;
import org.morgue.server.http.StoredIds;
import org.morgue.server.view.ApiViews;

/**
 * {@code GET /api/articles/{id}/related?size=5}: the articles most like this one (the reader's
 * "Related coverage"), as search hits, best first, never the article itself.
 */
public final class RelatedHandler {
  static final int DEFAULT_SIZE = 5;

  private final SearchEngine searcher;
  private final Freshness freshness;
  private final ApiViews.RecordPicks picks;

  public RelatedHandler(SearchEngine searcher, Freshness freshness, ApiViews.RecordPicks picks) {
    this.searcher = searcher;
    this.freshness = freshness;
    this.picks = picks;
  }

  public void related(Context ctx) throws Exception {
    QueryStrings.only(ctx, "size");
    Map<String, List<String>> params = ctx.queryParamMap();
    int size = SearchParameters.bounded(params, "size", DEFAULT_SIZE, 1, SearchEngine.MAX_RELATED);
    String id = StoredIds.of(searcher, ctx.pathParam("id"));
    var related = searcher.related(id, size).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'"));
    // Which articles are related changes only when the index does.
    if (!freshness.notModified(ctx)) {
      ctx.json(new ApiViews.RelatedResponse(id, size, related.stream().map(hit -> ApiViews.hit(hit, picks)).toList()));
    }
  }
}
