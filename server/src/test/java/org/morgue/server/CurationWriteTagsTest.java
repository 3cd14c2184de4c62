package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.morgue.server.CurationApiTest.assertProblem;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A curation write answers the ETag its curator's next read of the same thing gets, so the curator
 * can write again naming it in If-Match without reading first, and revalidate with it. Where a read's
 * tag names the archive's state beside the version (a collection, a correction, a saved search),
 * the writes answered the bare version, a tag no read gives. The curation is the same over
 * either engine, so the embedded one serves.
 */
class CurationWriteTagsTest {
  static final String ANA = "ana-write-tags-token-5b21";
  static final String BEN = "ben-write-tags-token-c09e";
  static final String STORY = "crackdown-original";

  @TempDir static Path tmp;
  static CuratedCopiesServer server;

  @BeforeAll
  static void start() throws Exception {
    server = CuratedCopiesServer.start(tmp, "ana", ANA, "ben", BEN);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void aCollectionsWritesAnswerTheTagItsReadGives() throws Exception {
    HttpResponse<String> created = send("POST", "/api/collections", "{\"name\": \"Crackdown tags\"}", ANA);
    assertEquals(201, created.statusCode(), created.body());
    String path = created.headers().firstValue("Location").orElseThrow();
    String made = tagOf(created, path, ANA);

    HttpResponse<String> added = send("POST", path + "/articles", "{\"ids\": [\"" + STORY + "\"]}", ANA, "If-Match", made);
    assertEquals(200, added.statusCode(), added.body());
    String filled = tagOf(added, path, ANA);
    HttpResponse<String> renamed = send("PATCH", path, "{\"name\": \"Crackdown, tagged\"}", ANA, "If-Match", filled);
    assertEquals(200, renamed.statusCode(), renamed.body());
    String current = tagOf(renamed, path, ANA);
    assertEquals(304, send("GET", path, null, null, "If-None-Match", current).statusCode());

    assertProblem(send("PATCH", path, "{\"name\": \"Overwritten\"}", BEN, "If-Match", filled), 412, "precondition_failed");
    HttpResponse<String> noted = send("PATCH", path + "/articles/" + STORY, "{\"note\": \"the first report\"}", ANA,
        "If-Match", current);
    assertEquals(200, noted.statusCode(), noted.body());
    HttpResponse<String> removed = send("DELETE", path + "/articles/" + STORY, null, ANA, "If-Match", tagOf(noted, path, ANA));
    assertEquals(200, removed.statusCode(), removed.body());
    tagOf(removed, path, ANA);
  }

  @Test
  void anArticlesCorrectionWritesAnswerTheTagItsReadGives() throws Exception {
    String path = "/api/corrections/articles/" + STORY;
    HttpResponse<String> made = send("PUT", path, "{\"title\": \"Crackdown: the first report\"}", ANA);
    assertEquals(201, made.statusCode(), made.body());
    String first = tagOf(made, path, ANA);
    HttpResponse<String> patched = send("PATCH", path, "{\"addThemes\": [\"Crime, law and justice\"]}", ANA, "If-Match", first);
    assertEquals(200, patched.statusCode(), patched.body());
    String second = tagOf(patched, path, ANA);
    assertNotEquals(first, second);
    assertProblem(send("PUT", path, "{\"title\": \"Other\"}", BEN, "If-Match", first), 412, "precondition_failed");
    assertEquals(204, send("DELETE", path, null, ANA, "If-Match", second).statusCode());
  }

  @Test
  void aSourcesCorrectionIsNotCurrentOnceAnArticleFromItIsPosted() throws Exception {
    String path = "/api/corrections/sources/" + CurationApiTest.path("The Courier");
    HttpResponse<String> made = send("PUT", path, "{\"renameTo\": \"The Courier Daily\"}", ANA);
    assertEquals(201, made.statusCode(), made.body());
    String first = tagOf(made, path, ANA);
    long articles = CurationApiTest.JSON.readTree(made.body()).get("articles").asLong();

    // The read counts the source's articles: a copy of it is stale once one more is posted.
    assertEquals(201, send("POST", "/api/articles", CurationApiTest.article("courier-later", "The Courier follows the raid",
        "The Courier", "The Courier reported on Friday that the raid had been planned for months."), ANA).statusCode());
    HttpResponse<String> revalidated = send("GET", path, null, null, "If-None-Match", first);
    assertEquals(200, revalidated.statusCode(), "a copy counting " + articles + " articles was called current");
    assertEquals(articles + 1, CurationApiTest.JSON.readTree(revalidated.body()).get("articles").asLong());
    String counted = revalidated.headers().firstValue("ETag").orElseThrow();
    assertNotEquals(first, counted);
    assertEquals(304, send("GET", path, null, null, "If-None-Match", counted).statusCode());

    // If-Match compares the version: the older tag of the same version still names it.
    HttpResponse<String> replaced = send("PUT", path, "{\"renameTo\": \"Courier Daily\"}", ANA, "If-Match", first);
    assertEquals(200, replaced.statusCode(), replaced.body());
    String second = tagOf(replaced, path, ANA);
    assertProblem(send("PUT", path, "{\"renameTo\": \"Other\"}", BEN, "If-Match", counted), 412, "precondition_failed");
    assertEquals(204, send("DELETE", path, null, ANA, "If-Match", second).statusCode());
  }

  @Test
  void anActorsCorrectionWritesAnswerTheTagItsReadGives() throws Exception {
    String path = "/api/corrections/actors/" + CurationApiTest.path(CurationApiTest.TREN);
    HttpResponse<String> made = send("PUT", path, "{\"renameTo\": \"Tren de Aragua gang\"}", ANA);
    assertEquals(201, made.statusCode(), made.body());
    String first = tagOf(made, path, ANA);
    HttpResponse<String> patched = send("PATCH", path, "{\"type\": \"group\"}", ANA, "If-Match", first);
    assertEquals(200, patched.statusCode(), patched.body());
    String second = tagOf(patched, path, ANA);
    assertEquals(304, send("GET", path, null, null, "If-None-Match", second).statusCode());
    assertProblem(send("PATCH", path, "{\"type\": \"organisation\"}", BEN, "If-Match", first), 412,
        "precondition_failed");
    // The read counts the articles naming the actor, which a posted article may change: its copy is stale.
    assertEquals(201, send("POST", "/api/articles", CurationApiTest.article("tren-later", "Tren de Aragua leaders charged",
        "Morgue Wire", "Prosecutors charged three leaders of Tren de Aragua on Friday."), ANA).statusCode());
    assertEquals(200, send("GET", path, null, null, "If-None-Match", second).statusCode());
    assertEquals(204, send("DELETE", path, null, ANA, "If-Match", second).statusCode());
  }

  @Test
  void aSavedSearchsWritesAnswerTheTagItsCuratorsReadGives() throws Exception {
    HttpResponse<String> created = send("POST", "/api/saved-searches",
        "{\"name\": \"Crackdown tags\", \"search\": {\"q\": \"crackdown\"}}", ANA);
    assertEquals(201, created.statusCode(), created.body());
    String path = created.headers().firstValue("Location").orElseThrow();
    String first = tagOf(created, path, ANA);
    HttpResponse<String> replaced = send("PUT", path, "{\"name\": \"Crackdown, tagged\", \"search\": {\"q\": \"crackdown\"}}",
        ANA, "If-Match", first);
    assertEquals(200, replaced.statusCode(), replaced.body());
    tagOf(replaced, path, ANA);
    assertProblem(send("PUT", path, "{\"name\": \"Other\", \"search\": {\"q\": \"raid\"}}", BEN, "If-Match", first), 412,
        "precondition_failed");
  }

  @Test
  void aCorrectionsFilePutBackAnswersTheTagItsReadGives() throws Exception {
    HttpResponse<String> read = send("GET", "/api/corrections", null, null);
    HttpResponse<String> restored = send("PUT", "/api/corrections", read.body(), ANA, "If-Match",
        read.headers().firstValue("ETag").orElseThrow());
    assertEquals(200, restored.statusCode(), restored.body());
    tagOf(restored, "/api/corrections", ANA);
  }

  /** The write's tag, checked to be the one its curator's read of {@code path} gives now. */
  private static String tagOf(HttpResponse<String> written, String path, String curator) throws Exception {
    String tag = written.headers().firstValue("ETag").orElseThrow();
    assertEquals(send("GET", path, null, curator).headers().firstValue("ETag").orElseThrow(), tag,
        written.request().method() + " " + written.request().uri().getPath());
    return tag;
  }

  private static HttpResponse<String> send(String method, String path, String body, String token, String... headers)
      throws Exception {
    return RunningServer.curatorCall(server.port(), method, path, body, token, headers);
  }
}
