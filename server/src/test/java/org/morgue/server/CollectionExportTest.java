package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.curation.Curation;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.Curators;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;
import org.morgue.server.problem.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code GET /api/collections/{id}/export} and {@code /feed} on a real server over the embedded
 * engine: a collection of the two seed articles and a third, reordered, with notes (one hostile to
 * CSV), in each format; an article deleted from the archive left out and counted; the feed's
 * validators moving with the collection.
 */
class CollectionExportTest {
  static final String TOKEN = "collection-export-token-4e1a";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String THIRD = "caracas-port-inspections";
  /** A comma, a quote, a line break and a leading '=': everything a CSV cell must survive. */
  static final String HOSTILE_NOTE = "=HYPERLINK(\"http://evil.example\"), read this\nsecond line";
  static final String NAME = "Tren de Aragua file";

  @TempDir Path tmp;
  TestEngine.Archive archive;
  Curation curation;
  LiveIndex live;
  Javalin app;
  String id;

  @BeforeEach
  void start() throws Exception {
    Path corpus = SeedIndex.corpus(tmp, Map.of(THIRD, """
        Caracas Port Inspections Tighten

        Officials said inspections at the port of La Guaira were tightened after the Venezuela crackdown.
        """), List.of());
    archive = TestEngine.LUCENE.index(tmp, List.of(corpus));
    curation = Curation.open(tmp.resolve("curation"));
    ArchiveIndexer indexer = new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard(),
        ArchiveIndexer.COMMIT_EVERY, 1, curation);
    live = LiveIndex.open(archive.stores(), indexer, archive.engine(), curation, Map.of());
    LiveUpdates updates = new LiveUpdates(live, Curators.single(BearerToken.of(TOKEN, "the test")));
    app = MorgueServer.create(archive.engine(), Optional.of(updates), HttpOptions.defaults(), Optional.of(curation))
        .start("127.0.0.1", 0);

