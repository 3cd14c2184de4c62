package org.morgue.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.morgue.search.ArchiveHealth;
import org.morgue.search.ArchiveUnavailableException;
import org.morgue.search.IndexStats;
import org.morgue.search.SearchEngine;
import org.morgue.server.http.Freshness;
import org.morgue.server.http.JsonAnswers;
import org.morgue.server.http.Vary;
import org.morgue.server.view.ApiViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/health}, {@code /api/stats} and {@code /api/openapi.json}: the service's own state
 * and description, not the archive's contents.
 */
public final class ServiceHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceHandlers.class);
  private final SearchEngine searcher;
  private final boolean writable;
  private final byte[] openApi;
  /** The document's strong tag under each type it is answered as: one representation, one tag (RFC 9110, 8.8.3). */
  private final Map<String, String> openApiTags;
  /** The degraded reason last logged; null while the archive is not degraded. */
  private final AtomicReference<String> degradedLogged = new AtomicReference<>();

  /**
   * Handlers over a searcher, serving the given OpenAPI document as it is; {@code writable} when the
   * server takes articles and curators' changes.
   */
  public ServiceHandlers(SearchEngine searcher, boolean writable, byte[] openApi) {
    this.searcher = searcher;
    this.writable = writable;
    this.openApi = openApi.clone();
    String document = new String(openApi, StandardCharsets.UTF_8);
    this.openApiTags = Map.of("application/json", tag("application/json", document),
        JsonAnswers.OPENAPI, tag(JsonAnswers.OPENAPI, document));
  }

  private static String tag(String type, String document) {
    return "\"" + Freshness.digest(type + "\n" + document) + "\"";
  }

  /**
   * Whether a search can be answered now (else 503), how many articles it finds, why the archive is
   * at risk when it is (a cluster with a node down), and whether the server takes changes.
   */
  public void health(Context ctx) throws IOException {
    ArchiveHealth health = readable(searcher::health);
    log(health);
    ctx.json(ApiViews.health(health, writable));
  }

  /**
   * A degraded archive in the log, with what a client is not shown (the index folder's path): once
   * each time the reason changes, as a load balancer polling every second would otherwise write a
   * line a second.
   */
  private void log(ArchiveHealth health) {
    String reason = health.degraded().orElse(null);
    String before = degradedLogged.getAndSet(reason);
    if (reason != null && !reason.equals(before)) {
      LOG.warn("the archive is degraded: {}{}", reason, health.cause().map(cause -> " (" + cause + ")").orElse(""));
    } else if (reason == null && before != null) {
      LOG.info("the archive is no longer degraded");
    }
  }

  /** The index's size and last update. */
  public void stats(Context ctx) throws IOException {
    ctx.json(ApiViews.stats(readStats()));
  }

  /**
   * The index's figures, or the archive is unavailable: a health check is how a load balancer or a
   * supervisor learns that a server cannot answer, so an index it cannot search (the cluster's index
   * gone) is a 503 that says to try again, not the 500 of a bug. An embedded index whose folder is gone
   * is still searched from the readers open: its figures are answered, and health says it is degraded.
   */
  private IndexStats readStats() throws IOException {
    return readable(searcher::stats);
  }

  private <T> T readable(IndexRead<T> read) throws IOException {
    try {
      return read.read();
    } catch (ArchiveUnavailableException e) {
      throw e;
    } catch (IOException | java.io.UncheckedIOException e) {
      // Its message is the engine's own, which may name classes or files: shown in the log, with the cause.
      throw new ArchiveUnavailableException("the index cannot be read (the server's log says why)", e);
    }
  }

  /** A read of the index's state. */
  @FunctionalInterface
  private interface IndexRead<T> {
    T read() throws IOException;
  }

  /**
   * The hand-written OpenAPI description of every endpoint: as application/json, or as the OpenAPI
   * media type to a client that asks for only that (its registration names the document's version).
   */
  public void openApi(Context ctx) throws IOException {
    String type = JsonAnswers.chooseType(ctx, JsonAnswers.OPENAPI);
    Vary.add(ctx, "Accept");
    if (Freshness.notModifiedTagged(ctx, openApiTags.get(type))) {
      return;
    }
    ctx.contentType(type.equals(JsonAnswers.OPENAPI) ? type + ";version=3.0" : type).result(openApi);
  }
}
