package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Article;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.IndexProgress;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.MalformedArticleException;
import org.morgue.indexer.source.PlainTextArticleParser;
import org.morgue.server.live.LiveIndex;
import picocli.CommandLine;

/**
 * What a librarian sees of {@code added} through the commands: the server's rebuild of a stale corpus
 * index (a schema upgrade, a changed corpus), an article posted live, and {@code morgue index} into a
 * deleted index folder all keep when each article first arrived, kept beside the index
 * ({@code <index>.arrivals}).
 */
class ArrivalsAcrossRebuildsTest {
  private static final String POSTED = "harbour-strike-ends";
  private static final String POSTED_TEXT = "Harbour strike ends after nine days\n\nDock workers in the port voted on"
      + " Friday to accept the employers' offer and return to work on Monday, ending a strike that had held"
      + " up shipping for nine days.\n";
  private final ArchiveIndexer indexer = new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard());

  private static Map<String, Instant> added(Path index, List<String> ids) throws IOException {
    Map<String, Instant> added = new HashMap<>();
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      for (String id : ids) {
        added.put(id, searcher.indexed(id).orElseThrow().added().orElseThrow());
      }
    }
    return added;
  }

  private static void clockPast(Map<String, Instant> times) {
    Instant last = times.values().stream().max(Comparator.naturalOrder()).orElseThrow();
    while (!Instant.now().isAfter(last.plusMillis(1))) {
      Thread.onSpinWait();
    }
  }

  @Test
  void theServersRebuildAndALiveArticleIndexedAgainFromNothingKeepTheirArrivals(@TempDir Path tmp)
      throws IOException, MalformedArticleException {
    Path corpus = SeedArticles.writeFolder(tmp.resolve("corpus"));
    Path index = tmp.resolve("index");
    ArchiveLocation archive = new ArchiveLocation.Folder(index);
    CorpusIndexer corpusIndexer = new CorpusIndexer(indexer, new CorpusFingerprint(ArticleFiles.standard()));
    List<String> seeds = List.of(SeedArticles.CRACKDOWN, SeedArticles.KILL_CLAIMS);
    corpusIndexer.indexIfStale(corpus, archive, IndexProgress.SILENT).orElseThrow();
    Map<String, Instant> first = added(index, seeds);
    clockPast(first);

    // The corpus changed (as a schema upgrade makes it stale too): serve rebuilds the index from nothing.
    Files.writeString(corpus.resolve(POSTED + ".txt"), POSTED_TEXT);
    corpusIndexer.indexIfStale(corpus, archive, IndexProgress.SILENT).orElseThrow();
    assertEquals(first, added(index, seeds), "serve's rebuild of a stale corpus index");
    Files.delete(corpus.resolve(POSTED + ".txt"));
    corpusIndexer.indexIfStale(corpus, archive, IndexProgress.SILENT).orElseThrow();

    Path posted = Files.createDirectories(tmp.resolve("posted"));
    Files.writeString(posted.resolve(POSTED + ".txt"), POSTED_TEXT.replace("nine days", "nine days, the longest since 1989"));
    Article live = new PlainTextArticleParser().parse(POSTED_TEXT, POSTED, "wire", "api");
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index);
        LiveIndex writer = LiveIndex.open(archive.stores(), indexer, searcher)) {
      assertEquals(1, writer.put("curator", java.util.Optional.empty(), List.of(live), version -> true).result().added());
    }
    Map<String, Instant> withLive = added(index, List.of(SeedArticles.CRACKDOWN, SeedArticles.KILL_CLAIMS, POSTED));
    assertTrue(withLive.get(POSTED).isAfter(first.get(SeedArticles.CRACKDOWN)), withLive.toString());
    clockPast(withLive);

    try (Stream<Path> files = Files.walk(index)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
    int status = new CommandLine(new IndexCommand()).execute("--index", index.toString(), corpus.toString(),
        posted.toString());
    assertEquals(0, status);
    assertEquals(withLive, added(index, List.of(SeedArticles.CRACKDOWN, SeedArticles.KILL_CLAIMS, POSTED)),
        "the index folder deleted and its files indexed again, the posted article's with changed text");
    assertTrue(Files.isRegularFile(tmp.resolve("index.arrivals")), "kept beside the index");
  }
}
