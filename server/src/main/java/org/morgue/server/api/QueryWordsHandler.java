package org.morgue.server.api;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.MatchedWords;
import org.morgue.search.QueryInterpretation;
import org.morgue.search.SearchEngine;
import org.morgue.server.http.Freshness;
import org.morgue.server.http.StoredIds;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;
import org.morgue.server.view.ApiViews;

/**
 * {@code GET /api/articles/{id}/matches?q=oil+prices}: where a search's words stand in one article's
 * title and body, as ranges of its text (the offsets its actors and hedges use), so that a reader
 * opened from a search can mark why the article matched. The words are found as the search found
 * them (stems, phrases); a query is read, and refused, as the search reads it.
 */
public final class QueryWordsHandler {
  private final SearchEngine searcher;
  private final Freshness freshness;

  public QueryWordsHandler(SearchEngine searcher, Freshness freshness) {
    this.searcher = searcher;
    this.freshness = freshness;
  }

  public void matches(Context ctx) throws Exception {
    QueryStrings.only(ctx, "q");
    String q = SearchParameters.single(ctx.queryParamMap(), "q").orElse("");
    if (q.isBlank()) {
      throw new BadRequestException(ProblemCode.MISSING_PARAMETER, "q",
          "'q' is required: the search whose words to find in the article, e.g. q=oil+prices");
    }
    String id = StoredIds.of(searcher, ctx.pathParam("id"));
    MatchedWords found;
    try {
      found = searcher.queryWords(id, q).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'"));
    } catch (InvalidQueryException e) {
      throw SearchParameters.refused(e);
    }
    // The article's text changes only with the index, and the query is in the URL.
    if (!freshness.notModified(ctx)) {
      ctx.json(new ApiViews.MatchesResponse(id, q, found.matches(), found.interpretation().map(QueryInterpretation::query),
          found.interpretation().map(QueryInterpretation::reason)));
    }
  }
}
