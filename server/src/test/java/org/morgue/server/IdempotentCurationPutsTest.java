package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.morgue.server.CurationApiTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A curation write asking for what is already stored changes nothing: the same version and ETag, a
 * 200, no change in the record. So a client whose PUT went through but whose answer was lost can send
 * it again, with the If-Match it read before, and be told it is done (RFC 9110, 9.2.2 and 13.1.1).
 * The curation is the same over either engine, so the embedded one serves.
 */
class IdempotentCurationPutsTest {
  static final String ANA = "ana-idempotent-token-77a0";
  static final String BEN = "ben-idempotent-token-1c4f";
  static final String STORY = "crackdown-original";
  static final ObjectMapper JSON = new ObjectMapper();

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
  void aSavedSearchPutAgainKeepsItsVersion() throws Exception {
    HttpResponse<String> created = send("POST", "/api/saved-searches",
        "{\"name\": \"Crackdown\", \"search\": {\"q\": \"crackdown\", \"sort\": \"newest\"}}", ANA);
    assertEquals(201, created.statusCode(), created.body());
    String path = created.headers().firstValue("Location").orElseThrow();
    // The same search, its parameters in another order and a value as a one-item list: equal as kept.
    String body = "{\"name\": \"Crackdown file\", \"search\": {\"sort\": \"newest\", \"q\": [\"crackdown\"]}}";
    assertRetried(path, body, "{\"name\": \"Other\", \"search\": {\"q\": \"crackdown\"}}", "\"v1\"", "\"v2\"");
  }

  @Test
  void anActorsCorrectionPutAgainKeepsItsVersion() throws Exception {
    String actor = actors("/api/articles/" + STORY).get(0);
    String path = "/api/corrections/actors/" + CurationApiTest.path(actor);
    assertEquals(201, send("PUT", path, "{\"type\": \"group\"}", ANA).statusCode());
    assertRetried(path, "{\"type\": \"organisation\", \"reason\": \"retried\"}", "{\"type\": \"person\"}", "\"v1\"", "\"v2\"");
  }

  @Test
  void anArticlesCorrectionPutAgainKeepsItsVersion() throws Exception {
    String path = "/api/corrections/articles/crackdown-courier";
    assertEquals(201, send("PUT", path, "{\"title\": \"Courier: the crackdown\"}", ANA).statusCode());
    assertRetried(path, "{\"title\": \"Courier: the crackdown widens\", \"published\": \"2025-10\","
        + " \"addThemes\": [\"Crime, law and justice\"]}", "{\"title\": \"Other\"}", "\"v1\"", "\"v2\"");
    // A PATCH that asks for what is there changes nothing either.
    HttpResponse<String> patched = send("PATCH", path, "{\"addThemes\": [\"Crime, law and justice\"]}", BEN, "If-Match", "\"v1\"");
    assertEquals(200, patched.statusCode(), patched.body());
    assertEquals("\"v2\"", version(patched));
  }

  @Test
  void aStorysRecordPutAgainKeepsItsVersion() throws Exception {
    String path = "/api/stories/" + STORY + "/record";
    long changes = changes();
    HttpResponse<String> picked = send("PUT", path, "{\"articleId\": \"crackdown-courier\"}", ANA);
    assertEquals(201, picked.statusCode(), picked.body());
    // The first PUT's answer was lost: the retry, which creates nothing now, is told it is done.
    HttpResponse<String> retried = send("PUT", path, "{\"articleId\": \"crackdown-courier\"}", ANA);
    assertEquals(200, retried.statusCode(), retried.body());
    assertEquals("\"v1\"", retried.headers().firstValue("ETag").orElseThrow());
    assertEquals(changes + 1, changes());
    assertRetried(path, "{\"articleId\": \"crackdown-corrected\"}", "{\"articleId\": \"crackdown-original\"}", "\"v1\"", "\"v2\"");
  }

