package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.morgue.engine.lucene.search.ArchiveSearcher;

/** The real server on a free port over an index folder, and a real HTTP client for it. */
final class RunningServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final java.io.Closeable searcher;
  private final Javalin app;

  private RunningServer(org.morgue.search.SearchEngine engine, java.io.Closeable resources) {
    this.searcher = resources;
    this.app = MorgueServer.create(engine).start("127.0.0.1", 0);
  }

  static RunningServer on(Path index) throws IOException {
    ArchiveSearcher searcher = ArchiveSearcher.open(index);
    return new RunningServer(searcher, searcher);
  }

  /** The server over an archive of either engine; closing the server closes the archive. */
  static RunningServer on(TestEngine.Archive archive) {
    return new RunningServer(archive.engine(), archive);
  }

  String base() {
    return "http://127.0.0.1:" + app.port();
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build());
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  JsonNode getJson(String pathAndQuery, int expectedStatus) throws IOException, InterruptedException {
    HttpResponse<String> response = get(pathAndQuery);
    assertEquals(expectedStatus, response.statusCode(), pathAndQuery + " -> " + response.body());
    return JSON.readTree(response.body());
  }

  /**
   * A request to a server on {@code port} as a curator's client sends it: a JSON body, the token as
   * a bearer (none when null), then the given header names and values in pairs.
   */
  static HttpResponse<String> curatorCall(int port, String method, String path, String body, String token,
      String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]); // a Content-Type given replaces the JSON one
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String mediaType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
  }

  @Override
  public void close() throws IOException {
    app.stop();
    searcher.close();
  }
}
