package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.LiveUpdatesTest.AIRLIFT;
import static org.morgue.server.LiveUpdatesTest.JSON;
import static org.morgue.server.LiveUpdatesTest.TOKEN;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.lucene.index.IndexLockedException;
import org.morgue.engine.lucene.search.ArchiveSearcher;

/**
 * Live updates over the embedded engine's index folder, where the server holds the folder's write
 * lock and each change is a commit on disk. Embedded only: a cluster has neither a lock file another
 * writer could trip on nor commit data; the write promise both engines keep is in {@link LiveUpdatesTest}.
 */
class LiveUpdatesOnDiskTest {
  @TempDir Path tmp;
  Path index;
  LiveServer server;

  @BeforeEach
  void startServerWithLiveUpdates() throws IOException {
    index = SeedIndex.build(tmp, Map.of());
    server = LiveServer.start(index);
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void theServersWriterLocksOutASecondWriterUntilItCloses() throws Exception {
    IndexLockedException locked = assertThrows(IndexLockedException.class, () -> ArchiveWriter.open(index));
    assertTrue(locked.getMessage().contains("is being written by another process"), locked.getMessage());
    // (`morgue index` reports the same lock in the user's words: IndexWriteFaultsTest in cli.)

    server.stopWriting();
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      assertTrue(writer.fingerprint(SeedIndex.CRACKDOWN).isPresent());
    }
  }

  @Test
  void acknowledgedArticlesSurviveARestart() throws Exception {
    assertEquals(201, post(AIRLIFT).statusCode());
    assertEquals(204, send(request("/api/articles/" + SeedIndex.KILL_CLAIMS).DELETE()).statusCode());
    server.close();

    try (ArchiveSearcher reopened = ArchiveSearcher.open(index)) {
      assertTrue(reopened.article("berlin-airlift").isPresent());
      assertTrue(reopened.article(SeedIndex.CRACKDOWN).isPresent());
      assertFalse(reopened.article(SeedIndex.KILL_CLAIMS).isPresent());
    }
    // The index is now the user's own: `serve` must never rebuild it from a corpus (the corpus
    // fingerprint that marks a corpus index is gone from the commit).
    Map<String, String> commit = ArchiveWriter.lastCommitData(index).orElseThrow();
    assertFalse(commit.containsKey("morgue.corpus"), commit.toString());

    server = LiveServer.start(index);
    HttpResponse<String> search = send(request("/api/search?q=airlift").GET());
    assertEquals(1, JSON.readTree(search.body()).get("total").asInt(), search.body());
    HttpResponse<String> again = post(AIRLIFT);
    assertEquals(200, again.statusCode(), again.body());
    LiveUpdatesTest.assertCounts(again, 0, 0, 1);
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().port() + path))
        .header("Authorization", "Bearer " + TOKEN);
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return LiveUpdatesTest.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String article) throws IOException, InterruptedException {
    return send(request("/api/articles").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(article)));
  }
}
