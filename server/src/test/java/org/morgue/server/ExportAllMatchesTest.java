package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.morgue.server.RunningServer.JSON;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.morgue.server.api.FeedHandler;

/**
 * Exports are not pages: over an index of 640 small articles every match comes out, once, on each
 * engine (the cluster's archive has three shards, so its scan pages are merged across them).
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class ExportAllMatchesTest {
  static final int QUAY = 620;
  static final int OTHER = 20;

  static RunningServer server;

  @Parameter TestEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(TestEngine engine) throws Exception {
    Path tmp = Files.createTempDirectory("morgue-export-all");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < QUAY + OTHER; i++) {
      String topic = i < QUAY ? "quay" : "orchard";
      lines.append(JSON.writeValueAsString(Map.of(
          "id", "story-" + i, "title", "Story " + i + " about the " + topic,
          "published", String.format("20%02d-%02d-%02d", 10 + i % 10, 1 + i % 12, 1 + i % 28),
          "source", "bulk", "body", "The " + topic + " report number " + i + "."))).append('\n');
    }
    Files.writeString(Files.createDirectories(tmp.resolve("corpus/bulk")).resolve("bulk.jsonl"), lines);
    server = RunningServer.on(engine.index(tmp, List.of(SeedIndex.corpus(tmp, Map.of(), List.of()))));
  }

  @AfterParameterizedClassInvocation
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void csvExportHasARowForEveryMatchFarBeyondOneSearchPage() throws Exception {
    HttpResponse<String> response = server.get("/api/export?format=csv&q=quay&size=5");
    assertEquals(200, response.statusCode());
    List<List<String>> rows = ExportEndpointTest.parseCsv(response.body());
    assertEquals(QUAY + 1, rows.size(), "header and every match; size is ignored");
    Set<String> ids = new HashSet<>();
    rows.subList(1, rows.size()).forEach(row -> ids.add(row.get(0)));
    assertEquals(QUAY, ids.size(), "no article twice");
  }

  @Test
  void jsonLinesExportOfEverythingIsInTheAskedOrder() throws Exception {
    HttpResponse<String> response = server.get("/api/export?format=jsonl&source=bulk&sort=oldest");
    String[] lines = response.body().split("\n");
    assertEquals(QUAY + OTHER, JSON.readTree(lines[0]).get("provenance").get("matches").asInt());
    assertEquals(QUAY + OTHER + 1, lines.length);
    List<String> dates = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      dates.add(JSON.readTree(lines[i]).get("published").asText());
    }
    assertEquals(dates.stream().sorted().toList(), dates, "oldest first, across scan pages");
  }

  @Test
  void theFeedHoldsTheNewestFifty() throws Exception {
    String feed = server.get("/api/feed?source=bulk").body();
    assertEquals(FeedHandler.ENTRIES, feed.split("<entry>", -1).length - 1);
  }
}
