package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.CurationApiTest.assertProblem;
import static org.morgue.server.CurationApiTest.enc;
import static org.morgue.server.CurationApiTest.path;
import static org.morgue.server.CurationApiTest.sha256;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.morgue.curation.Curation;
import org.morgue.search.SearchEngine;
import org.morgue.server.live.Curators;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;

/**
 * A source renamed across the archive ({@code /api/corrections/sources/{name}}), on each engine, on the
 * shipped wire copies, which reach the archive from "Morgue Wire", "The Gazette" and "The Courier": as a
 * librarian's trial found "Bayside Gazette" and "The Bayside Gazette" side by side in the Source facet.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class SourceCorrectionApiTest {
  static final String ANA = "ana-sources-token-7a1f";
  static final String WIRE = "Morgue Wire";
  static final String GAZETTE = "The Gazette";
  static final String COURIER = "The Courier";
  static final String GAZETTE_COPY = "kill-claims-gazette";
  static final String COURIER_COPY = "crackdown-courier";
  static final ObjectMapper JSON = new ObjectMapper();

  static Path tmp;
  static TestEngine.Archive archive;
  static SearchEngine searcher;
  static Curation curation;
  static LiveIndex live;
  static Javalin app;

  @Parameter TestEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(TestEngine engine) throws Exception {
    tmp = Files.createTempDirectory("morgue-source-corrections");
    Path corpus = SeedIndex.corpus(tmp, Map.of(), List.of());
    Path copies = Files.createDirectories(corpus.resolve("wire-copies"));
    Files.copy(Path.of("..", "corpus", "wire-copies", "wire-copies.jsonl"), copies.resolve("wire-copies.jsonl"));
    Path tokens = tmp.resolve("curators.txt");
    Files.writeString(tokens, "ana sha256:" + sha256(ANA) + "\n");
    curation = Curation.open(tmp.resolve("curation"));
    archive = engine.index(tmp, List.of(corpus), CurationApiTest.indexer(curation));
    searcher = archive.engine();
    live = LiveIndex.open(archive.stores(), CurationApiTest.indexer(curation), searcher, curation, Map.of());
    app = MorgueServer.create(searcher, Optional.of(new LiveUpdates(live, Curators.read(tokens, Optional.empty()))),
        HttpOptions.defaults(), Optional.of(curation)).start("127.0.0.1", 0);
  }

  @AfterParameterizedClassInvocation
  static void stop() throws IOException {
    app.stop();
    live.close();
    curation.close();
    archive.close();
  }

  @Test
  void aSourceRenamedIntoAnotherIsOneSourceInSearchesFacetsAndExportsUntilWithdrawn() throws Exception {
    Map<String, Long> before = sources();
    assertEquals(1, before.get(GAZETTE), before.toString());
    long wire = before.get(WIRE);

    HttpResponse<String> merged = send("PUT", "/api/corrections/sources/" + path(GAZETTE),
        "{\"renameTo\": \"" + WIRE + "\", \"reason\": \"the Gazette prints the wire\"}");
    assertEquals(201, merged.statusCode(), merged.body());
    assertEquals("/api/corrections/sources/" + path(GAZETTE), merged.headers().firstValue("Location").orElseThrow());
    // The version, and a digest of the archive's state, whose count of the source's articles the read shows.
    assertEquals("\"v1", merged.headers().firstValue("ETag").orElseThrow().split("-")[0]);
    JsonNode view = JSON.readTree(merged.body());
    assertEquals(WIRE, view.get("canonicalName").asText());
    assertEquals(wire + 1, view.get("articles").asLong());

    // The very next read: one value in the facet, the sum; the article and its exports under the new name.
    Map<String, Long> after = sources();
    assertFalse(after.containsKey(GAZETTE), after.toString());
    assertEquals(wire + 1, after.get(WIRE), after.toString());
    JsonNode copy = getJson("/api/articles/" + GAZETTE_COPY);
    assertEquals(WIRE, copy.get("source").asText());
    String csv = get("/api/export?format=csv&group=articles&q=" + enc("id:" + GAZETTE_COPY)).body();
    assertTrue(csv.contains(WIRE) && !csv.contains(GAZETTE), csv);
    String jsonl = get("/api/export?format=jsonl&group=articles&q=" + enc("id:" + GAZETTE_COPY)).body();
    assertTrue(jsonl.contains("\"source\":\"" + WIRE + "\""), jsonl);
    String ris = get("/api/export?format=ris&group=articles&q=" + enc("id:" + GAZETTE_COPY)).body();
    assertTrue(ris.contains(WIRE) && !ris.contains(GAZETTE), ris);
    // The old name stays an alias: a link or saved search naming it finds the articles, under the new name.
    JsonNode byOldName = getJson("/api/search?size=0&group=articles&source=" + enc(GAZETTE));
    assertEquals(wire + 1, byOldName.get("total").asLong());
    assertEquals("[\"" + WIRE + "\"]", byOldName.get("filters").get("source").toString());
    // The changes record says who, why and what.
    JsonNode change = getJson("/api/changes?target=" + enc("source:" + GAZETTE)).get("changes").get(0);
    assertEquals(List.of("ana", "source.correct", "the Gazette prints the wire"),
        List.of(change.get("curator").asText(), change.get("action").asText(), change.get("reason").asText()));

    // A chain (the Courier into the Gazette, which is the wire) and a cycle, refused.
    HttpResponse<String> chained = send("PUT", "/api/corrections/sources/" + path(COURIER),
        "{\"renameTo\": \"" + GAZETTE + "\"}");
    assertEquals(201, chained.statusCode(), chained.body());
    assertEquals(WIRE, getJson("/api/articles/" + COURIER_COPY).get("source").asText());
    assertProblem(send("PUT", "/api/corrections/sources/" + path(WIRE), "{\"renameTo\": \"" + COURIER + "\"}"), 409,
        "curation_conflict");
    assertProblem(send("PUT", "/api/corrections/sources/" + path(WIRE), "{\"renameTo\": \"" + WIRE + "\"}"), 400,
        "invalid_curation");
    assertEquals(404, send("PUT", "/api/corrections/sources/" + path("The Gazete"), "{\"renameTo\": \"" + WIRE + "\"}")
        .statusCode(), "a source no article is from is a typo");
    // Replacing a rename whole needs the version it replaces.
    assertProblem(send("PUT", "/api/corrections/sources/" + path(GAZETTE), "{\"renameTo\": \"Gazette\"}"), 428,
        "precondition_required");
    assertProblem(send("PUT", "/api/corrections/sources/" + path(GAZETTE), "{\"renameTo\": \"Gazette\"}",
        "If-Match", "\"v9\""), 412, "precondition_failed");
    assertEquals(200, send("PUT", "/api/corrections/sources/" + path(GAZETTE), "{\"renameTo\": \"" + WIRE + "\"}")
        .statusCode(), "asking for what is there is done");

    // A curator's source for one article wins; an article posted later from the old name gets the new one.
    assertEquals(201, send("PATCH", "/api/corrections/articles/" + COURIER_COPY, "{\"source\": \"Courier print\"}")
        .statusCode());
    assertEquals("Courier print", getJson("/api/articles/" + COURIER_COPY).get("source").asText());
    assertEquals(201, send("POST", "/api/articles", CurationApiTest.article("gazette-later", "Gazette follows the raid",
        GAZETTE, "The Gazette reported on Friday that the raid had been planned for months.")).statusCode());
    assertEquals(WIRE, getJson("/api/articles/gazette-later").get("source").asText());

    // The corrections file lists the renames; withdrawn, the articles go by their own names; imported, back.
    HttpResponse<String> exported = get("/api/corrections");
    JsonNode file = JSON.readTree(exported.body());
    assertEquals(List.of(COURIER, GAZETTE), file.get("sources").findValuesAsText("source"), file.toString());
    HttpResponse<String> withdrawn = send("DELETE", "/api/corrections/sources/" + path(GAZETTE) + "?reason=undo", null);
    assertEquals(204, withdrawn.statusCode(), withdrawn.body());
    assertEquals(GAZETTE, getJson("/api/articles/" + GAZETTE_COPY).get("source").asText());
    assertEquals(GAZETTE, getJson("/api/articles/gazette-later").get("source").asText());
    assertEquals(Long.valueOf(2), sources().get(GAZETTE), "its own copy and the later one");
    assertEquals(404, get("/api/corrections/sources/" + path(GAZETTE)).statusCode());
    assertEquals(200, send("PUT", "/api/corrections", exported.body(), "If-Match",
        get("/api/corrections").headers().firstValue("ETag").orElseThrow()).statusCode());
    assertEquals(WIRE, getJson("/api/articles/" + GAZETTE_COPY).get("source").asText());
    assertEquals(200, get("/api/corrections/sources/" + path(GAZETTE)).statusCode());
  }

  /**
   * A rename is this archive's bookkeeping: its export carries the new name and not the old, and an
   * exported line that carried another archive's old name (as exports did before) does not give it back
   * here when a curator later corrects the article.
   */
  @Test
  void anExportCarriesNoRenameAndAPostedExportBringsNoneFromAnotherArchive() throws Exception {
    assertEquals(201, send("PUT", "/api/corrections/sources/" + path(GAZETTE),
        "{\"renameTo\": \"" + WIRE + "\"}", "If-None-Match", "*").statusCode());
    try {
      String jsonl = get("/api/export?format=jsonl&group=articles&q=" + enc("id:" + GAZETTE_COPY)).body();
      assertTrue(jsonl.contains("\"source\":\"" + WIRE + "\"") && !jsonl.contains(GAZETTE), jsonl);
      assertFalse(getJson("/api/articles/" + GAZETTE_COPY).get("metadata").has("source_before_rename"));
    } finally {
      assertEquals(204, send("DELETE", "/api/corrections/sources/" + path(GAZETTE) + "?reason=undo", null).statusCode());
    }

    ObjectNode line = JSON.createObjectNode().put("id", "harbour-export").put("title", "Harbour reopens")
        .put("published", "2025-10-02").put("source", "Harbour Times")
        .put("body", "The harbour reopened on Thursday after the storm, the port authority said.");
    line.putObject("metadata").putArray("source_before_rename").add("Harbour Weekly");
    line.putObject("hedging").put("level", "low");
    assertEquals(201, send("POST", "/api/articles", line.toString()).statusCode());
    JsonNode posted = getJson("/api/articles/harbour-export");
    assertEquals("Harbour Times", posted.get("source").asText());
    assertFalse(posted.get("metadata").has("source_before_rename"), posted.get("metadata").toString());
    assertEquals(201, send("PATCH", "/api/corrections/articles/harbour-export", "{\"title\": \"Harbour reopens after storm\"}")
        .statusCode());
    assertEquals("Harbour Times", getJson("/api/articles/harbour-export").get("source").asText(),
        "the source the archive was sent, not the name another archive's rename kept");
    assertEquals(204, send("DELETE", "/api/corrections/articles/harbour-export?reason=undo", null).statusCode());
    assertEquals("Harbour Times", getJson("/api/articles/harbour-export").get("source").asText());
  }

  /** The source facet over every article, each copy counted. */
  private static Map<String, Long> sources() throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    getJson("/api/search?size=0&group=articles&facetLimit=100").get("facets").get("source")
        .forEach(value -> counts.put(value.get("value").asText(), value.get("count").asLong()));
    return counts;
  }

  private static HttpResponse<String> send(String method, String path, String body, String... headers)
      throws IOException, InterruptedException {
    return RunningServer.curatorCall(app.port(), method, path, body, ANA, headers);
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return RunningServer.curatorCall(app.port(), "GET", path, null, null);
  }

  private static JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), path + " -> " + response.body());
    return JSON.readTree(response.body());
  }
}
