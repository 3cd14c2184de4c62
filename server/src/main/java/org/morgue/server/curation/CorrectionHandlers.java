package org.morgue.server.curation;

import static org.morgue.server.curation.CurationRequests.body;
import static org.morgue.server.curation.CurationRequests.curator;
import static org.morgue.server.curation.CurationRequests.etag;
import static org.morgue.server.curation.CurationRequests.expectedVersion;
import static org.morgue.server.curation.CurationRequests.reason;
import static org.morgue.server.curation.CurationRequests.text;
import static org.morgue.server.curation.CurationRequests.texts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.morgue.article.ActorType;
import org.morgue.article.Article;
import org.morgue.article.EnrichedArticle;
import org.morgue.curation.ActorCorrection;
import org.morgue.curation.ActorRef;
import org.morgue.curation.Applied;
import org.morgue.curation.ArticleCorrection;
import org.morgue.curation.CorrectedDate;
import org.morgue.curation.Curation;
import org.morgue.curation.Corrections;
import org.morgue.curation.OriginalFields;
import org.morgue.curation.SourceCorrection;
import org.morgue.search.Facet;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchEngine;
import org.morgue.search.SearchRequest;
import org.morgue.search.SortOrder;
import org.morgue.server.http.StoredIds;
import org.morgue.server.problem.BadRequestException;
import org.morgue.server.problem.ProblemCode;

/**
 * {@code /api/corrections}: the authority files for actors ({@code /actors/{name}}) and sources ({@code
 * /sources/{name}}), corrections of single articles ({@code /articles/{id}}), and the whole set as one
 * JSON document to export and import.
 */
public final class CorrectionHandlers {
  private final CurationRequests requests;
  private final SearchEngine searcher;

  public CorrectionHandlers(CurationRequests requests, SearchEngine searcher) {
    this.requests = requests;
    this.searcher = searcher;
  }

  /** An actor correction as answered: the decision, and what it did. */
  public record ActorCorrectionView(ActorCorrection correction, String canonicalName, long articles) {}

  /** A source's rename as answered: the decision, the name the source now goes by, and how many articles are from it. */
  public record SourceCorrectionView(SourceCorrection correction, String canonicalName, long articles) {}

  /** Every correction, as one file to keep beside the archive. */
  public void export(Context ctx) {
    Corrections corrections = requests.curation().corrections();
    // Its version: the one to name in If-Match when the file is put back.
    ctx.header("ETag", etag(requests.curation().correctionsVersion()));
    if (ctx.queryParam("download") != null) {
      ctx.header("Content-Disposition", "attachment; filename=\"morgue-corrections.json\"");
    }
    ctx.json(corrections);
  }

