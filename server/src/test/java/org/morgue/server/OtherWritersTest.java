package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.search.ArchiveStore;
import org.morgue.server.live.ArchiveFollower;

/**
 * A server that takes no changes itself still searches what another writer commits to its archive:
 * {@code ./morgue index} into the folder it serves, or another server writing to the same cluster.
 * The user trial imported a file beside a running server, which answered as before until restarted.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class OtherWritersTest {
  /** Far more than the follower's few seconds: a wait for what must happen, never a timing. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Parameter TestEngine engine;
  @TempDir Path tmp;
  RunningServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anArticleIndexedBesideTheServerIsFoundAndOneDeletedIsGone() throws Exception {
    TestEngine.Archive archive = engine.index(tmp, List.of(SeedIndex.corpus(tmp, Map.of(), List.of())));
    server = RunningServer.on(archive);
    server.getJson("/api/articles/harbour-strike-ends", 404);
    long before = server.getJson("/api/search?size=0", 200).get("total").asLong();

    Path desk = Files.createDirectories(tmp.resolve("imports").resolve("desk"));
    Files.writeString(desk.resolve("box.jsonl"), "{\"id\": \"harbour-strike-ends\", \"title\": \"Harbour strike ends\","
        + " \"body\": \"The harbour strike ended on Monday after nine days.\", \"published\": \"1961-05\"}\n");
    try (ArchiveStore store = archive.stores().open()) {
      new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard()).index(List.of(desk), store, Map.of());
    }
    assertEquals("Harbour strike ends", waitFor("/api/articles/harbour-strike-ends", 200).get("title").asText());
    assertEquals(before + 1, server.getJson("/api/search?size=0", 200).get("total").asLong());

    try (ArchiveStore store = archive.stores().open()) {
      store.delete(SeedIndex.KILL_CLAIMS);
      store.commit(Map.of());
    }
    waitFor("/api/articles/" + SeedIndex.KILL_CLAIMS, 404);
    assertEquals(before, server.getJson("/api/search?size=0", 200).get("total").asLong());
  }

  @Test
  void anIndexBuiltAnewInTheFolderTheServerReadsIsSearched() throws Exception {
    // A folder emptied and indexed again: Lucene refused to refresh across the new segments, and the
    // second trial's server answered the deleted index's articles for good. OpenSearch has no folder.
    Assumptions.assumeTrue(engine == TestEngine.LUCENE, "an embedded index's folder");
    TestEngine.Archive archive = engine.index(tmp, List.of(SeedIndex.corpus(tmp, Map.of(), List.of())));
    server = RunningServer.on(archive);
    server.getJson("/api/articles/" + SeedIndex.KILL_CLAIMS, 200);

    deleteFolder(tmp.resolve("index"));
    Path desk = Files.createDirectories(tmp.resolve("imports").resolve("desk"));
    Files.writeString(desk.resolve("box.jsonl"), "{\"id\": \"harbour-strike-ends\", \"title\": \"Harbour strike ends\","
        + " \"body\": \"The harbour strike ended on Monday after nine days.\"}\n");
    // Built anew as `morgue index` builds it: the server's own stores open only an index that is there.
    try (ArchiveStore store = ArchiveWriter.open(tmp.resolve("index"))) {
      new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard()).index(List.of(desk), store, Map.of());
    }
    waitFor("/api/articles/harbour-strike-ends", 200);
    assertEquals(1, server.getJson("/api/search?size=0", 200).get("total").asLong(), "the new index alone");
    server.getJson("/api/articles/" + SeedIndex.KILL_CLAIMS, 404);
  }

  @Test
  void theSameArchiveBuiltAnewWithOneTitleChangedShowsTheNewTitle() throws Exception {
    // Indexing the same articles into an emptied folder writes a commit of the very version the open
    // reader has, so DirectoryReader.isCurrent alone says nothing changed; only the commit's id does.
    Assumptions.assumeTrue(engine == TestEngine.LUCENE, "an embedded index's folder");
    Path corpus = SeedIndex.corpus(tmp, Map.of(), List.of());
    TestEngine.Archive archive = engine.index(tmp, List.of(corpus));
    server = RunningServer.on(archive);
    assertEquals("Trump Escalates Venezuela Crackdown",
        server.getJson("/api/articles/" + SeedIndex.CRACKDOWN, 200).get("title").asText());

    Path seed = corpus.resolve("seed-articles").resolve(SeedIndex.CRACKDOWN + ".txt");
    Files.writeString(seed, Files.readString(seed).replaceFirst("Trump Escalates Venezuela Crackdown",
        "Trump Widens Venezuela Crackdown"));
    deleteFolder(tmp.resolve("index"));
    // Built anew as `morgue index` builds it: the server's own stores open only an index that is there.
    try (ArchiveStore store = ArchiveWriter.open(tmp.resolve("index"))) {
      new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard()).index(List.of(corpus), store, Map.of());
    }
    Instant giveUp = Instant.now().plus(PATIENCE);
    String path = "/api/articles/" + SeedIndex.CRACKDOWN;
    while (!server.getJson(path, 200).get("title").asText().contains("Widens") && Instant.now().isBefore(giveUp)) {
      Thread.sleep(ArchiveFollower.EVERY.toMillis() / 4);
    }
    assertEquals("Trump Widens Venezuela Crackdown", server.getJson(path, 200).get("title").asText());
    assertEquals(2, server.getJson("/api/search?size=0", 200).get("total").asLong());
  }

  private static void deleteFolder(Path folder) throws IOException {
    try (var files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The answer to a request once it has the status, asking again until then. */
  private com.fasterxml.jackson.databind.JsonNode waitFor(String path, int status) throws Exception {
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (server.get(path).statusCode() != status && Instant.now().isBefore(giveUp)) {
      Thread.sleep(ArchiveFollower.EVERY.toMillis() / 4);
    }
    return server.getJson(path, status);
  }
}
