package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code morgue serve} killed with SIGKILL during a stream of curation edits (articles added to a
 * collection with notes, an actor's type corrected back and forth): after a restart every edit it
 * acknowledged is there, in the curation and in the index alike, and nothing is half-applied: the
 * index agrees with the curation for every change the journal holds.
 */
class CurationKillTest {
  static final String TOKEN = "curation-kill-token-77c1";
  static final HttpClient HTTP = ServeProcess.HTTP;
  static final ObjectMapper JSON = new ObjectMapper();
  static final int ARTICLES = 40;

  @TempDir Path tmp;

  @Test
  void everyAcknowledgedEditSurvivesASigkillAndTheIndexAgreesWithTheJournal() throws Exception {
    long seed = Long.getLong("morgue.faults.seed", System.nanoTime());
    Random random = new Random(seed);
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < ARTICLES; i++) {
      lines.append("{\"id\": \"corpus-").append(i).append("\", \"title\": \"Congress debates the budget, day ").append(i)
          .append("\", \"body\": \"Congress debated the budget in Washington on day ").append(i).append(".\"}\n");
    }
    Files.writeString(corpus.resolve("seed.jsonl"), lines.toString());
    Path index = tmp.resolve("index");
    Path log = tmp.resolve("server.log");

    int port = ServeProcess.freePort();
    Process server = ServeProcess.start(index, corpus, port, log, TOKEN);
    String base = "http://127.0.0.1:" + port;
    HttpResponse<String> created = send(base, "POST", "/api/collections", "{\"name\": \"Budget file\"}", null);
    assertEquals(201, created.statusCode(), created.body());

    Map<String, String> acknowledgedNotes = new LinkedHashMap<>();
    AtomicReference<String> acknowledgedType = new AtomicReference<>();
    AtomicBoolean editing = new AtomicBoolean(true);
    Thread editor = new Thread(() -> {
      for (int i = 0; editing.get() && i < ARTICLES; i++) {
        try {
          String id = "corpus-" + i;
          String note = "note " + i + ", kept";
          HttpResponse<String> added = send(base, "POST", "/api/collections/budget-file/articles",
              "{\"articles\": [{\"id\": \"" + id + "\", \"note\": \"" + note + "\"}]}", null);
          if (added.statusCode() / 100 == 2) {
            synchronized (acknowledgedNotes) {
              acknowledgedNotes.put(id, note);
            }
          }
          String type = i % 2 == 0 ? "organisation" : "government";
          HttpResponse<String> corrected = send(base, "PUT", "/api/corrections/actors/Congress",
              "{\"type\": \"" + type + "\", \"reason\": \"edit " + i + "\"}",
              acknowledgedType.get() == null ? null : "*"); // each edit after the first replaces the last one on purpose
          if (corrected.statusCode() / 100 == 2) {
            acknowledgedType.set(type);
          }
        } catch (IOException e) {
          return; // the server is gone: this edit was never acknowledged
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }, "editor");
    editor.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (size(acknowledgedNotes) < 4 && editor.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(random.nextInt(400));
    server.destroyForcibly(); // SIGKILL mid-stream: no shutdown hook closes the journal or the index
    server.waitFor();
    editing.set(false);
    editor.join(15_000);
    Map<String, String> acked;
    synchronized (acknowledgedNotes) {
      acked = Map.copyOf(acknowledgedNotes);
    }
    assertTrue(acked.size() >= 4, "edits were acknowledged before the kill (seed " + seed + "): " + acked
        + "\n" + Files.readString(log));

    int again = ServeProcess.freePort();
    Process restarted = ServeProcess.start(index, corpus, again, log, TOKEN);
    String after = "http://127.0.0.1:" + again;
    try {
      JsonNode collection = JSON.readTree(send(after, "GET", "/api/collections/budget-file?size=1000", null, null).body());
      Map<String, String> kept = new LinkedHashMap<>();
      collection.get("articles").forEach(entry -> kept.put(entry.get("id").asText(), entry.get("note").asText()));
      for (Map.Entry<String, String> ack : acked.entrySet()) {
        assertEquals(ack.getValue(), kept.get(ack.getKey()), ack.getKey() + " was acknowledged before the kill (seed "
            + seed + ")");
      }
      // Nothing half-applied: the index holds exactly the collection's members, and the last recorded type.
      JsonNode members = JSON.readTree(send(after, "GET", "/api/search?size=0&collection=budget-file", null, null).body());
      assertEquals(kept.size(), members.get("total").asInt(), "members found by the collection filter (seed " + seed + ")");
      JsonNode corrections = JSON.readTree(send(after, "GET", "/api/corrections", null, null).body());
      String recordedType = null;
      for (JsonNode actor : corrections.get("actors")) {
        if (actor.get("actor").asText().equals("Congress")) {
          recordedType = actor.get("type").asText();
        }
      }
      if (acknowledgedType.get() != null) {
        assertTrue(recordedType != null, "an acknowledged type correction is kept (seed " + seed + ")");
      }
      if (recordedType != null) {
        for (int i = 0; i < ARTICLES; i++) {
          JsonNode article = JSON.readTree(send(after, "GET", "/api/articles/corpus-" + i, null, null).body());
          String type = null;
          for (JsonNode actor : article.get("actors")) {
            if (actor.get("name").asText().equals("Congress")) {
              type = actor.get("type").asText();
            }
          }
          assertEquals(recordedType, type, "corpus-" + i + " has Congress as the journal's last correction has it"
              + " (seed " + seed + ")");
        }
      }
      JsonNode changes = JSON.readTree(send(after, "GET", "/api/changes?size=1", null, null).body());
      assertTrue(changes.get("total").asInt() >= 1 + acked.size(), "the changes record holds every acknowledged edit");
      assertEquals("curator", changes.get("changes").get(0).get("curator").asText());
    } finally {
      restarted.destroy(); // SIGTERM: the shutdown hook closes the index and the journal
      if (!restarted.waitFor(15, TimeUnit.SECONDS)) {
        restarted.destroyForcibly();
      }
    }
  }

  private static HttpResponse<String> send(String base, String method, String path, String body, String ifMatch)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int size(Map<String, String> map) {
    synchronized (map) {
      return map.size();
    }
  }
}
