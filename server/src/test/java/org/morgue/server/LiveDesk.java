package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A newsroom desk's client of one running server: it posts and deletes articles on
 * {@code /api/articles} with a bearer token, or none, and reads back what the server answers.
 */
record LiveDesk(int port) {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  JsonNode getJson(String path, int status) throws Exception {
    HttpResponse<String> response = get(path);
    assertEquals(status, response.statusCode(), response.body());
    return LiveUpdatesTest.JSON.readTree(response.body());
  }

  /** Posts a body as the media type, with the token when it is not null. */
  HttpResponse<String> post(String body, String contentType, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = request("/api/articles").header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /** Deletes an article, with the token when it is not null. */
  HttpResponse<String> delete(String id, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = request("/api/articles/" + id).DELETE();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }
}
