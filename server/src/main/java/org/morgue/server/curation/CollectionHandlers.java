package org.morgue.server.curation;

import static org.morgue.server.curation.CurationRequests.body;
import static org.morgue.server.curation.CurationRequests.curator;
import static org.morgue.server.curation.CurationRequests.etag;
import static org.morgue.server.curation.CurationRequests.readTag;
import static org.morgue.server.curation.CurationRequests.expectedVersion;
import static org.morgue.server.curation.CurationRequests.deleteReason;
import static org.morgue.server.curation.CurationRequests.reason;
import static org.morgue.server.curation.CurationRequests.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.DatePrecision;
import org.morgue.article.EnrichedArticle;
import org.morgue.curation.Applied;
import org.morgue.curation.ArticleCollection;
import org.morgue.curation.CollectionEntry;
import org.morgue.curation.Curation;
import org.morgue.search.Grouping;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchEngine;
import org.morgue.search.SearchRequest;
import org.morgue.server.api.SearchParameters;
import org.morgue.server.http.PageLinks;
import org.morgue.server.http.PathSegment;
import org.morgue.server.http.PublicAddress;
import org.morgue.server.http.StoredIds;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;

/**
 * {@code /api/collections}: a curator's collections, each an ordered list of articles with notes. A
 * collection is also a facet ({@code collection=<id>} in search, export and feed), written into each
 * member article by the live index.
 */
public final class CollectionHandlers {
  /** The most articles one "every match of this search" adds. */
  public static final int MAX_ADDED_BY_SEARCH = 10_000;
  /** Articles per page of a collection, unless asked otherwise, and the most a page shows. */
  static final int DEFAULT_PAGE = 100;
  static final int MAX_PAGE = 1_000;

  private final CurationRequests requests;
  private final SearchEngine searcher;

  public CollectionHandlers(CurationRequests requests, SearchEngine searcher) {
    this.requests = requests;
    this.searcher = searcher;
  }

  /** A collection without its articles, as lists show it. */
  public record CollectionSummary(
      String id, String name, String description, String curator, Instant created, Instant updated, long version,
      int size) {
    static CollectionSummary of(ArticleCollection collection) {
      return new CollectionSummary(collection.id(), collection.name(), collection.description(), collection.curator(),
          collection.created(), collection.updated(), collection.version(), collection.entries().size());
    }
  }

  /**
   * One article of a collection as its page shows it; an article deleted from the archive stays, marked
   * removed, with the title, source and date it had when deleted over the API (none when deleted
   * otherwise, by the command line's {@code --delete} or a re-index).
   */
  public record Member(
      int position, String id, String note, Instant added, boolean removed, Optional<String> title,
      Optional<LocalDate> published, Optional<String> publishedPrecision, Optional<String> source,
      Optional<String> url) {}

  /** A collection with one page of its articles, in the curator's order. */
  public record CollectionPage(
      String id, String name, String description, String curator, Instant created, Instant updated, long version,
      int size, int offset, List<Member> articles, Optional<String> next) {}

  public record CollectionList(List<CollectionSummary> collections) {}

  /**
   * @param added how many articles were new to the collection
   * @param alreadyIn the ids asked for that it held already, or that the request named twice: left as
   *     they were, their notes too, so a curator learns that a note sent with them was not kept
   */
  public record Added(int added, List<String> alreadyIn, CollectionSummary collection) {}

  public void list(Context ctx) {
    ctx.json(new CollectionList(requests.curation().collections().stream().map(CollectionSummary::of).toList()));
  }

  public void get(Context ctx) throws BadRequestException, IOException {
    ArticleCollection collection = existing(ctx.pathParam("id"));
    int offset = CurationRequests.intParameter(ctx, "offset", 0, Integer.MAX_VALUE);
    int size = CurationRequests.intParameter(ctx, "size", DEFAULT_PAGE, MAX_PAGE);
    List<Member> members = new ArrayList<>();
    List<CollectionEntry> entries = collection.entries();
    for (int i = offset; i < Math.min(entries.size(), (long) offset + size); i++) {
      CollectionEntry entry = entries.get(i);
      Optional<EnrichedArticle> article = searcher.article(entry.articleId());
      if (article.isEmpty()) {
        // Deleted: named as it was when the API deleted it, where the record says.
        Optional<Curation.ArticleRef> was = requests.curation().deletedArticle(entry.articleId());
        members.add(new Member(i, entry.articleId(), entry.note(), entry.added(), true, was.map(Curation.ArticleRef::title),
            was.flatMap(Curation.ArticleRef::published), Optional.empty(), was.map(Curation.ArticleRef::source),
            Optional.empty()));
        continue;
      }
      members.add(new Member(i, entry.articleId(), entry.note(), entry.added(), false,
          article.map(a -> a.article().title()), article.flatMap(a -> a.article().published()),
          // A Brown clipping dated by its year only was listed as "Jan 1, 1961".
          article.filter(a -> a.article().published().isPresent()).map(a -> DatePrecision.of(a.article()).id()),
          article.map(a -> a.article().source()), article.flatMap(a -> a.article().url())));
    }
    // Each row's title and "removed" are the index's: a tag of the collection's version alone had a
    // copy answered 304 after an article it lists was corrected or deleted.
    ctx.header("ETag", tag(collection));
    // The next page as /api/changes and search name theirs: a field and a Link header, relative to
    // the path the request named (PageLinks).
    // size=0 asks only for the counts, as a search's does: a next page of nothing would loop for good.
    Optional<String> next = size > 0 && (long) offset + size < entries.size()
        ? Optional.of(PublicAddress.path(ctx, ctx.path()) + "?offset=" + (offset + size) + "&size=" + size)
        : Optional.empty();
    next.ifPresent(link -> PageLinks.next(ctx, link));
    ctx.json(new CollectionPage(collection.id(), collection.name(), collection.description(), collection.curator(),
        collection.created(), collection.updated(), collection.version(), entries.size(), offset, members, next));
  }

