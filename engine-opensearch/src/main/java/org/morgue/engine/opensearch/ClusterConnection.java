package org.morgue.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.HttpHost;
import org.morgue.search.ArchiveNotWritableException;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * A connection to a cluster through the official client's transport, speaking JSON: requests are
 * query DSL built as JSON trees (they read like OpenSearch's own documentation), answers are read as
 * trees. The transport spreads requests over every node given and, when one does not answer, marks
 * it dead for a while and sends the request to the next: give several nodes' addresses so a node
 * going down is not an outage.
 *
 * <p>Thread-safe; one connection serves every request of a server or an indexing run.
 */
public final class ClusterConnection implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ApacheHttpClient5Transport transport;
  private final OpenSearchGenericClient client;
  private final String description;

  private ClusterConnection(ApacheHttpClient5Transport transport, String description) {
    this.transport = transport;
    this.client = new OpenSearchGenericClient(transport);
    this.description = description;
  }

  /**
   * Connects to the nodes at these addresses, separated by commas ({@code http://a:9200,http://b:9200}).
   *
   * @throws IllegalArgumentException if an address is not an http(s) URL with a host
   */
  public static ClusterConnection open(String urls) {
    List<HttpHost> hosts = new ArrayList<>();
    for (String url : urls.split(",")) {
      String trimmed = url.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = URI.create(trimmed);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + trimmed + "' is not a URL; give the cluster as http://HOST:PORT");
      }
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException("'" + trimmed + "' is not an http(s) URL with a host; give the cluster as"
            + " http://HOST:PORT");
      }
      hosts.add(new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort() < 0 ? 9200 : uri.getPort()));
    }
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("no cluster address given; give it as http://HOST:PORT");
    }
    // Answers uncompressed: HttpClient 5.6 asks for gzip unless told not to, and a cluster serves
    // Morgue over a local network, where compressing a page of long articles cost the cluster more
    // than sending it (a page of 50 State of the Union addresses, 4 MB: 0.13 s of the node's CPU
    // gzipped, 0.06 s plain).
    ApacheHttpClient5Transport transport = ApacheHttpClient5TransportBuilder.builder(hosts.toArray(HttpHost[]::new))
        .setHttpClientConfigCallback(client -> client.disableContentCompression())
        .build();
    return new ClusterConnection(transport, urls.strip());
  }

  /** The addresses this connection was opened with, for messages. */
  public String description() {
    return description;
  }

  /** Sends a request and returns its JSON answer; an answer with an error status is a {@link ClusterException}. */
  JsonNode send(String method, String path, JsonNode body) throws IOException {
    return send(method, path, Map.of(), body == null ? null : JSON.writeValueAsString(body), "application/json");
  }

  /** Sends a request with query parameters and a body (JSON, or newline-delimited JSON for bulk). */
  JsonNode send(String method, String path, Map<String, String> parameters, String body, String contentType)
      throws IOException {
    Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(path).query(parameters);
    if (body != null) {
      request.body(Body.from(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), contentType));
    }
    try (Response response = client.execute(request.build())) {
      String text = response.getBody().map(Body::bodyAsString).orElse("");
      JsonNode answer = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
      if (response.getStatus() == 503) {
        throw new ClusterUnavailableException("the OpenSearch cluster at " + description + " cannot answer " + method + " "
            + path + " now: " + new ClusterException(503, method + " " + path, answer).getMessage(), null);
      }
      if (FloodStage.blocks(response.getStatus(), answer.path("error"))) {
        throw FloodStage.refusal(method + " " + path, answer.path("error"));
      }
      if (response.getStatus() >= 400) {
        throw new ClusterException(response.getStatus(), method + " " + path, answer);
      }
      JsonNode shards = answer.path("_shards");
      int unanswered = shards.path("total").asInt(0) - shards.path("successful").asInt(0) - shards.path("skipped").asInt(0);
      if (unanswered > 0 && (path.endsWith("/_search") || path.endsWith("/_count"))) {
        // A search some shards could not answer counts only the others' matches: refuse, never undercount.
        // A shard with no copy on a running node is not even "failed", only missing from "successful".
        throw new ClusterUnavailableException("part of the archive is unavailable: " + unanswered + " of "
            + shards.path("total").asInt() + " shards did not answer " + method + " " + path, null);
      }
      return answer;
    } catch (ClusterException | ClusterUnavailableException | ArchiveNotWritableException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // The transport throws some statuses (429 among them) rather than returning them: they are
      // the cluster's answer, not its absence, and a busy cluster's 429 must reach the back-off.
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof ResponseException refused && refused.status() != 502 && refused.status() != 503
            && refused.status() != 504) {
          throw new ClusterException(refused.status(), method + " " + path, body(refused));
        }
      }
      throw new ClusterUnavailableException("the OpenSearch cluster at " + description + " did not answer " + method
          + " " + path + ": " + e.getMessage(), e);
    }
  }

  /** What a thrown status said: the transport keeps its body to itself, so the message names the status. */
  private static JsonNode body(ResponseException refused) {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("error", "HTTP status " + refused.status());
    return answer;
  }

  /** Whether a path exists (a HEAD request answered 200 rather than 404). */
  boolean exists(String path) throws IOException {
    try {
      send("HEAD", path, null);
      return true;
    } catch (ClusterException e) {
      if (e.status() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** A new JSON object to build a request in. */
  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static ObjectMapper json() {
    return JSON;
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
