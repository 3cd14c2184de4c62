package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.CurationApiTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write that reads a JSON body says so when the request's Content-Type says it is something
 * else: {@code curl -d} sends {@code application/x-www-form-urlencoded} unless told otherwise, and such
 * a body is a 415 naming the type to send, with nothing changed, not read as JSON anyway. JSON is
 * {@code application/json} with or without a charset, or a {@code +json} type; a request naming no
 * type is read as JSON. The curation is the same over either engine, so the embedded one serves.
 */
class JsonBodiesTest {
  static final String ANA = "ana-json-bodies-token-2e6b";
  static final String FORM = "application/x-www-form-urlencoded";
  static final String STORY = "crackdown-original";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path tmp;
  static CuratedCopiesServer server;

  @BeforeAll
  static void start() throws Exception {
    server = CuratedCopiesServer.start(tmp, "ana", ANA);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** Each kind of JSON write, sent as curl -d sends it, is refused before anything is read or changed. */
  @Test
  void eachKindOfJsonWriteSentAsAFormIsRefusedWith415AndChangesNothing() throws Exception {
    HttpResponse<String> made = send("POST", "/api/collections", "{\"name\": \"Raids\"}", "application/json");
    assertEquals(201, made.statusCode(), made.body());
    String collection = made.headers().firstValue("Location").orElseThrow();
    long changes = changes();
    List<String[]> writes = List.of(
        new String[] {"POST", "/api/collections", "{\"name\": \"Other raids\"}"},
        new String[] {"PATCH", collection, "{\"description\": \"The raids\"}"},
        new String[] {"POST", collection + "/articles", "{\"ids\": [\"" + STORY + "\"]}"},
        new String[] {"PATCH", collection + "/articles/" + STORY, "{\"note\": \"first\"}"},
        new String[] {"DELETE", collection, "{\"reason\": \"done\"}"},
        new String[] {"POST", "/api/saved-searches", "{\"name\": \"Raids\", \"search\": {\"q\": \"raid\"}}"},
        new String[] {"PUT", "/api/corrections/actors/" + CurationApiTest.path("Tren de Aragua"), "{\"type\": \"group\"}"},
        new String[] {"PUT", "/api/corrections/articles/" + STORY, "{\"title\": \"Crackdown\"}"},
        new String[] {"PATCH", "/api/corrections/articles/" + STORY, "{\"addThemes\": [\"Crime, law and justice\"]}"},
        new String[] {"PUT", "/api/corrections", "{\"actors\": [], \"articles\": []}"},
        new String[] {"PUT", "/api/stories/" + STORY + "/record", "{\"articleId\": \"crackdown-courier\"}"},
        new String[] {"POST", "/api/articles", "{\"id\": \"form-posted\", \"body\": \"Sent as a form.\"}"});
    for (String[] write : writes) {
      HttpResponse<String> refused = send(write[0], write[1], write[2], FORM);
      assertProblem(refused, 415, "unsupported_media_type");
      assertTrue(JSON.readTree(refused.body()).get("detail").asText().contains("application/json"), refused.body());
    }
    for (String other : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
        "application/json; charset=iso-8859-1")) {
      assertProblem(send("PUT", "/api/stories/" + STORY + "/record", "{\"articleId\": \"crackdown-courier\"}", other),
          415, "unsupported_media_type");
    }
    assertEquals(changes, changes(), "nothing refused was recorded");
    assertEquals(404, send("GET", "/api/stories/" + STORY + "/record", null, null).statusCode(), "no record picked");
    HttpResponse<String> saidWhy = send("POST", "/api/collections", "{\"name\": \"Other raids\"}", FORM);
    assertTrue(JSON.readTree(saidWhy.body()).get("detail").asText().contains("curl -d"), saidWhy.body());
    assertEquals("Content-Type", JSON.readTree(saidWhy.body()).get("parameter").asText(), saidWhy.body());
  }

  /**
   * A field given twice in a body was taken with its last value ({"name": "a", "name": "b"} made
   * collection b, a user's trial), where a misspelt field is refused: each kind of JSON write refuses
   * it, naming the field, and changes nothing.
   */
  @Test
  void aFieldGivenTwiceInAnyJsonBodyIsRefusedNamingItAndChangesNothing() throws Exception {
    HttpResponse<String> made = send("POST", "/api/collections", "{\"name\": \"Twice\"}", "application/json");
    assertEquals(201, made.statusCode(), made.body());
    String collection = made.headers().firstValue("Location").orElseThrow();
    assertEquals(200, send("POST", collection + "/articles", "{\"ids\": [\"" + STORY + "\"]}", "application/json")
        .statusCode());
    long changes = changes();
    List<String[]> writes = List.of(
        new String[] {"POST", "/api/collections", "{\"name\": \"a\", \"name\": \"b\"}", "name"},
        new String[] {"PATCH", collection, "{\"description\": \"a\", \"description\": \"b\"}", "description"},
        new String[] {"POST", collection + "/articles", "{\"ids\": [\"crackdown-courier\"], \"ids\": []}", "ids"},
        new String[] {"PATCH", collection + "/articles/" + STORY, "{\"note\": \"a\", \"note\": \"b\"}", "note"},
        new String[] {"DELETE", collection, "{\"reason\": \"a\", \"reason\": \"b\"}", "reason"},
        new String[] {"POST", "/api/saved-searches", "{\"name\": \"Raids\", \"search\": {\"q\": \"raid\", \"q\": \"x\"}}",
            "q"},
        new String[] {"PUT", "/api/corrections/actors/" + CurationApiTest.path("Tren de Aragua"),
            "{\"type\": \"group\", \"type\": \"person\"}", "type"},
        new String[] {"PUT", "/api/corrections/articles/" + STORY, "{\"title\": \"A\", \"title\": \"B\"}", "title"},
        new String[] {"PUT", "/api/stories/" + STORY + "/record",
            "{\"articleId\": \"crackdown-courier\", \"articleId\": \"" + STORY + "\"}", "articleId"});
    for (String[] write : writes) {
      HttpResponse<String> refused = send(write[0], write[1], write[2], "application/json");
      assertProblem(refused, 400, "invalid_body");
      JsonNode problem = JSON.readTree(refused.body());
      assertEquals(write[3], problem.get("parameter").asText(), refused.body());
      assertTrue(problem.get("detail").asText().startsWith("field '" + write[3] + "' appears twice (line 1, column "),
          refused.body());
      assertFalse(problem.get("detail").asText().contains("Duplicate"), "in a user's words, not Jackson's: " + refused.body());
    }
    assertEquals(changes, changes(), "nothing refused was recorded");
    assertEquals(200, send("GET", collection, null, null).statusCode(), "the collection was not deleted");

    HttpResponse<String> article = send("POST", "/api/articles", "{\"id\": \"twice\", \"title\": \"A\", \"title\": \"B\","
        + " \"body\": \"Posted with a title twice.\"}", "application/json");
    assertProblem(article, 400, "invalid_body");
    assertTrue(article.body().contains("field 'title' appears twice"), article.body());
    assertEquals(404, send("GET", "/api/articles/twice", null, null).statusCode(), "nothing was written");
  }

