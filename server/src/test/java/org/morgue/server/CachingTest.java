package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.server.http.Freshness;
import org.morgue.server.http.PageFiles;
import org.morgue.server.http.Vary;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;

/** Validators tied to the index's commit, 304s, cacheable page files, and Vary on compressed answers. */
class CachingTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TOKEN = "caching-test-token";
  private static final List<String> DERIVED = List.of("/api/search?q=Venezuela", "/api/articles/" + SeedIndex.CRACKDOWN,
      "/api/feed?q=Venezuela", "/api/export?format=csv");

  @TempDir static Path tmp;
  static ArchiveSearcher searcher;
  static LiveIndex live;
  static Javalin app;

  @BeforeAll
  static void start() throws Exception {
    Path index = SeedIndex.build(tmp, Map.of());
    searcher = ArchiveSearcher.open(index);
    live = LiveIndex.open(() -> ArchiveWriter.open(index), new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard()), searcher);
    app = MorgueServer.create(searcher, Optional.of(new LiveUpdates(live, BearerToken.of(TOKEN, "the test"))))
        .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
    live.close();
    searcher.close();
  }

  private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    return getFrom(app, path, headers);
  }

  private static HttpResponse<byte[]> getFrom(Javalin server, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  @Test
  void answersFromTheIndexAreValidatedAndAnswered304WhenCurrent() throws Exception {
    // A server of its own over the same index: it has answered from no other commit, so no commit of
    // the other tests shares the second of its Last-Modified (Freshness.sharesItsSecond).
    Javalin quiet = MorgueServer.create(searcher).start("127.0.0.1", 0);
    try {
      answersFromTheIndexAreValidatedBy(quiet);
    } finally {
      quiet.stop();
    }
  }

  private static void answersFromTheIndexAreValidatedBy(Javalin quiet) throws Exception {
    for (String path : DERIVED) {
      HttpResponse<byte[]> first = getFrom(quiet, path);
      assertEquals(200, first.statusCode(), path);
      String etag = header(first, "ETag");
      String lastModified = header(first, "Last-Modified");
      // An article's tag is its own version, strong (writes compare it); the others name the commit.
      assertTrue(path.startsWith("/api/articles/") ? etag.matches("\"[0-9a-f]+(-[ars][0-9a-f]+)*\"") : etag.startsWith("W/\""),
          path + " " + etag);
      assertEquals("no-cache", header(first, "Cache-Control"), path);
      ZonedDateTime modified = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);

      HttpResponse<byte[]> byTag = getFrom(quiet, path, "If-None-Match", etag);
      assertEquals(304, byTag.statusCode(), path);
      assertEquals(0, byTag.body().length, path);
      assertTrue(byTag.headers().firstValue("Content-Type").isEmpty(), path + ": a 304 has no body to type");
      // RFC 9110, 8.6: a 304 may give the length of the answer it stands for, never 0 for a body it leaves out.
      assertEquals(java.util.Optional.empty(), byTag.headers().firstValue("Content-Length"), path);
      assertEquals(etag, header(byTag, "ETag"), path);
      String strong = etag.startsWith("W/") ? etag.substring(2) : etag;
      assertEquals(304, getFrom(quiet, path, "If-None-Match", "\"other\", " + strong).statusCode(), "strong form, in a list");
      assertEquals(200, getFrom(quiet, path, "If-None-Match", "W/\"other\"").statusCode(), path);

      assertEquals(304, getFrom(quiet, path, "If-Modified-Since", lastModified).statusCode(), path);
      // HTTP's date has a two-digit day; a recipient also reads RFC 850's and asctime's forms.
      assertTrue(lastModified.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"), lastModified);
      ZonedDateTime utc = modified.withZoneSameInstant(ZoneOffset.UTC);
      String rfc850 = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", java.util.Locale.US).format(utc);
      String asctime = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", java.util.Locale.US).format(utc);
      assertEquals(304, getFrom(quiet, path, "If-Modified-Since", rfc850).statusCode(), path + " " + rfc850);
      assertEquals(304, getFrom(quiet, path, "If-Modified-Since", asctime).statusCode(), path + " " + asctime);
      String dayBefore = DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.minusDays(1).withZoneSameInstant(ZoneOffset.UTC));
      assertEquals(200, getFrom(quiet, path, "If-Modified-Since", dayBefore).statusCode(), path);
      assertEquals(200, getFrom(quiet, path, "If-None-Match", "W/\"other\"", "If-Modified-Since", lastModified).statusCode(),
          "If-None-Match wins over If-Modified-Since");
    }
    assertEquals(404, getFrom(quiet, "/api/articles/nope", "If-None-Match", "*").statusCode(), "a miss is never a 304");
    assertEquals(400, getFrom(quiet, "/api/search?size=x", "If-None-Match", "*").statusCode(), "nor is a bad request");
  }

  /**
   * RFC 9110 (13.1.1): a read whose If-Match names no tag of its answer is refused with a 412, so a
   * client reading a thing in parts learns that it changed in between; {@code *} matches any answer.
   */
  @Test
  void aReadWhoseIfMatchNamesAnotherVersionIsRefused() throws Exception {
    String article = "/api/articles/" + SeedIndex.KILL_CLAIMS;
    String tag = header(get(article), "ETag");
    assertEquals(200, get(article, "If-Match", tag).statusCode());
    assertEquals(200, get(article, "If-Match", "\"other\", " + tag).statusCode(), "one of a list");
    assertEquals(200, get(article, "If-Match", "*").statusCode());
    // The tag read in the other coding names the same version.
    String gzipTag = header(get(article, "Accept-Encoding", "gzip"), "ETag");
    assertEquals(200, get(article, "If-Match", gzipTag).statusCode(), gzipTag);

    HttpResponse<byte[]> stale = get(article, "If-Match", "\"other\"");
    assertEquals(412, stale.statusCode());
    assertTrue(header(stale, "Content-Type").startsWith("application/problem+json"), header(stale, "Content-Type"));
    assertTrue(new String(stale.body(), StandardCharsets.UTF_8).contains("\"precondition_failed\""));
    assertEquals("", header(stale, "ETag"), "a 412 is not the representation whose tag it would carry");
    // If-Match is evaluated first: a copy that If-None-Match finds current does not make it a 304.
    assertEquals(412, get(article, "If-Match", "\"other\"", "If-None-Match", tag).statusCode());
    // A weak tag never matches in If-Match's strong comparison, even the answer's own.
    String search = "/api/search?q=Venezuela";
    String weak = header(get(search), "ETag");
    assertTrue(weak.startsWith("W/"), weak);
    assertEquals(412, get(search, "If-Match", weak).statusCode());
    assertEquals(200, get(search, "If-Match", "*").statusCode());
    // Streamed answers are checked before they are written.
    assertEquals(412, get("/api/export?format=csv", "If-Match", "\"other\"").statusCode());
    // An answer without a tag is matched by * alone.
    assertEquals(200, get("/api/health", "If-Match", "*").statusCode());
    assertEquals(412, get("/api/health", "If-Match", "\"other\"").statusCode());
    // A miss stays a miss (RFC 9110, 13.2.1: preconditions apply only to what would be a 2xx).
    assertEquals(404, get("/api/articles/nope", "If-Match", "\"other\"").statusCode());
  }

  @Test
  void aGzippedAnswerHasAStrongTagOfItsOwnThatStillNamesTheSameVersion() throws Exception {
    String path = "/api/articles/" + SeedIndex.KILL_CLAIMS;
    HttpResponse<byte[]> plain = get(path);
    HttpResponse<byte[]> gzipped = get(path, "Accept-Encoding", "gzip");
    assertEquals("", header(plain, "Content-Encoding"));
    assertEquals("gzip", header(gzipped, "Content-Encoding"), "an article's answer is well over 1,500 bytes");
    String tag = header(plain, "ETag");
    String gzipTag = header(gzipped, "ETag");
    assertTrue(tag.matches("\"[0-9a-f]+(-[ars][0-9a-f]+)*\""), tag);
    assertEquals(tag.substring(0, tag.length() - 1) + "-gzip\"", gzipTag, "RFC 9110 8.8.3: other bytes, another strong tag");

    // Revalidated in either coding, either tag names the version the client holds.
    HttpResponse<byte[]> again = get(path, "Accept-Encoding", "gzip", "If-None-Match", gzipTag);
    assertEquals(304, again.statusCode());
    assertEquals(gzipTag, header(again, "ETag"), "a 304 carries the tag the 200 would");
    assertEquals(304, get(path, "If-None-Match", gzipTag).statusCode());
    assertEquals(tag, header(get(path, "If-None-Match", gzipTag), "ETag"));
    assertEquals(304, get(path, "Accept-Encoding", "gzip", "If-None-Match", tag).statusCode());

    // A write names the version it read, whichever coding it read it in (the page's browser reads gzip).
    String body = "{\"id\": \"coded-probe\", \"title\": \"Caracas waits\", \"body\": \"" + "Venezuela waited. ".repeat(120) + "\"}";
    assertEquals(201, write("POST", "/api/articles", body, null).statusCode());
    String read = header(get("/api/articles/coded-probe", "Accept-Encoding", "gzip"), "ETag");
    assertTrue(read.endsWith("-gzip\""), read);
    HttpResponse<String> changed = write("POST", "/api/articles", body.replace("Caracas waits", "Caracas still waits"), read);
    assertEquals(201, changed.statusCode(), changed.body());
    assertEquals(412, write("POST", "/api/articles", body, read).statusCode(), "that version is gone now");
  }

  /**
   * Accept-Encoding read as RFC 9110 (12.5.3) says: {@code *} matches any coding the header does not
   * name, a coding with q=0 is refused, and q-values below 1 still accept. Javalin matched the header's
   * items as exact words, so {@code *} and {@code gzip;q=0.8} got no gzip.
   */
  @Test
  void acceptEncodingIsReadWithItsWildcardAndQValues() throws Exception {
    String path = "/api/articles/" + SeedIndex.KILL_CLAIMS;
    String plainTag = header(get(path), "ETag");
    for (String accepts : List.of("*", "gzip;q=0.8", "br, *;q=0.1", "GZIP", "x-gzip", "identity, gzip ; q=1")) {
      HttpResponse<byte[]> answer = get(path, "Accept-Encoding", accepts);
      assertEquals("gzip", header(answer, "Content-Encoding"), accepts);
      assertEquals(plainTag.substring(0, plainTag.length() - 1) + "-gzip\"", header(answer, "ETag"), accepts);
      try (InputStream gunzipped = new GZIPInputStream(new ByteArrayInputStream(answer.body()))) {
        assertEquals(SeedIndex.KILL_CLAIMS, LiveUpdatesTest.JSON.readTree(gunzipped).get("id").asText(), accepts);
      }
    }
    for (String refuses : List.of("gzip;q=0, *", "*;q=0", "identity", "br", "gzip;q=0.000", "*, gzip;q=0")) {
      HttpResponse<byte[]> answer = get(path, "Accept-Encoding", refuses);
      assertEquals("", header(answer, "Content-Encoding"), refuses);
      assertEquals(plainTag, header(answer, "ETag"), refuses);
      assertEquals(SeedIndex.KILL_CLAIMS, LiveUpdatesTest.JSON.readTree(answer.body()).get("id").asText(), refuses);
    }
  }

  /** The coding's mark names bytes that were compressed: an answer too small to compress has none. */
  @Test
  void aTagNamesGzipOnlyWhenTheAnswerWasCompressed() throws Exception {
    assertEquals(201, write("POST", "/api/articles", "{\"id\": \"tiny-probe\", \"title\": \"Brief\","
        + " \"body\": \"Rain.\"}", null).statusCode());
    String path = "/api/articles/tiny-probe";
    HttpResponse<byte[]> small = get(path, "Accept-Encoding", "gzip");
    assertEquals(200, small.statusCode());
    assertTrue(small.body().length < 1500, "the probe is under Javalin's 1,500 bytes: " + small.body().length);
    assertEquals("", header(small, "Content-Encoding"));
    String tag = header(small, "ETag");
    assertEquals(header(get(path), "ETag"), tag, "the same bytes in either case, so the same tag");
    assertTrue(!tag.contains("-gzip"), tag);
    HttpResponse<byte[]> again = get(path, "Accept-Encoding", "gzip", "If-None-Match", tag);
    assertEquals(304, again.statusCode());
    assertEquals(tag, header(again, "ETag"), "a 304 carries the tag the 200 would");
  }

  private static HttpResponse<String> write(String method, String path, String body, String ifMatch) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void twoCommitsInOneSecondLeaveTheDateValidatingNothing() throws Exception {
    // The API trial's poller: POST, read the feed (Last-Modified S), POST again within the same second,
    // then If-Modified-Since S was answered 304 and the second write was missed. HTTP dates count
    // seconds, so the date cannot tell the two apart; the entity tag can.
    for (int attempt = 0; attempt < 20; attempt++) {
      assertEquals(201, post("same-second-" + attempt + "-a").statusCode());
      HttpResponse<byte[]> first = get("/api/feed");
      assertEquals(201, post("same-second-" + attempt + "-b").statusCode());
      HttpResponse<byte[]> second = get("/api/feed");
      if (!header(first, "Last-Modified").equals(header(second, "Last-Modified"))) {
        continue; // the two commits fell in different seconds: try again
      }
      assertNotEquals(header(first, "ETag"), header(second, "ETag"));
      assertEquals(200, get("/api/feed", "If-Modified-Since", header(first, "Last-Modified")).statusCode(),
          "the first copy is stale, though its date is the current one");
      assertEquals(304, get("/api/feed", "If-None-Match", header(second, "ETag")).statusCode());
      return;
    }
    // Each attempt's two writes are milliseconds apart; only a machine too slow for any of 20 to share a
    // second gets here, which says nothing of the server.
    org.junit.jupiter.api.Assumptions.abort("no two commits fell in one second in 20 attempts on this machine");
  }

  private static HttpResponse<String> post(String id) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/articles"))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + id + "\", \"title\": \"Quay note " + id + "\", "
            + "\"body\": \"The quay reopened at dawn, " + id + ".\"}")).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCommitChangesTheValidator() throws Exception {
    String before = header(get("/api/search?q=Venezuela"), "ETag");
    HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/articles"))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"caching-probe\", \"title\": \"Caracas waits\", "
            + "\"body\": \"Venezuela waited for word from Caracas.\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, posted.statusCode(), posted.body());
    HttpResponse<byte[]> after = get("/api/search?q=Venezuela", "If-None-Match", before);
    assertEquals(200, after.statusCode(), "the copy from before the commit is stale");
    assertNotEquals(before, header(after, "ETag"));
  }

  @Test
  void pageFilesAreRevalidatedByATagNamingTheBuild() throws Exception {
    String build = Freshness.digest(MorgueVersion.build());
    for (String path : List.of("/", "/app.js", "/style.css")) {
      HttpResponse<byte[]> file = get(path);
      assertEquals(200, file.statusCode(), path);
      assertEquals(PageFiles.CACHE_CONTROL, header(file, "Cache-Control"), path);
      String etag = header(file, "ETag");
      assertTrue(etag.startsWith("W/\"" + build + "-"), path + " " + etag);
      HttpResponse<byte[]> again = get(path, "If-None-Match", etag);
      assertEquals(304, again.statusCode(), path);
      assertEquals(0, again.body().length, path);
      assertEquals(java.util.Optional.empty(), again.headers().firstValue("Content-Length"), path);
      assertEquals(200, get(path, "If-None-Match", "W/\"from-an-older-build\"").statusCode(), path);
    }
  }

  @Test
  void thePageNamesItsFilesUnderTheBuildsStampAndThoseAreKeptAYear() throws Exception {
    String page = new String(get("/").body(), StandardCharsets.UTF_8);
    java.util.regex.Matcher stamped = java.util.regex.Pattern.compile("(?:href|src)=\"(s/[0-9a-f]+/)([a-z]+\\.(?:js|css))\"")
        .matcher(page);
    java.util.Set<String> prefixes = new java.util.HashSet<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    while (stamped.find()) {
      prefixes.add(stamped.group(1));
      names.add(stamped.group(2));
    }
    assertEquals(1, prefixes.size(), "one stamp for every file: " + prefixes);
    // Every module of the page is preloaded, so none waits for the module that imports it.
    java.util.Set<String> modules = new java.util.TreeSet<>();
    try (var listed = java.nio.file.Files.list(Path.of("..", "web", "src", "main", "resources", "morgue-web"))) {
      listed.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".js") || n.endsWith(".css"))
          .forEach(modules::add);
    }
    assertEquals(modules, new java.util.TreeSet<>(names), "the page names each module and the style sheet");
    assertTrue(page.contains("<script type=\"module\" src=\"" + prefixes.iterator().next() + "app.js\""), page);
    assertTrue(!page.matches("(?s).*(?:href|src)=\"[a-z]+\\.(?:js|css)\".*"), "no plain file name is left");

    String prefix = "/" + prefixes.iterator().next();
    for (String name : List.of("app.js", "dom.js", "style.css")) {
      HttpResponse<byte[]> file = get(prefix + name);
      assertEquals(200, file.statusCode(), name);
      assertEquals(PageFiles.IMMUTABLE, header(file, "Cache-Control"), name);
      assertTrue(java.util.Arrays.equals(get("/" + name).body(), file.body()), name + " is the same file");
      assertEquals(304, get(prefix + name, "If-None-Match", header(file, "ETag")).statusCode(), name);
    }
    assertEquals(404, get("/s/000000000000/app.js").statusCode(), "another build's stamp is not this build's file");
  }

  @Test
  void compressedAnswersSayTheyVaryByAcceptEncodingAndJsonLinesIsCompressed() throws Exception {
    for (String path : List.of("/api/export?format=csv", "/api/export?format=ris", "/api/health")) {
      // Too short to be worth compressing here, but the answer still depends on Accept-Encoding.
      assertTrue(header(get(path, "Accept-Encoding", "gzip"), "Vary").contains("Accept-Encoding"), path);
    }
    // The JSON Lines export used to be sent uncompressed whatever its length: its short first line was
    // flushed on its own, and Javalin decides on the first write.
    for (String path : List.of("/api/export?format=jsonl", "/api/search?q=Venezuela", "/app.js")) {
      HttpResponse<byte[]> gzipped = get(path, "Accept-Encoding", "gzip");
      assertEquals("gzip", header(gzipped, "Content-Encoding"), path);
      assertTrue(header(gzipped, "Vary").contains("Accept-Encoding"), path + " " + gzipped.headers().map());
      String text = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(),
          StandardCharsets.UTF_8);
      assertTrue(text.length() > 100, path);
    }
    String jsonl = new String(new GZIPInputStream(new ByteArrayInputStream(
        get("/api/export?format=jsonl", "Accept-Encoding", "gzip").body())).readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(jsonl.startsWith("{\"provenance\""), jsonl.substring(0, 40));
  }
}
