package org.morgue.server.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.morgue.search.SearchEngine;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;
import org.morgue.server.view.ApiViews;

/**
 * {@code GET /api/suggest?prefix=Tr&limit=10}: actor, theme and source names with a word starting
 * with the prefix, most frequent first, for completing what a user types.
 */
public final class SuggestHandler {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 50;
  /**
   * The longest prefix taken: longer than any name in an archive, and a bound on the work one request
   * asks of the suggestion list, as the query's own limit is.
   */
  static final int MAX_PREFIX = 200;

  private final SearchEngine searcher;

  public SuggestHandler(SearchEngine searcher) {
    this.searcher = searcher;
  }

  public void suggest(Context ctx) throws Exception {
    QueryStrings.only(ctx, "prefix", "limit");
    Map<String, List<String>> params = ctx.queryParamMap();
    String prefix = SearchParameters.single(params, "prefix").orElse("");
    if (prefix.isBlank()) {
      throw new BadRequestException(ProblemCode.MISSING_PARAMETER, "prefix", "'prefix' is required: the start of a name, e.g. prefix=Tr");
    }
    if (prefix.length() > MAX_PREFIX) {
      throw new BadRequestException(ProblemCode.INVALID_PARAMETER, "prefix", "'prefix' is " + prefix.length()
          + " characters long; the limit is " + MAX_PREFIX + ", longer than any name");
    }
    int limit = SearchParameters.bounded(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    ctx.json(new ApiViews.SuggestResponse(prefix, searcher.suggest(prefix, limit)));
  }
}