  /** JSON with a charset, a +json type (a merge patch) or no type at all is read as JSON. */
  @Test
  void jsonWithOrWithoutACharsetAPlusJsonTypeOrNoTypeIsTaken() throws Exception {
    HttpResponse<String> made = send("POST", "/api/collections", "{\"name\": \"Couriers\"}",
        "application/json; charset=utf-8");
    assertEquals(201, made.statusCode(), made.body());
    String collection = made.headers().firstValue("Location").orElseThrow();
    assertEquals(200, send("POST", collection + "/articles", "{\"ids\": [\"crackdown-courier\"]}", "Application/JSON")
        .statusCode());
    assertEquals(200, send("PATCH", collection, "{\"description\": \"Couriers\"}", "application/merge-patch+json")
        .statusCode());
    assertEquals(201, send("PATCH", "/api/corrections/articles/crackdown-courier", "{\"title\": \"Courier\"}",
        "application/merge-patch+json").statusCode());
    // No Content-Type: many clients leave it out on a JSON body; what is not JSON is still refused.
    assertEquals(201, send("POST", "/api/saved-searches", "{\"name\": \"Couriers\", \"search\": {\"q\": \"courier\"}}",
        null).statusCode());
    assertProblem(send("POST", "/api/saved-searches", "name=Couriers", null), 400, "invalid_body");
    assertEquals(200, send("DELETE", collection + "/articles/crackdown-courier", "{\"reason\": \"a copy\"}",
        "application/json").statusCode());
  }

  /**
   * Articles are posted by the same rule: no type is JSON, and so is a +json type. They were 415 on
   * /api/articles while curation took them, so one client's headers worked on one family of writes
   * and not the other (a developer's trial, session 43).
   */
  @Test
  void anArticlePostedWithNoTypeOrAPlusJsonTypeIsReadAsJsonAsCurationReadsIt() throws Exception {
    HttpResponse<String> untyped = send("POST", "/api/articles", "{\"id\": \"no-type\", \"title\": \"No type\","
        + " \"body\": \"Posted without a Content-Type.\"}", null);
    assertEquals(201, untyped.statusCode(), untyped.body());
    HttpResponse<String> linked = send("POST", "/api/articles", "{\"id\": \"ld-json\", \"title\": \"Linked data\","
        + " \"body\": \"Posted as application/ld+json.\"}", "application/ld+json");
    assertEquals(201, linked.statusCode(), linked.body());
    assertEquals(200, send("GET", "/api/articles/ld-json", null, null).statusCode());
    // Two lines without a type are not one JSON object: refused, not the first taken alone.
    HttpResponse<String> lines = send("POST", "/api/articles", "{\"id\": \"l1\", \"title\": \"One\", \"body\": \"A.\"}\n"
        + "{\"id\": \"l2\", \"title\": \"Two\", \"body\": \"B.\"}\n", null);
    assertProblem(lines, 400, "invalid_body");
    assertEquals(404, send("GET", "/api/articles/l1", null, null).statusCode(), "nothing was written");
    // JSON Lines are for articles only; text is refused by both alike, naming what to send.
    assertProblem(send("POST", "/api/collections", "{\"name\": \"Lines\"}", "application/x-ndjson"), 415,
        "unsupported_media_type");
    for (String path : List.of("/api/articles", "/api/collections")) {
      HttpResponse<String> text = send("POST", path, "{\"name\": \"Text\"}", "text/plain;charset=UTF-8");
      assertProblem(text, 415, "unsupported_media_type");
      assertEquals("Content-Type", JSON.readTree(text.body()).get("parameter").asText(), text.body());
      assertTrue(JSON.readTree(text.body()).get("detail").asText().contains("application/json"), text.body());
    }
  }

  private static long changes() throws Exception {
    return JSON.readTree(send("GET", "/api/changes?size=1", null, null).body()).get("total").asLong();
  }

  /** A request with exactly the Content-Type given (none when null), as a curator sends it. */
  private static HttpResponse<String> send(String method, String path, String body, String contentType)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Authorization", "Bearer " + ANA);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
