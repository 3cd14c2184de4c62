package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.server.http.RequestIds;
import org.morgue.server.http.SecurityHeaders;

/**
 * {@code morgue serve} on an index it must build first answers while it builds it: 503 with
 * Retry-After, the API's problem saying how far the indexing has got, a page that reloads itself for
 * a browser; then the archive, on the same port. The port used to stay closed until the index was
 * ready ("connection refused" for a rebuild's seconds or, for a big archive, minutes).
 */
class ServeWhileIndexingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The sample archive's addresses: five files of long texts, some seconds of indexing on any machine. */
  private static final Path ADDRESSES = Path.of("..", "corpus", "articles", "state-of-the-union");

  @TempDir Path tmp;

  @Test
  void aServerBuildingItsIndexAnswers503WithItsProgressThenServesTheArchive() throws Exception {
    int port = ServeProcess.freePort();
    Path log = tmp.resolve("server.log");
    Process server = new ProcessBuilder(ChildJvm.command(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
        ServeCommand.class, List.of("--index", tmp.resolve("index").toString(), "--corpus", ADDRESSES.toString(),
            "--port", String.valueOf(port))))
        .redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
    try {
      URI health = URI.create("http://127.0.0.1:" + port + "/api/health");
      URI page = URI.create("http://127.0.0.1:" + port + "/");
      List<String> details = new ArrayList<>();
      String startingPage = null;
      HttpResponse<String> ready = null;
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (ready == null) {
        assertTrue(server.isAlive(), () -> "morgue serve exited:\n" + read(log));
        assertTrue(System.nanoTime() < deadline, () -> "morgue serve did not serve within 5 minutes:\n" + read(log));
        HttpResponse<String> answer;
        try {
          answer = get(health, "application/json");
        } catch (IOException notListening) {
          Thread.sleep(20);
          continue;
        }
        if (answer.statusCode() == 200) {
          ready = answer;
          break;
        }
        assertEquals(503, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals("5", answer.headers().firstValue("Retry-After").orElse(""));
        // The headers every other answer carries (the JDK's server names them "X-content-type-options",
        // which HTTP reads as the same name).
        SecurityHeaders.ALL.forEach((name, value) ->
            assertEquals(value, answer.headers().firstValue(name).orElse(""), name + " on the starting 503"));
        assertTrue(answer.headers().firstValue(RequestIds.HEADER).isPresent(), "a request id");
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals("archive_unavailable", problem.path("code").asText(), answer.body());
        assertEquals("/api/problems/archive_unavailable", problem.path("type").asText(), answer.body());
        details.add(problem.path("detail").asText());
        if (startingPage == null) {
          HttpResponse<String> html = get(page, "text/html,application/xhtml+xml,*/*;q=0.8");
          if (html.statusCode() == 503) {
            assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertEquals("DENY", html.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals("nosniff", html.headers().firstValue("X-Content-Type-Options").orElse(""));
            // Its one inline style sheet is allowed by its hash, as the policy of every other page allows none.
            String style = html.body().substring(html.body().indexOf("<style>") + 7, html.body().indexOf("</style>"));
            assertEquals(SecurityHeaders.contentSecurityPolicyWithStyle(style),
                html.headers().firstValue("Content-Security-Policy").orElse(""));
            startingPage = html.body();
          }
        }
        Thread.sleep(20);
      }
      assertTrue(!details.isEmpty(), "no answer before the archive was served: the port was closed while indexing");
      assertTrue(details.stream().allMatch(detail -> detail.startsWith("Morgue is starting (")), details.toString());
      assertTrue(details.stream().anyMatch(detail -> detail.contains("indexing the archive: ")
          && detail.contains(" of 5 files read")), details.toString());
      assertTrue(startingPage != null && startingPage.contains("Morgue is starting")
          && startingPage.contains("http-equiv=\"refresh\""), String.valueOf(startingPage));

      JsonNode all = JSON.readTree(get(URI.create("http://127.0.0.1:" + port + "/api/search?size=0"), "application/json").body());
      assertTrue(all.path("total").asLong() > 200, all.toString());
      assertEquals(200, get(page, "text/html").statusCode());
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  /**
   * Started before its cluster (systemd starting Morgue before OpenSearch), the server waits for it,
   * answering 503 "starting" and saying each try in its log, where it exited at once with status 1
   * (an operator's trial). Nothing listens on the cluster's port here; once something does, the
   * start goes on as any start over a cluster does.
   */
  @Test
  void aServerStartedBeforeItsClusterWaitsForItAnswering503() throws Exception {
    int port = ServeProcess.freePort();
    String cluster = "http://127.0.0.1:" + ServeProcess.freePort();
    String withCredentials = cluster.replace("http://", "http://reader:s3cret@");
    Path log = tmp.resolve("server.log");
    Process server = new ProcessBuilder(ChildJvm.command(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
        ServeCommand.class, List.of("--opensearch", withCredentials, "--curation", tmp.resolve("curation").toString(),
            "--corpus", ADDRESSES.toString(), "--port", String.valueOf(port))))
        .redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
    try {
      URI health = URI.create("http://127.0.0.1:" + port + "/api/health");
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      JsonNode problem = null;
      // Until it has tried twice: the second try shows it kept waiting after the first refusal.
      while (problem == null || !read(log).contains("trying again in 2 s")) {
        assertTrue(server.isAlive(), () -> "morgue serve exited:\n" + read(log));
        assertTrue(System.nanoTime() < deadline, () -> "morgue serve did not wait for its cluster:\n" + read(log));
        try {
          HttpResponse<String> answer = get(health, "application/json");
          assertEquals(503, answer.statusCode(), answer.body());
          problem = JSON.readTree(answer.body());
        } catch (IOException notListening) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      // Why, in the words of a running server's 503, without the address's credentials.
      assertEquals("Morgue is starting (waiting for 'morgue' on the OpenSearch cluster at " + cluster + ", which does not"
          + " answer (connection refused)); try again in a few seconds", problem.path("detail").asText());
      assertTrue(!problem.toString().contains("s3cret"), problem.toString());
      assertTrue(read(log).contains("the OpenSearch cluster at " + cluster + " does not answer (connection refused);"
          + " trying again in 1 s"), read(log));
      assertTrue(server.isAlive(), read(log));
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  private static HttpResponse<String> get(URI uri, String accept) throws IOException, InterruptedException {
    return ServeProcess.HTTP.send(HttpRequest.newBuilder(uri).header("Accept", accept).timeout(Duration.ofSeconds(10))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