    HttpResponse<String> created = send("POST", "/api/collections",
        "{\"name\": \"" + NAME + "\", \"description\": \"Everything on the gang, in reading order\"}");
    assertEquals(201, created.statusCode(), created.body());
    id = JSON.readTree(created.body()).get("id").asText();
    HttpResponse<String> added = send("POST", "/api/collections/" + id + "/articles", JSON.writeValueAsString(Map.of(
        "articles", List.of(
            Map.of("id", SeedIndex.CRACKDOWN, "note", "The background"),
            Map.of("id", SeedIndex.KILL_CLAIMS, "note", HOSTILE_NOTE),
            Map.of("id", THIRD, "note", "")))));
    assertEquals(200, added.statusCode(), added.body());
    // The curator's order: the third first, then the kill claims, then the crackdown.
    assertEquals(200, send("PATCH", "/api/collections/" + id + "/articles/" + THIRD, "{\"position\": 0}").statusCode());
    assertEquals(200, send("PATCH", "/api/collections/" + id + "/articles/" + SeedIndex.KILL_CLAIMS,
        "{\"position\": 1}").statusCode());
  }

  @AfterEach
  void stop() throws IOException {
    app.stop();
    live.close();
    curation.close();
    archive.close();
  }

  static final List<String> ORDER = List.of(THIRD, SeedIndex.KILL_CLAIMS, SeedIndex.CRACKDOWN);

  @Test
  void csvHasTheArticlesInTheCuratorsOrderWithANoteColumnEscapedLikeEveryCell() throws Exception {
    HttpResponse<String> response = get("/api/collections/" + id + "/export?format=csv");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("text/csv", RunningServer.mediaType(response));
    String disposition = response.headers().firstValue("Content-Disposition").orElse("");
    assertTrue(disposition.matches("attachment; filename=\"morgue-collection-" + id + "-\\d{8}T\\d{6}Z\\.csv\""),
        disposition);
    List<List<String>> rows = ExportEndpointTest.parseCsv(response.body());
    assertEquals(List.of("id", "title", "published", "source", "url", "authors", "actors", "themes",
        "hedging_level", "hedging_score", "story", "versionCount", "added", "link", "lead", "note"), rows.get(0));
    assertEquals(ORDER, rows.subList(1, rows.size()).stream().map(row -> row.get(0)).toList());
    for (List<String> row : rows.subList(1, rows.size())) {
      assertEquals(JSON.readTree(get("/api/articles/" + row.get(0)).body()).get("added").asText(), row.get(12), row.get(0));
    }
    assertEquals("", rows.get(1).get(15));
    assertEquals("'" + HOSTILE_NOTE, rows.get(2).get(15), "the formula is defused; comma, quote, line break survive");
    assertEquals("The background", rows.get(3).get(15));
    assertTrue(response.body().contains("\"'=HYPERLINK(\"\"http://evil.example\"\"), read this\nsecond line\"\r\n"),
        response.body());

    JsonNode provenance = JSON.readTree(response.headers().firstValue("X-Morgue-Provenance").orElseThrow());
    assertEquals(id, provenance.get("collection").get("id").asText());
    assertEquals(NAME, provenance.get("collection").get("name").asText());
    assertFalse(provenance.has("query"), provenance.toString());

    // A search's export keeps its columns: no note.
    List<List<String>> search = ExportEndpointTest.parseCsv(get("/api/export?format=csv").body());
    assertEquals(rows.get(0).subList(0, 15), search.get(0));
  }

  @Test
  void jsonLinesNamesTheCollectionThenEachArticleWithItsNote() throws Exception {
    JsonNode collection = JSON.readTree(get("/api/collections/" + id).body());
    HttpResponse<String> response = get("/api/collections/" + id + "/export?format=jsonl");
    assertEquals(200, response.statusCode(), response.body());
    String[] lines = response.body().split("\n");
    JsonNode provenance = JSON.readTree(lines[0]).get("provenance");
    assertEquals(id, provenance.get("collection").get("id").asText());
    assertEquals(NAME, provenance.get("collection").get("name").asText());
    assertEquals(collection.get("version").asLong(), provenance.get("collection").get("version").asLong());
    assertEquals(3, provenance.get("entries").asInt());
    assertEquals(3, provenance.get("exported").asInt());
    assertEquals(0, provenance.get("removed").asInt());
    assertEquals(provenance, JSON.readTree(response.headers().firstValue("X-Morgue-Provenance").orElseThrow()));
    assertEquals(4, lines.length, response.body());
    List<String> ids = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      JsonNode article = JSON.readTree(lines[i]);
      ids.add(article.get("id").asText());
      notes.add(article.get("note").asText());
    }
    assertEquals(ORDER, ids);
    assertEquals(List.of("", HOSTILE_NOTE, "The background"), notes);
    assertFalse(get("/api/export?format=jsonl").body().split("\n")[1].contains("\"note\""),
        "a search's export has no note field");
  }

  @Test
  void risRecordsKeepTheProvenanceNoteAndAddTheCuratorsNote() throws Exception {
    HttpResponse<String> response = get("/api/collections/" + id + "/export?format=ris");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/x-research-info-systems", RunningServer.mediaType(response));
    List<String> lines = List.of(response.body().split("\r\n"));
    assertEquals(ORDER, lines.stream().filter(l -> l.startsWith("ID  - ")).map(l -> l.substring(6)).toList());
    assertEquals(3, lines.stream().filter(l -> l.startsWith("N1  - Exported from Morgue ")
        && l.contains("collection \"" + NAME + "\" (" + id + ", version ") && l.contains("3 of 3 articles exported"))
        .count(), lines.toString());
    List<String> curators = lines.stream().filter(l -> l.startsWith("N1  - Curator's note: ")).toList();
    assertEquals(List.of("N1  - Curator's note: =HYPERLINK(\"http://evil.example\"), read this second line",
        "N1  - Curator's note: The background"), curators, "one line each; the third has no note");
    for (String line : lines) {
      assertTrue(line.isEmpty() || line.matches("[A-Z][A-Z0-9]  - .*"), "every line is a RIS tag: " + line);
    }
  }

  /**
   * A deleted member stays listed in the CSV and RIS files, which keep no provenance line (a
   * librarian's trial, session 39: the file silently lacked it), and is left out of JSON Lines, whose
   * lines are articles to read back, and of the feed; every format counts it.
   */
  @Test
  void anArticleDeletedFromTheArchiveIsListedAsGoneInCsvAndRisAndLeftOutOfJsonLinesAndCounted() throws Exception {
    assertEquals(204, send("DELETE", "/api/articles/" + SeedIndex.KILL_CLAIMS, null).statusCode());

    String[] lines = get("/api/collections/" + id + "/export?format=jsonl").body().split("\n");
    JsonNode provenance = JSON.readTree(lines[0]).get("provenance");
    assertEquals(3, provenance.get("entries").asInt());
    assertEquals(2, provenance.get("exported").asInt());
    assertEquals(1, provenance.get("removed").asInt());
    assertEquals(3, lines.length);
    assertEquals(THIRD, JSON.readTree(lines[1]).get("id").asText());
    assertEquals(SeedIndex.CRACKDOWN, JSON.readTree(lines[2]).get("id").asText());

    String gonesNote = List.of("", HOSTILE_NOTE, "The background").get(ORDER.indexOf(SeedIndex.KILL_CLAIMS));
    List<List<String>> rows = ExportEndpointTest.parseCsv(get("/api/collections/" + id + "/export?format=csv").body());
    assertEquals(ORDER, rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList(), "the whole collection, in order");
    List<String> gone = rows.get(1 + ORDER.indexOf(SeedIndex.KILL_CLAIMS));
    assertEquals("(no longer in the archive)", gone.get(1));
    assertEquals(rows.get(0).size(), gone.size());
    assertTrue(gone.subList(2, gone.size() - 1).stream().allMatch(String::isEmpty), gone.toString());
    assertEquals(gonesNote.isEmpty() || !gonesNote.startsWith("=") ? gonesNote : "'" + gonesNote, gone.get(gone.size() - 1));
    String ris = get("/api/collections/" + id + "/export?format=ris").body();
    assertTrue(ris.contains("ID  - " + SeedIndex.KILL_CLAIMS + "\r\nTI  - (no longer in the archive)\r\n"), ris);
    assertTrue(ris.contains("2 of 3 articles exported, 1 was removed from the archive"), ris);

    assertEquals(List.of(THIRD, SeedIndex.CRACKDOWN), entryIds(feed(get("/api/collections/" + id + "/feed"))));
  }

  @Test
  void theFeedIsTheCollectionInOrderWithNotesAndItsValidatorsMoveWithTheCollection() throws Exception {
    HttpResponse<String> response = get("/api/collections/" + id + "/feed");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/atom+xml", RunningServer.mediaType(response));
    Document feed = feed(response);
    Element root = feed.getDocumentElement();
    assertEquals(NAME, child(root, "title").getTextContent());
    assertEquals("Everything on the gang, in reading order", child(root, "subtitle").getTextContent());
    String alternate = null;
    NodeList links = root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
    for (int i = 0; i < links.getLength(); i++) {
      Element link = (Element) links.item(i);
      if (link.getParentNode() == root && link.getAttribute("rel").equals("alternate")) {
        alternate = link.getAttribute("href");
      }
    }
    assertEquals(uri("/?view=collection&id=" + id).toString(), alternate, "the collection's own page");
    JsonNode collection = JSON.readTree(get("/api/collections/" + id).body());
    assertEquals(java.time.Instant.parse(collection.get("updated").asText()),
        java.time.Instant.parse(child(root, "updated").getTextContent()));
    assertEquals(ORDER, entryIds(feed));
    List<String> summaries = new ArrayList<>();
    NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    for (int i = 0; i < entries.getLength(); i++) {
      summaries.add(child((Element) entries.item(i), "summary").getTextContent());
    }
    assertTrue(summaries.get(0).startsWith("Officials said inspections"), summaries.get(0));
    assertTrue(summaries.get(1).startsWith("Curator's note: " + HOSTILE_NOTE + "\n\nThe reported US military kill"),
        summaries.get(1));
    assertTrue(summaries.get(2).startsWith("Curator's note: The background\n\n"), summaries.get(2));

    String etag = response.headers().firstValue("ETag").orElseThrow();
    String lastModified = response.headers().firstValue("Last-Modified").orElseThrow();
    assertEquals(304, send(HttpRequest.newBuilder(uri("/api/collections/" + id + "/feed"))
        .header("If-None-Match", etag).GET().build()).statusCode());
    String exportEtag = get("/api/collections/" + id + "/export?format=csv").headers().firstValue("ETag").orElseThrow();
    String indexEtag = get("/api/feed").headers().firstValue("ETag").orElseThrow();

    Thread.sleep(1_100); // Last-Modified counts whole seconds
    assertEquals(200, send("PATCH", "/api/collections/" + id + "/articles/" + SeedIndex.CRACKDOWN,
        "{\"note\": \"The background, revised\"}").statusCode());
    HttpResponse<String> changed = send(HttpRequest.newBuilder(uri("/api/collections/" + id + "/feed"))
        .header("If-None-Match", etag).GET().build());
    assertEquals(200, changed.statusCode(), "a changed note is a changed feed");
    assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());
    assertNotEquals(lastModified, changed.headers().firstValue("Last-Modified").orElseThrow());
    assertTrue(changed.body().contains("Curator&apos;s note: The background, revised")
        || changed.body().contains("Curator's note: The background, revised"), changed.body());
    assertNotEquals(exportEtag,
        get("/api/collections/" + id + "/export?format=csv").headers().firstValue("ETag").orElseThrow());
    assertEquals(indexEtag, get("/api/feed").headers().firstValue("ETag").orElseThrow(),
        "a note is not in the index: the index did not change, the collection's feed did");
  }

  @Test
  void anUnknownCollectionIsA404ProblemAndABadFormatA400() throws Exception {
    for (String path : List.of("/api/collections/no-such-file/export?format=csv", "/api/collections/no-such-file/feed")) {
      HttpResponse<String> response = get(path);
      assertEquals(404, response.statusCode(), path);
      assertEquals(Problem.MEDIA_TYPE, RunningServer.mediaType(response));
    }
    HttpResponse<String> bad = get("/api/collections/" + id + "/export?format=xls");
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals("format", JSON.readTree(bad.body()).get("parameter").asText(), bad.body());
  }

  static List<String> entryIds(Document feed) {
    List<String> ids = new ArrayList<>();
    NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    for (int i = 0; i < entries.getLength(); i++) {
      ids.add(child((Element) entries.item(i), "id").getTextContent().replace("urn:morgue:article:", ""));
    }
    return ids;
  }

  static Element child(Element parent, String name) {
    NodeList children = parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i).getParentNode() == parent) {
        return (Element) children.item(i);
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
  }

  @Test
  void theCollectionsAndSavedSearchesFilesRefuseParametersTheyDoNotTakeAndTheSavedFeedKeepsItsSize() throws Exception {
    // A developer's q= on a collection's export was silently ignored: the whole collection came back.
    HttpResponse<String> filtered = get("/api/collections/" + id + "/export?format=csv&q=nothing-matches-this");
    assertEquals(400, filtered.statusCode(), filtered.body());
    assertEquals("unknown_parameter", JSON.readTree(filtered.body()).path("code").asText());
    assertEquals("q", JSON.readTree(filtered.body()).path("parameter").asText());
    assertEquals(400, get("/api/collections/" + id + "/feed?bogus=1").statusCode());
    assertEquals(200, get("/api/collections/" + id + "/export?format=csv").statusCode());

    assertEquals(201, send("POST", "/api/saved-searches",
        "{\"name\": \"Crackdown\", \"search\": {\"q\": \"crackdown\", \"sort\": \"newest\"}}").statusCode());
    HttpResponse<String> sized = get("/api/saved-searches/crackdown/feed?size=2");
    assertEquals(200, sized.statusCode(), sized.body());
    assertEquals(2, feedEntries(sized));
    assertTrue(feedEntries(get("/api/saved-searches/crackdown/feed")) > 2);
    assertEquals(400, get("/api/saved-searches/crackdown/feed?q=other").statusCode());
    // A bad size is refused where it was sent.
    for (String size : List.of("abc", "101")) {
      HttpResponse<String> refused = get("/api/saved-searches/crackdown/feed?size=" + size);
      assertEquals(400, refused.statusCode(), size + ": " + refused.body());
      assertEquals("size", JSON.readTree(refused.body()).path("parameter").asText(), refused.body());
    }
  }

  private int feedEntries(HttpResponse<String> response) throws Exception {
    return feed(response).getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength();
  }

  static Document feed(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response.body());
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
  }

  HttpResponse<String> send(String method, String pathAndQuery, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return send(request.build());
  }

  static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
