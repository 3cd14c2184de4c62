package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code morgue index --opensearch} against addresses an operator's trial gave it by mistake: a
 * failed run leaves no record of arrivals in var/, and a run with nothing to index creates no archive.
 * The addresses are the JDK's HTTP server, answering as a plain web server or as an OpenSearch node.
 */
class IndexIntoWrongClusterTest {
  private static final String NODE = "{\"name\":\"node-0\",\"version\":{\"distribution\":\"opensearch\",\"number\":\"3.3.2\"},"
      + "\"tagline\":\"The OpenSearch Project: https://opensearch.org/\"}";
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private String savedHome;
  @TempDir Path home;

  @BeforeEach
  void home() {
    savedHome = System.getProperty("morgue.home");
    System.setProperty("morgue.home", home.toString());
  }

  @AfterEach
  void restore() {
    if (savedHome == null) {
      System.clearProperty("morgue.home");
    } else {
      System.setProperty("morgue.home", savedHome);
    }
    if (server != null) {
      server.stop(0);
    }
  }

  /** A server answering 501 to everything, or, as a node without the archive, GET / and 404 to every HEAD. */
  private String serve(boolean asNode) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      requests.add(request);
      exchange.getRequestBody().readAllBytes();
      if (asNode && request.equals("GET /")) {
        answer(exchange, 200, NODE);
      } else if (asNode && request.startsWith("HEAD ")) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
      } else {
        answer(exchange, 501, "<html><body>Unsupported method</body></html>");
      }
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private record Run(int status, String out, String err) {}

  private static Run index(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    PrintStream saved = System.out;
    int status;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      CommandLine line = MorgueHome.commandLine(new IndexCommand());
      line.setErr(new PrintWriter(err, true));
      status = line.execute(args);
    } finally {
      System.setOut(saved);
    }
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  @Test
  void aWebServerIsNamedAsNoNodeAndTheFailedRunLeavesNoArrivals(@TempDir Path tmp) throws IOException {
    String url = serve(false);
    Path folder = IndexCommandTest.articles(tmp.resolve("in"), 2);

    Run run = index("--opensearch", url, "--opensearch-index", "trialprobe", folder.toString());

    assertEquals(1, run.status(), run.err());
    assertEquals("morgue index: " + url + "/ is not an OpenSearch node: it answered 501 with <html><body>Unsupported"
        + " method</body></html>", run.err().strip());
    assertFalse(Files.exists(home.resolve("var").resolve("trialprobe.arrivals")), "no arrivals for a run that wrote nothing");
  }

  @Test
  void aNodeThatRefusesToCreateTheArchiveLeavesNoArrivals(@TempDir Path tmp) throws IOException {
    String url = serve(true);
    Path folder = IndexCommandTest.articles(tmp.resolve("in"), 2);

    Run run = index("--opensearch", url, "--opensearch-index", "trialprobe2", folder.toString());

    assertEquals(1, run.status(), run.err());
    assertTrue(requests.stream().anyMatch(request -> request.startsWith("PUT /trialprobe2-v")), requests.toString());
    assertFalse(Files.exists(home.resolve("var").resolve("trialprobe2.arrivals")), "no arrivals for a run that wrote nothing");
  }

  @Test
  void nothingToIndexCreatesNoArchiveAndDeletingFromNoArchiveIsRefused(@TempDir Path tmp) throws IOException {
    String url = serve(true);
    Path empty = Files.createDirectories(tmp.resolve("empty"));

    Run run = index("--opensearch", url, "--opensearch-index", "morgeu", empty.toString());
    Run delete = index("--opensearch", url, "--opensearch-index", "morgeu", "--delete", "sotu-1790-washington");

    assertEquals(0, run.status(), run.err());
    assertEquals("nothing to index: no files under " + empty, run.out().strip());
    assertEquals(2, delete.status(), delete.err());
    assertTrue(delete.err().contains("no archive 'morgeu' on the OpenSearch cluster at " + url + " to delete from"), delete.err());
    assertTrue(requests.stream().allMatch(request -> request.startsWith("GET") || request.startsWith("HEAD")),
        "nothing was written: " + requests);
    assertFalse(Files.exists(home.resolve("var").resolve("morgeu.arrivals")));
  }
}
