package org.morgue.server.api;

import io.javalin.http.Context;
import org.morgue.search.FilterNames;
import org.morgue.search.SearchEngine;
import org.morgue.search.SearchRequest;
import org.morgue.server.http.Freshness;
import org.morgue.server.http.PageLinks;
import org.morgue.server.view.ApiViews;

/** {@code GET /api/search}: faceted search with snippets, cursor paging and a timeline. */
public final class SearchHandler {
  private final SearchEngine searcher;
  /** How filter values typed by hand are read: see {@link FilterNames}. */
  private final FilterNames.Lookup names;
  private final Freshness freshness;
  private final ApiViews.RecordPicks picks;

  public SearchHandler(SearchEngine searcher, FilterNames.Lookup names, Freshness freshness, ApiViews.RecordPicks picks) {
    this.names = names;
    this.searcher = searcher;
    this.freshness = freshness;
    this.picks = picks;
  }

  public void search(Context ctx) throws Exception {
    SearchRequest request = SearchParameters.parse(ctx.queryParamMap(), names);
    var result = searcher.search(request);
    if (!freshness.notModified(ctx)) {
      result.nextCursor().ifPresent(cursor -> PageLinks.next(ctx, PageLinks.withParameter(ctx, "cursor", cursor)));
      ctx.json(ApiViews.search(request, result, picks, FilterNames.unheld(names, searcher, request)));
    }
  }
}