  /** Replaces every correction with those of a file {@link #export} made, as one change. */
  public void importAll(Context ctx) throws BadRequestException, IOException {
    Optional<Long> expected = expectedVersion(ctx);
    JsonNode body = body(ctx);
    Corrections imported;
    try {
      imported = CurationRequests.JSON.treeToValue(body, Corrections.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new BadRequestException(ProblemCode.INVALID_BODY, "body", "the body is not a corrections file as"
          + " GET /api/corrections answers it: " + (e instanceof JsonProcessingException j ? org.morgue.article.JsonProblems.inWords(j) : e.getMessage()));
    }
    // The file's version as this import left it, read under the live index's lock: read after it,
    // another curator's correction made meanwhile would be named, and overwritten unseen by the next import.
    long[] version = new long[1];
    Applied<Corrections> applied = requests.index().curate(() -> {
      Applied<Corrections> made = requests.curation().importCorrections(curator(ctx), imported, expected, reason(ctx, null));
      version[0] = requests.curation().correctionsVersion();
      return made;
    });
    ctx.header("ETag", etag(version[0])).json(applied.value());
  }

  public void getActor(Context ctx) throws IOException {
    String actor = ctx.pathParam("name");
    ActorCorrection correction = requests.curation().actorCorrection(actor)
        .orElseThrow(() -> new NotFoundResponse("no correction of the actor '" + actor + "'"));
    // The answer counts the articles naming the actor, which a post or a re-import changes: a tag of
    // the version alone had a copy answered 304 with the old count.
    ctx.header("ETag", tag(correction.version())).json(view(correction));
  }

  /** Renames (or merges) and retypes an actor across the archive: {@code renameTo}, {@code type}. */
  public void putActor(Context ctx) throws BadRequestException, IOException {
    correctActor(ctx, ctx.pathParam("name"), body(ctx, ACTOR_FIELDS), expectedVersion(ctx));
  }

  /** The fields of an actor's correction, as PUT and PATCH take them. */
  private static final String[] ACTOR_FIELDS = {"renameTo", "type"};

  /**
   * Changes only the fields of an actor's correction that the body names, a JSON merge patch as
   * {@link #patchArticle} makes one: {@code {"type": "organisation"}} retypes an actor a curator
   * renamed and keeps the new name, where a PUT of the type alone would withdraw the renaming.
   */
  public void patchActor(Context ctx) throws BadRequestException, IOException {
    JsonNode patch = body(ctx, ACTOR_FIELDS);
    String actor = ctx.pathParam("name");
    Optional<ActorCorrection> current = requests.curation().actorCorrection(actor);
    correctActor(ctx, actor, merged(current, patch, ACTOR_FIELDS),
        expectedVersion(ctx).or(() -> current.map(ActorCorrection::version)));
  }

  private void correctActor(Context ctx, String actor, JsonNode body, Optional<Long> expected)
      throws BadRequestException, IOException {
    Optional<String> renameTo = text(body, "renameTo");
    Optional<ActorType> type = actorType(text(body, "type"), "type");
    if (requests.curation().actorCorrection(actor).isEmpty() && naming(List.of(actor)) == 0) {
      throw new NotFoundResponse("no article names the actor '" + actor + "' (names are as the actor facet lists"
          + " them, capitals and accents included)");
    }
    Applied<ActorCorrection> applied = requests.index().curate(() -> requests.curation().correctActor(curator(ctx),
        actor, expected, renameTo, type, reason(ctx, body)));
    CurationRequests.createdOrChanged(ctx, applied.created());
    ctx.header("ETag", tag(applied.value().version())).json(view(applied.value()));
  }

  public void deleteActor(Context ctx) throws BadRequestException, IOException {
    requests.withdraw(ctx, ctx.pathParam("name"), Curation::withdrawActorCorrection);
  }

  public void getSource(Context ctx) throws IOException {
    String source = ctx.pathParam("name");
    SourceCorrection correction = requests.curation().sourceCorrection(source)
        .orElseThrow(() -> new NotFoundResponse("no rename of the source '" + source + "'"));
    // The answer counts the articles from the source, as an actor's does theirs.
    ctx.header("ETag", tag(correction.version())).json(view(correction));
  }

  /**
   * Renames a source across the archive ({@code renameTo}); into a name another source has, it merges
   * them. A PUT replaces the decision whole, as an actor's does; a source has nothing else to correct,
   * so there is no PATCH.
   */
  public void putSource(Context ctx) throws BadRequestException, IOException {
    String source = ctx.pathParam("name");
    JsonNode body = body(ctx, "renameTo");
    Optional<Long> expected = expectedVersion(ctx);
    String renameTo = text(body, "renameTo").orElseThrow(() -> new BadRequestException(ProblemCode.INVALID_BODY,
        "renameTo", "say what '" + source + "' is to be called: {\"renameTo\": \"...\"}"));
    if (requests.curation().sourceCorrection(source).isEmpty() && fromSources(List.of(source)) == 0) {
      throw new NotFoundResponse("no article is from the source '" + source + "' (names are as the source facet lists"
          + " them, capitals and accents included)");
    }
    Applied<SourceCorrection> applied = requests.index().curate(() -> requests.curation().correctSource(curator(ctx),
        source, expected, renameTo, reason(ctx, body)));
    CurationRequests.createdOrChanged(ctx, applied.created());
    ctx.header("ETag", tag(applied.value().version())).json(view(applied.value()));
  }

  public void deleteSource(Context ctx) throws BadRequestException, IOException {
    requests.withdraw(ctx, ctx.pathParam("name"), Curation::withdrawSourceCorrection);
  }

  private SourceCorrectionView view(SourceCorrection correction) throws IOException {
    String canonical = requests.curation().canonicalSource(correction.source());
    return new SourceCorrectionView(correction, canonical, fromSources(List.of(canonical)));
  }

  private long fromSources(List<String> sources) throws IOException {
    try {
      return searcher.count(new SearchRequest("", Map.of(Facet.SOURCE.id(), sources), Optional.empty(),
          Optional.empty(), SortOrder.NEWEST, 1, 1));
    } catch (InvalidQueryException e) {
      throw new IllegalStateException("counting the articles from a source was refused", e);
    }
  }

  public void getArticle(Context ctx) throws IOException {
    String id = StoredIds.of(searcher, ctx.pathParam("id"));
    ArticleCorrection correction = requests.curation().articleCorrection(id)
        .orElseThrow(() -> new NotFoundResponse("no corrections of article '" + id + "'"));
    // The answer shows the source's fields as the index now has them: a copy is current only while
    // both the correction and the index are (as for a collection's read).
    ctx.header("ETag", tag(correction.version())).json(view(correction));
  }

  /**
   * A correction as a librarian reads it: {@code original} is what the source gives now (the article
   * as last written, with the curator's values put back as the source's), not what it gave when the
   * field was first corrected, which a re-import that changed it makes stale; and {@code sourceAgrees}
   * names the fields the source now gives as the curator corrected them. The journal and the
   * corrections file keep the value recorded with the correction.
   */
  private ObjectNode view(ArticleCorrection correction) throws IOException {
    Optional<EnrichedArticle> stored = searcher.article(correction.articleId());
    OriginalFields now = stored.map(article -> OriginalFields.of(requests.curation().source(article.article())))
        .orElse(correction.original());
    ObjectNode view = CurationRequests.JSON.valueToTree(now == null ? correction : correction.withOriginal(now));
    view.set("sourceAgrees", CurationRequests.JSON.valueToTree(now == null ? List.of() : correction.sourceAgrees(now)));
    return view;
  }

  /**
   * Sets one article's corrections, replacing those it had: {@code title}, {@code published}, {@code
   * source}, {@code authors}, {@code removeActors}, {@code addActors} ([{name, type}]), {@code
   * removeThemes}, {@code addThemes}.
   */
  public void putArticle(Context ctx) throws BadRequestException, IOException {
    JsonNode body = body(ctx, ARTICLE_FIELDS);
    correctArticle(ctx, StoredIds.of(searcher, ctx.pathParam("id")), body, expectedVersion(ctx));
  }

  /** The fields of an article's correction, as PUT and PATCH take them and GET answers them. */
  private static final String[] ARTICLE_FIELDS = {"title", "published", "source", "authors", "removeActors",
      "addActors", "removeThemes", "addThemes"};

  /**
   * Changes only the fields of an article's corrections that the body names, a JSON merge patch (RFC
   * 7396): a field with a value replaces that field (a list whole), {@code null} withdraws it, and the
   * others stay as they are, so a curator adding a theme need not send the headline another set. It
   * creates the corrections when there are none. It is made on the version it read: a change by
   * another curator in between is a 412, never overwritten; {@code If-Match} may name the version the
   * client read instead.
   */
  public void patchArticle(Context ctx) throws BadRequestException, IOException {
    JsonNode patch = body(ctx, ARTICLE_FIELDS);
    String id = StoredIds.of(searcher, ctx.pathParam("id"));
    Optional<Long> expected = expectedVersion(ctx);
    Optional<ArticleCorrection> current = requests.curation().articleCorrection(id);
    correctArticle(ctx, id, merged(current, patch, ARTICLE_FIELDS), expected.or(() -> current.map(ArticleCorrection::version)));
  }

  /**
   * A correction's {@code fields} as stored, with a merge patch applied (RFC 7396): a field the patch
   * gives replaces the stored one, a {@code null} withdraws it, the others stay.
   */
  private static JsonNode merged(Optional<?> current, JsonNode patch, String... fields) {
    ObjectNode merged = CurationRequests.JSON.createObjectNode();
    current.ifPresent(correction -> {
      JsonNode stored = CurationRequests.JSON.valueToTree(correction);
      for (String field : fields) {
        if (stored.hasNonNull(field)) {
          merged.set(field, stored.get(field));
        }
      }
    });
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      if (field.getValue().isNull()) {
        merged.remove(field.getKey());
      } else {
        merged.set(field.getKey(), field.getValue());
      }
    }
    return merged;
  }

