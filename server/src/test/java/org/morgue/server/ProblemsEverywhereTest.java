package org.morgue.server;

import java.io.IOException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.RunningServer.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.search.SearchEngine;
import org.morgue.server.problem.Problem;
import org.morgue.server.problem.ProblemCode;

/**
 * Every error is {@code application/problem+json} with Morgue's fields, including those Jetty answers
 * before Javalin sees the request: bad encodings, broken request lines, unknown HTTP versions.
 */
class ProblemsEverywhereTest {
  @TempDir static Path tmp;
  static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.on(SeedIndex.build(tmp, Map.of()));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
  }

  @Test
  void requestsJettyRefusesAreProblemsWithMorguesFields() throws Exception {
    Map<String, String> requests = new LinkedHashMap<>();
    requests.put("NUL in the path", get("/api/articles/%00"));
    requests.put("overlong UTF-8 in the path", get("/api/articles/%C0%AF"));
    requests.put("bad percent escape in the path", get("/api/articles/%zz"));
    requests.put("dot segments above the root", get("/../etc/passwd"));
    requests.put("no request line", "GARBAGE\r\n\r\n");
    requests.put("unknown HTTP version", "GET /api/health HTTP/9.9\r\nHost: localhost\r\n\r\n");
    requests.put("no Host header", "GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n");
    requests.put("a PUT with a bad path", "PUT /api/articles/%00 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
        + "Connection: close\r\n\r\n");
    requests.put("headers over the limit", "GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
        + "a".repeat(300 * 1024) + "\r\nConnection: close\r\n\r\n");
    requests.put("missing page file", get("/no-such-page.html"));
    requests.put("missing API path", get("/api/nothing-here"));
    for (Map.Entry<String, String> request : requests.entrySet()) {
      RawHttp.Answer answer = RawHttp.send(server.base(), request.getValue());
      String what = request.getKey() + " -> " + answer.status() + " " + answer.headers() + " " + answer.body();
      assertTrue(answer.status() >= 400, what);
      assertEquals(Problem.MEDIA_TYPE, answer.mediaType(), what);
      JsonNode problem = JSON.readTree(answer.body());
      assertEquals(Set.of("type", "title", "status", "code", "detail"), names(problem), what);
      assertEquals(answer.status(), problem.get("status").asInt(), what);
      ProblemCode code = Arrays.stream(ProblemCode.values()).filter(c -> c.code().equals(problem.get("code").asText()))
          .findFirst().orElseThrow(() -> new AssertionError("unknown code: " + what));
      assertEquals("/api/problems/" + code.code(), problem.get("type").asText(), what);
      assertEquals(code.status(), answer.status(), what);
      assertEquals(code.title(), problem.get("title").asText(), what);
      assertFalse(problem.get("detail").asText().isBlank(), what);
      assertFalse(answer.body().contains("<html") || answer.body().contains("Exception"), what);
      assertEquals("nosniff", answer.header("X-Content-Type-Options").orElse(""), what);
    }
  }

  @Test
  void eachRefusalSaysWhatKindItIs() throws Exception {
    assertEquals("malformed_request", code(get("/api/articles/%00")));
    assertEquals("http_version_not_supported", code("GET /api/health HTTP/9.9\r\nHost: localhost\r\n\r\n"));
    // HTTP/2 spoken on an HTTP/1 connection: Jetty said 400 "Upgrade Required"; the server speaks HTTP/1.1 only.
    assertEquals("http_version_not_supported", code("GET /api/health HTTP/2.0\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    assertEquals("headers_too_large", code("GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
        + "a".repeat(300 * 1024) + "\r\nConnection: close\r\n\r\n"));
    assertEquals("not_found", code(get("/no-such-page.html")));
    assertEquals(200, RawHttp.get(server.base(), "/").status(), "the page itself is still served");
  }

  /**
   * Each kind of error has its own problem type, {@code /api/problems/<code>}, the same on every server,
   * and following it from the server that answered (a reference relative to the request's address)
   * describes it: the code, the status and title its problems carry, and what it means. RFC 9457 says
   * {@code about:blank}, which every problem said before, means the title is only the status phrase.
   */
  @Test
  void eachKindOfErrorHasAProblemTypeThatDescribesItWhereItPoints() throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("/api/search?colour=red", "unknown_parameter");
    answers.put("/api/search?q=" + "a".repeat(SearchEngine.MAX_QUERY_LENGTH + 1), "query_too_complex");
    answers.put("/api/search?cursor=AAAA", "cursor_malformed");
    answers.put("/api/articles/no-such-article", "not_found");
    answers.put("/api/suggest", "missing_parameter");
    Set<String> types = new TreeSet<>();
    for (Map.Entry<String, String> asked : answers.entrySet()) {
      RawHttp.Answer answer = RawHttp.get(server.base(), asked.getKey());
      JsonNode problem = JSON.readTree(answer.body());
      String what = asked.getKey() + " -> " + answer.body();
      assertEquals(asked.getValue(), problem.get("code").asText(), what);
      String type = problem.get("type").asText();
      assertEquals("/api/problems/" + asked.getValue(), type, what);
      types.add(type);

      // The type resolved against the address asked, as RFC 9457 (3.1.1) resolves a relative one.
      java.net.URI resolved = java.net.URI.create(server.base() + asked.getKey()).resolve(type);
      RawHttp.Answer described = RawHttp.get(server.base(), resolved.getRawPath());
      assertEquals(200, described.status(), type + " -> " + described.body());
      assertEquals("application/json", described.mediaType(), type);
      JsonNode description = JSON.readTree(described.body());
      assertEquals(type, description.get("type").asText());
      assertEquals(problem.get("code").asText(), description.get("code").asText());
      assertEquals(answer.status(), description.get("status").asInt());
      assertEquals(problem.get("title").asText(), description.get("title").asText());
      assertTrue(description.get("description").asText().length() > 20, described.body());
    }
    assertEquals(answers.size(), types.size(), "each kind its own type");
    // A type no error carries is not there; all of them are listed in one place.
    assertEquals(404, RawHttp.get(server.base(), "/api/problems/no_such_kind").status());
    JsonNode all = JSON.readTree(RawHttp.get(server.base(), "/api/problems").body()).get("problems");
    assertEquals(ProblemCode.values().length, all.size());
  }

  /**
   * Once in about ten CI runs (Jetty 12.1.12), the request after two refused oversized ones was read
   * with the refused header's bytes in front of its method ("aaaa...GET", a 405): a buffer shared
   * across connections. Forty rounds of the same sequence, each followed by a normal request.
   */
  @Test
  void aRequestAfterRefusedOversizedOnesIsReadAsItWasSent() throws Exception {
    String huge = "a".repeat(300_000);
    for (int round = 0; round < 40; round++) {
      sendIgnoringReset("GET /api/search?q=" + huge + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      sendIgnoringReset("GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Long: " + huge
          + "\r\nConnection: close\r\n\r\n");
      RawHttp.Answer after = RawHttp.get(server.base(), "/api/health");
      assertEquals(200, after.status(), "round " + round + ": " + after.status() + " " + after.body());
    }
  }

  /** Sends a request the server refuses; it may close the connection before reading it all. */
  private static void sendIgnoringReset(String request) {
    try {
      RawHttp.send(server.base(), request);
    } catch (IOException e) {
      // A reset while the rest is still being written is a refusal too: what is tested is the next request.
    }
  }

  private static String code(String request) throws Exception {
    return JSON.readTree(RawHttp.send(server.base(), request).body()).get("code").asText();
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
