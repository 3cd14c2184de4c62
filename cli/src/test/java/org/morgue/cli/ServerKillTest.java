package org.morgue.cli;

import org.morgue.cli.ServeCommand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code morgue serve} killed with SIGKILL while articles are being posted to it one by one: every
 * article it answered 2xx for is there after a restart on the same index, because the answer comes
 * only after the commit.
 */
class ServerKillTest {
  static final String TOKEN = "kill-test-token-4d1e";
  static final HttpClient HTTP = ServeProcess.HTTP;

  @TempDir Path tmp;

  @Test
  void everyAcknowledgedPostSurvivesASigkillMidStream() throws Exception {
    long seed = Long.getLong("morgue.faults.seed", System.nanoTime());
    Random random = new Random(seed);
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("seed.jsonl"), """
        {"id": "corpus-1", "title": "Congress debates the budget", "body": "Congress debated the budget in Washington."}
        """);
    Path index = tmp.resolve("index");
    Path log = tmp.resolve("server.log");

    int port = ServeProcess.freePort();
    Process server = ServeProcess.start(index, corpus, port, log, TOKEN);
    List<String> acknowledged = new ArrayList<>();
    AtomicBoolean posting = new AtomicBoolean(true);
    Thread poster = new Thread(() -> {
      for (int i = 0; posting.get(); i++) {
        String id = "live-" + i;
        try {
          HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/articles"))
              .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(10))
              .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + id + "\", \"title\": \"Live report " + i
                  + "\", \"body\": \"The Senate passed the farm bill on day " + i + ", officials said.\"}"))
              .build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() / 100 == 2) {
            synchronized (acknowledged) {
              acknowledged.add(id);
            }
          }
        } catch (IOException e) {
          return; // the server is gone: this post was never acknowledged
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }, "poster");
    poster.start();
    // Kill once some posts went through, at a random moment after that.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (size(acknowledged) < 5 && poster.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(random.nextInt(500));
    server.destroyForcibly(); // SIGKILL, mid-stream: no shutdown hook closes the writer
    server.waitFor();
    posting.set(false);
    poster.join(15_000);
    List<String> acked;
    synchronized (acknowledged) {
      acked = List.copyOf(acknowledged);
    }
    assertTrue(acked.size() >= 5, "posts were acknowledged before the kill (seed " + seed + "): " + acked
        + "\n" + Files.readString(log));

    int again = ServeProcess.freePort();
    Process restarted = ServeProcess.start(index, corpus, again, log, TOKEN);
    try {
      for (String id : acked) {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + again + "/api/articles/" + id)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), id + " was acknowledged before the kill (seed " + seed + ", "
            + acked.size() + " acknowledged)");
      }
      HttpResponse<String> seedArticle = HTTP.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + again + "/api/articles/corpus-1")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, seedArticle.statusCode(), "the corpus article is still there");
    } finally {
      restarted.destroy(); // SIGTERM: the shutdown hook closes the index
      if (!restarted.waitFor(15, TimeUnit.SECONDS)) {
        restarted.destroyForcibly();
      }
    }
  }

  private static int size(List<String> list) {
    synchronized (list) {
      return list.size();
    }
  }
}
