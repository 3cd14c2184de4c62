package org.morgue.server.curation;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.morgue.article.EnrichedArticle;
import org.morgue.curation.ArticleCollection;
import org.morgue.curation.CollectionEntry;
import org.morgue.search.IndexStats;
import org.morgue.search.IndexedArticle;
import org.morgue.search.SearchEngine;
import org.morgue.search.Story;
import org.morgue.server.api.ExportHandler;
import org.morgue.server.export.AtomFeed;
import org.morgue.server.export.CollectionExport;
import org.morgue.server.export.CollectionProvenance;
import org.morgue.server.export.ExportFormat;
import org.morgue.server.export.ExportJson;
import org.morgue.server.http.Freshness;
import org.morgue.server.http.PublicAddress;
import org.morgue.server.http.Vary;
import org.morgue.server.problem.BadRequestException;

/**
 * A collection as files: {@code GET /api/collections/{id}/export?format=csv|jsonl|ris} (its articles
 * in the curator's order, each with the curator's note, the provenance naming the collection) and
 * {@code GET /api/collections/{id}/feed} (an Atom feed of it). Articles deleted from the archive stay
 * in the CSV and RIS files as their id, "(no longer in the archive)" and the note, so the file lists the
 * whole collection; JSON Lines and the feed leave them out; the export's provenance counts them. Both answers' validators cover the collection's
 * version as well as the index, so a feed reader sees a changed note even when no article changed.
 */
public final class CollectionExports {
  private final CurationRequests requests;
  private final SearchEngine searcher;
  private final String version;
  private final Freshness freshness;

  private final PublicAddress address;

  public CollectionExports(CurationRequests requests, SearchEngine searcher, String version, Freshness freshness,
      PublicAddress address) {
    this.address = address;
    this.requests = requests;
    this.searcher = searcher;
    this.version = version;
    this.freshness = freshness;
  }

  public void export(Context ctx) throws BadRequestException, IOException {
    ArticleCollection collection = existing(ctx.pathParam("id"));
    // As /api/export: one address, a copy and an entity tag per format its Accept header may name.
    Vary.add(ctx, "Accept");
    ExportFormat format = ExportHandler.format(ctx.queryParams("format"), ctx.header("Accept"));
    // Counted before the first byte: the provenance (a header, the first JSON line) says how many
    // entries the archive no longer holds. An article deleted between the count and its turn is
    // left out all the same.
    int present = 0;
    for (CollectionEntry entry : collection.entries()) {
      if (searcher.articleVersion(entry.articleId()).isPresent()) {
        present++;
      }
    }
    if (freshness.notModified(ctx, validator(collection) + "\n" + format.id(), collection.updated())) {
      return;
    }
    IndexStats stats = searcher.stats();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    int entries = collection.entries().size();
    CollectionProvenance provenance = new CollectionProvenance(
        new CollectionProvenance.CollectionRef(collection.id(), collection.name(), collection.version(),
            collection.updated()),
        entries, present, entries - present, stats.articles(), stats.lastUpdate(), now, version);
    ctx.status(200)
        .contentType(format.mediaType())
        .header("Content-Disposition", "attachment; filename=\"morgue-collection-" + collection.id() + "-"
            + ExportHandler.FILE_STAMP.format(now) + "." + format.id() + "\"")
        .header("X-Morgue-Provenance", ExportJson.asciiHeader(provenance));
    try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
      CollectionExport export = format.open(out, provenance, address.site(ctx));
      for (CollectionEntry entry : collection.entries()) {
        Optional<IndexedArticle> indexed = searcher.indexed(entry.articleId());
        if (indexed.isPresent()) {
          EnrichedArticle article = indexed.get().article();
          Story story = searcher.story(entry.articleId()).orElseGet(() -> Story.single(article.article()));
          export.write(article, story, indexed.get().added(), entry.note());
        } else {
          export.writeGone(entry.articleId(), entry.note());
        }
      }
      export.finish();
    }
  }

  public void feed(Context ctx) throws IOException {
    ArticleCollection collection = existing(ctx.pathParam("id"));
    if (freshness.notModified(ctx, validator(collection), collection.updated())) {
      return;
    }
    String site = address.site(ctx);
    String page = page(site, collection.id());
    // The feed's permanent id is the collection's page: a collection's id is never reused, and the site
    // keeps two archives' collections of one name apart.
    AtomFeed feed = new AtomFeed(page, collection.name(), collection.description(), address.requestUrl(ctx), site, page,
        collection.updated());
    ctx.status(200).contentType(AtomFeed.MEDIA_TYPE + "; charset=utf-8");
    try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
      AtomFeed.Writing writing = feed.start(out);
      for (CollectionEntry entry : collection.entries()) {
        Optional<EnrichedArticle> article = searcher.article(entry.articleId());
        if (article.isPresent()) {
          // Updated when it joined the collection: what the collection's follower has not seen yet.
          writing.entry(article.get().article(), Optional.of(entry.added()), entry.note(), searcher.story(entry.articleId()));
        }
      }
      writing.finish();
    }
  }

  /** The collection's page on this site. */
  private static String page(String site, String collectionId) {
    return site + "/?view=collection&id=" + URLEncoder.encode(collectionId, StandardCharsets.UTF_8);
  }

  /** What, beside the index, an answer about the collection depends on: which collection, at which version. */
  private static String validator(ArticleCollection collection) {
    return "collection\n" + collection.id() + "\n" + collection.version();
  }

  private ArticleCollection existing(String id) {
    return requests.curation().collection(id).orElseThrow(() -> new NotFoundResponse("no collection '" + id + "'"));
  }
}
