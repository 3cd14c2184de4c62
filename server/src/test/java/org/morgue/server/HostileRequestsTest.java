package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.RunningServer.JSON;
import static org.morgue.server.RunningServer.enc;
import static org.morgue.server.RunningServer.mediaType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.server.api.SearchParameters;
import org.morgue.server.problem.Problem;

/**
 * Requests written to break the server: queries that explode, parameters out of every range, forged
 * cursors, path traversal. Each must come back as a 400 problem naming the parameter (or a 404 problem
 * for files), or as a correct answer: never a 500, a hang or a file's content.
 */
class HostileRequestsTest {
  /**
   * How long a request may go unanswered before the test calls it a hang: a guard against runaway
   * work (an exploding automaton takes minutes or never ends), not a speed measurement. A 400-state
   * regex on a two-article index answers in well under a second on a quiet machine, and took 10 s on
   * one whose two cores ran five builds at once; so the guard is far above any busy machine's time.
   */
  private static final Duration HANG = Duration.ofSeconds(120);

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

  /** The answer to a raw path and query; a request unanswered after {@link #HANG} fails as a hang. */
  private static Answer quickly(String pathAndQuery) throws Exception {
    var response = server.send(java.net.http.HttpRequest.newBuilder(URI.create(server.base() + pathAndQuery))
        .timeout(HANG).GET().build());
    String shown = pathAndQuery.length() > 120 ? pathAndQuery.substring(0, 120) + "…" : pathAndQuery;
    return new Answer(shown, response.statusCode(), mediaType(response), response.body(), response.headers().map());
  }