  public void create(Context ctx) throws BadRequestException, IOException {
    JsonNode body = body(ctx, "name", "description");
    String name = text(body, "name").orElse("");
    Optional<String> description = text(body, "description");
    Applied<ArticleCollection> applied = requests.index().curate(() ->
        requests.curation().createCollection(curator(ctx), name, description.orElse(""), reason(ctx, body)));
    ArticleCollection created = applied.value();
    ctx.status(201).header("Location", "/api/collections/" + PathSegment.of(created.id())).header("ETag", tag(created))
        .json(CollectionSummary.of(created));
  }

  public void update(Context ctx) throws BadRequestException, IOException {
    JsonNode body = body(ctx, "name", "description");
    String id = ctx.pathParam("id");
    Optional<Long> expected = expectedVersion(ctx);
    Optional<String> name = text(body, "name");
    Optional<String> description = text(body, "description");
    Applied<ArticleCollection> applied = requests.index().curate(() ->
        requests.curation().updateCollection(curator(ctx), id, expected, name, description, reason(ctx, body)));
    ctx.header("ETag", tag(applied.value())).json(CollectionSummary.of(applied.value()));
  }

  public void delete(Context ctx) throws BadRequestException, IOException {
    requests.withdraw(ctx, ctx.pathParam("id"), Curation::deleteCollection);
  }

  /**
   * Adds articles: {@code articles} (ids with notes), {@code ids}, or {@code search} (every match of a
   * search, at most {@link #MAX_ADDED_BY_SEARCH}), with an optional {@code note} for all of them.
   */
  public void add(Context ctx) throws BadRequestException, IOException {
    JsonNode body = body(ctx, "note", "articles", "ids", "search");
    String id = ctx.pathParam("id");
    existing(id);
    Optional<Long> expected = expectedVersion(ctx);
    String sharedNote = text(body, "note").orElse("");
    List<CollectionEntry> entries = new ArrayList<>();
    int forms = (body.has("articles") ? 1 : 0) + (body.has("ids") ? 1 : 0) + (body.has("search") ? 1 : 0);
    if (forms != 1) {
      throw new BadRequestException(ProblemCode.INVALID_BODY, "body", "name the articles to add one way:"
          + " \"articles\" ([{\"id\": ..., \"note\": ...}]), \"ids\" ([...]) or \"search\" ({\"q\": ...})");
    }
    if (body.has("articles")) {
      JsonNode articles = body.get("articles");
      if (!articles.isArray()) {
        throw new BadRequestException(ProblemCode.INVALID_BODY, "articles", "'articles' must be a list of {\"id\", \"note\"}");
      }
      for (JsonNode article : articles) {
        if (article.isObject()) {
          CurationRequests.onlyFields(article, "articles", "id", "note");
        }
        Optional<String> articleId = article.isObject() ? text(article, "id") : Optional.empty();
        if (articleId.isEmpty()) {
          throw new BadRequestException(ProblemCode.INVALID_BODY, "articles", "each of 'articles' needs an \"id\"");
        }
        entries.add(new CollectionEntry(StoredIds.of(searcher, articleId.get()), text(article, "note").orElse(sharedNote), null));
      }
    } else if (body.has("ids")) {
      for (String articleId : CurationRequests.texts(body, "ids")) {
        entries.add(new CollectionEntry(StoredIds.of(searcher, articleId), sharedNote, null));
      }
    } else {
      // Every matching version goes in: a collection keeps records, and the limit below counts articles.
      SearchRequest search = SearchParameters.parse(CurationRequests.searchParameters(body.get("search"), "search"), requests.filterNames(searcher))
          .withGrouping(Grouping.ARTICLES);
      long matches;
      try {
        matches = searcher.count(search);
        if (matches > MAX_ADDED_BY_SEARCH) {
          throw new BadRequestException(ProblemCode.INVALID_CURATION, "search", "the search matches " + matches
              + " articles; one search adds at most " + MAX_ADDED_BY_SEARCH + " to a collection: narrow it"
              + " (a facet, a date range) and add the rest with another search");
        }
        searcher.scan(search, article -> entries.add(new CollectionEntry(article.article().id(), sharedNote, null)));
      } catch (InvalidQueryException e) {
        throw SearchParameters.refused(e);
      }
    }
    requireArticles(entries.stream().map(CollectionEntry::articleId).toList());
    Applied<ArticleCollection> applied = requests.index().curate(() ->
        requests.curation().addToCollection(curator(ctx), id, expected, entries, reason(ctx, body)));
    // Counted from the change itself: a size read before it could include another curator's add made meanwhile.
    Set<String> addedIds = new HashSet<>();
    if (applied.change() != null) {
      applied.change().after().get("entries").forEach(entry -> addedIds.add(entry.path("articleId").asText()));
    }
    int added = addedIds.size();
    List<String> alreadyIn = new ArrayList<>();
    for (CollectionEntry entry : entries) {
      // The first time an added id is named it is the one added; any other naming of an id was left as it was.
      if (!addedIds.remove(entry.articleId()) && !alreadyIn.contains(entry.articleId())) {
        alreadyIn.add(entry.articleId());
      }
    }
    ctx.status(200).header("ETag", tag(applied.value()))
        .json(new Added(added, alreadyIn, CollectionSummary.of(applied.value())));
  }

