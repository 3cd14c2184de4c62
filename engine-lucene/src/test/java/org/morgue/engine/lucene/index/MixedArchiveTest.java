package org.morgue.engine.lucene.index;

import org.morgue.indexer.TestFiles;

import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.IndexReport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.indexer.SeedArticles;
import org.morgue.article.Article;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.ArticleSink;
import org.morgue.indexer.source.MalformedArticleException;
import org.morgue.indexer.source.SkipReason;

/**
 * An archive as a librarian brings it: every format at once, gzipped files, and a folder of
 * deliberately broken files. Every good record is indexed exactly once, every bad one reported.
 */
class MixedArchiveTest {
  private final ArticleFiles files = ArticleFiles.standard();
  private final ArchiveIndexer indexer = new ArchiveIndexer(files, ArticleEnricher.standard());

  static Path resource(String name) throws URISyntaxException {
    return TestFiles.path("/" + name);
  }

  static void gzip(Path from, Path to) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
      Files.copy(from, out);
    }
  }

  private Path archive(Path root) throws Exception {
    Path good = Files.createDirectories(root.resolve("good"));
    Files.writeString(good.resolve(SeedArticles.CRACKDOWN + ".txt"), SeedArticles.text(SeedArticles.CRACKDOWN));
    gzip(resource("seed/" + SeedArticles.KILL_CLAIMS + ".txt"), good.resolve(SeedArticles.KILL_CLAIMS + ".txt.gz"));
    for (String name : List.of("formats/crackdown-page.html", "formats/southern-wire.atom",
        "formats/sotu/1790_george_washington_n.json", "formats/brown/ca01", "formats/rcv1/900001newsML.xml",
        "formats/reuters/reut-00001.xml", "formats/reuters/reut-00002.xml", "jsonl/articles.jsonl")) {
      Path from = resource(name);
      Files.copy(from, good.resolve(from.getFileName().toString()));
    }
    gzip(resource("formats/reuters/reut-00007.xml"), good.resolve("reut-00007.xml.gz"));

    Path broken = Files.createDirectories(root.resolve("broken"));
    Files.writeString(broken.resolve("lines.jsonl"), String.join("\n",
        "{\"id\": \"ok-1\", \"title\": \"Congress debates the border\", \"body\": \"Lawmakers may vote on the measure next week, officials said.\"}",
        "{\"id\": \"bad-json\", \"title\": \"Unclosed",
        "{\"id\": \"bad-date\", \"title\": \"A dated piece\", \"body\": \"Text of it.\", \"published\": \"31/02/2020\"}",
        "{\"id\": \"ok-2\", \"title\": \"Sanctions widen\", \"body\": \"The Treasury clearly intends to widen sanctions.\"}"));
    Path gz = broken.resolve("truncated.jsonl.gz");
    gzip(resource("jsonl/articles.jsonl"), gz);
    byte[] whole = Files.readAllBytes(gz);
    Files.write(gz, java.util.Arrays.copyOf(whole, whole.length / 2));
    Files.copy(resource("formats/empty-page.html"), broken.resolve("empty-page.html"));
    Files.copy(resource("formats/bad-date-page.html"), broken.resolve("bad-date-page.html"));
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    Files.write(broken.resolve("junk.txt"), junk);
    Files.write(broken.resolve("junk.bin"), junk);
    Files.writeString(broken.resolve("notes.docx"), "not a format Morgue reads");
    return root;
  }

  /** What the formats themselves say the good folder holds, file by file. */
  private List<String> goodIds(Path good) throws IOException {
    List<String> ids = new ArrayList<>();
    for (Path file : files.files(List.of(good))) {
      files.read(file, new ArticleSink() {
        @Override
        public void accept(Article article) {
          ids.add(article.id());
        }

        @Override
        public void reject(MalformedArticleException problem) {
          throw new AssertionError("a good file was rejected: " + problem.getMessage());
        }
      });
    }
    return ids;
  }

  @Test
  void everyGoodRecordIsIndexedOnceAndEveryBadOneReportedWithItsReason(@TempDir Path tmp) throws Exception {
    Path root = archive(tmp.resolve("archive"));
    List<String> good = goodIds(root.resolve("good"));
    assertTrue(good.size() >= 14, "every format contributes: " + good);
    Path index = tmp.resolve("index");

    IndexReport first;
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      first = indexer.index(List.of(root), writer, Map.of());
    }
    // ok-1, ok-2 and bad-date of lines.jsonl, and the page whose date does not parse (both kept undated)
    int partialGzipArticles = first.added() - good.size() - 4;
    assertTrue(partialGzipArticles >= 0, "lines before the truncation are kept: " + partialGzipArticles);

    Map<String, String> reasons = new TreeMap<>();
    for (MalformedArticleException problem : first.skipped()) {
      String where = root.relativize(Path.of(problem.origin().replaceFirst("#\\d+$", ""))).toString();
      reasons.put(where + (problem.origin().matches(".*#\\d+$") ? problem.origin().replaceFirst(".*(#\\d+)$", "$1") : ""),
          problem.reason());
    }
    assertTrue(reasons.get("broken/lines.jsonl#2").startsWith("line is not valid JSON"), reasons.toString());
    assertFalse(reasons.containsKey("broken/lines.jsonl#3"), "kept undated, with a warning: " + reasons);
    assertTrue(first.warnings().stream().anyMatch(w -> w.origin().endsWith("lines.jsonl#3")
        && w.reason().equals("published '31/02/2020' is not an ISO-8601 date; indexed undated")), first.warnings().toString());
    assertTrue(reasons.keySet().stream().anyMatch(k -> k.startsWith("broken/truncated.jsonl.gz")), reasons.toString());
    assertEquals("no article text found", reasons.get("broken/empty-page.html"));
    assertFalse(reasons.containsKey("broken/bad-date-page.html"), "kept undated, with a warning: " + reasons);
    assertTrue(reasons.get("broken/junk.txt").startsWith("not UTF-8 text"), reasons.get("broken/junk.txt"));
    assertEquals("unknown format", reasons.get("broken/junk.bin"));
    assertEquals("unknown format", reasons.get("broken/notes.docx"));
    assertTrue(reasons.keySet().stream().noneMatch(k -> k.startsWith("good/")), reasons.toString());
    // Every skip is counted under its kind, so the kinds add up to the skips.
    assertEquals(first.skipped().size(), first.skippedByKind().values().stream().mapToInt(Integer::intValue).sum());
    assertEquals(2, first.skippedByKind().get(SkipReason.UNKNOWN_FORMAT), first.skippedByKind().toString());
    assertEquals(1, first.skippedByKind().get(SkipReason.NOT_TEXT), first.skippedByKind().toString());
    assertTrue(first.warnings().stream().anyMatch(w -> w.origin().endsWith("bad-date-page.html")
        && w.reason().endsWith("does not parse; indexed undated")), first.warnings().toString());

    IndexReport second;
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      second = indexer.index(List.of(root), writer, Map.of());
    }
    assertEquals(0, second.added());
    assertEquals(first.added(), second.unchanged());
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      assertEquals(first.added(), searcher.articleCount());
      for (String id : good) {
        assertTrue(searcher.article(id).isPresent(), id);
      }
    }
  }
}
