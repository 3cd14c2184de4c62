package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.curation.Curation;
import org.morgue.curation.journal.CurationJournal;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;

/**
 * Curation changes when a disk fills: the index on one small tmpfs, the curation (its journal and the
 * saved searches' runs) on another, so that each can be the full one. A change is a 507 that keeps
 * nothing, whether the journal could not take it or the articles it alters could not be written
 * again: the journal holds the same bytes, and every read shows what was there. With room again, the
 * same request succeeds. Skipped, saying why, where a tmpfs cannot be mounted (as
 * LiveUpdatesOnFullDiskTest is).
 */
class CurationOnFullDiskTest {
  static final String TOKEN = LiveUpdatesTest.TOKEN;

  @TempDir Path tmp;
  SmallDisk archiveDisk;
  SmallDisk curationDisk;
  Path journal;
  ArchiveSearcher searcher;
  Curation curation;
  LiveIndex live;
  Javalin app;

  @BeforeEach
  void startOnSmallDisks() throws Exception {
    SmallDisk.Mounted forArchive = SmallDisk.mount(tmp.resolve("archive-disk"), "16m");
    Assumptions.assumeTrue(forArchive.disk().isPresent(), forArchive.refusal());
    archiveDisk = forArchive.disk().get();
    SmallDisk.Mounted forCuration = SmallDisk.mount(tmp.resolve("curation-disk"), "4m");
    Assumptions.assumeTrue(forCuration.disk().isPresent(), forCuration.refusal());
    curationDisk = forCuration.disk().get();
    Path index = IndexCopies.copy(SeedIndex.build(tmp.resolve("seed"), Map.of()), archiveDisk.folder().resolve("index"));
    Path folder = curationDisk.folder().resolve("curation");
    journal = folder.resolve(CurationJournal.FILE);
    curation = Curation.open(folder);
    searcher = ArchiveSearcher.open(index);
    live = LiveIndex.open(() -> ArchiveWriter.open(index), CurationApiTest.indexer(curation), searcher, curation,
        Map.of());
    app = MorgueServer.create(searcher, Optional.of(new LiveUpdates(live, BearerToken.of(TOKEN, "the test"),
        4L * 1024 * 1024)), HttpOptions.defaults(), Optional.of(curation)).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.stop();
      live.close();
      searcher.close();
      curation.close();
    }
    for (SmallDisk disk : new SmallDisk[] {archiveDisk, curationDisk}) {
      if (disk != null) {
        disk.close();
      }
    }
  }

  @Test
  void aChangeTheJournalCannotTakeIs507KeepsNothingAndSucceedsOnceThereIsRoom() throws Exception {
    HttpResponse<String> saved = send("POST", "/api/saved-searches",
        "{\"name\": \"Tren de Aragua\", \"search\": {\"q\": \"\\\"Tren de Aragua\\\"\"}}");
    assertEquals(201, saved.statusCode(), saved.body());
    String run = "/api/saved-searches/" + LiveUpdatesTest.JSON.readTree(saved.body()).get("id").asText() + "/run";
    byte[] journalBefore = Files.readAllBytes(journal);
    // Longer than a page of the disk: the journal's last page, which may have room left, cannot hold it.
    String collection = "{\"name\": \"Raids\", \"description\": \"" + "Raids on the gang's safe houses. ".repeat(150)
        + "\"}";

    curationDisk.fillUp();
    assertFull(send("POST", "/api/collections", collection), "nothing of this request was kept");
    assertArrayEquals(journalBefore, Files.readAllBytes(journal), "the journal holds the same bytes");
    assertEquals(0, getJson("/api/collections").get("collections").size(), "no collection");
    assertEquals(1, getJson("/api/changes?size=1").get("total").asInt(), "no change recorded but the saved search");
    assertFull(send("POST", run, null), "this run was not kept as your last, which is still the one before");
    assertTrue(lastRun(run).isEmpty(), "never run");

    curationDisk.free();
    HttpResponse<String> created = send("POST", "/api/collections", collection);
    assertEquals(201, created.statusCode(), created.body());
    assertEquals("raids", LiveUpdatesTest.JSON.readTree(created.body()).get("id").asText(), "the id it would have had");
    assertEquals(200, send("POST", run, null).statusCode());
    assertFalse(lastRun(run).isEmpty(), "run once");
  }

  @Test
  void aChangeWhoseArticlesCannotBeWrittenIs507KeepsNothingAndSucceedsOnceThereIsRoom() throws Exception {
    String title = "/api/corrections/articles/" + SeedIndex.KILL_CLAIMS;
    String actor = "/api/corrections/actors/" + RunningServer.enc("Tren de Aragua").replace("+", "%20");
    String filing = "/api/articles/" + SeedIndex.KILL_CLAIMS + "/story";
    String source = "/api/corrections/sources/seed-articles";
    HttpResponse<String> created = send("POST", "/api/collections", "{\"name\": \"Raids\"}");
    assertEquals(201, created.statusCode(), created.body());
    String members = "/api/collections/raids/articles";
    String killClaims = getJson("/api/articles/" + SeedIndex.KILL_CLAIMS).get("title").asText();
    int tren = getJson("/api/search?actor=" + RunningServer.enc("Tren de Aragua")).get("total").asInt();
    byte[] journalBefore = Files.readAllBytes(journal);

    archiveDisk.fillUp();
    // Each through its own way of writing articles again: enriched again (a correction of the article,
    // of an actor in several), as they are with their collections (a member), filed in a story again.
    assertFull(send("PUT", title, "{\"title\": \"US military claims kills\"}"), "nothing of this request was kept");
    assertFull(send("PUT", actor, "{\"renameTo\": \"Aragua Gang\"}"), "nothing of this request was kept");
    assertFull(send("PUT", source, "{\"renameTo\": \"Seed desk\"}"), "nothing of this request was kept");
    assertFull(send("POST", members, "{\"ids\": [\"" + SeedIndex.CRACKDOWN + "\"]}"), "nothing of this request was kept");
    assertFull(send("PUT", filing, "{\"story\": \"" + SeedIndex.CRACKDOWN + "\"}"), "nothing of this request was kept");

    assertArrayEquals(journalBefore, Files.readAllBytes(journal), "the journal holds the same bytes");
    assertEquals(1, getJson("/api/changes?size=1").get("total").asInt(), "no change recorded but the collection");
    for (String correction : new String[] {title, actor, source, filing}) {
      assertEquals(404, get(correction).statusCode(), correction);
    }
    assertEquals(killClaims, getJson("/api/articles/" + SeedIndex.KILL_CLAIMS).get("title").asText());
    assertEquals(0, getJson("/api/search?actor=Aragua%20Gang").get("total").asInt());
    assertEquals(tren, getJson("/api/search?actor=" + RunningServer.enc("Tren de Aragua")).get("total").asInt());
    JsonNode raids = getJson("/api/collections/raids");
    assertEquals(0, raids.get("size").asInt(), raids.toString());
    assertEquals(1, raids.get("version").asInt());

    archiveDisk.free();
    assertEquals(201, send("PUT", title, "{\"title\": \"US military claims kills\"}").statusCode());
    assertEquals(201, send("PUT", actor, "{\"renameTo\": \"Aragua Gang\"}").statusCode());
    assertEquals(201, send("PUT", source, "{\"renameTo\": \"Seed desk\"}").statusCode());
    assertEquals(200, send("POST", members, "{\"ids\": [\"" + SeedIndex.CRACKDOWN + "\"]}").statusCode());
    assertEquals(201, send("PUT", filing, "{\"story\": \"" + SeedIndex.CRACKDOWN + "\"}").statusCode());
    assertEquals("US military claims kills", getJson("/api/articles/" + SeedIndex.KILL_CLAIMS).get("title").asText());
    assertEquals(tren, getJson("/api/search?actor=Aragua%20Gang").get("total").asInt());
    assertEquals(1, getJson("/api/collections/raids").get("size").asInt());
    assertEquals(6, getJson("/api/changes?size=1").get("total").asInt(), "each change recorded once");
    assertEquals("Seed desk", getJson("/api/articles/" + SeedIndex.CRACKDOWN).get("source").asText());
  }

  /**
   * An article write whose record the full journal cannot take keeps nothing: it was committed and
   * answered 500, the articles kept with no record of who wrote them. The journal starts empty here,
   * so even a short record needs a page the disk no longer has; the post is a batch all the same.
   */
  @Test
  void anArticleWriteTheJournalCannotRecordIs507KeepsNothingAndSucceedsOnceThereIsRoom() throws Exception {
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      batch.append("{\"id\": \"wire-brief-on-the-venezuela-crackdown-number-").append(i)
          .append("\", \"title\": \"Brief ").append(i).append("\", \"body\": \"Officials said the raids went on.\"}\n");
    }
    int articles = getJson("/api/search").get("total").asInt();
    byte[] journalBefore = Files.readAllBytes(journal);

    curationDisk.fillUp();
    HttpResponse<String> posted = RunningServer.curatorCall(app.port(), "POST", "/api/articles", batch.toString(), TOKEN,
        "Content-Type", LiveUpdatesTest.NDJSON);
    assertFull(posted, "none of the 60 articles in this request was kept");
    assertFull(send("DELETE", "/api/articles/" + SeedIndex.CRACKDOWN, null),
        "article '" + SeedIndex.CRACKDOWN + "' was not deleted");
    assertArrayEquals(journalBefore, Files.readAllBytes(journal), "the journal holds the same bytes");
    assertEquals(articles, getJson("/api/search").get("total").asInt(), "the archive holds what it held");
    assertEquals(404, get("/api/articles/wire-brief-on-the-venezuela-crackdown-number-0").statusCode());
    assertEquals(0, getJson("/api/changes?size=1").get("total").asInt(), "no change recorded");

    curationDisk.free();
    posted = RunningServer.curatorCall(app.port(), "POST", "/api/articles", batch.toString(), TOKEN,
        "Content-Type", LiveUpdatesTest.NDJSON);
    assertEquals(201, posted.statusCode(), posted.body());
    assertEquals(204, send("DELETE", "/api/articles/" + SeedIndex.CRACKDOWN, null).statusCode());
    assertEquals(articles + 59, getJson("/api/search").get("total").asInt());
    assertEquals(2, getJson("/api/changes?size=1").get("total").asInt(), "each write recorded once");
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return RunningServer.curatorCall(app.port(), method, path, body, TOKEN);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return RunningServer.curatorCall(app.port(), "GET", path, null, null);
  }

  private JsonNode getJson(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), path + " -> " + response.body());
    return LiveUpdatesTest.JSON.readTree(response.body());
  }

  /** The last run the saved search whose run is at {@code run} says it had, if any. */
  private Optional<JsonNode> lastRun(String run) throws Exception {
    JsonNode last = getJson(run.replace("/run", "")).get("savedSearch").path("lastRun");
    return last.isNull() || last.isMissingNode() ? Optional.empty() : Optional.of(last);
  }

  private static void assertFull(HttpResponse<String> response, String kept) throws Exception {
    assertEquals(507, response.statusCode(), response.body());
    LiveUpdatesTest.assertProblem(response, 507);
    JsonNode problem = LiveUpdatesTest.JSON.readTree(response.body());
    assertEquals("archive_full", problem.get("code").asText());
    String detail = problem.get("detail").asText();
    assertTrue(detail.startsWith("The archive's disk is full: " + kept), detail);
    assertTrue(detail.endsWith("Free space on the disk that holds the archive, then send the same request again."),
        detail);
  }
}
