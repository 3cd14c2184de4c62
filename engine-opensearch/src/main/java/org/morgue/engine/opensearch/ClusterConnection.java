package org.morgue.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.morgue.search.ArchiveNotWritableException;
import org.morgue.search.ArchiveGoneException;
import org.morgue.search.ArchiveUnavailableException;
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
 * <p>A cluster with the security plugin on (a stock OpenSearch install) is reached with HTTP basic
 * authentication: the credentials go in the {@code Authorization} header of every request, never
 * waiting for a challenge, and never appear in {@link #description()} or any message. An https
 * address is verified against the JVM's trust store ({@code javax.net.ssl.trustStore}).
 *
 * <p>Thread-safe; one connection serves every request of a server or an indexing run.
 */
public final class ClusterConnection implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ApacheHttpClient5Transport transport;
  private final OpenSearchGenericClient client;
  private final String description;
  private final boolean authenticated;
  /** Whether the address answered {@code GET /} as an OpenSearch node: asked once, before the first request. */
  private volatile boolean identified;

  private ClusterConnection(ApacheHttpClient5Transport transport, String description, boolean authenticated) {
    this.transport = transport;
    this.client = new OpenSearchGenericClient(transport);
    this.description = description;
    this.authenticated = authenticated;
  }

  /** A user and password for HTTP basic authentication; the password never shows in a message. */
  public record Credentials(String user, String password) {
    public Credentials {
      if (user.isEmpty()) {
        throw new IllegalArgumentException("the cluster's credentials name no user; give them as user:password");
      }
    }

    /** Credentials written {@code user:password}, the form of a URL's user-info and of a credentials file. */
    public static Credentials parse(String userAndPassword, String from) {
      int colon = userAndPassword.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(from + " does not hold the cluster's credentials as user:password");
      }
      return new Credentials(userAndPassword.substring(0, colon), userAndPassword.substring(colon + 1));
    }

    private Header header() {
      String pair = user + ":" + password;
      return new BasicHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
      return "Credentials[user=" + user + "]";
    }
  }

  /**
   * Connects to the nodes at these addresses, separated by commas ({@code http://a:9200,http://b:9200});
   * credentials written in them ({@code http://user:password@a:9200}) are sent with every request.
   *
   * @throws IllegalArgumentException if an address is not an http(s) URL with a host
   */
  public static ClusterConnection open(String urls) {
    return open(urls, Optional.empty());
  }

  /**
   * The same, with credentials given apart from the addresses (from a file, so they stay out of the
   * process list); they may not also be written in an address.
   */
  public static ClusterConnection open(String urls, Optional<Credentials> given) {
    List<HttpHost> hosts = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    Optional<Credentials> inUrls = Optional.empty();
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
      if (uri.getRawUserInfo() == null) {
        shown.add(trimmed);
        continue;
      }
      // An operator's trial: http://admin:secret@host was accepted and its credentials silently dropped.
      Credentials these = Credentials.parse(URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8),
          "the address " + uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1));
      if (inUrls.isPresent() && !inUrls.get().equals(these)) {
        throw new IllegalArgumentException("the cluster's addresses carry different credentials; Morgue sends one"
            + " user's to every node");
      }
      inUrls = Optional.of(these);
      shown.add(trimmed.replace(uri.getRawUserInfo() + "@", ""));
    }
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("no cluster address given; give it as http://HOST:PORT");
    }
    if (inUrls.isPresent() && given.isPresent()) {
      throw new IllegalArgumentException("the cluster's credentials are both in its address and in"
          + " --opensearch-credentials; give them once");
    }
    Optional<Credentials> credentials = given.isPresent() ? given : inUrls;
    // Answers uncompressed: HttpClient 5.6 asks for gzip unless told not to, and a cluster serves
    // Morgue over a local network, where compressing a page of long articles cost the cluster more
    // than sending it (a page of 50 State of the Union addresses, 4 MB: 0.13 s of the node's CPU
    // gzipped, 0.06 s plain).
    ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts.toArray(HttpHost[]::new))
        .setHttpClientConfigCallback(client -> client.disableContentCompression());
    // Sent with every request rather than after a 401 challenge: one round trip each, and a node
    // that refuses them says so at once.
    credentials.ifPresent(these -> builder.setDefaultHeaders(new Header[] {these.header()}));
    return new ClusterConnection(builder.build(), String.join(",", shown), credentials.isPresent());
  }

  /** The archive's index deleted under a server, in words a reader may be shown. */
  ArchiveGoneException archiveGone() {
    return new ArchiveGoneException("the archive's index is gone from the OpenSearch cluster at " + description
        + ": an operator must restore it");
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
        throw new ClusterUnavailableException(description, "cannot answer now (" + ClusterException.reasonAlone(answer) + ")",
            null);
      }
      if (response.getStatus() == 404 && "index_not_found_exception".equals(answer.path("error").path("type").asText(""))) {
        // Every index Morgue names is the archive's (through its alias or by the name the alias gave):
        // one missing was deleted under it, which no server makes again (see ArchiveIndex#prepareExisting).
        throw archiveGone();
      }
      if (FloodStage.blocks(response.getStatus(), answer.path("error"))) {
        throw FloodStage.refusal(method + " " + path, answer.path("error"));
      }
      if (response.getStatus() >= 400) {
        throw refusal(response.getStatus(), method + " " + path, answer);
      }
      JsonNode shards = answer.path("_shards");
      int unanswered = shards.path("total").asInt(0) - shards.path("successful").asInt(0) - shards.path("skipped").asInt(0);
      if (unanswered > 0 && (path.endsWith("/_search") || path.endsWith("/_count"))) {
        // A search some shards could not answer counts only the others' matches: refuse, never undercount.
        // A shard with no copy on a running node is not even "failed", only missing from "successful".
        throw new ClusterUnavailableException("part of the archive is unavailable: " + unanswered + " of its "
            + shards.path("total").asInt() + " shards did not answer on the OpenSearch cluster at " + description);
      }
      return answer;
    } catch (ClusterException | ArchiveUnavailableException | ArchiveNotWritableException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // The transport throws some statuses (429 among them) rather than returning them: they are
      // the cluster's answer, not its absence, and a busy cluster's 429 must reach the back-off.
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof ResponseException refused && refused.status() != 502 && refused.status() != 503
            && refused.status() != 504) {
          throw refusal(refused.status(), method + " " + path, body(refused));
        }
      }
      throw unanswered(e);
    }
  }

  /**
   * No answer, said for a reader as well as an operator (a 503's detail shows it): the address, which
   * holds no credentials, and why in a few words; the transport's own message, which names classes
   * and the host's resolved address, stays with the cause for the log.
   */
  private ClusterUnavailableException unanswered(Throwable e) {
    return new ClusterUnavailableException(description, "does not answer (" + why(e) + ")", e);
  }

  /** Why a request got no answer, from the first cause that says. */
  static String why(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (cause instanceof java.net.UnknownHostException) {
        return "its host name is unknown";
      }
      if (cause instanceof java.net.ConnectException || cause instanceof java.net.NoRouteToHostException) {
        return message.contains("timed out") ? "connecting timed out"
            : message.contains("no route") || message.contains("unreachable") ? "no route to its host" : "connection refused";
      }
      if (cause instanceof java.io.InterruptedIOException || cause instanceof java.util.concurrent.TimeoutException) {
        return "timed out";
      }
      if (cause instanceof javax.net.ssl.SSLException) {
        return "the secure connection failed";
      }
      if (cause instanceof org.apache.hc.core5.http.ConnectionClosedException || cause instanceof java.net.SocketException) {
        return "the connection broke";
      }
    }
    return "the connection failed";
  }

  /**
   * An error status as the cluster meant it: a 401, or a 403 from the security plugin, is about
   * Morgue's credentials, and says which option holds them (an operator's trial got "HTTP status 401").
   */
  private ClusterException refusal(int status, String request, JsonNode answer) {
    boolean security = status == 401 || (status == 403 && (authenticated
        || "security_exception".equals(answer.path("error").path("type").asText(""))));
    if (!security) {
      return new ClusterException(status, request, answer);
    }
    if (authenticated) {
      return ClusterException.explained(status, "the cluster at " + description + " refused Morgue's credentials ("
          + status + (status == 403 ? ", for " + request : "") + "): check --opensearch-credentials", answer);
    }
    return ClusterException.explained(status, "the cluster at " + description + " asks for credentials (" + status
        + "): give them with --opensearch-credentials FILE, a file holding user:password", answer);
  }

  /**
   * Checks, once per connection, that the address answers {@code GET /} as an OpenSearch node does,
   * before anything is read or written there: a plain web server or a catch-all proxy had answered
   * Morgue's first PUT with a bare 501 or 404 (or a broken pipe), and a 404 to the alias had been read
   * as "no archive yet, create one".
   *
   * @throws ClusterException when something else answered
   */
  void identify() throws IOException {
    if (identified) {
      return;
    }
    String request = "GET /";
    int status;
    String text;
    try (Response response = client.execute(Requests.builder().method("GET").endpoint("/").build())) {
      status = response.getStatus();
      text = response.getBody().map(Body::bodyAsString).orElse("");
    } catch (IOException | RuntimeException e) {
      ResponseException thrown = null;
      for (Throwable cause = e; cause != null && thrown == null; cause = cause.getCause()) {
        if (cause instanceof ResponseException refused) {
          thrown = refused;
        }
      }
      if (thrown == null || thrown.status() == 502 || thrown.status() == 503 || thrown.status() == 504) {
        throw unanswered(e);
      }
      status = thrown.status();
      // The transport keeps the answer to itself but writes its body into the message, after the status line.
      String message = String.valueOf(thrown.getMessage());
      text = message.contains("\n") ? message.substring(message.indexOf('\n') + 1) : "";
    }
    if (status == 401 || status == 403) {
      throw refusal(status, request, JSON.createObjectNode());
    }
    JsonNode answer = null;
    try {
      answer = text.isBlank() ? null : JSON.readTree(text);
    } catch (IOException notJson) {
      // Said below, with what it answered.
    }
    JsonNode version = answer == null ? JSON.missingNode() : answer.path("version");
    boolean openSearch = status == 200 && ("opensearch".equals(version.path("distribution").asText(""))
        || (version.path("number").isTextual() && answer.path("tagline").asText("").contains("OpenSearch")));
    if (openSearch) {
      identified = true;
      return;
    }
    String said = text.isBlank() ? "nothing" : text.strip().replaceAll("\\s+", " ");
    said = said.length() > 80 ? said.substring(0, 80) + "..." : said;
    String what = status == 200 && version.path("number").isTextual()
        ? "it answered as " + answer.path("tagline").asText("another search engine") + " " + version.path("number").asText()
            + "; Morgue needs OpenSearch 3.x"
        : "it answered " + status + " with " + said;
    String address = description.contains(",") ? "one of the addresses " + description : description.replaceAll("/+$", "") + "/";
    throw ClusterException.explained(status, address + " is not an OpenSearch node: " + what, JSON.createObjectNode());
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