  private void correctArticle(Context ctx, String id, JsonNode body, Optional<Long> expected)
      throws BadRequestException, IOException {
    EnrichedArticle stored = searcher.article(id)
        .orElseThrow(() -> new NotFoundResponse("no article with id '" + id + "'"));
    Optional<CorrectedDate> published = Optional.empty();
    Optional<String> date = text(body, "published");
    if (date.isPresent()) {
      // A year or a month as well as a day: an address known only by its year is corrected to "1790".
      try {
        published = Optional.of(CorrectedDate.parse(date.get()));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(ProblemCode.INVALID_BODY, "published", "'published' must be a date such as"
            + " 2025-03-14, a month such as 2025-03 or a year such as 2025, not '" + date.get() + "'");
      }
    }
    Optional<List<String>> authors = body.has("authors") && !body.get("authors").isNull()
        ? Optional.of(texts(body, "authors")) : Optional.empty();
    List<ActorRef> added = new ArrayList<>();
    JsonNode addActors = body.get("addActors");
    if (addActors != null && !addActors.isNull()) {
      if (!addActors.isArray()) {
        throw new BadRequestException(ProblemCode.INVALID_BODY, "addActors", "'addActors' must be a list of {\"name\", \"type\"}");
      }
      for (JsonNode actor : addActors) {
        if (actor.isObject()) {
          CurationRequests.onlyFields(actor, "addActors", "name", "type");
        }
        Optional<String> name = actor.isObject() ? text(actor, "name") : Optional.empty();
        if (name.isEmpty()) {
          throw new BadRequestException(ProblemCode.INVALID_BODY, "addActors", "each of 'addActors' needs a \"name\"");
        }
        added.add(new ActorRef(name.get(), actorType(text(actor, "type"), "addActors").orElse(null)));
      }
    }
    List<String> removeActors = texts(body, "removeActors");
    named(id, stored, removeActors);
    ArticleCorrection asked = new ArticleCorrection(id, text(body, "title"), published, text(body, "source"), authors,
        removeActors, added, texts(body, "removeThemes"), texts(body, "addThemes"), null, null, null, 0);
    Article article = requests.curation().source(stored.article());
    OriginalFields original = OriginalFields.of(article);
    Applied<ArticleCorrection> applied = requests.index().curate(() ->
        requests.curation().correctArticle(curator(ctx), asked, expected, original, reason(ctx, body)));
    CurationRequests.createdOrChanged(ctx, applied.created());
    ctx.header("ETag", tag(applied.value().version())).json(view(applied.value()));
  }

