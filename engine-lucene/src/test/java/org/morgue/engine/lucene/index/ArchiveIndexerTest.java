package org.morgue.engine.lucene.index;

import org.morgue.indexer.TestFiles;

import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.IndexProgress;
import org.morgue.indexer.ingest.IndexReport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.MalformedArticleException;
import org.morgue.indexer.source.ReadWarning;
import org.morgue.indexer.source.SavedPageFolder;

class ArchiveIndexerTest {
  private final ArchiveIndexer indexer = new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard());


  private IndexReport index(Path index, Path... paths) throws IOException {
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      return indexer.index(List.of(paths), writer, Map.of());
    }
  }

  @Test
  void badFilesAreReportedWithPathAndReasonWhileTheGoodOnesAreIndexed(@TempDir Path tmp) throws IOException {
    Path corpus = SeedArticles.writeFolder(tmp.resolve("corpus"));
    Path broken = Files.createDirectories(corpus.resolve("broken"));
    Files.writeString(broken.resolve("empty.txt"), "\n\n");
    Files.write(broken.resolve("binary.txt"), new byte[] {(byte) 0xC3, (byte) 0x28, 0, 1, 2});
    Files.writeString(broken.resolve("notes.docx"), "not a format Morgue reads");
    Files.writeString(broken.resolve("headline-only.txt"), "A Headline With No Story\n");
    Files.writeString(corpus.resolve(".DS_Store"), "clutter");

    IndexReport report = index(tmp.resolve("index"), corpus);

    // The headline alone is kept, as a JSON Lines record with a title alone is, and said.
    assertEquals(3, report.indexed());
    assertEquals(List.of(new ReadWarning(broken.resolve("headline-only.txt").toString(), "no text: indexed with its title alone")),
        report.warnings());
    assertEquals(6, report.files());
    Map<String, String> reasons = new java.util.TreeMap<>();
    for (MalformedArticleException problem : report.skipped()) {
      reasons.put(Path.of(problem.origin()).getFileName().toString(), problem.reason());
    }
    assertEquals("the file is empty", reasons.get("empty.txt"));
    assertTrue(reasons.get("binary.txt").startsWith("not UTF-8 text"), reasons.get("binary.txt"));
    assertEquals("unknown format", reasons.get("notes.docx"));
    assertEquals(3, reasons.size());
    assertTrue(report.skipped().stream().allMatch(p -> p.origin().contains(broken.toString())));
  }

  @Test
  void anArticleIndexedWithoutItsDateIsCountedAsAWarningNotASkip(@TempDir Path tmp) throws Exception {
    Path feed = Files.copy(TestFiles.path("formats/wire-1961.rss"), tmp.resolve("wire-1961.rss"));

    IndexReport report = index(tmp.resolve("index"), feed);

    assertEquals(4, report.indexed(), "the item with an unreadable date is indexed too");
    assertEquals(List.of(), report.skipped());
    assertEquals(List.of(new ReadWarning(feed + "#4", "published date 'late May, 1961 (exact date unknown)' does not parse; indexed undated")),
        report.warnings());
    assertEquals(Map.of("published date 'late May, 1961 (exact date unknown)' does not parse; indexed undated", 1),
        report.warningsByReason());
  }

  @Test
  void anIdSentAgainIsWarnedOnNamingTheIdAndTheRecordItWasFirstReadFrom(@TempDir Path tmp) throws IOException {
    // A librarian's CMS export sends cms-1001 on lines 1 and 8 (trial, session 44): the warning named
    // neither, and in an export of 8,000 lines she could not find the pair.
    Path desk = Files.createDirectories(tmp.resolve("desk"));
    Files.copy(TestFiles.path("trial-b/cms-export.jsonl"), desk.resolve("cms-export.jsonl"));
    Files.writeString(desk.resolve("cms-update.jsonl"), "{\"id\": \"cms-1007\", \"title\": \"Police charge man"
        + " over Quay Street fire\", \"body\": \"A man was charged with arson on Friday.\"}\n");

    IndexReport report = index(tmp.resolve("index"), desk);

    List<ReadWarning> resent = report.warnings().stream().filter(warning -> warning.reason().contains("replaced")).toList();
    assertEquals(List.of(
        new ReadWarning(desk.resolve("cms-export.jsonl") + "#8",
            "id 'cms-1001' was first read in this run at #1 of this file; this later one replaced it",
            "an article with the same id was read earlier in this run; this later one replaced it"),
        new ReadWarning(desk.resolve("cms-update.jsonl") + "#1", "id 'cms-1007' was first read in this run at "
            + desk.resolve("cms-export.jsonl") + "#9; this later one replaced it",
            "an article with the same id was read earlier in this run, from " + desk.resolve("cms-export.jsonl")
                + "; this later one replaced it")), resent);
    // The summary still counts them by file, not one line per id.
    assertEquals(1, report.warningsByReason().get("an article with the same id was read earlier in this run; this later"
        + " one replaced it"));
  }

  @Test
  void aPageSavedCompleteHasItsFolderPassedOverOnceNotItsAdvertIndexed(@TempDir Path tmp) throws IOException {
    // A librarian's trial (session 44): the advert's frame in the saved page's folder was indexed as an
    // article ("Buy now!"), and its stylesheet, script and pixel each got an "unknown format" line.
    Path web = TestFiles.path("trial-b/web");
    Path assets = web.resolve("Harbour fire spreads to second block _ News _ The Bayside Gazette_files");

    IndexReport report = index(tmp.resolve("index"), web);

    assertEquals(List.of(), report.skipped());
    assertEquals(List.of(new SavedPageFolder(assets, web.resolve("harbour-fire-spreads.html"))), report.savedPages());
    assertEquals(2, report.files());
    try (ArchiveSearcher searcher = ArchiveSearcher.open(tmp.resolve("index"))) {
      assertEquals(2, searcher.articleCount(), "the two pages, not the advert");
    }
  }

  @Test
  void aSavedPagesFolderIsKnownByItsLocalisedNameAndThePageOfTheSameNameBesideIt(@TempDir Path tmp) throws IOException {
    // German Chrome names the folder "-Dateien"; the page need not link into it if it has its name.
    Path web = TestFiles.path("trial-b/web");
    Path desk = Files.createDirectories(tmp.resolve("desk"));
    Files.copy(web.resolve("school-reopens.html"), desk.resolve("Schule.htm"));
    Path german = Files.createDirectories(desk.resolve("Schule-Dateien"));
    Files.copy(web.resolve("Harbour fire spreads to second block _ News _ The Bayside Gazette_files/ad.html"),
        german.resolve("ad.html"));
    // A folder named so, but which no page beside it owns, is read: a newsroom's "press_files".
    Path press = Files.createDirectories(desk.resolve("press_files"));
    Files.writeString(press.resolve("crackdown.txt"), SeedArticles.text(SeedArticles.CRACKDOWN));

    IndexReport report = index(tmp.resolve("index"), desk);

    assertEquals(List.of(new SavedPageFolder(german, desk.resolve("Schule.htm"))), report.savedPages());
    assertEquals(2, report.articles());
    // The folder itself, given as a path, is read: it was asked for.
    IndexReport asked = index(tmp.resolve("asked"), german);
    assertEquals(List.of(1, 0), List.of(asked.articles(), asked.savedPages().size()));
  }

  @Test
  void anEditedPageWithoutAUrlThatNoLongerGivesItsIdNamesTheIdItGivesNow(@TempDir Path tmp) throws IOException {
    // A librarian's trial (session 44): a sentence edited in a page without a URL gave it a new id, and
    // the run named only the old one as gone, so she could not tell which article replaced it.
    Path web = Files.createDirectories(tmp.resolve("web"));
    Path page = web.resolve("school-reopens.html");
    Files.copy(TestFiles.path("trial-b/web/school-reopens.html"), page);
    Path index = tmp.resolve("index");
    String before = onlyId(index(index, web), index);
    Files.writeString(page, Files.readString(page).replace("</p>", " It was edited.</p>"));

    IndexReport edited;
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      edited = indexer.index(List.of(web), writer, Map.of(), IndexProgress.SILENT, true);
    }

    assertEquals(1, edited.added());
    List<String> ids = new java.util.ArrayList<>();
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      writer.forEachOrigin((id, origin) -> ids.add(id));
    }
    ids.remove(before);
    assertEquals(List.of(new IndexReport.GoneArticle(before, page.toString(), false, ids)), edited.gone());
  }

  private static String onlyId(IndexReport report, Path index) throws IOException {
    assertEquals(1, report.added());
    List<String> ids = new java.util.ArrayList<>();
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      writer.forEachOrigin((id, origin) -> ids.add(id));
    }
    return ids.get(0);
  }

  @Test
  void filesWhoseTextIsExactlyAnothersAreNamedWithTheFileTheyCopy(@TempDir Path tmp) throws IOException {
    // A librarian's share (trial, session 44) held the seed article twice more under other names: all
    // three were grouped as one story, rightly, but the run said nothing, so she could not clean it up.
    Path share = Files.createDirectories(tmp.resolve("share"));
    String crackdown = SeedArticles.text(SeedArticles.CRACKDOWN);
    Path copy = Files.writeString(Files.createDirectories(share.resolve("inbox")).resolve(SeedArticles.CRACKDOWN + " (copy).txt"),
        crackdown);
    Path seed = SeedArticles.writeFolder(share).resolve(SeedArticles.CRACKDOWN + ".txt");
    Path wire = Files.createDirectories(share.resolve("wire"));
    Path finalCopy = Files.writeString(wire.resolve("crackdown-final.txt"), crackdown);
    // A wire copy with one word changed is a version of the story, not an identical copy.
    Files.writeString(wire.resolve("crackdown-edited.txt"), crackdown.replace("more volatile phase", "more dangerous phase"));

    IndexReport report = index(tmp.resolve("index"), share);

    assertEquals(5, report.added());
    String copyId = SeedArticles.CRACKDOWN + " (copy)";
    assertEquals(List.of(
        new IndexReport.CopiedArticle(seed.toString(), SeedArticles.CRACKDOWN, copy.toString(), copyId),
        new IndexReport.CopiedArticle(finalCopy.toString(), "crackdown-final", copy.toString(), copyId)), report.copies());
  }

  @Test
  void indexingTheSameFilesTwiceLeavesOneCopyOfEachArticle(@TempDir Path tmp) throws IOException {
    Path corpus = SeedArticles.writeFolder(tmp.resolve("corpus"));
    Path index = tmp.resolve("index");
    index(index, corpus);
    index(index, corpus);
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      assertEquals(2, searcher.articleCount());
    }
  }

  @Test
  void uncommittedWorkIsNotVisibleAfterClose(@TempDir Path tmp) throws IOException {
    Path index = tmp.resolve("index");
    index(index, SeedArticles.writeFolder(tmp.resolve("a")).resolve(SeedArticles.CRACKDOWN + ".txt"));
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      writer.deleteAll(); // never committed: as if the process died here
    }
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      assertEquals(1, searcher.articleCount());
    }
    assertTrue(Files.readString(tmp.resolve("a/seed-articles/" + SeedArticles.CRACKDOWN + ".txt"), StandardCharsets.UTF_8)
        .startsWith("Trump Escalates"));
  }
  @Test
  void severalThreadsIndexWhatOneThreadDoesAndTheLaterVersionOfARepeatedIdWins(@TempDir Path tmp) throws IOException {
    List<String> paragraphs = new java.util.ArrayList<>();
    for (String name : List.of(SeedArticles.CRACKDOWN, SeedArticles.KILL_CLAIMS)) {
      for (String block : SeedArticles.text(name).split("\n\\s*\n")) {
        if (block.length() > 80) {
          paragraphs.add(block.replace('\n', ' '));
        }
      }
    }
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    StringBuilder lines = new StringBuilder();
    int total = 240;
    for (int i = 0; i < total; i++) {
      String body = paragraphs.get(i % paragraphs.size()) + "\n\n" + paragraphs.get((i * 7 + 3) % paragraphs.size());
      // Article 100 comes again at the end with another headline: the second version must win.
      String id = i == total - 1 ? "a-100" : "a-" + i;
      String title = i == total - 1 ? "The later version" : "Clipping " + i;
      lines.append(mapper.writeValueAsString(Map.of("id", id, "title", title, "body", body))).append('\n');
    }
    Path input = Files.createDirectories(tmp.resolve("in")).resolve("clips.jsonl");
    Files.writeString(input, lines, StandardCharsets.UTF_8);

    Map<Integer, IndexReport> reports = new java.util.HashMap<>();
    Map<Integer, Map<String, org.morgue.article.EnrichedArticle>> stored = new java.util.HashMap<>();
    for (int threads : List.of(1, 3)) {
      Path index = tmp.resolve("index-" + threads);
      ArchiveIndexer parallel = new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard(), 50, threads);
      try (ArchiveWriter writer = ArchiveWriter.open(index)) {
        reports.put(threads, parallel.index(List.of(input), writer, Map.of()));
      }
      Map<String, org.morgue.article.EnrichedArticle> articles = new java.util.HashMap<>();
      try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
        assertEquals(total - 1, searcher.articleCount());
        for (int i = 0; i < total - 1; i++) {
          articles.put("a-" + i, searcher.article("a-" + i).orElseThrow());
        }
      }
      stored.put(threads, articles);
    }
    for (int threads : List.of(1, 3)) {
      IndexReport report = reports.get(threads);
      assertEquals(List.of(total - 1, 0, 0), List.of(report.added(), report.updated(), report.unchanged()),
          threads + " threads: the repeated id is one article added, not one added and one updated");
      assertEquals("The later version", stored.get(threads).get("a-100").article().title(), threads + " threads");
    }
    assertEquals(stored.get(1), stored.get(3), "the same articles with the same enrichments");
  }
}
