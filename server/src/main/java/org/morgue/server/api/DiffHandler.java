package org.morgue.server.api;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.morgue.article.Article;
import org.morgue.article.text.VersionDiff;
import org.morgue.search.SearchEngine;
import org.morgue.search.Story;
import org.morgue.server.http.Freshness;
import org.morgue.server.http.StoredIds;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;
import org.morgue.server.view.ApiViews;

/**
 * {@code GET /api/articles/{id}/diff?with={otherId}}: what changed from one article to another,
 * sentence by sentence; meant for two versions of one story, but any two articles compare.
 */
public final class DiffHandler {
  private final SearchEngine searcher;
  private final VersionDiff versions;
  private final Freshness freshness;

  public DiffHandler(SearchEngine searcher, VersionDiff versions, Freshness freshness) {
    this.searcher = searcher;
    this.versions = versions;
    this.freshness = freshness;
  }

  public void diff(Context ctx) throws Exception {
    String sent = ctx.pathParam("id");
    QueryStrings.only(ctx, "with");
    String sentWith = SearchParameters.single(ctx.queryParamMap(), "with").filter(text -> !text.isBlank())
        .orElseThrow(() -> new BadRequestException(ProblemCode.MISSING_PARAMETER, "with",
            "'with' is required: the id of the article to compare '" + sent + "' with"));
    String id = StoredIds.of(searcher, sent);
    String with = StoredIds.of(searcher, sentWith);
    Article from = article(id);
    Article to = article(with);
    if (freshness.notModified(ctx)) {
      return;
    }
    boolean sameStory = searcher.story(id).map(Story::id).equals(searcher.story(with).map(Story::id));
    ctx.json(ApiViews.diff(from, to, sameStory, versions.compare(from, to)));
  }

  private Article article(String id) throws Exception {
    return searcher.article(id).orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'")).article();
  }
}
