package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.LiveUpdatesTest.NDJSON;
import static org.morgue.server.LiveUpdatesTest.TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;

/**
 * Live updates when the disk under the embedded index fills: the write is a 507 saying nothing of it
 * was kept, searches go on, and once there is room the same request succeeds and the archive holds
 * its articles once. The index lives on a small tmpfs (tests run as root here and in CI); where
 * mounting is not permitted the test is skipped, saying so, as cli's IndexWriteFaultsTest is.
 */
class LiveUpdatesOnFullDiskTest {
  /** The addresses of 2000-2021 from the shipped corpus: 22 articles, some 780 KB of real text. */
  static final Path ADDRESSES = SeedIndex.SHIPPED_CORPUS.resolve("state-of-the-union/state-of-the-union-2000-2021.jsonl");

  @TempDir Path tmp;
  SmallDisk disk;
  ArchiveSearcher searcher;
  LiveIndex live;
  Javalin app;

  @BeforeEach
  void startOnASmallDisk() throws Exception {
    SmallDisk.Mounted mounted = SmallDisk.mount(tmp.resolve("disk"), "16m");
    Assumptions.assumeTrue(mounted.disk().isPresent(), mounted.refusal());
    disk = mounted.disk().get();
    Path index = IndexCopies.copy(SeedIndex.build(tmp.resolve("seed"), Map.of()), disk.folder().resolve("index"));
    searcher = ArchiveSearcher.open(index);
    live = LiveIndex.open(() -> ArchiveWriter.open(index), LiveUpdatesTest.INDEXER, searcher);
    app = MorgueServer.create(searcher, Optional.of(new LiveUpdates(live, BearerToken.of(TOKEN, "the test"),
        4L * 1024 * 1024))).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.stop();
      live.close();
      searcher.close();
    }
    if (disk != null) {
      disk.close();
    }
  }

  @Test
  void aWriteToAFullDiskIs507KeepsNothingAndSucceedsOnceThereIsRoom() throws Exception {
    LiveDesk desk = new LiveDesk(app.port());
    String addresses = Files.readString(ADDRESSES);
    int venezuela = desk.getJson("/api/search?q=Venezuela", 200).get("total").asInt();

    disk.fillUp();
    HttpResponse<String> deleted = desk.delete(SeedIndex.KILL_CLAIMS, TOKEN);
    assertFull(deleted, "article '" + SeedIndex.KILL_CLAIMS + "' was not deleted");
    disk.fillUp();
    HttpResponse<String> posted = desk.post(addresses, NDJSON, TOKEN);
    assertFull(posted, "none of the 22 articles in this request was kept");

    // Searches go on, over the archive as it was.
    assertEquals(venezuela, desk.getJson("/api/search?q=Venezuela", 200).get("total").asInt());
    assertEquals(200, desk.get("/api/articles/" + SeedIndex.KILL_CLAIMS).statusCode());
    assertEquals(0, addresses(desk), "nothing of the refused request is in the archive");

    disk.free();
    HttpResponse<String> again = desk.post(addresses, NDJSON, TOKEN);
    assertEquals(201, again.statusCode(), again.body());
    LiveUpdatesTest.assertCounts(again, 22, 0, 0);
    assertEquals(204, desk.delete(SeedIndex.KILL_CLAIMS, TOKEN).statusCode());
    assertEquals(404, desk.get("/api/articles/" + SeedIndex.KILL_CLAIMS).statusCode());
    HttpResponse<String> thrice = desk.post(addresses, NDJSON, TOKEN);
    assertEquals(200, thrice.statusCode(), thrice.body());
    LiveUpdatesTest.assertCounts(thrice, 0, 0, 22);
    assertEquals(22, addresses(desk), "each address once");
  }

  private static void assertFull(HttpResponse<String> response, String kept) throws IOException {
    assertEquals(507, response.statusCode(), response.body());
    LiveUpdatesTest.assertProblem(response, 507);
    JsonNode problem = LiveUpdatesTest.JSON.readTree(response.body());
    assertEquals("archive_full", problem.get("code").asText());
    String detail = problem.get("detail").asText();
    assertTrue(detail.startsWith("The archive's disk is full: " + kept + ", and the archive holds what it held"
        + " before. Free space on the disk that holds the archive, then send the same request again"), detail);
  }

  /** Articles of the addresses in the archive, each version counted. */
  private static int addresses(LiveDesk desk) throws Exception {
    return desk.getJson("/api/search?source=State%20of%20the%20Union&group=articles&size=1", 200).get("total").asInt();
  }
}
