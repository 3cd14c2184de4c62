package org.morgue.engine.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What Morgue says when the address it is given is not a cluster it may use (an operator's trial):
 * a web server or a catch-all proxy that is no OpenSearch node, and a secured cluster that refuses
 * the credentials written in the address, which had been silently dropped. Each is the JDK's own
 * HTTP server answering as those did, recording what it was sent.
 */
class ClusterAddressTest {
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer server;

  /** Starts a server answering every request with this status and body. */
  private String serve(int status, String contentType, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> answer(exchange, status, contentType, body));
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    exchange.getRequestBody().readAllBytes();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (status == 401) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"OpenSearch Security\"");
    }
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
    if (!head) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static ArchiveIndex archive(String url) {
    return new ArchiveIndex(ClusterConnection.open(url), "trialprobe", ArchiveIndex.IndexSettings.DEFAULT);
  }

  @Test
  void aWebServerThatIsNoNodeIsNamedBeforeAnythingIsWritten() throws IOException {
    String url = serve(501, "text/html", "<html><body>Unsupported method</body></html>");
    ArchiveIndex archive = archive(url);

    IOException refused = assertThrows(IOException.class, archive::prepare);

    assertEquals(url + "/ is not an OpenSearch node: it answered 501 with <html><body>Unsupported method</body></html>",
        refused.getMessage());
    assertEquals(List.of("GET /"), requests, "nothing but the question was sent");
  }

  @Test
  void aCatchAllProxyAnswering404IsNotTakenForAClusterWithoutTheArchive() throws IOException {
    String url = serve(404, "text/plain", "no route");
    ArchiveIndex archive = archive(url);

    IOException refused = assertThrows(IOException.class, archive::exists);

    assertTrue(refused.getMessage().startsWith(url + "/ is not an OpenSearch node: it answered 404"), refused.getMessage());
    assertThrows(IOException.class, archive::prepare);
    assertFalse(requests.stream().anyMatch(request -> request.startsWith("PUT") || request.startsWith("POST")), requests.toString());
  }

  @Test
  void aPageAnsweringOkIsNotANodeEither() throws IOException {
    String url = serve(200, "text/html", "<!DOCTYPE html><title>Welcome to nginx!</title>");

    IOException refused = assertThrows(IOException.class, archive(url)::prepare);

    assertEquals(url + "/ is not an OpenSearch node: it answered 200 with <!DOCTYPE html><title>Welcome to nginx!</title>",
        refused.getMessage());
  }

  @Test
  void credentialsInTheAddressAreSentWithEveryRequestAndARefusalSaysSo() throws IOException {
    String url = serve(401, "application/json", "Unauthorized");
    String withUser = url.replace("http://", "http://admin:s%40cret@");
    ClusterConnection connection = ClusterConnection.open(withUser);

    IOException refused = assertThrows(IOException.class,
        new ArchiveIndex(connection, "morgue", ArchiveIndex.IndexSettings.DEFAULT)::prepare);

    assertEquals("the cluster at " + url + " refused Morgue's credentials (401): check --opensearch-credentials",
        refused.getMessage());
    String expected = "Basic " + Base64.getEncoder().encodeToString("admin:s@cret".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(expected), authorizations, "sent with the first request, not after a challenge");
    assertFalse(connection.description().contains("cret"), connection.description());
  }

  @Test
  void credentialsFromAFileAreSentAndAClusterAskingForNoneIsToldWhereToGiveThem() throws IOException {
    String url = serve(401, "application/json", "Unauthorized");
    ClusterConnection.Credentials credentials = ClusterConnection.Credentials.parse("morgue:pass:word", "the test's file");

    IOException asked = assertThrows(IOException.class, archive(url)::exists);
    IOException refused = assertThrows(IOException.class,
        new ArchiveIndex(ClusterConnection.open(url, Optional.of(credentials)), "morgue", ArchiveIndex.IndexSettings.DEFAULT)::exists);

    assertEquals("the cluster at " + url + " asks for credentials (401): give them with --opensearch-credentials FILE,"
        + " a file holding user:password", asked.getMessage());
    assertEquals("null", authorizations.get(0), "no Authorization header");
    assertEquals("Basic " + Base64.getEncoder().encodeToString("morgue:pass:word".getBytes(StandardCharsets.UTF_8)),
        authorizations.get(1));
    assertTrue(refused.getMessage().contains("refused Morgue's credentials (401)"), refused.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> ClusterConnection.open(url.replace("http://", "http://a:b@"), Optional.of(credentials)));
    assertTrue(twice.getMessage().contains("give them once"), twice.getMessage());
  }
}