  /** Removes one article ({@code /articles/{articleId}}) or those named by {@code id} query parameters. */
  public void remove(Context ctx) throws BadRequestException, IOException {
    String id = ctx.pathParam("id");
    Optional<Long> expected = expectedVersion(ctx);
    List<String> ids = new ArrayList<>();
    for (String sent : ctx.pathParamMap().containsKey("articleId") ? List.of(ctx.pathParam("articleId"))
        : ctx.queryParams("id")) {
      ids.add(StoredIds.of(searcher, sent));
    }
    if (ids.isEmpty()) {
      throw new BadRequestException(ProblemCode.MISSING_PARAMETER, "id", "name the articles to remove: ?id=...&id=...");
    }
    Optional<String> reason = deleteReason(ctx);
    Applied<ArticleCollection> applied = requests.index().curate(() ->
        requests.curation().removeFromCollection(curator(ctx), id, expected, ids, reason));
    ctx.header("ETag", tag(applied.value())).json(CollectionSummary.of(applied.value()));
  }

  /** Changes one article's note ({@code note}) or moves it ({@code position}, 0 is first). */
  public void updateMember(Context ctx) throws BadRequestException, IOException {
    JsonNode body = body(ctx, "note", "position");
    String id = ctx.pathParam("id");
    String articleId = StoredIds.of(searcher, ctx.pathParam("articleId"));
    Optional<Long> expected = expectedVersion(ctx);
    Optional<String> note = text(body, "note");
    JsonNode position = body.get("position");
    if (position != null && !position.isNull() && !position.canConvertToInt()) {
      throw new BadRequestException(ProblemCode.INVALID_BODY, "position", "'position' must be a whole number, 0 for first");
    }
    Optional<Integer> at = position == null || position.isNull() ? Optional.empty() : Optional.of(position.asInt());
    Applied<ArticleCollection> applied = requests.index().curate(() ->
        requests.curation().updateEntry(curator(ctx), id, expected, articleId, note, at, reason(ctx, body)));
    ctx.header("ETag", tag(applied.value())).json(CollectionSummary.of(applied.value()));
  }

  /**
   * The tag a read of the collection answers, which a write answers too, so that its curator can name
   * it in the next write's If-Match, or revalidate with it, without reading first.
   */
  private String tag(ArticleCollection collection) throws IOException {
    return readTag(collection.version(), searcher.lastCommit(), "");
  }

  ArticleCollection existing(String id) {
    return requests.curation().collection(id).orElseThrow(() -> new NotFoundResponse("no collection '" + id + "'"));
  }

  /** Every id must name an article in the archive: a typo must not become a silent "removed" entry. */
  private void requireArticles(List<String> ids) throws BadRequestException, IOException {
    List<String> unknown = new ArrayList<>();
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (String articleId : ids) {
      if (seen.putIfAbsent(articleId, true) == null && searcher.articleVersion(articleId).isEmpty()) {
        unknown.add(articleId);
      }
    }
    if (!unknown.isEmpty()) {
      throw new BadRequestException(ProblemCode.UNKNOWN_ARTICLE, "articles", "no article with id "
          + String.join(", ", unknown.stream().limit(5).map(u -> "'" + u + "'").toList())
          + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : "") + " in the archive; nothing was added");
    }
  }
}
