package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.LiveUpdatesTest.AIRLIFT;
import static org.morgue.server.LiveUpdatesTest.TOKEN;

import java.io.IOException;
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
    assertEquals(201, desk().post(AIRLIFT, "application/json", TOKEN).statusCode());
    assertEquals(204, desk().delete(SeedIndex.KILL_CLAIMS, TOKEN).statusCode());
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
    assertEquals(1, desk().getJson("/api/search?q=airlift", 200).get("total").asInt());
    HttpResponse<String> again = desk().post(AIRLIFT, "application/json", TOKEN);
    assertEquals(200, again.statusCode(), again.body());
    LiveUpdatesTest.assertCounts(again, 0, 0, 1);
  }

  /** A desk posting to the server running now, which a restart replaces. */
  LiveDesk desk() {
    return new LiveDesk(server.app().port());
  }
}
