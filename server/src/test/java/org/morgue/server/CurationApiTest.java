package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.morgue.curation.Curation;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.search.SearchEngine;
import org.morgue.server.live.Curators;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;
import org.morgue.server.problem.Problem;

/**
 * The curators' API ({@code /api/collections}, {@code /api/saved-searches}, {@code /api/corrections},
 * {@code /api/changes}) over real HTTP on each engine, on the seed articles: one server per engine
 * shared by the tests (each uses its own collections, searches and actors), restarted and rebuilt by
 * the last.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CurationApiTest {
  static final String ANA = "ana-curation-token-91c3";
  static final String BEN = "ben-curation-token-0d7e";
  static final String CRACKDOWN = SeedIndex.CRACKDOWN;
  static final String KILL_CLAIMS = SeedIndex.KILL_CLAIMS;
  static final String TREN = "Tren de Aragua";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  static Path tmp;
  static Path corpus;
  static TestEngine.Archive archive;
  static SearchEngine searcher;
  static Curation curation;
  static LiveIndex live;
  static Curators curators;
  static Javalin app;

  @Parameter TestEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(TestEngine engine) throws Exception {
    tmp = Files.createTempDirectory("morgue-curation");
    corpus = SeedIndex.corpus(tmp, Map.of(), List.of());
    // Wire copies of the seed articles too: a correction must reach every version of a story.
    Path copies = Files.createDirectories(corpus.resolve("wire-copies"));
    Files.copy(Path.of("..", "corpus", "wire-copies", "wire-copies.jsonl"), copies.resolve("wire-copies.jsonl"));
    Path tokens = tmp.resolve("curators.txt");
    Files.writeString(tokens, "# who may curate\nana sha256:" + sha256(ANA) + "\nben sha256:" + sha256(BEN) + "\n");
    curators = Curators.read(tokens, Optional.empty());
    curation = Curation.open(tmp.resolve("curation"));
    archive = engine.index(tmp, List.of(corpus), indexer(curation));
    searcher = archive.engine();
    open(Map.of());
  }

  /**
   * The curated fixtures' indexer: applies this curation, on one thread so that a story is named
   * after its first version read (StoryRecordApiTest and the curation pages use it too).
   */
  static ArchiveIndexer indexer(Curation curation) {
    return new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard(), ArchiveIndexer.COMMIT_EVERY, 1,
        curation);
  }

  static void open(Map<String, String> lastCommit) throws IOException {
    live = LiveIndex.open(archive.stores(), indexer(curation), searcher, curation, lastCommit);
    app = MorgueServer.create(searcher, Optional.of(new LiveUpdates(live, curators)), HttpOptions.defaults(),
        Optional.of(curation)).start("127.0.0.1", 0);
  }

  static void close() throws IOException {
    app.stop();
    live.close();
    curation.close();
    if (searcher != archive.engine()) {
      searcher.close();
    }
  }

  @AfterParameterizedClassInvocation
  static void stop() throws IOException {
    close();
    archive.close();
  }

  // ---- collections

  @Test
  @Order(1)
  void aCollectionIsCreatedRenamedFilledOrderedAndDeleted() throws Exception {
    HttpResponse<String> created = send("POST", "/api/collections",
        "{\"name\": \"Tren de Aragua\", \"description\": \"The gang in US politics\"}", ANA);
    assertEquals(201, created.statusCode(), created.body());
    String id = JSON.readTree(created.body()).get("id").asText();
    assertEquals("tren-de-aragua", id);
    assertEquals("/api/collections/" + id, created.headers().firstValue("Location").orElseThrow());
    // The tag a read gives: the version, and a digest of the archive's state the read shows.
    assertEquals("\"v1", created.headers().firstValue("ETag").orElseThrow().split("-")[0]);
    String path = "/api/collections/" + id;

    HttpResponse<String> renamed = send("PATCH", path, "{\"name\": \"Tren de Aragua file\", \"description\": \"Raids\"}",
        ANA, "If-Match", "\"v1\"");
    assertEquals(200, renamed.statusCode(), renamed.body());
    assertEquals("\"v2", renamed.headers().firstValue("ETag").orElseThrow().split("-")[0]);
    HttpResponse<String> stale = send("PATCH", path, "{\"name\": \"Overwritten\"}", BEN, "If-Match", "\"v1\"");
    assertProblem(stale, 412, "precondition_failed");
    // A second collection of the same name (in any case or spacing) is refused: pickers, the facet and
    // the list could not tell the two apart. So is renaming another to it.
    HttpResponse<String> twin = send("POST", "/api/collections", "{\"name\": \" tren de  Aragua FILE\"}", BEN);
    assertProblem(twin, 409, "curation_conflict");
    assertTrue(twin.body().contains("a collection named 'Tren de Aragua file' exists (id '" + id + "')"), twin.body());
    HttpResponse<String> other = send("POST", "/api/collections", "{\"name\": \"Raids file\"}", BEN);
    assertEquals(201, other.statusCode(), other.body());
    String otherPath = "/api/collections/" + JSON.readTree(other.body()).get("id").asText();
    assertProblem(send("PATCH", otherPath, "{\"name\": \"Tren de Aragua File\"}", BEN), 409, "curation_conflict");
    assertEquals(204, send("DELETE", otherPath, null, BEN).statusCode());
    JsonNode page = getJson(path);
    assertEquals("Tren de Aragua file", page.get("name").asText());
    assertEquals("Raids", page.get("description").asText());
    assertEquals(2, page.get("version").asInt());

    HttpResponse<String> byIds = send("POST", path + "/articles",
        "{\"articles\": [{\"id\": \"" + KILL_CLAIMS + "\", \"note\": \"the strike claims\"}]}", ANA, "If-Match",
        "\"v2-gzip\"");  // the tag as a read that accepted gzip gave it (CodedTags)
    assertEquals(200, byIds.statusCode(), byIds.body());
    assertEquals(1, JSON.readTree(byIds.body()).get("added").asInt());
    HttpResponse<String> bySearch = send("POST", path + "/articles",
        "{\"search\": {\"q\": \"\\\"Tren de Aragua\\\"\", \"source\": \"seed-articles\"}, \"note\": \"found\"}", BEN);
    assertEquals(200, bySearch.statusCode(), bySearch.body());
    assertEquals(1, JSON.readTree(bySearch.body()).get("added").asInt(), "the one already in it is not added twice");
    HttpResponse<String> again = send("POST", path + "/articles", "{\"ids\": [\"" + CRACKDOWN + "\"]}", ANA);
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(0, JSON.readTree(again.body()).get("added").asInt());
    assertEquals(List.of(KILL_CLAIMS, CRACKDOWN), memberIds(getJson(path)));

    HttpResponse<String> unknown = send("POST", path + "/articles",
        "{\"ids\": [\"" + CRACKDOWN + "\", \"no-such-article\"]}", ANA);
    assertProblem(unknown, 400, "unknown_article");
    assertTrue(unknown.body().contains("no-such-article"), unknown.body());
    HttpResponse<String> longNote = send("POST", path + "/articles",
        "{\"articles\": [{\"id\": \"" + CRACKDOWN + "\", \"note\": \"" + "n".repeat(2_001) + "\"}]}", ANA);
    assertProblem(longNote, 400, "invalid_curation");
    page = getJson(path);
    assertEquals(2, page.get("size").asInt(), "nothing added by the refused requests");
    assertEquals("the strike claims", page.get("articles").get(0).get("note").asText());
    assertEquals("found", page.get("articles").get(1).get("note").asText());
    assertFalse(page.get("articles").get(1).get("removed").asBoolean());
    assertFalse(page.get("articles").get(1).get("title").asText().isEmpty());

    HttpResponse<String> moved = send("PATCH", path + "/articles/" + CRACKDOWN, "{\"position\": 0}", BEN);
    assertEquals(200, moved.statusCode(), moved.body());
    page = getJson(path);
    assertEquals(List.of(CRACKDOWN, KILL_CLAIMS), memberIds(page));
    // Paged: the next page named as search and the changes record name theirs.
    HttpResponse<String> first = get(path + "?size=1");
    String next = JSON.readTree(first.body()).get("next").asText();
    assertEquals(path + "?offset=1&size=1", next);
    assertEquals("<" + next + ">; rel=\"next\"", first.headers().firstValue("Link").orElseThrow());
    JsonNode last = getJson(next);
    assertEquals(List.of(KILL_CLAIMS), memberIds(last));
    assertTrue(last.get("next").isNull(), last.toString());
    assertTrue(page.get("next").isNull(), page.toString());
    // size=0 is the counts alone, with no next page: a client following rel=next looped on it for good.
    HttpResponse<String> counts = get(path + "?size=0");
    assertTrue(JSON.readTree(counts.body()).get("next").isNull(), counts.body());
    assertTrue(counts.headers().firstValue("Link").isEmpty(), counts.headers().toString());
    assertEquals(0, page.get("articles").get(0).get("position").asInt());
    String readTag = get(path).headers().firstValue("ETag").orElseThrow();
    assertTrue(readTag.startsWith("\"v" + page.get("version").asInt() + "-"), readTag);

    HttpResponse<String> removed = send("DELETE", path + "/articles/" + KILL_CLAIMS, null, ANA);
    assertEquals(200, removed.statusCode(), removed.body());
    assertEquals(List.of(CRACKDOWN), memberIds(getJson(path)));
    List<String> listed = new ArrayList<>();
    getJson("/api/collections").get("collections").forEach(c -> listed.add(c.get("id").asText()));
    assertTrue(listed.contains(id), listed.toString());

    assertEquals(204, send("DELETE", path, null, ANA).statusCode());
    assertProblem(get(path), 404, "not_found");
    assertProblem(get("/api/collections/never-made"), 404, "not_found");
    assertProblem(send("PATCH", "/api/collections/never-made", "{\"name\": \"x\"}", ANA), 404, "not_found");
    assertProblem(send("POST", "/api/collections/never-made/articles", "{\"ids\": [\"" + CRACKDOWN + "\"]}", ANA), 404,
        "not_found");
  }

  /**
   * A collection filter naming no collection gave an empty export with 200 and a search with no word
   * (a trial's collection=nope, and the collection's name where its id is wanted), while an unknown
   * actor was refused: an id no collection has is unknown as such an actor is, and a collection's
   * name is told its id. A collection with no articles yet is known; a deleted one is not.
   */
  @Test
  @Order(2)
  void aCollectionFilterNamingNoCollectionIsUnknownAndItsNameIsToldTheId() throws Exception {
    HttpResponse<String> created = send("POST", "/api/collections", "{\"name\": \"Empty ledger\"}", ANA);
    assertEquals(201, created.statusCode(), created.body());
    String id = JSON.readTree(created.body()).get("id").asText();
    assertEquals("empty-ledger", id);

    JsonNode nope = getJson("/api/search?q=tax&size=0&collection=nope");
    assertEquals(0, nope.get("total").asInt());
    assertEquals(List.of("collection nope -> null"), unknownFilters(nope));
    assertEquals(List.of("collection Empty Ledger -> empty-ledger"),
        unknownFilters(getJson("/api/search?size=0&collection=" + enc("Empty Ledger"))));
    assertEquals(List.of(), unknownFilters(getJson("/api/search?size=0&collection=" + id)), "known, though empty");

    HttpResponse<String> export = get("/api/export?format=csv&collection=nope");
    assertProblem(export, 400, "unknown_filter_value");
    JsonNode problem = JSON.readTree(export.body());
    assertEquals("collection", problem.get("parameter").asText());
    assertEquals(List.of("collection nope -> null"), unknownFilters(problem));
    assertTrue(problem.get("detail").asText().startsWith("No collection in the archive has the id \u201cnope\u201d."
        + " Nothing was exported"), problem.get("detail").asText());
    HttpResponse<String> byName = get("/api/export?format=csv&collection=" + enc("empty  ledger"));
    assertProblem(byName, 400, "unknown_filter_value");
    assertEquals(List.of("collection empty  ledger -> empty-ledger"), unknownFilters(JSON.readTree(byName.body())));
    HttpResponse<String> empty = get("/api/export?format=csv&collection=" + id);
    assertEquals(200, empty.statusCode(), empty.body());
    assertEquals(1, empty.body().lines().count(), "the header row alone: the collection holds nothing yet");

    HttpResponse<String> feed = get("/api/feed?collection=nope");
    assertEquals(200, feed.statusCode(), feed.body());
    assertEquals(List.of("collection nope -> null"),
        unknownFilters(JSON.readTree(feed.headers().firstValue("Morgue-Unknown-Filters").orElseThrow())));
    assertEquals(java.util.Optional.empty(),
        get("/api/feed?collection=" + id).headers().firstValue("Morgue-Unknown-Filters"));

    assertEquals(204, send("DELETE", "/api/collections/" + id, null, ANA).statusCode());
    assertEquals(List.of("collection " + id + " -> null"),
        unknownFilters(getJson("/api/search?size=0&collection=" + id)));
  }

  /** The unknown filter values of an answer or a problem, or of a list of them, each as "facet value -> suggestion". */
  static List<String> unknownFilters(JsonNode answer) {
    List<String> unknown = new ArrayList<>();
    (answer.isArray() ? answer : answer.get("unknownFilters")).forEach(value -> unknown.add(value.get("facet").asText()
        + " " + value.get("value").asText() + " -> " + (value.get("suggestion").isNull() ? "null"
        : value.get("suggestion").asText())));
    return unknown;
  }

  @Test
  @Order(2)
  void membershipOutlivesTheArticleLeavingAndComingBack() throws Exception {
    String raid = article("curation-raid", "Raid in Caracas", "live-desk",
        "Police said members of Tren de Aragua were arrested in Caracas on Monday.");
    assertEquals(201, postArticle(raid).statusCode());
    HttpResponse<String> created = send("POST", "/api/collections", "{\"name\": \"Raids\"}", BEN);
    String path = "/api/collections/" + JSON.readTree(created.body()).get("id").asText();
    assertEquals(200, send("POST", path + "/articles",
        "{\"articles\": [{\"id\": \"curation-raid\", \"note\": \"first raid\"}]}", BEN).statusCode());

    // A copy of the collection is current until an article it lists changes, though its version does not.
    String tag = get(path).headers().firstValue("ETag").orElseThrow();
    assertEquals(304, send("GET", path, null, null, "If-None-Match", tag).statusCode());
    assertEquals(204, send("DELETE", "/api/articles/curation-raid", null, BEN).statusCode());
    HttpResponse<String> revalidated = send("GET", path, null, null, "If-None-Match", tag);
    assertEquals(200, revalidated.statusCode(), "a deleted member is news, not 304");
    // The tag a read gave names the collection's version to a write, as the bare version does.
    assertEquals(200, send("PATCH", path, "{\"description\": \"Raids in Caracas\"}", BEN, "If-Match",
        revalidated.headers().firstValue("ETag").orElseThrow()).statusCode());
    JsonNode member = getJson(path).get("articles").get(0);
    assertEquals("curation-raid", member.get("id").asText());
    assertTrue(member.get("removed").asBoolean(), member.toString());
    // Named as it was when deleted: an id alone told a librarian nothing (trial, session 38).
    assertEquals("Raid in Caracas", member.get("title").asText(), member.toString());
    assertEquals("live-desk", member.get("source").asText(), member.toString());
    assertFalse(member.hasNonNull("url"), member.toString());

    assertEquals(201, postArticle(raid).statusCode());
    member = getJson(path).get("articles").get(0);
    assertFalse(member.get("removed").asBoolean(), member.toString());
    assertEquals("day", member.get("publishedPrecision").asText(), member.toString());
    assertEquals("Raid in Caracas", member.get("title").asText());
    assertEquals("first raid", member.get("note").asText());

    // A clipping dated by its year only says so, as a search hit does: the page once listed it as Jan 1.
    assertEquals(201, postArticle(article("curation-1961", "Raid of 1961", "live-desk", "Police raided a club.")
        .replace("\"2025-10-01\"", "\"1961\"")).statusCode());
    assertEquals(200, send("POST", path + "/articles", "{\"ids\": [\"curation-1961\"]}", BEN).statusCode());
    JsonNode yearOnly = getJson(path).get("articles").get(1);
    assertEquals("curation-1961", yearOnly.get("id").asText(), yearOnly.toString());
    assertEquals("year", yearOnly.get("publishedPrecision").asText(), yearOnly.toString());
    assertEquals("1961-01-01", yearOnly.get("published").asText(), yearOnly.toString());
  }

  // ---- corrections

  @Test
  @Order(3)
  void actorAndArticleCorrectionsShowInTheVeryNextReadAndRoundTripThroughTheirFile() throws Exception {
    List<String> killActors = actorNames(getJson("/api/articles/" + KILL_CLAIMS));
    List<String> crackdownActors = actorNames(getJson("/api/articles/" + CRACKDOWN));
    assertTrue(killActors.contains(TREN) && crackdownActors.contains(TREN), killActors + " / " + crackdownActors);
    long trenArticles = total("actor=" + enc(TREN));
    assertTrue(trenArticles >= 2, "both seed articles name " + TREN);

    // A rename: the very next search finds the articles under the new name only.
    HttpResponse<String> renamed = send("PUT", "/api/corrections/actors/" + path(TREN),
        "{\"renameTo\": \"Tren de Aragua gang\", \"reason\": \"house style\"}", ANA);
    // A PUT that creates is a 201 naming what it made (RFC 9110, 9.3.4); the API trial's was a 200.
    assertEquals(201, renamed.statusCode(), renamed.body());
    assertEquals("/api/corrections/actors/" + path(TREN), renamed.headers().firstValue("Location").orElseThrow());
    // The tag a read gives: the version, and a digest of the archive's state the read counts.
    assertEquals("\"v1", renamed.headers().firstValue("ETag").orElseThrow().split("-")[0]);
    assertEquals("Tren de Aragua gang", JSON.readTree(renamed.body()).get("canonicalName").asText());
    assertEquals(trenArticles, total("actor=" + enc("Tren de Aragua gang")));
    // The old name stays an alias: a saved search or a link that names it still finds the articles, and the
    // answer says under which name.
    JsonNode byOldName = getJson("/api/search?size=0&actor=" + enc(TREN));
    assertEquals(trenArticles, byOldName.get("total").asLong());
    assertEquals("[\"Tren de Aragua gang\"]", byOldName.get("filters").get("actor").toString());
    // Nor is it unknown to an export, which refuses a name the archive holds under no name, or to a feed.
    assertEquals(trenArticles + 1, get("/api/export?format=csv&group=articles&actor=" + enc(TREN)).body().lines().count());
    assertEquals(java.util.Optional.empty(), get("/api/feed?actor=" + enc(TREN)).headers().firstValue("Morgue-Unknown-Filters"));
    assertFalse(getJson("/api/search?size=0&facetLimit=1000").get("facets").get("actor").toString()
        .contains("\"" + TREN + "\""), "no article is listed under the old name");
    assertTrue(actorNames(getJson("/api/articles/" + KILL_CLAIMS)).contains("Tren de Aragua gang"));

    // A merge into an existing actor: the other name goes, its articles join the gang's.
    String other = killActors.stream().filter(name -> !name.equals(TREN) && !crackdownActors.contains(name)).findFirst()
        .orElse(killActors.stream().filter(name -> !name.equals(TREN)).findFirst().orElseThrow());
    HttpResponse<String> merged = send("PUT", "/api/corrections/actors/" + path(other),
        "{\"renameTo\": \"Tren de Aragua gang\"}", BEN);
    assertEquals(201, merged.statusCode(), merged.body());
    assertEquals(total("actor=" + enc("Tren de Aragua gang")), total("actor=" + enc(other)), "the merged name is an alias");
    List<String> afterMerge = actorNames(getJson("/api/articles/" + KILL_CLAIMS));
    assertFalse(afterMerge.contains(other), afterMerge.toString());
    assertEquals(1, afterMerge.stream().filter(name -> name.equals("Tren de Aragua gang")).count(), afterMerge.toString());

    // A change of type.
    HttpResponse<String> retyped = send("PUT", "/api/corrections/actors/" + path("Tren de Aragua gang"),
        "{\"type\": \"organisation\"}", ANA);
    assertEquals(201, retyped.statusCode(), retyped.body());
    assertEquals("organisation", actor(getJson("/api/articles/" + CRACKDOWN), "Tren de Aragua gang").get("type").asText());
    assertEquals(trenArticles, total("actor=" + enc("Tren de Aragua gang") + "&actorType=organisation"));

    // Refused: into itself, and a cycle of merges.
    assertProblem(send("PUT", "/api/corrections/actors/" + path(TREN), "{\"renameTo\": \"" + TREN + "\"}", ANA), 400,
        "invalid_curation");
    assertProblem(send("PUT", "/api/corrections/actors/" + path("Tren de Aragua gang"), "{\"renameTo\": \"" + TREN + "\"}",
        ANA, "If-Match", "*"), 409, "curation_conflict");

    // Replacing a correction whole without naming the version read: refused, so Ben's blind write cannot undo
    // Ana's retype; with the version he read, it goes through.
    HttpResponse<String> blind = send("PUT", "/api/corrections/actors/" + path("Tren de Aragua gang"),
        "{\"type\": \"group\"}", BEN);
    assertProblem(blind, 428, "precondition_required");
    assertTrue(blind.body().contains("set by ana"), blind.body());
    assertEquals("organisation", actor(getJson("/api/articles/" + CRACKDOWN), "Tren de Aragua gang").get("type").asText());
    String read = get("/api/corrections/actors/" + path("Tren de Aragua gang")).headers().firstValue("ETag").orElseThrow();
    assertEquals(200, send("PUT", "/api/corrections/actors/" + path("Tren de Aragua gang"), "{\"type\": \"organisation\","
        + " \"reason\": \"confirmed\"}", BEN, "If-Match", read).statusCode());
    assertEquals(trenArticles, total("actor=" + enc("Tren de Aragua gang")), "the refused cycle changed nothing");

    // An article correction: a headline and an actor removed.
    String originalTitle = getJson("/api/articles/" + CRACKDOWN).get("title").asText();
    assertTrue(getJson("/api/articles/" + CRACKDOWN).get("corrected").isNull(), "not corrected yet");
    String removedActor = crackdownActors.stream().filter(name -> !name.equals(TREN) && !name.equals(other))
        .findFirst().orElseThrow();
    long namingRemoved = total("actor=" + enc(removedActor));
    HttpResponse<String> corrected = send("PUT", "/api/corrections/articles/" + CRACKDOWN,
        "{\"title\": \"Trump widens the Venezuela crackdown\", \"removeActors\": [\"" + removedActor + "\"]}", BEN);
    assertEquals(201, corrected.statusCode(), corrected.body());
    assertEquals(originalTitle, JSON.readTree(corrected.body()).get("original").get("title").asText());
    JsonNode article = getJson("/api/articles/" + CRACKDOWN);
    assertEquals("Trump widens the Venezuela crackdown", article.get("title").asText());
    // The answer says the headline is a curator's, not the source's (a librarian's trial, session 39).
    assertEquals(List.of("title", "actors"), JSON.convertValue(article.get("corrected").get("fields"), List.class));
    assertEquals("ben", article.get("corrected").get("curator").asText());
    assertFalse(actorNames(article).contains(removedActor), actorNames(article).toString());
    assertEquals(namingRemoved - 1, total("actor=" + enc(removedActor)));
    assertEquals(1, total("q=" + enc("title:\"widens the Venezuela crackdown\"")));
    assertEquals(200, get("/api/corrections/articles/" + CRACKDOWN).statusCode());

    // An article indexed later that names the old actor goes to the new name.
    assertEquals(201, postArticle(article("curation-later", "Gang leader charged", "live-desk",
        "Prosecutors said a leader of Tren de Aragua was charged in Texas on Friday. Tren de Aragua denied it."))
        .statusCode());
    List<String> later = actorNames(getJson("/api/articles/curation-later"));
    assertTrue(later.contains("Tren de Aragua gang") && !later.contains(TREN), later.toString());

    // The export, then everything withdrawn, then the export imported: the state is back.
    HttpResponse<String> exported = get("/api/corrections");
    assertEquals(200, exported.statusCode());
    JsonNode file = JSON.readTree(exported.body());
    assertEquals(3, file.get("actors").size(), file.toString());
    assertEquals(1, file.get("articles").size(), file.toString());

    assertEquals(204, send("DELETE", "/api/corrections/articles/" + CRACKDOWN, null, ANA).statusCode());
    assertEquals(originalTitle, getJson("/api/articles/" + CRACKDOWN).get("title").asText());
    assertTrue(getJson("/api/articles/" + CRACKDOWN).get("corrected").isNull(), "withdrawn: the source's own again");
    assertTrue(actorNames(getJson("/api/articles/" + CRACKDOWN)).contains(removedActor));
    // One actor decision withdrawn by itself, the others by importing an empty file (one change, not two).
    HttpResponse<String> withdrawn = send("DELETE", "/api/corrections/actors/" + path(other), null, BEN);
    assertEquals(204, withdrawn.statusCode(), withdrawn.body());
    assertTrue(total("actor=" + enc(other)) > 0, other + " is back under its own name");
    // The file replaces every correction: without a version, or with the one read before the withdrawals
    // above, it would undo what was corrected since; refused, and nothing changes.
    String empty = "{\"actors\": [], \"articles\": []}";
    assertProblem(send("PUT", "/api/corrections", empty, BEN), 428, "precondition_required");
    String before = exported.headers().firstValue("ETag").orElseThrow();
    assertProblem(send("PUT", "/api/corrections", empty, BEN, "If-Match", before), 412, "precondition_failed");
    assertTrue(total("actor=" + enc("Tren de Aragua gang")) > 0, "the refused restores changed nothing");
    String current = get("/api/corrections").headers().firstValue("ETag").orElseThrow();
    assertEquals(200, send("PUT", "/api/corrections?reason=" + enc("start again"), empty, BEN, "If-Match", current)
        .statusCode());
    assertEquals(0, total("actor=" + enc("Tren de Aragua gang")));
    assertEquals(trenArticles + 1, total("actor=" + enc(TREN)), "the later article is back under the old name too");
    assertEquals(0, JSON.readTree(get("/api/corrections").body()).get("actors").size());

    HttpResponse<String> imported = send("PUT", "/api/corrections", exported.body(), ANA);
    assertEquals(200, imported.statusCode(), imported.body());
    assertEquals(file, JSON.readTree(get("/api/corrections").body()));
    assertEquals(trenArticles + 1, total("actor=" + enc("Tren de Aragua gang") + "&actorType=organisation"));
    assertEquals(trenArticles + 1, total("actor=" + enc(TREN)), "an alias again");
    assertEquals("Trump widens the Venezuela crackdown", getJson("/api/articles/" + CRACKDOWN).get("title").asText());
    assertFalse(actorNames(getJson("/api/articles/" + CRACKDOWN)).contains(removedActor));

    // The same file put back again changes nothing, so it records nothing and writes no article.
    HttpResponse<String> stands = get("/api/corrections");
    long changes = getJson("/api/changes?size=1").get("total").asLong();
    HttpResponse<String> again = send("PUT", "/api/corrections", stands.body(), ANA, "If-Match",
        stands.headers().firstValue("ETag").orElseThrow());
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(changes, getJson("/api/changes?size=1").get("total").asLong(), "no change recorded");
    assertEquals(stands.headers().firstValue("ETag"), get("/api/corrections").headers().firstValue("ETag"));
  }

  /**
   * An article id with an accent is corrected whichever Unicode form the curator's client sends it in
   * (NFD, as a macOS file name or some keyboards make it): the correction is filed under the id the
   * archive stores, so it applies, and reads and withdraws in either form.
   */
  @Test
  @Order(4)
  void anAccentedIdIsCorrectedWhicheverUnicodeFormItIsSentIn() throws Exception {
    String composed = "caf\u00e9-d\u00e9cision";
    String decomposed = "cafe\u0301-de\u0301cision";
    assertEquals(201, postArticle(article(composed, "Caf\u00e9 levy decided", "live-desk",
        "The council decided the levy on Tuesday.")).statusCode());
    String path = "/api/corrections/articles/" + URLEncoder.encode(decomposed, StandardCharsets.UTF_8);
    assertEquals(201, send("PUT", path, "{\"title\": \"Caf\u00e9 levy postponed\"}", ANA).statusCode());
    String composedPath = "/api/articles/" + URLEncoder.encode(composed, StandardCharsets.UTF_8);
    assertEquals("Caf\u00e9 levy postponed", getJson(composedPath).get("title").asText());
    assertEquals("Caf\u00e9 levy postponed", getJson("/api/corrections/articles/"
        + URLEncoder.encode(composed, StandardCharsets.UTF_8)).get("title").asText());
    assertEquals(204, send("DELETE", path, null, ANA).statusCode());
    assertEquals("Caf\u00e9 levy decided", getJson(composedPath).get("title").asText());

    // Collected, noted and removed by the decomposed id: the member is the stored article.
    HttpResponse<String> created = send("POST", "/api/collections", "{\"name\": \"Caf\u00e9 levies\"}", ANA);
    String collection = "/api/collections/" + JSON.readTree(created.body()).get("id").asText();
    assertEquals(200, send("POST", collection + "/articles", "{\"ids\": [\"" + decomposed + "\"]}", ANA).statusCode());
    assertEquals(composed, getJson(collection).get("articles").get(0).get("id").asText());
    String member = collection + "/articles/" + URLEncoder.encode(decomposed, StandardCharsets.UTF_8);
    assertEquals(200, send("PATCH", member, "{\"note\": \"the first levy\"}", ANA).statusCode());
    assertEquals(200, send("DELETE", member, null, ANA).statusCode());
    assertEquals(0, getJson(collection).get("articles").size());
  }

  /**
   * A story whose id has an accent (its first version's id) is read, and its record picked, withdrawn
   * and read, by the id sent decomposed (NFD) as well as as stored: the record is filed under the
   * story's stored id, so the story shows it.
   */
  @Test
  @Order(4)
  void anAccentedStoryIdIsFoundAndItsRecordPickedWhicheverUnicodeFormItIsSentIn() throws Exception {
    String composed = "d\u00e9j\u00e0-vu-levy";
    String decomposed = "de\u0301ja\u0300-vu-levy";
    assertEquals(201, postArticle(article(composed, "D\u00e9j\u00e0 vu on the levy", "live-desk",
        "The council heard the levy argued again on Thursday.")).statusCode());
    String story = "/api/stories/" + URLEncoder.encode(decomposed, StandardCharsets.UTF_8);
    assertEquals(composed, getJson(story).get("id").asText());
    HttpResponse<String> picked = send("PUT", story + "/record", "{\"articleId\": \"" + decomposed + "\"}", ANA);
    assertEquals(201, picked.statusCode(), picked.body());
    assertEquals(composed, JSON.readTree(picked.body()).get("storyId").asText());
    assertEquals(composed, JSON.readTree(picked.body()).get("articleId").asText());
    assertEquals("curator", getJson("/api/stories/" + URLEncoder.encode(composed, StandardCharsets.UTF_8))
        .get("record").asText());
    assertEquals(composed, getJson(story + "/record").get("articleId").asText());
    assertEquals(204, send("DELETE", story + "/record", null, ANA, "If-Match", "*").statusCode());
    assertEquals("earliest", getJson(story).get("record").asText());
  }

  @Test
  @Order(4)
  void whatTheSourceSendsAfterACorrectionIsKeptAndWithdrawingRestoresTheSourcesLatest() throws Exception {
    String id = "curation-dated";
    assertEquals(201, postArticle(article(id, "Raid reported", "live-desk", "Police raided a house in Caracas.")).statusCode());
    assertEquals(201, send("PUT", "/api/corrections/articles/" + id, "{\"title\": \"Raid confirmed\"}", ANA).statusCode());
    // The source sends it again, with a new date and a new headline: the curator's headline stays.
    String again = article(id, "Raid reported again", "live-desk", "Police raided a house in Caracas.")
        .replace("2025-10-01", "2025-10-05");
    HttpResponse<String> resent = postArticle(again);
    assertEquals(201, resent.statusCode(), "written again: its content changed");
    // The answer says a curator's values stand over what was just sent (a librarian's trial, session 38).
    assertEquals(List.of(id), texts(JSON.readTree(resent.body()).get("corrected")), resent.body());
    JsonNode article = getJson("/api/articles/" + id);
    assertEquals("Raid confirmed", article.get("title").asText());
    assertEquals("2025-10-05", article.get("published").asText());
    // Withdrawn, the article is as the source last sent it, not as it was when first corrected.
    assertEquals(204, send("DELETE", "/api/corrections/articles/" + id, null, ANA).statusCode());
    article = getJson("/api/articles/" + id);
    assertEquals("Raid reported again", article.get("title").asText());
    assertEquals(List.of(), texts(JSON.readTree(postArticle(again).body()).get("corrected")), "withdrawn, none stands");
    assertEquals("2025-10-05", article.get("published").asText());

    // A date known only by its year (or month) is corrected to it, and the article says so.
    HttpResponse<String> yearOnly = send("PATCH", "/api/corrections/articles/" + id, "{\"published\": \"2024\"}", ANA);
    assertEquals(201, yearOnly.statusCode(), "made anew after the withdrawal: " + yearOnly.body());
    assertEquals("2024", JSON.readTree(yearOnly.body()).get("published").asText());
    article = getJson("/api/articles/" + id);
    assertEquals("2024-01-01", article.get("published").asText());
    assertEquals("year", article.get("publishedPrecision").asText());
    assertEquals("2024", JSON.readTree(send("PATCH", "/api/corrections/articles/" + id, "{\"title\": \"Raid, 2024\"}", ANA)
        .body()).get("published").asText(), "a patch of another field keeps the year a year");
    assertEquals("year", getJson("/api/articles/" + id).get("publishedPrecision").asText());
    HttpResponse<String> month = send("PATCH", "/api/corrections/articles/" + id, "{\"published\": \"2024-13\"}", ANA);
    assertProblem(month, 400, "invalid_body");
    assertTrue(month.body().contains("a month such as 2025-03 or a year such as 2025, not '2024-13'"), month.body());
    assertEquals(204, send("DELETE", "/api/corrections/articles/" + id, null, ANA).statusCode());
    assertEquals("day", getJson("/api/articles/" + id).get("publishedPrecision").asText(), "the source's precision again");
  }

  // ---- saved searches

  /** A write refuses a query parameter it does not take, as reads do: "?dryRun=1" wrote (API trial, session 38). */
  @Test
  void aWriteRefusesAQueryParameterItDoesNotTake() throws Exception {
    HttpResponse<String> posted = send("POST", "/api/articles?dryRun=1", "{\"id\": \"dry-run\", \"title\": \"Dry run\","
        + " \"body\": \"Nothing should be written by a dry run of the archive.\"}", ANA);
    assertProblem(posted, 400, "unknown_parameter");
    assertEquals("dryRun", JSON.readTree(posted.body()).get("parameter").asText(), posted.body());
    assertEquals(404, send("GET", "/api/articles/dry-run", null, null).statusCode(), "nothing was written");
    assertProblem(send("DELETE", "/api/articles/" + CRACKDOWN + "?force=yes", null, ANA), 400, "unknown_parameter");
    assertEquals(200, send("GET", "/api/articles/" + CRACKDOWN, null, null).statusCode(), "nothing was deleted");
    assertProblem(send("POST", "/api/collections?reason=a&reason=b", "{\"name\": \"Twice\"}", ANA), 400,
        "repeated_parameter");
  }

  /**
   * A page's start and length are no part of a search kept or added by: refused, naming the field,
   * where they were dropped without a word (an API trial, session 38), and a collection filled by a
   * search with "size": 5 took every match.
   */
  @Test
  void aSearchKeptOrAddedByRefusesAPagesStartAndLength() throws Exception {
    for (String field : List.of("size", "cursor", "facetLimit")) {
      assertProblem(send("POST", "/api/saved-searches", "{\"name\": \"Paged\", \"search\": {\"q\": \"Venezuela\", \""
          + field + "\": \"5\"}}", ANA), 400, "unknown_parameter");
    }
    HttpResponse<String> collection = send("POST", "/api/collections", "{\"name\": \"Paged by search\"}", ANA);
    String members = collection.headers().firstValue("Location").orElseThrow() + "/articles";
    HttpResponse<String> added = send("POST", members, "{\"search\": {\"q\": \"Venezuela\", \"size\": 1}}", ANA);
    assertProblem(added, 400, "unknown_parameter");
    assertTrue(JSON.readTree(added.body()).get("detail").asText().contains("'search.size' is not kept"), added.body());
  }

  @Test
  @Order(5)
  void aSavedSearchTellsWhatIsNewSinceItLastRanAndRedirectsToItsFeed() throws Exception {
    HttpResponse<String> created = send("POST", "/api/saved-searches",
        "{\"name\": \"Caracas seeds\", \"search\": {\"q\": \"Venezuela\", \"source\": [\"seed-articles\"]}}", ANA);
    assertEquals(201, created.statusCode(), created.body());
    JsonNode saved = JSON.readTree(created.body());
    String id = saved.get("id").asText();
    String path = "/api/saved-searches/" + id;
    assertEquals(path, created.headers().firstValue("Location").orElseThrow());
    List<String> listed = new ArrayList<>();
    getJson("/api/saved-searches").get("savedSearches").forEach(s -> listed.add(s.get("id").asText()));
    assertTrue(listed.contains(id), listed.toString());

    JsonNode before = getJson(path);
    long total = before.get("total").asLong();
    assertEquals(2, total, before.toString());
    assertEquals(total, before.get("newSinceLastRun").asLong(), "every match is new before the first run");
    assertEquals(total, getJson(path).get("newSinceLastRun").asLong(), "reading it is not a run");

    // A copy revalidated is current until something it shows changes: the archive, or whose run counts.
    HttpResponse<String> benRead = send("GET", path, null, BEN);
    String benTag = benRead.headers().firstValue("ETag").orElseThrow();
    assertTrue(benRead.headers().allValues("Vary").toString().contains("Authorization"), benRead.headers().toString());
    assertEquals(304, send("GET", path, null, BEN, "If-None-Match", benTag).statusCode());
    HttpResponse<String> run = send("POST", path + "/run", null, BEN);
    assertEquals(200, run.statusCode(), run.body());
    assertEquals(200, send("GET", path, null, BEN, "If-None-Match", benTag).statusCode(), "Ben's run changed his view");
    benTag = send("GET", path, null, BEN).headers().firstValue("ETag").orElseThrow();
    JsonNode afterRun = getJson(path);
    assertEquals(0, afterRun.get("newSinceLastRun").asLong(), afterRun.toString());
    assertTrue(afterRun.get("savedSearch").hasNonNull("lastRun"), afterRun.toString());

    assertEquals(201, postArticle(article("curation-new-match", "Caracas wakes to new sanctions", "seed-articles",
        "Venezuela faces new sanctions, officials said on Tuesday.")).statusCode());
    HttpResponse<String> revalidated = send("GET", path, null, BEN, "If-None-Match", benTag);
    assertEquals(200, revalidated.statusCode(), "a new match is news, not 304");
    assertEquals(1, JSON.readTree(revalidated.body()).get("newSinceLastRun").asLong(), revalidated.body());
    JsonNode fresh = getJson(path);
    assertEquals(1, fresh.get("newSinceLastRun").asLong(), fresh.toString());
    assertEquals(List.of("curation-new-match"), texts(fresh.get("newIds")));

    // Each curator's runs are their own: Ben's run made nothing old for Ana, who has not run it, and
    // her run now makes nothing old for him. A read with a curator's token answers for that curator.
    JsonNode forAna = JSON.readTree(send("GET", path, null, ANA).body());
    assertEquals(3, forAna.get("newSinceLastRun").asLong(), "all new to Ana: " + forAna);
    HttpResponse<String> anaRun = send("POST", path + "/run", null, ANA);
    assertEquals(3, JSON.readTree(anaRun.body()).get("newSinceLastRun").asLong(), anaRun.body());
    assertEquals(0, JSON.readTree(send("GET", path, null, ANA).body()).get("newSinceLastRun").asLong());
    JsonNode forBen = JSON.readTree(send("GET", path, null, BEN).body());
    assertEquals(List.of("curation-new-match"), texts(forBen.get("newIds")), "still new to Ben: " + forBen);
    JsonNode listedForBen = JSON.readTree(send("GET", "/api/saved-searches", null, BEN).body());
    assertEquals(2, lastRunTotal(listedForBen, id), "Ben's last run found two: " + listedForBen);
    assertEquals(0, getJson(path).get("newSinceLastRun").asLong(), "without a token: the latest run, Ana's");

    // The feed is answered at the saved search's address, whose id and self link it carries, so a reader
    // that re-subscribes to self keeps the saved search (behind a redirect, self was /api/feed?q=...).
    String site = "http://127.0.0.1:" + app.port();
    HttpResponse<String> atom = get(path + "/feed");
    assertEquals(200, atom.statusCode(), atom.body());
    String head = atom.body().substring(0, Math.min(600, atom.body().length()));
    assertTrue(atom.body().contains("<title>Morgue: Caracas seeds</title>"), "the feed carries the saved name: " + head);
    assertTrue(atom.body().contains("<id>" + site + path + "</id>"), head);
    assertTrue(atom.body().contains("<link rel=\"self\" href=\"" + site + path + "/feed\""), head);
    assertTrue(atom.body().contains("urn:morgue:article:curation-new-match"), "the saved search's matches");
    assertFalse(atom.body().contains("urn:morgue:article:sotu-"), "no other match");
    String feedTag = atom.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, send("GET", path + "/feed", null, null, "If-None-Match", feedTag).statusCode());
    HttpResponse<String> renamed = send("PUT", path, "{\"name\": \"Caracas seeds, kept\", \"search\": {\"q\": \"Venezuela\","
        + " \"source\": [\"seed-articles\"]}}", ANA, "If-Match", "*");
    assertEquals(200, renamed.statusCode(), renamed.body());
    HttpResponse<String> edited = send("GET", path + "/feed", null, null, "If-None-Match", feedTag);
    assertEquals(200, edited.statusCode(), "an edit of the saved search changes its feed");
    assertTrue(edited.body().contains("<title>Morgue: Caracas seeds, kept</title>"), edited.body());
    assertTrue(edited.body().contains("<id>" + site + path + "</id>"), "the same feed through the edit");
    assertProblem(get("/api/saved-searches/never-saved"), 404, "not_found");
  }

  @Test
  @Order(5)
  void aSavedSearchReadsBackAsItWasWrittenInEveryAnswerAndTheChangesRecord() throws Exception {
    // q, sort and the dates are given once, so strings; a filter may hold several values, so a list.
    JsonNode written = JSON.readTree("{\"q\": \"Malaga\", \"sort\": \"newest\", \"actor\": [\"Venezuela\","
        + " \"Nicolás Maduro\"], \"source\": [\"seed-articles\"], \"from\": \"2020-01-01\"}");
    HttpResponse<String> created = send("POST", "/api/saved-searches", "{\"name\": \"Malaga as written\", \"search\": "
        + written + "}", ANA);
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(written, JSON.readTree(created.body()).get("search"), created.body());
    String path = created.headers().firstValue("Location").orElseThrow();
    String id = JSON.readTree(created.body()).get("id").asText();
    assertEquals(written, getJson(path).get("savedSearch").get("search"));
    List<JsonNode> listed = new ArrayList<>();
    getJson("/api/saved-searches").get("savedSearches").forEach(s -> {
      if (s.get("id").asText().equals(id)) {
        listed.add(s.get("search"));
      }
    });
    assertEquals(List.of(written), listed);
    JsonNode change = getJson("/api/changes?size=1&target=" + enc("saved-search:" + id)).get("changes").get(0);
    assertEquals(written, change.get("after").get("search"), "the changes record names and shapes it alike: " + change);
    assertFalse(change.get("after").has("parameters"), change.toString());

    // The same search sent as reads answered it before (every value a list, a filter as one string) is
    // no change: a client that read the old shape and writes it back is answered the same search.
    String tag = created.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> asLists = send("PUT", path, "{\"name\": \"Malaga as written\", \"search\": {\"q\": [\"Malaga\"],"
        + " \"sort\": [\"newest\"], \"actor\": [\"Venezuela\", \"Nicolás Maduro\"], \"source\": \"seed-articles\","
        + " \"from\": [\"2020-01-01\"]}}", ANA, "If-Match", tag);
    assertEquals(200, asLists.statusCode(), asLists.body());
    assertEquals(tag, asLists.headers().firstValue("ETag").orElseThrow(), "unchanged");
    assertEquals(written, JSON.readTree(asLists.body()).get("search"), asLists.body());
  }

  // ---- the changes record, and who may change

  @Test
  @Order(6)
  void theChangesRecordNamesEachCuratorNewestFirstAndExportsOldestFirst() throws Exception {
    assertEquals(201, send("POST", "/api/collections", "{\"name\": \"By Ana\", \"reason\": \"ana's reason\"}", ANA)
        .statusCode());
    assertEquals(201, send("POST", "/api/collections", "{\"name\": \"By Ben\", \"reason\": \"ben's reason\"}", BEN)
        .statusCode());
    JsonNode first = getJson("/api/changes?size=2");
    JsonNode changes = first.get("changes");
    assertEquals(2, changes.size());
    assertEquals("ben", changes.get(0).get("curator").asText());
    assertEquals("collection:by-ben", changes.get(0).get("target").asText());
    assertEquals("ben's reason", changes.get(0).get("reason").asText());
    assertEquals("ana", changes.get(1).get("curator").asText());
    assertEquals("ana's reason", changes.get(1).get("reason").asText());
    assertTrue(changes.get(0).get("seq").asLong() > changes.get(1).get("seq").asLong());
    long total = first.get("total").asLong();
    assertTrue(total > 2, first.toString());

    String next = first.get("next").asText();
    assertEquals("<" + next + ">; rel=\"next\"", get("/api/changes?size=2").headers().firstValue("Link").orElseThrow(),
        "the Link header names the same page");
    JsonNode second = getJson(next);
    assertEquals(changes.get(1).get("seq").asLong() - 1, second.get("changes").get(0).get("seq").asLong());

    HttpResponse<String> export = get("/api/changes/export");
    assertEquals(200, export.statusCode());
    assertEquals("application/x-ndjson", RunningServer.mediaType(export));
    String[] lines = export.body().strip().split("\n");
    assertEquals(total, lines.length);
    long previous = 0;
    for (String line : lines) {
      long seq = JSON.readTree(line).get("seq").asLong();
      assertTrue(seq > previous, "oldest first");
      previous = seq;
    }
    assertEquals("ben", JSON.readTree(lines[lines.length - 1]).get("curator").asText());

    // A poller asks only for what it has not seen, and revalidates: 304 until the next change.
    long newest = changes.get(0).get("seq").asLong();
    HttpResponse<String> polled = get("/api/changes?since=" + newest);
    assertEquals(200, polled.statusCode());
    assertEquals(0, JSON.readTree(polled.body()).get("changes").size(), polled.body());
    String tag = polled.headers().firstValue("ETag").orElseThrow();
    assertEquals("\"c" + newest + "\"", tag, "the record's last seq names every page of it");
    assertTrue(polled.headers().firstValue("Last-Modified").isPresent());
    assertEquals(304, send("GET", "/api/changes?since=" + newest, null, null, "If-None-Match", tag).statusCode());
    assertEquals(201, send("POST", "/api/collections", "{\"name\": \"Polled\"}", ANA).statusCode());
    HttpResponse<String> after = send("GET", "/api/changes?since=" + newest, null, null, "If-None-Match", tag);
    assertEquals(200, after.statusCode(), "a new change is news");
    JsonNode unseen = JSON.readTree(after.body()).get("changes");
    assertEquals(1, unseen.size(), after.body());
    assertEquals("collection:polled", unseen.get(0).get("target").asText());
    assertProblem(get("/api/changes?since=soon"), 400, "invalid_parameter");

    // A DELETE's reason, sent as a body as many clients send it, is recorded as the query's is.
    assertEquals(201, send("POST", "/api/collections", "{\"name\": \"Short-lived\"}", ANA).statusCode());
    HttpResponse<String> misspeltReason = send("DELETE", "/api/collections/short-lived", "{\"reasn\": \"typo\"}", ANA);
    assertProblem(misspeltReason, 400, "invalid_body");
    assertTrue(misspeltReason.body().contains("unknown field 'reasn'; the fields are reason\""), misspeltReason.body());
    assertEquals(204, send("DELETE", "/api/collections/short-lived", "{\"reason\": \"made by mistake\"}", ANA).statusCode());
    JsonNode deleted = getJson("/api/changes?size=1").get("changes").get(0);
    assertEquals("collection.delete", deleted.get("action").asText());
    assertEquals("made by mistake", deleted.get("reason").asText());

    // Articles posted and deleted over the API are in the record too, by the curator whose token wrote them.
    String posted = article("recorded-post", "Council approves the budget", "live-desk",
        "The council approved the budget on Monday after a long debate.");
    assertEquals(201, postArticle(posted).statusCode());
    assertEquals(200, postArticle(posted).statusCode(), "the same article again changes nothing");
    JsonNode post = getJson("/api/changes?target=" + enc("article:recorded-post")).get("changes");
    assertEquals(1, post.size(), "an unchanged article is not recorded again: " + post);
    assertEquals("articles.post", post.get(0).get("action").asText());
    assertEquals("ben", post.get(0).get("curator").asText());
    assertEquals("Council approves the budget", post.get(0).get("after").get("added").get(0).get("title").asText());
    assertEquals(204, send("DELETE", "/api/articles/recorded-post", null, ANA).statusCode());
    JsonNode both = getJson("/api/changes?target=" + enc("article:recorded-post")).get("changes");
    assertEquals(2, both.size(), both.toString());
    assertEquals("article.delete", both.get(0).get("action").asText());
    assertEquals("ana", both.get(0).get("curator").asText());
    assertEquals("Council approves the budget", both.get(0).get("before").get("title").asText());
    assertTrue(both.get(0).get("after").isNull());
  }

  /**
   * The reason a curator gives on POST and DELETE /api/articles is recorded with the change, as a
   * collection delete's is: it was accepted and recorded as null, so an audit of takedowns lost the
   * why (a developer's trial, session 43). A reason the record would refuse writes nothing.
   */
  @Test
  @Order(6)
  void theReasonGivenForPostingOrDeletingAnArticleIsRecorded() throws Exception {
    String posted = article("reasoned-post", "Ferry terminal opens", "live-desk",
        "The new ferry terminal opened on Friday after two years of work.");
    assertEquals(201, send("POST", "/api/articles?reason=" + enc("wire import"), posted, BEN).statusCode());
    JsonNode post = getJson("/api/changes?size=1&target=" + enc("article:reasoned-post")).get("changes").get(0);
    assertEquals("articles.post", post.get("action").asText());
    assertEquals("wire import", post.get("reason").asText());

    assertEquals(204, send("DELETE", "/api/articles/reasoned-post?reason=" + enc("legal takedown"), null, ANA)
        .statusCode());
    JsonNode deleted = getJson("/api/changes?size=1&target=" + enc("article:reasoned-post")).get("changes").get(0);
    assertEquals("article.delete", deleted.get("action").asText());
    assertEquals("ana", deleted.get("curator").asText());
    assertEquals("legal takedown", deleted.get("reason").asText());

    HttpResponse<String> tooLong = send("POST", "/api/articles?reason=" + "x".repeat(Curation.MAX_REASON + 1), posted, BEN);
    assertProblem(tooLong, 400, "invalid_curation");
    assertEquals(404, get("/api/articles/reasoned-post").statusCode(), "nothing was written");
  }

  /**
   * DELETE /api/articles/{id} takes its reason in a JSON body as the curation writes do: it read only
   * ?reason=, so a client sending {"reason": ...} deleted with no reason recorded. A reason given both
   * ways, a field other than reason or a body that is no JSON is refused, and nothing is deleted.
   */
  @Test
  @Order(6)
  void anArticlesDeleteTakesItsReasonFromAJsonBody() throws Exception {
    String posted = article("reasoned-body", "Harbour crane collapses", "live-desk",
        "A crane at the container harbour collapsed on Tuesday; nobody was hurt.");
    assertEquals(201, send("POST", "/api/articles", posted, BEN).statusCode());

    HttpResponse<String> twice = send("DELETE", "/api/articles/reasoned-body?reason=" + enc("duplicate"),
        "{\"reason\": \"wire copy kept\"}", ANA);
    assertProblem(twice, 400, "repeated_parameter");
    assertEquals("reason", JSON.readTree(twice.body()).get("parameter").asText());
    HttpResponse<String> misspelt = send("DELETE", "/api/articles/reasoned-body", "{\"reson\": \"duplicate\"}", ANA);
    assertProblem(misspelt, 400, "invalid_body");
    assertEquals("reson", JSON.readTree(misspelt.body()).get("parameter").asText());
    assertProblem(send("DELETE", "/api/articles/reasoned-body", "{\"reason\": 7}", ANA), 400, "invalid_body");
    assertProblem(send("DELETE", "/api/articles/reasoned-body", "reason=duplicate", ANA, "Content-Type",
        "application/x-www-form-urlencoded"), 415, "unsupported_media_type");
    assertEquals(200, get("/api/articles/reasoned-body").statusCode(), "nothing was deleted");

    assertEquals(204, send("DELETE", "/api/articles/reasoned-body", "{\"reason\": \"duplicate of the wire copy\"}", ANA)
        .statusCode());
    assertEquals(404, get("/api/articles/reasoned-body").statusCode());
    JsonNode deleted = getJson("/api/changes?size=1&target=" + enc("article:reasoned-body")).get("changes").get(0);
    assertEquals("article.delete", deleted.get("action").asText());
    assertEquals("duplicate of the wire copy", deleted.get("reason").asText());
  }

  /**
   * A batch post is one change under target {@code articles}, and {@code ?target=article:ID} finds it
   * by any article it wrote, in either Unicode form: it found only single posts, so who posted an
   * article that came in a CMS's nightly batch was not to be found (a developer's trial, session 43).
   */
  @Test
  @Order(6)
  void aBatchPostIsFoundByTheTargetOfEachArticleItWrote() throws Exception {
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < Curation.MAX_LISTED_POSTED + 5; i++) {
      batch.append(article("batch-" + i, "Batch bulletin " + i, "live-desk", "Bulletin number " + i + " of the night."))
          .append('\n');
    }
    batch.append(article("Jos\u00e9-batch", "Harbour bulletin", "live-desk", "The harbour reopened.")).append('\n');
    HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
        + "/api/articles?reason=" + enc("nightly sync"))).header("Content-Type", "application/x-ndjson")
        .header("Authorization", "Bearer " + BEN).POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(201, posted.statusCode(), posted.body());
    for (String id : List.of("batch-0", "batch-" + (Curation.MAX_LISTED_POSTED + 4), "Jose\u0301-batch")) {
      JsonNode found = getJson("/api/changes?target=" + enc("article:" + id));
      assertEquals(1, found.get("total").asLong(), id + ": " + found);
      JsonNode change = found.get("changes").get(0);
      assertEquals("articles.post", change.get("action").asText());
      assertEquals("articles", change.get("target").asText());
      assertEquals("ben", change.get("curator").asText());
      assertEquals("nightly sync", change.get("reason").asText());
    }
    assertEquals(Curation.MAX_LISTED_POSTED + 6, getJson("/api/changes?target=" + enc("article:batch-1"))
        .get("changes").get(0).get("after").get("ids").size(), "every article written is named");
    assertEquals(0, getJson("/api/changes?target=" + enc("article:batch-")).get("total").asLong(), "whole ids only");
  }

  @Test
  @Order(7)
  void writesNeedACuratorsTokenReadsNone() throws Exception {
    for (String token : new String[] {null, "not-a-curator"}) {
      HttpResponse<String> refused = send("POST", "/api/collections", "{\"name\": \"Nobody's\"}", token);
      assertProblem(refused, 401, "unauthorized");
      assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
      assertProblem(send("PUT", "/api/corrections/actors/" + path(TREN), "{\"renameTo\": \"X\"}", token), 401,
          "unauthorized");
      assertProblem(send("POST", "/api/saved-searches", "{\"name\": \"n\", \"search\": {\"q\": \"x\"}}", token), 401,
          "unauthorized");
    }
    for (String read : List.of("/api/collections", "/api/saved-searches", "/api/corrections", "/api/changes",
        "/api/changes/export")) {
      assertEquals(200, get(read).statusCode(), read);
    }
    List<String> names = new ArrayList<>();
    getJson("/api/collections").get("collections").forEach(c -> names.add(c.get("name").asText()));
    assertFalse(names.contains("Nobody's"), names.toString());
  }

  @Test
  @Order(7)
  void readingTheChangesRecordLeavesADateValidatingTheIndexsAnswers() throws Exception {
    // An API trial: a write makes a change and a commit milliseconds apart, and once the changes
    // record had been read the two looked like two commits in one second: If-Modified-Since was
    // answered in full, on every endpoint, until the next write. The write here is alone in its
    // second (a second after the last change), so its date alone must validate.
    Instant lastChange = Instant.parse(getJson("/api/changes?size=1").get("changes").get(0).get("at").asText());
    // Every time the API gives has three digits of fraction, no more (the clock's microseconds were
    // given too) and no fewer (a time on the second lost its fraction).
    getJson("/api/changes?size=50").get("changes").forEach(change -> assertTrue(
        change.get("at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), change.toString()));
    while (Instant.now().getEpochSecond() <= lastChange.getEpochSecond() + 1) {
      Thread.onSpinWait();
    }
    // A posted article is a commit of its own (a new empty collection alters no article, commits
    // nothing, and left the date of earlier writes that may share a second).
    assertEquals(201, postArticle(article("alone-in-its-second", "A commit alone in its second", "Test desk",
        "The council met alone.")).statusCode());
    assertEquals(201, send("POST", "/api/collections", "{\"name\": \"Alone in its second\"}", ANA).statusCode());
    String lastModified = get("/api/search?q=Venezuela").headers().firstValue("Last-Modified").orElseThrow();
    assertEquals(200, get("/api/changes?size=1").statusCode());
    assertEquals(304, send("GET", "/api/search?q=Venezuela", null, null, "If-Modified-Since", lastModified).statusCode());
    // And a curated read's If-Match may name the version its writes hand out ("v1"), not only the read's tag.
    HttpResponse<String> read = get("/api/collections/alone-in-its-second");
    assertEquals(200, send("GET", "/api/collections/alone-in-its-second", null, null, "If-Match", "\"v1\"").statusCode(),
        read.headers().firstValue("ETag").orElse(""));
    assertEquals(412, send("GET", "/api/collections/alone-in-its-second", null, null, "If-Match", "\"v2\"").statusCode());
    // Saved searches' answers depend on who asks and may be gzipped: Vary names both.
    String savedId = getJson("/api/saved-searches").get("savedSearches").get(0).get("id").asText();
    HttpResponse<String> saved = send("GET", "/api/saved-searches/" + savedId, null, null, "Accept-Encoding", "gzip");
    assertEquals(200, saved.statusCode());
    String vary = String.join(", ", saved.headers().allValues("Vary"));
    assertTrue(vary.contains("Authorization") && vary.contains("Accept-Encoding"), vary);
  }

  // ---- restart and rebuild

  @Test
  @Order(8)
  void aRestartKeepsEverythingAndARebuiltIndexGetsTheCurationAgain() throws Exception {
    HttpResponse<String> created = send("POST", "/api/collections", "{\"name\": \"Kept\"}", ANA);
    String path = "/api/collections/" + JSON.readTree(created.body()).get("id").asText();
    assertEquals(200, send("POST", path + "/articles",
        "{\"articles\": [{\"id\": \"" + KILL_CLAIMS + "\", \"note\": \"kept note\"}, {\"id\": \"" + CRACKDOWN + "\"}]}",
        ANA).statusCode());
    JsonNode collection = getJson(path);
    JsonNode corrections = JSON.readTree(get("/api/corrections").body());
    long changes = getJson("/api/changes").get("total").asLong();

    close();
    curation = Curation.open(tmp.resolve("curation"));
    searcher = archive.searchers().open();
    open(Map.of());
    assertEquals(collection, getJson(path));
    assertEquals(corrections, JSON.readTree(get("/api/corrections").body()));
    assertEquals(changes, getJson("/api/changes").get("total").asLong());
    assertEquals("Trump widens the Venezuela crackdown", getJson("/api/articles/" + CRACKDOWN).get("title").asText());
    assertTrue(total("actor=" + enc("Tren de Aragua gang")) >= 2);

    // A new, empty index built from the same files with the same curation.
    try (TestEngine.Archive rebuilt = engine.index(Files.createDirectories(tmp.resolve("rebuilt")), List.of(corpus),
        indexer(curation))) {
      Javalin reader = MorgueServer.create(rebuilt.engine(), Optional.empty(), HttpOptions.defaults(),
          Optional.of(curation)).start("127.0.0.1", 0);
      try {
        String base = "http://127.0.0.1:" + reader.port();
        JsonNode article = getJson(base, "/api/articles/" + CRACKDOWN);
        assertEquals("Trump widens the Venezuela crackdown", article.get("title").asText());
        List<String> actors = actorNames(article);
        assertTrue(actors.contains("Tren de Aragua gang") && !actors.contains(TREN), actors.toString());
        assertEquals("organisation", actor(article, "Tren de Aragua gang").get("type").asText());
        // Every article of the files that names the gang (the seeds and their wire copies) has the new name.
        long naming = getJson(base, "/api/search?size=0&group=articles&q=" + enc("\"Tren de Aragua\"")).get("total").asLong();
        assertTrue(naming >= 2, "the seeds and their copies name the gang: " + naming);
        assertEquals(naming, getJson(base, "/api/search?size=0&actor=" + enc("Tren de Aragua gang")).get("total").asLong());
        assertEquals(naming, getJson(base, "/api/search?size=0&actor=" + enc(TREN)).get("total").asLong(), "the old name is an alias");
        assertFalse(getJson(base, "/api/search?size=0&facetLimit=1000").get("facets").get("actor").toString()
            .contains("\"" + TREN + "\""), "no article is listed under the old name");
        JsonNode kept = getJson(base, path);
        assertEquals(List.of(KILL_CLAIMS, CRACKDOWN), memberIds(kept));
        kept.get("articles").forEach(member -> assertFalse(member.get("removed").asBoolean(), member.toString()));
        assertEquals("kept note", kept.get("articles").get(0).get("note").asText());
      } finally {
        reader.stop();
      }
    }
  }

  // ---- helpers

  static HttpResponse<String> send(String method, String path, String body, String token, String... headers)
      throws IOException, InterruptedException {
    return RunningServer.curatorCall(app.port(), method, path, body, token, headers);
  }

  static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, null);
  }

  static JsonNode getJson(String path) throws IOException, InterruptedException {
    return getJson("http://127.0.0.1:" + app.port(), path);
  }

  static JsonNode getJson(String base, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode(), path + " -> " + response.body());
    return JSON.readTree(response.body());
  }

  static long total(String query) throws IOException, InterruptedException {
    return getJson("/api/search?size=0&" + query).get("total").asLong();
  }

  static HttpResponse<String> postArticle(String json) throws IOException, InterruptedException {
    return send("POST", "/api/articles", json, BEN);
  }

  static String article(String id, String title, String source, String body) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", id);
    fields.put("title", title);
    fields.put("source", source);
    fields.put("published", "2025-10-01");
    fields.put("body", body);
    return JSON.writeValueAsString(fields);
  }

  // ---- mistakes a curator makes

  @Test
  @Order(9)
  void aMistypedFieldAnUnknownNameOrAQueryThatCannotRunIsRefusedAndChangesNothing() throws Exception {
    HttpResponse<String> created = send("POST", "/api/collections", "{\"name\": \"Typos\"}", ANA);
    String path = "/api/collections/" + JSON.readTree(created.body()).get("id").asText();
    long changes = getJson("/api/changes").get("total").asLong();

    HttpResponse<String> misspelt = send("PATCH", path, "{\"nmae\": \"Typos renamed\"}", ANA);
    assertProblem(misspelt, 400, "invalid_body");
    assertTrue(misspelt.body().contains("unknown field 'nmae'"), misspelt.body());
    assertProblem(send("POST", path + "/articles", "{\"articles\": [{\"id\": \"" + CRACKDOWN + "\", \"nots\": \"x\"}]}",
        ANA), 400, "invalid_body");
    assertEquals(1, getJson(path).get("version").asInt(), "nothing changed");
    assertEquals(changes, getJson("/api/changes").get("total").asLong(), "nothing recorded");

    // A note pasted from a Windows tool keeps its lines; sent again with an article already in, it is
    // not kept, and the answer says which ids were left as they were.
    HttpResponse<String> added = send("POST", path + "/articles",
        "{\"articles\": [{\"id\": \"" + CRACKDOWN + "\", \"note\": \"line one\\r\\nline two\"}]}", ANA);
    assertEquals(200, added.statusCode(), added.body());
    assertEquals("line one\nline two", getJson(path).get("articles").get(0).get("note").asText());
    HttpResponse<String> again = send("POST", path + "/articles",
        "{\"articles\": [{\"id\": \"" + CRACKDOWN + "\", \"note\": \"b\"}, {\"id\": \"" + KILL_CLAIMS + "\"}]}", ANA);
    assertEquals(1, JSON.readTree(again.body()).get("added").asInt(), again.body());
    assertEquals(List.of(CRACKDOWN), List.of(JSON.readTree(again.body()).get("alreadyIn").get(0).asText()));
    assertEquals(1, JSON.readTree(again.body()).get("alreadyIn").size());
    assertEquals("line one\nline two", getJson(path).get("articles").get(0).get("note").asText());
    HttpResponse<String> bell = send("PATCH", path + "/articles/" + CRACKDOWN, "{\"note\": \"ring \\u0007 here\"}", ANA);
    assertProblem(bell, 400, "invalid_curation");
    assertTrue(bell.body().contains("U+0007 at character 6"), bell.body());

    String correction = "/api/corrections/articles/" + KILL_CLAIMS;
    HttpResponse<String> before = get(correction);
    assertProblem(send("PUT", correction, "{\"titel\": \"A typo\"}", BEN), 400, "invalid_body");
    String named = actorNames(getJson("/api/articles/" + KILL_CLAIMS)).get(0);
    HttpResponse<String> lowerCase = send("PUT", correction,
        "{\"removeActors\": [\"" + named.toLowerCase(java.util.Locale.ROOT) + "\"]}", BEN);
    assertProblem(lowerCase, 400, "invalid_curation");
    assertTrue(lowerCase.body().contains(named), lowerCase.body());
    assertProblem(send("PUT", correction, "{\"removeThemes\": [\"Not a theme\"]}", BEN), 400, "invalid_curation");
    assertEquals(before.statusCode(), get(correction).statusCode());
    assertEquals(before.body(), get(correction).body(), "the correction is as it was");

    HttpResponse<String> broken = send("POST", "/api/saved-searches",
        "{\"name\": \"Broken query\", \"search\": {\"q\": \"title:\"}}", ANA);
    assertProblem(broken, 400, "query_syntax");
    assertProblem(get("/api/saved-searches/broken-query"), 404, "not_found");

    HttpResponse<String> noStory = get("/api/stories/no-such-story/record");
    assertProblem(noStory, 404, "not_found");
    assertTrue(noStory.body().contains("no story with id 'no-such-story'"), noStory.body());
  }

  /**
   * A librarian fixing one thing sends that one thing: a PATCH changes the fields it names and keeps the
   * others, null withdraws one, and a change another curator made meanwhile is refused, not overwritten.
   */
  @Test
  @Order(10)
  void aPatchChangesOnlyTheFieldsItNamesAndNeverOverwritesAnotherCuratorsChange() throws Exception {
    assertEquals(201, postArticle(article("curation-patch", "Port strike ends", "live-desk",
        "Dock workers in Baltimore returned on Monday after the union and the port agreed on wages.")).statusCode());
    String path = "/api/corrections/articles/curation-patch";
    // No correction yet: the patch makes one, with If-Match or without.
    HttpResponse<String> made = send("PATCH", path, "{\"title\": \"Baltimore port strike ends\"}", ANA);
    assertEquals(201, made.statusCode(), made.body());
    assertEquals("\"v1", made.headers().firstValue("ETag").orElseThrow().split("-")[0]);
    // Another field: the headline stays.
    HttpResponse<String> themed = send("PATCH", path, "{\"addThemes\": [\"Labour\"], \"reason\": \"a strike\"}", BEN);
    assertEquals(200, themed.statusCode(), themed.body());
    JsonNode correction = JSON.readTree(themed.body());
    assertEquals("Baltimore port strike ends", correction.get("title").asText());
    assertEquals("[\"Labour\"]", correction.get("addThemes").toString());
    JsonNode article = getJson("/api/articles/curation-patch");
    assertEquals("Baltimore port strike ends", article.get("title").asText());
    assertTrue(article.get("themes").toString().contains("Labour"), article.get("themes").toString());
    // null withdraws the headline's correction: the source's headline is back, the theme stays.
    HttpResponse<String> withdrawn = send("PATCH", path, "{\"title\": null}", ANA, "If-Match", "\"v2\"");
    assertEquals(200, withdrawn.statusCode(), withdrawn.body());
    assertTrue(JSON.readTree(withdrawn.body()).get("title").isNull(), withdrawn.body());
    article = getJson("/api/articles/curation-patch");
    assertEquals("Port strike ends", article.get("title").asText());
    assertTrue(article.get("themes").toString().contains("Labour"), article.get("themes").toString());
    // Sent with the version read before another curator's change: refused, and nothing changes.
    HttpResponse<String> before = get(path);
    assertProblem(send("PATCH", path, "{\"source\": \"Harbour desk\"}", BEN, "If-Match", "\"v2\""), 412,
        "precondition_failed");
    assertProblem(send("PATCH", path, "{\"addThemes\": [\"Space\"]}", BEN), 400, "invalid_curation");
    assertProblem(send("PATCH", path, "{\"titel\": \"x\"}", BEN), 400, "invalid_body");
    assertEquals(before.body(), get(path).body(), "the correction is as it was");
    assertProblem(send("PATCH", "/api/corrections/articles/no-such-article", "{\"title\": \"x\"}", BEN), 404,
        "not_found");
  }

  /**
   * An actor's correction takes a PATCH too: a curator retyping an actor another renamed keeps the
   * renaming (a PUT of the type alone withdrew it), null withdraws a field, and a change another
   * curator made meanwhile is refused, not overwritten.
   */
  @Test
  @Order(11)
  void anActorsPatchRetypesItAndKeepsItsNewName() throws Exception {
    assertEquals(201, postArticle(article("curation-actor-patch", "Harbour talks", "live-desk",
        "Mayor Brandon Scott said on Monday that the harbour talks would resume in the spring.")).statusCode());
    String path = "/api/corrections/actors/" + path("Brandon Scott");
    assertEquals(201, send("PUT", path, "{\"renameTo\": \"Brandon M. Scott\", \"reason\": \"house style\"}", ANA)
        .statusCode());

    HttpResponse<String> retyped = send("PATCH", path, "{\"type\": \"government\", \"reason\": \"the mayor's office\"}",
        BEN);
    assertEquals(200, retyped.statusCode(), retyped.body());
    assertEquals("\"v2", retyped.headers().firstValue("ETag").orElseThrow().split("-")[0]);
    JsonNode correction = JSON.readTree(retyped.body()).get("correction");
    assertEquals("Brandon M. Scott", correction.get("renameTo").asText(), retyped.body());
    assertEquals("government", correction.get("type").asText(), retyped.body());
    assertEquals("government", actor(getJson("/api/articles/curation-actor-patch"), "Brandon M. Scott").get("type").asText());

    // null withdraws the renaming; the type stays.
    HttpResponse<String> unnamed = send("PATCH", path, "{\"renameTo\": null}", ANA, "If-Match", "\"v2\"");
    assertEquals(200, unnamed.statusCode(), unnamed.body());
    assertEquals("government", actor(getJson("/api/articles/curation-actor-patch"), "Brandon Scott").get("type").asText());
    // Sent with the version read before another curator's change: refused, and nothing changes.
    HttpResponse<String> before = get(path);
    assertProblem(send("PATCH", path, "{\"type\": \"person\"}", BEN, "If-Match", "\"v2\""), 412, "precondition_failed");
    assertProblem(send("PATCH", path, "{\"tpye\": \"person\"}", BEN), 400, "invalid_body");
    assertProblem(send("PATCH", path, "{\"type\": \"planet\"}", BEN), 400, "invalid_body");
    assertEquals(before.body(), get(path).body(), "the correction is as it was");
    assertProblem(send("PATCH", "/api/corrections/actors/" + path("Nobody Anywhere"), "{\"type\": \"person\"}", BEN), 404,
        "not_found");
  }

  static long lastRunTotal(JsonNode list, String id) {
    for (JsonNode saved : list.get("savedSearches")) {
      if (saved.get("id").asText().equals(id)) {
        return saved.get("lastRun").get("total").asLong();
      }
    }
    throw new AssertionError("no saved search " + id + " in " + list);
  }

  static void assertProblem(HttpResponse<String> response, int status, String code) throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(Problem.MEDIA_TYPE, RunningServer.mediaType(response), response.headers().toString());
    assertEquals(code, JSON.readTree(response.body()).get("code").asText(), response.body());
  }

  static List<String> memberIds(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("articles").forEach(member -> ids.add(member.get("id").asText()));
    return ids;
  }

  static List<String> actorNames(JsonNode article) {
    List<String> names = new ArrayList<>();
    article.get("actors").forEach(actor -> names.add(actor.get("name").asText()));
    return names;
  }

  static JsonNode actor(JsonNode article, String name) {
    for (JsonNode actor : article.get("actors")) {
      if (actor.get("name").asText().equals(name)) {
        return actor;
      }
    }
    assertNotNull(null, name + " is among " + actorNames(article));
    return null;
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(value -> texts.add(value.asText()));
    return texts;
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A path segment: spaces as %20, not '+'. */
  static String path(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String sha256(String token) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
  }
}
