package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.morgue.indexer.ingest.IndexReport;
import org.morgue.indexer.source.MalformedArticleException;
import org.morgue.indexer.source.ReadWarning;
import org.morgue.indexer.source.SavedPageFolder;
import org.morgue.indexer.source.SkipReason;

class IndexReportPrinterTest {
  @Test
  void printsEverySkipThenTheSummaryThenTheSkipsByKindAndByReason() {
    IndexReport report = new IndexReport(3, 2, 1, 0, List.of(
        new MalformedArticleException(SkipReason.UNKNOWN_FORMAT, "a.bin", "unknown format"),
        new MalformedArticleException(SkipReason.EMPTY, "b.txt", "empty file"),
        new MalformedArticleException(SkipReason.UNKNOWN_FORMAT, "c.docx", "unknown format")),
        List.of(new ReadWarning("d.xml#1", "no date; indexed undated")), Duration.ofMillis(1500));

    assertEquals("""
        skipped a.bin: unknown format
        skipped b.txt: empty file
        skipped c.docx: unknown format
        warning d.xml#1: no date; indexed undated
        3 files: 2 articles added, 1 updated, 0 unchanged; 3 skipped; 1.5 s, 2 articles/s
          skipped by kind: 1 empty, 2 unknown-format
               1 skipped: empty file
               2 skipped: unknown format
               1 indexed with a warning: no date; indexed undated
        """, print(report));
  }

  @Test
  void aSavedPagesFolderIsOneLineAndACountNotASkip() {
    // Not a line per stylesheet, script and image in it (trial, session 44), and no skip: nothing was lost.
    Path web = Path.of("archive", "web");
    IndexReport report = new IndexReport(1, 1, 0, 0, List.of(), List.of(), Duration.ofSeconds(1), List.of(),
        List.of(new SavedPageFolder(web.resolve("Harbour fire_files"), web.resolve("harbour-fire.html"))));

    assertEquals("passed over " + web.resolve("Harbour fire_files") + ": the styles, scripts, images and frames of the"
        + " page saved beside it, harbour-fire.html, not articles\n"
        + "1 file: 1 article added, 0 updated, 0 unchanged; 0 skipped; 1.0 s, 1 articles/s\n"
        + "  1 folder of saved pages passed over: a page's own files, not articles\n", print(report));
  }

  @Test
  void anArticleGoneFromAFileThatGaveNewIdsNamesThem() {
    IndexReport report = new IndexReport(2, 2, 0, 0, List.of(), List.of(), Duration.ofSeconds(1), List.of(
        new IndexReport.GoneArticle("text-48e2", "web/school.html", false, List.of("text-9a01")),
        new IndexReport.GoneArticle("cms-1007", "desk/cms.jsonl#9", true, List.of("cms-1008")),
        new IndexReport.GoneArticle("OBIT", "desk/OBIT.TXT", false)));

    assertEquals("""
        gone text-48e2: read from web/school.html, which now gives text-9a01 instead
        gone cms-1007: read from desk/cms.jsonl#9, which no longer holds it; new in it: cms-1008
        gone OBIT: read from desk/OBIT.TXT, which is gone or no longer gives it
        3 articles of the archive came from files under these folders that are gone or no longer give them;\
         kept: run again with --remove-missing to remove them
        """, printGone(report));
  }

  private static String printGone(IndexReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new IndexReportPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).printGone(report, false);
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  @Test
  void anIdenticalCopyIsALineNamingTheFileItCopiesAndACount() {
    IndexReport report = new IndexReport(2, 2, 0, 0, List.of(), List.of(), Duration.ofSeconds(1), List.of(), List.of(),
        List.of(new IndexReport.CopiedArticle("wire/crackdown-final.txt", "crackdown-final", "seed/crackdown.txt",
            "crackdown")));

    assertEquals("""
        copy wire/crackdown-final.txt: the same text as seed/crackdown.txt (crackdown); indexed as a version of its story
        2 files: 2 articles added, 0 updated, 0 unchanged; 0 skipped; 1.0 s, 2 articles/s
          1 article with the same text as another read in this run (identical copies), each indexed as a version of its story
        """, print(report));
  }

  @Test
  void aRunWithoutSkipsPrintsNoKindLine() {
    IndexReport report = new IndexReport(1, 1, 0, 0, List.of(), List.of(), Duration.ofSeconds(1));
    assertEquals("1 file: 1 article added, 0 updated, 0 unchanged; 0 skipped; 1.0 s, 1 articles/s\n", print(report));
  }

  private static String print(IndexReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new IndexReportPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).print(report);
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