  @Test
  void aCollectionPatchedAgainKeepsItsVersion() throws Exception {
    HttpResponse<String> created = send("POST", "/api/collections", "{\"name\": \"Crackdowns\"}", ANA);
    String path = created.headers().firstValue("Location").orElseThrow();
    assertRetried(path, "PATCH", "{\"name\": \"Crackdowns file\", \"description\": \"The raids\"}",
        "{\"description\": \"Other\"}", "\"v1\"", "\"v2\"");
  }

  /**
   * Clients racing to create the same correction, each sending the same PUT: one created it and is
   * told 201, the others asked for what was by then stored and are told 200, whichever came first.
   */
  @Test
  void ofSimultaneousPutsThatCreateTheSameCorrectionOnlyOneIsToldItCreatedIt() throws Exception {
    String path = "/api/corrections/articles/crackdown-original";
    String body = "{\"title\": \"Original: the crackdown\"}";
    int clients = 8;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(clients);
    List<java.util.concurrent.Future<HttpResponse<String>>> answers;
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(clients)) {
      List<java.util.concurrent.Callable<HttpResponse<String>>> puts = new java.util.ArrayList<>();
      for (int i = 0; i < clients; i++) {
        String token = i % 2 == 0 ? ANA : BEN;
        puts.add(() -> {
          start.await();
          return send("PUT", path, body, token);
        });
      }
      answers = pool.invokeAll(puts);
    }
    List<Integer> statuses = new java.util.ArrayList<>();
    for (var answer : answers) {
      statuses.add(answer.get().statusCode());
      assertEquals("\"v1\"", version(answer.get()), answer.get().body());
    }
    assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
    assertEquals(clients - 1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
  }

  /**
   * Writes {@code body} over version {@code read} (to {@code written}), then again as a client whose
   * answer was lost would: with the same If-Match, and with none; and as another curator would.
   */
  private static void assertRetried(String path, String body, String changed, String read, String written)
      throws Exception {
    assertRetried(path, "PUT", body, changed, read, written);
  }

  private static void assertRetried(String path, String method, String body, String changed, String read,
      String written) throws Exception {
    HttpResponse<String> first = send(method, path, body, ANA, "If-Match", read);
    assertEquals(200, first.statusCode(), first.body());
    assertEquals(written, version(first));
    JsonNode stored = JSON.readTree(get(path).body());
    long changes = changes();

    for (String[] again : List.of(new String[] {ANA, "If-Match", read}, new String[] {ANA, "If-Match", written},
        new String[] {ANA, "If-Match", "*"}, new String[] {BEN, "If-Match", read})) {
      HttpResponse<String> retried = send(method, path, body, again[0], again[1], again[2]);
      assertEquals(200, retried.statusCode(), path + " " + String.join(" ", again) + ": " + retried.body());
      assertEquals(written, version(retried), path);
    }
    assertEquals(200, send(method, path, body, ANA).statusCode(), "nothing to lose, so no If-Match is needed");
    assertEquals(stored, JSON.readTree(get(path).body()), "not even its time or curator changed");
    assertEquals(changes, changes(), "no change that changed nothing is recorded");
    // A write that does change it still needs the current version.
    assertProblem(send(method, path, changed, BEN, "If-Match", read), 412, "precondition_failed");
  }

  /**
   * The version an answer's ETag names: the tag without the digest of the archive's state that a
   * read of an article's correction or a saved search adds to it (and so their writes do).
   */
  private static String version(HttpResponse<String> answer) {
    return answer.headers().firstValue("ETag").orElseThrow().replaceFirst("-[0-9a-f]+\"$", "\"");
  }

  private static long changes() throws Exception {
    return JSON.readTree(get("/api/changes?size=1").body()).get("total").asLong();
  }

  private static List<String> actors(String path) throws Exception {
    return CurationApiTest.actorNames(JSON.readTree(get(path).body()));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, null, null);
  }

  private static HttpResponse<String> send(String method, String path, String body, String token, String... headers)
      throws Exception {
    return RunningServer.curatorCall(server.port(), method, path, body, token, headers);
  }
}
