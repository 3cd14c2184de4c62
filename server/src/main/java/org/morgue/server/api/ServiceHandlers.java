package org.morgue.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import org.morgue.search.SearchEngine;
import org.morgue.server.view.ApiViews;

/**
 * {@code GET /api/health}, {@code /api/stats} and {@code /api/openapi.json}: the service's own state
 * and description, not the archive's contents.
 */
public final class ServiceHandlers {
  private final SearchEngine searcher;
  private final byte[] openApi;

  /** Handlers over a searcher, serving the given OpenAPI document as it is. */
  public ServiceHandlers(SearchEngine searcher, byte[] openApi) {
    this.searcher = searcher;
    this.openApi = openApi.clone();
  }

  /** Up, and how many articles the index holds. */
  public void health(Context ctx) throws IOException {
    ctx.json(ApiViews.health(searcher.stats()));
  }

  /** The index's size and last update. */
  public void stats(Context ctx) throws IOException {
    ctx.json(ApiViews.stats(searcher.stats()));
  }

  /** The hand-written OpenAPI description of every endpoint. */
  public void openApi(Context ctx) {
    ctx.contentType("application/json").result(openApi);
  }
}
