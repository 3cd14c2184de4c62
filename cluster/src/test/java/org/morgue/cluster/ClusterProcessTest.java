package org.morgue.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Starts a real three-node cluster the way other modules' tests will, through {@link ClusterProcess},
 * and talks to it over plain HTTP.
 */
class ClusterProcessTest {
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]*)\"");
  private static final Pattern HIT_ID = Pattern.compile("\"_id\":\"([^\"]*)\"");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void threeNodeClusterFoldsAccentsAndKeepsAnsweringWhileANodeIsDown() throws Exception {
    try (ClusterProcess cluster = ClusterProcess.start(3)) {
      String url = cluster.url();
      assertEquals(List.of("node-0", "node-1", "node-2"), nodeNames(url));

      String analysis = send(url, "POST", "/_analyze", """
          {"tokenizer": "standard", "filter": ["icu_folding"], "text": "Nicolás ＮＩＣＯＬＡＳ"}""", 200);
      assertEquals(List.of("nicolas", "nicolas"), all(TOKEN, analysis));

      send(url, "PUT", "/articles", """
          {"settings": {"number_of_shards": 3, "number_of_replicas": 1}}""", 200);
      send(url, "PUT", "/articles/_doc/1?refresh=true", """
          {"title": "Nicolás Maduro speaks"}""", 201);
      // Every shard has its replica before a node goes, so no shard can lose its only copy.
      send(url, "GET", "/_cluster/health/articles?wait_for_status=green&timeout=60s", null, 200);

      cluster.stopNode(1);
      assertEquals(List.of("node-0", "node-2"), nodeNames(url));
      String hits = send(url, "POST", "/articles/_search", """
          {"query": {"match": {"title": "maduro"}}}""", 200);
      assertEquals(List.of("1"), all(HIT_ID, hits));

      cluster.startNode(1);
      assertEquals(List.of("node-0", "node-1", "node-2"), nodeNames(url));
    }
  }

  private List<String> nodeNames(String url) throws IOException, InterruptedException {
    return send(url, "GET", "/_cat/nodes?h=name", null, 200).lines().map(String::strip).sorted().toList();
  }

  private String send(String url, String method, String path, String json, int expectedStatus)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(expectedStatus, response.statusCode(), () -> method + " " + path + " answered " + response.body());
    return response.body();
  }

  private static List<String> all(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.results().map(result -> result.group(1)).toList();
  }
}
