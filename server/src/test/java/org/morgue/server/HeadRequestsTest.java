package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.server.problem.Problem;

/** {@code HEAD} answers what {@code GET} would, without the body: answers, problems and files alike. */
class HeadRequestsTest {
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

  /** app.js under the build's stamped folder, as the page names it. */
  private static String stampedAppJs() throws Exception {
    java.util.regex.Matcher src = java.util.regex.Pattern.compile("src=\"(s/[0-9a-f]+/app\\.js)\"")
        .matcher(server.get("/").body());
    assertTrue(src.find(), "the page names app.js under a stamp");
    return "/" + src.group(1);
  }

  @Test
  void headHasTheStatusTypeAndLengthOfGetAndNoBody() throws Exception {
    for (String path : List.of("/api/search?q=Venezuela", "/api/search?size=ten", "/api/search?q=AND",
        "/api/articles/" + SeedIndex.CRACKDOWN, "/api/articles/no-such-article", "/api/nothing-here",
        "/api/suggest?prefix=Tr", "/api/suggest", "/api/feed?q=Venezuela", "/api/export?format=csv",
        "/api/export?format=xls", "/api/health", "/api/stats", "/api/openapi.json", "/api/articles", "/",
        "/app.js", "/style.css", "/no-such-page.html", "/index.html", stampedAppJs())) {
      HttpResponse<String> get = server.get(path);
      HttpResponse<String> head = server.send(HttpRequest.newBuilder(URI.create(server.base() + path))
          .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
      assertEquals(get.statusCode(), head.statusCode(), path);
      assertEquals(header(get, "Content-Type"), header(head, "Content-Type"), path);
      assertTrue(header(head, "Content-Type").isPresent(), path + " has a Content-Type");
      Optional<String> length = header(get, "Content-Length");
      if (length.isPresent() && get.body().contains("\"took\":")) {
        // A search says how many milliseconds it took, so two runs may differ by a digit or two.
        long headLength = Long.parseLong(header(head, "Content-Length").orElseThrow(() -> new AssertionError(path)));
        assertTrue(Math.abs(Long.parseLong(length.get()) - headLength) < 5, path + ": " + length + " against " + headLength);
      } else if (length.isPresent()) {
        assertEquals(length, header(head, "Content-Length"), path);
      }
      assertEquals(header(get, "Allow"), header(head, "Allow"), path);
      assertEquals("", head.body(), path);
    }
  }

  @Test
  void headOfAMissingArticleIsA404ProblemLikeGet() throws Exception {
    HttpResponse<String> head = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/articles/nope"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(404, head.statusCode());
    assertEquals(Optional.of(Problem.MEDIA_TYPE), header(head, "Content-Type").map(t -> t.split(";")[0]));
    long length = Long.parseLong(header(head, "Content-Length").orElseThrow());
    assertEquals(server.get("/api/articles/nope").body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
        length);
  }

  private static Optional<String> header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name);
  }
}
