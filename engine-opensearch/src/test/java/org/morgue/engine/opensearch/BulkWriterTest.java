package org.morgue.engine.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bulk writer against a node that is too busy: a real cluster only says 429 under a load this
 * machine cannot make on demand, so a small HTTP server plays the node, answering as OpenSearch's
 * bulk API does (a whole request refused with 429, or some of its operations refused with 429 in the
 * items). Every operation must arrive exactly once, and a refusal for another reason must fail.
 */
class BulkWriterTest {
  private HttpServer node;
  private final List<String> applied = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger requests = new AtomicInteger();
  private volatile String script = "";

  @BeforeEach
  void start() throws IOException {
    node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    node.createContext("/_bulk", this::bulk);
    node.start();
  }

  @AfterEach
  void stop() {
    node.stop(0);
  }

  /** Answers request n as the script's n-th letter says: B (busy: 429), H (half the items 429), M (mapping error), else OK. */
  private void bulk(HttpExchange exchange) throws IOException {
    int n = requests.getAndIncrement();
    char mode = n < script.length() ? script.charAt(n) : 'O';
    String[] lines = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("\n");
    ObjectNode answer = ClusterConnection.object();
    if (mode == 'B') {
      answer.putObject("error").put("type", "es_rejected_execution_exception").put("reason", "rejected");
      send(exchange, 429, answer);
      return;
    }
    ArrayNode items = answer.putArray("items");
    boolean errors = false;
    for (int i = 0, op = 0; i < lines.length; i += 2, op++) {
      JsonNode action = ClusterConnection.json().readTree(lines[i]).path("index");
      String id = action.path("_id").asText();
      ObjectNode item = items.addObject().putObject("index").put("_id", id);
      if (mode == 'H' && op % 2 == 0) {
        item.put("status", 429).putObject("error").put("type", "es_rejected_execution_exception");
        errors = true;
      } else if (mode == 'M') {
        item.put("status", 400).putObject("error").put("type", "mapper_parsing_exception").put("reason", "bad field");
        errors = true;
      } else {
        item.put("status", 201);
        applied.add(id);
      }
    }
    answer.put("errors", errors);
    send(exchange, 200, answer);
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = ClusterConnection.json().writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private ClusterConnection connection() {
    return ClusterConnection.open("http://127.0.0.1:" + node.getAddress().getPort());
  }

  @Test
  void whatTheNodeIsTooBusyToTakeIsSentAgainUntilEveryWriteArrivesOnce() throws Exception {
    script = "BBHH";
    try (ClusterConnection connection = connection(); BulkWriter writer = new BulkWriter(connection, "archive")) {
      for (int i = 0; i < 10; i++) {
        ObjectNode doc = ClusterConnection.object().put("id", "a" + i);
        writer.index("a" + i, doc);
      }
      writer.flush();
    }
    List<String> sorted = new ArrayList<>(applied);
    Collections.sort(sorted);
    assertEquals(List.of("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"), sorted, "each write once");
    assertTrue(requests.get() >= 5, "two refused requests, two half-refused, then the rest: " + requests.get());
  }

  @Test
  void aWriteRefusedForAnotherReasonFailsTheFlushWithTheClustersReason() throws Exception {
    script = "M";
    try (ClusterConnection connection = connection(); BulkWriter writer = new BulkWriter(connection, "archive")) {
      writer.index("bad", ClusterConnection.object().put("id", "bad"));
      IOException failed = assertThrows(IOException.class, writer::flush);
      assertTrue(failed.getMessage().contains("'bad'") && failed.getMessage().contains("mapper_parsing_exception"),
          failed.getMessage());
    }
    assertEquals(1, requests.get(), "not retried");
  }
}