  private record Answer(String request, int status, String mediaType, String body, Map<String, List<String>> headers) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }

    /** Asserts a 400 problem naming the parameter, with a message, and returns its detail. */
    String badRequest(String parameter) throws IOException {
      assertEquals(400, status, request + " -> " + body);
      assertEquals(Problem.MEDIA_TYPE, mediaType, request);
      JsonNode problem = json();
      assertEquals(parameter, problem.path("parameter").asText(), request + " -> " + body);
      assertFalse(problem.path("detail").asText().isBlank(), request + " -> " + body);
      return problem.get("detail").asText();
    }
  }

  private static String search(String q) {
    return "/api/search?q=" + enc(q);
  }

  @Test
  void unbalancedQuotesAndBracketsAreSearchedAsTheirWordsOrAre400sInTheUsersTerms() throws Exception {
    for (String q : List.of("\"Venezuela", "Venezuela\"", "(Venezuela", "Venezuela)", "[2019 TO", "published:[2019 TO 2020",
        "{a TO b", "^2", "Venezuela AND", "OR Venezuela")) {
      Answer answer = quickly(search(q));
      assertEquals(200, answer.status(), answer.request() + " -> " + answer.body());
      assertFalse(answer.json().get("interpretedAs").asText().isBlank(), answer.body());
      assertFalse(answer.json().get("interpretedBecause").asText().isBlank(), answer.body());
    }
    for (String q : List.of("title:", "AND", "OR OR", "NOT", "\\", "+", "-", "!", "~", "\"\"\"", "((((")) {
      Answer answer = quickly(search(q));
      String detail = answer.badRequest("q");
      assertEquals("query_syntax", answer.json().get("code").asText(), answer.body());
      assertTrue(detail.endsWith("there are no words to search"), q + " -> " + detail);
      for (String internal : List.of("Encountered", "column", "lexical", "expecting", "Cannot parse", "Exception")) {
        assertFalse(detail.contains(internal), q + " -> " + detail);
      }
    }
    assertEquals(2, quickly(search("\"Venezuela")).json().get("total").asInt(), "the word is searched");
  }

  @Test
  void wordsGluedToATildeAreSearchedAndTheAnswerSaysSoNotDropped() throws Exception {
    // Lucene's parser reads "jury~zzzzqqq" as "jury~" and drops the word; a developer's trial found
    // it answering every article that has a word like "jury" as if the other word were not there.
    for (String q : List.of("jury~zzzzqqq", "jury~2abc", "\"grand jury\"~zz")) {
      Answer answer = quickly(search(q));
      assertEquals(200, answer.status(), answer.body());
      assertTrue(answer.json().get("interpretedBecause").asText().startsWith("'~' takes a number"), answer.body());
      assertTrue(answer.json().get("interpretedAs").asText().contains("jury"), answer.body());
    }
    assertEquals(0, quickly(search("jury~zzzzqqq")).json().get("total").asInt(), "the glued word is searched");
    for (String q : List.of("jury~", "jury~1", "\"grand jury\"~3", "\"a~b\" jury")) {
      Answer answer = quickly(search(q));
      assertEquals(200, answer.status(), answer.body());
      assertTrue(answer.json().path("interpretedAs").isMissingNode() || answer.json().get("interpretedAs").isNull(),
          q + " -> " + answer.body());
    }
  }

  @Test
  void aBoostThatIsNoPlainNumberOrTooLargeIsSearchedAsThePlainWordsAndTheAnswerSaysSo() throws Exception {
    // Lucene's parser read "Venezuela^1e5" as a boost of 1 and the word "e5", so the search silently
    // found nothing; a boost past a float's range failed it with a 500 (developer's trial, session 40).
    int venezuela = quickly(search("Venezuela")).json().get("total").asInt();
    for (String q : List.of("Venezuela^1e5", "Venezuela^99999999999999999999999999999999999999999",
        "title:Venezuela^1e40", "\"Venezuela policy\"^2x", "Venezuela^1001", "Venezuela^-1", "Venezuela^+2")) {
      Answer answer = quickly(search(q));
      assertEquals(200, answer.status(), q + " -> " + answer.body());
      assertTrue(answer.json().get("interpretedBecause").asText().startsWith("'^' takes a plain number from 0 to 1000"),
          answer.body());
      assertTrue(answer.json().get("interpretedAs").asText().startsWith("Venezuela"), answer.body());
      assertFalse(answer.json().get("interpretedAs").asText().matches(".*[0-9].*"), "the weight is no word: " + answer.body());
      assertEquals(venezuela, answer.json().get("total").asInt(), q);
    }
    for (String q : List.of("Venezuela^2", "Venezuela^0.5", "Venezuela^1000", "\"Venezuela policy\"^3")) {
      Answer answer = quickly(search(q));
      assertEquals(200, answer.status(), answer.body());
      assertTrue(answer.json().path("interpretedAs").isMissingNode() || answer.json().get("interpretedAs").isNull(),
          q + " -> " + answer.body());
    }
  }

  @Test
  void leadingWildcardsAre400sAndTrailingOnesWork() throws Exception {
    for (String q : List.of("*ezuela", "?enezuela", "body:*a", "title:*")) {
      String detail = quickly(search(q)).badRequest("q");
      assertTrue(detail.contains("a word may not start with '*' or '?'"), detail);
    }
    assertEquals(2, quickly(search("Venez*")).json().get("total").asInt());
  }

  @Test
  void hugeBooleanQueriesAreRefusedOrAnswered() throws Exception {
    StringBuilder ors = new StringBuilder("Venezuela");
    while (ors.length() < ArchiveSearcher.MAX_QUERY_LENGTH - 12) {
      ors.append(" OR w").append(ors.length());
    }
    Answer many = quickly(search(ors.toString()));
    // 600-odd words over three default fields passes Lucene's 1,024-clause limit.
    String detail = many.badRequest("q");
    assertTrue(detail.contains("too many"), detail);

    Answer fine = quickly(search("Venezuela OR Maduro OR Trump OR Caracas OR sanctions"));
    assertEquals(200, fine.status(), fine.body());
  }

  @Test
  void deepNestingIsA400NotAStackOverflow() throws Exception {
    for (int depth : List.of(1_999, 1_000, 200, 33)) {
      String q = "(".repeat(depth) + "a" + ")".repeat(depth);
      String detail = quickly(search(q)).badRequest("q");
      assertTrue(detail.contains("nest more than"), detail);
    }
    assertTrue(quickly(search("(".repeat(2_000) + "a" + ")".repeat(2_000))).badRequest("q").contains("characters long"));
    assertTrue(quickly(search("body:/" + "(".repeat(1_900) + "a" + ")".repeat(1_900) + "/")).badRequest("q")
        .contains("nest more than"));
    assertEquals(2, quickly(search("((Venezuela))")).json().get("total").asInt(), "shallow nesting still works");
  }

  @Test
  void explodingRegexAndFuzzyQueriesAre400sOrQuickAnswers() throws Exception {
    for (String q : List.of("body:/.*a.*b.*c.*/", "/.*a.*b.*c.*d.*e.*f.*g.*/", "body:/(a|b|c|d|e)*(a|b|c|d|e){40}/",
        "body:/" + "[a-z]?".repeat(400) + "/", "body:/a{1,1000}{1,1000}/", "body:/(/", "body:/[z-a]/", "body:/\\/")) {
      Answer answer = quickly(search(q));
      assertTrue(answer.status() == 200 || answer.status() == 400, answer.request() + " -> " + answer.body());
      if (answer.status() == 400) {
        answer.badRequest("q");
      }
    }
    String detail = quickly(search("body:/.*a.*b.*c.*/")).status() == 400
        ? quickly(search("body:/.*a.*b.*c.*/")).badRequest("q") : "";
    assertFalse(detail.contains("Exception"), detail);

    StringBuilder fuzzy = new StringBuilder();
    Random random = new Random(1);
    while (fuzzy.length() < 3_900) {
      fuzzy.append(random.ints(6, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
          StringBuilder::append)).append("~2 OR ");
    }
    Answer manyFuzzy = quickly(search(fuzzy + "venezuela~2"));
    assertTrue(manyFuzzy.status() == 200 || manyFuzzy.status() == 400, manyFuzzy.body());
    if (manyFuzzy.status() == 400) {
      manyFuzzy.badRequest("q");
    }
    assertEquals(2, quickly(search("venezuale~2")).json().get("total").asInt(), "a sane fuzzy query still works");
  }

  @Test
  void aHundredKilobyteQueryIsA400SayingHowLong() throws Exception {
    String detail = quickly(search("a".repeat(100_000))).badRequest("q");
    assertTrue(detail.contains("100000 characters long"), detail);
    detail = quickly(search("Venezuela ".repeat(10_000))).badRequest("q");
    assertTrue(detail.contains("the limit is"), detail);
  }

  @Test
  void invalidDatesAndUnknownFieldsAre400s() throws Exception {
    for (String q : List.of("published:2019-13", "published:2019-02-30", "published:[2020 TO yesterday]",
        "published:99999")) {
      String detail = quickly(search(q)).badRequest("q");
      assertTrue(detail.contains("is not a date"), q + " -> " + detail);
    }
    assertEquals("'published:' must be followed by a word, a phrase or a range, not '-'",
        quickly(search("published:-1")).json().get("interpretedBecause").asText());
    assertTrue(quickly(search("colour:red")).badRequest("q").contains("unknown field 'colour'"));
    quickly("/api/search?from=2019-02-30").badRequest("from");
    quickly("/api/search?to=tomorrow").badRequest("to");
    quickly("/api/search?from=2020-01-01&to=2019-01-01").badRequest("from");
    quickly("/api/search?year=MCMLXI").badRequest("year");
  }

  @Test
  void nulBytesAndInvalidUtf8InTheQueryAreAnsweredNot500() throws Exception {
    for (String q : List.of("Venezuela%00", "%00", "%FF%FE", "Venez%FF%FEuela", "%C0%AF", "%ED%A0%80", "%F4%90%80%80",
        "Venezuela%", "%zz", "%%%")) {
      RawAnswer answer = raw("/api/search?q=" + q);
      assertTrue(answer.status() == 200 || answer.status() == 400, q + " -> " + answer.status() + " " + answer.body());
      if (answer.status() == 400 && answer.body().startsWith("{")) {
        assertEquals("q", JSON.readTree(answer.body()).path("parameter").asText(), q + " -> " + answer.body());
      }
      assertFalse(answer.body().contains("Exception"), q + " -> " + answer.body());
    }
    assertEquals(2, quickly("/api/search?q=Venezuela%00").json().get("total").asInt(),
        "a NUL is a separator to the analyser, so the word still matches");
    // Escapes that make no UTF-8 text were read as U+FFFD and searched ('caf\ufffd'): refused, saying so.
    for (String q : List.of("caf%C3", "%E2%82", "Venez%FF%FEuela")) {
      String detail = quickly("/api/search?q=" + q).badRequest("q");
      assertTrue(detail.contains("is not UTF-8 text"), q + " -> " + detail);
    }
    assertEquals(200, quickly("/api/search?q=caf%C3%A9").status(), "a whole character is read");
  }

  @Test
  void sizesAndLimitsOutOfRangeAre400sNamingTheParameter() throws Exception {
    for (String size : List.of("1000000", "-1", "ten", "1e3", "0x10", "99999999999999999999", "%00", "")) {
      Answer answer = quickly("/api/search?size=" + size);
      if (size.isEmpty()) {
        assertEquals(200, answer.status(), "an empty size is the default");
      } else {
        answer.badRequest("size");
      }
    }
    for (String limit : List.of("1000000", "0", "-5", "lots")) {
      quickly("/api/search?facetLimit=" + limit).badRequest("facetLimit");
      quickly("/api/suggest?prefix=Tr&limit=" + limit).badRequest("limit");
    }
    String detail = quickly("/api/suggest?prefix=" + "Tr".repeat(5_000)).badRequest("prefix");
    assertTrue(detail.contains("10000 characters long; the limit is 200"), detail);
    assertEquals(200, quickly("/api/suggest?prefix=" + enc("T".repeat(200))).status());
  }

  @Test
  void forgedTruncatedAndBorrowedCursorsAre400s() throws Exception {
    Random random = new Random(3);
    for (int length : List.of(1, 12, 48, 300, 3_000)) {
      byte[] junk = new byte[length];
      random.nextBytes(junk);
      String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(junk);
      assertTrue(quickly("/api/search?cursor=" + enc(forged)).badRequest("cursor").startsWith("cursor is"));
    }
    String real = quickly("/api/search?sort=newest&size=1").json().get("nextCursor").asText();
    for (int cut = 1; cut < real.length(); cut += Math.max(1, real.length() / 7)) {
      quickly("/api/search?sort=newest&size=1&cursor=" + enc(real.substring(0, cut))).badRequest("cursor");
    }
    String other = quickly("/api/search?q=Venezuela&size=1").json().get("nextCursor").asText();
    assertTrue(quickly("/api/search?q=Trump&size=1&cursor=" + enc(other)).badRequest("cursor")
        .startsWith("cursor is not valid for this search"));
    quickly("/api/search?cursor=" + enc("A".repeat(100_000))).badRequest("cursor");
  }

  @Test
  void unknownFacetsAndParametersAre400s() throws Exception {
    quickly("/api/search?facetPrefix.colour=r").badRequest("facetPrefix.colour");
    quickly("/api/search?colour=red").badRequest("colour");
    quickly("/api/search?facetPrefix.=r").badRequest("facetPrefix.");
    quickly("/api/search?%00=x").badRequest("\0");
  }

  @Test
  void repeatedParametersAreRefusedOrBounded() throws Exception {
    quickly("/api/search?q=a&q=b").badRequest("q");
    quickly("/api/search?size=1&size=2").badRequest("size");
    quickly("/api/search?cursor=a&cursor=b").badRequest("cursor");
    String detail = quickly("/api/search?" + "actor=x&".repeat(5_000) + "q=").badRequest("actor");
    assertTrue(detail.contains("at most " + SearchParameters.MAX_FILTER_VALUES), detail);
    assertEquals(200, quickly("/api/search?" + "actor=x&".repeat(SearchParameters.MAX_FILTER_VALUES) + "q=").status());
    StringBuilder distinct = new StringBuilder("/api/search?");
    for (int i = 0; i < 5_000; i++) {
      distinct.append("theme=t").append(i).append('&');
    }
    quickly(distinct.toString()).badRequest("theme");
    quickly("/api/export?format=csv&" + "source=x&".repeat(5_000)).badRequest("source");
    quickly("/api/feed?" + "year=1961&".repeat(5_000)).badRequest("year");
  }

  @Test
  void staticFilePathTraversalNeverReturnsFileContents() throws Exception {
    String passwd = Files.exists(Path.of("/etc/passwd")) ? Files.readString(Path.of("/etc/passwd")) : "root:x:0:0";
    String firstLine = passwd.lines().findFirst().orElse("root:x:0:0");
    for (String path : List.of("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/morgue-web/../../x",
        "/..%2F..%2Fetc%2Fpasswd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/..\\..\\etc\\passwd", "/%252e%252e/etc/passwd",
        "/org/morgue/server/openapi.json", "/META-INF/MANIFEST.MF", "/morgue-web/index.html",
        "/api/articles/..%2F..%2Fetc%2Fpasswd", "/api/articles/../../etc/passwd", "/api/articles/%2e%2e",
        "/api/articles/%00", "/api/articles/" + "x".repeat(10_000))) {
      RawAnswer answer = raw(path);
      assertTrue(answer.status() == 404 || answer.status() == 400, path + " -> " + answer.status() + " " + answer.body());
      assertFalse(answer.body().contains(firstLine) || answer.body().contains("root:"), path + " -> " + answer.body());
    }
  }

  @Test
  void aBrokenPercentEscapeIsNamedWithWhatToWriteInstead() throws Exception {
    // A parameter's broken escape is named by the parameter already; the path's was Jetty's bare "Bad Request".
    for (String path : List.of("/api/articles/%ZZ", "/api/articles/100%", "/api/articles/50%2")) {
      RawAnswer answer = raw(path);
      assertEquals(400, answer.status(), path + " -> " + answer.body());
      assertTrue(answer.body().contains("a % that is not followed by two hexadecimal digits"), path + " -> " + answer.body());
    }
  }

  @Test
  void anAddressJettyRefusesSaysWhatIsWrongWithIt() throws Exception {
    // Both answered "the request was refused before it reached Morgue: Bad Request" (a developer's trial).
    RawAnswer control = raw("/api/articles/%00");
    assertEquals(400, control.status(), control.body());
    assertTrue(control.body().contains("a character that cannot stand in an address"), control.body());
    // ("/api/articles/../../etc/passwd" stays inside the root and is a 404: nothing at /etc/passwd.)
    for (String path : List.of("/../../etc/passwd", "/../api/health")) {
      RawAnswer climbing = raw(path);
      assertEquals(400, climbing.status(), path + " -> " + climbing.body());
      assertTrue(climbing.body().contains("climbs above the server's root"), path + " -> " + climbing.body());
    }
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
    for (String path : List.of("/", "/app.js", "/api/search?q=Venezuela", "/api/search?q=%22", "/api/nothing",
        "/no-such-file.html", "/api/articles/nope", "/api/health")) {
      Answer answer = quickly(path);
      assertTrue(answer.status() < 500, path + " -> " + answer.status());
      assertEquals(MorgueServer.CONTENT_SECURITY_POLICY, header(answer, "Content-Security-Policy"), path);
      assertEquals("nosniff", header(answer, "X-Content-Type-Options"), path);
      assertEquals("no-referrer", header(answer, "Referrer-Policy"), path);
      assertEquals("DENY", header(answer, "X-Frame-Options"), path);
    }
    RawAnswer traversal = raw("/../../etc/passwd");
    assertEquals("nosniff", traversal.headers().getOrDefault("x-content-type-options", ""), traversal.headers().toString());
  }

  private static String header(Answer answer, String name) {
    return answer.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(e -> e.getValue().get(0)).findFirst().orElse("");
  }

  private record RawAnswer(int status, Map<String, String> headers, String body) {}

  /**
   * Sends a request line exactly as written, since Java's HTTP client normalises some paths (and
   * refuses others) before they leave the machine.
   */
  private static RawAnswer raw(String path) throws IOException {
    URI base = URI.create(server.base());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout((int) HANG.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int headEnd = response.indexOf("\r\n\r\n");
      String head = headEnd < 0 ? response : response.substring(0, headEnd);
      String[] lines = head.split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new java.util.TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(lines[i].substring(0, colon).toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
      }
      return new RawAnswer(status, headers, headEnd < 0 ? "" : response.substring(headEnd + 4));
    }
  }
}