  /**
   * The tag a read of a correction (an article's, an actor's, a source's) answers, which its writes
   * answer too, so that the curator can name it in the next write's If-Match, or revalidate with it,
   * without reading first. Each read shows the index beside the correction (the article's fields as
   * the source gives them, the count of articles naming the actor or from the source), so the tag
   * names the index's last commit as well as the version.
   */
  private String tag(long version) throws IOException {
    return CurationRequests.readTag(version, searcher.lastCommit(), "");
  }

  /**
   * Refuses to remove an actor the article does not name (nor its correction already removes), as a
   * correction of an unknown actor across the archive is refused: "cuba" for "Cuba" would otherwise
   * be answered as done and remove nothing.
   */
  private void named(String id, EnrichedArticle stored, List<String> removeActors) throws BadRequestException {
    Set<String> names = new TreeSet<>();
    stored.enrichment().actors().forEach(actor -> names.add(actor.name()));
    Set<String> removable = new HashSet<>(names);
    requests.curation().articleCorrection(id).ifPresent(before -> removable.addAll(before.removeActors()));
    for (String name : removeActors) {
      if (!removable.contains(name) && !removable.contains(requests.curation().canonicalName(name))) {
        throw new BadRequestException(ProblemCode.INVALID_CURATION, "removeActors", "the article '" + id
            + "' names no actor '" + name + "' (names are as the article lists them, capitals and accents"
            + " included); it names: " + String.join(", ", names));
      }
    }
  }

  public void deleteArticle(Context ctx) throws BadRequestException, IOException {
    requests.withdraw(ctx, StoredIds.of(searcher, ctx.pathParam("id")), Curation::withdrawArticleCorrection);
  }

  private ActorCorrectionView view(ActorCorrection correction) throws IOException {
    String canonical = requests.curation().canonicalName(correction.actor());
    return new ActorCorrectionView(correction, canonical, naming(List.of(canonical)));
  }

  private long naming(List<String> actors) throws IOException {
    try {
      return searcher.count(new SearchRequest("", Map.of(Facet.ACTOR.id(), actors), Optional.empty(), Optional.empty(),
          SortOrder.NEWEST, 1, 1));
    } catch (InvalidQueryException e) {
      throw new IllegalStateException("counting the articles naming an actor was refused", e);
    }
  }

  private static Optional<ActorType> actorType(Optional<String> type, String field) throws BadRequestException {
    if (type.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ActorType.fromId(type.get()));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(ProblemCode.INVALID_BODY, field, "unknown actor type '" + type.get()
          + "'; use person, organisation, place, government or group");
    }
  }
}
