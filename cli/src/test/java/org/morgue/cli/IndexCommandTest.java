package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.IndexReport;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.MalformedArticleException;
import org.morgue.indexer.source.SkipReason;
import picocli.CommandLine;

class IndexCommandTest {
  private final ArchiveIndexer indexer = new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard());

  /** Writes n distinct articles made of seed-article paragraphs, one file each. */
  static Path articles(Path folder, int n) throws IOException {
    Files.createDirectories(folder);
    List<String> paragraphs = SeedArticles.text(SeedArticles.CRACKDOWN).lines().filter(l -> l.length() > 80).toList();
    for (int i = 0; i < n; i++) {
      String body = paragraphs.get(i % paragraphs.size()) + "\n\n" + paragraphs.get((i * 7 + 3) % paragraphs.size());
      Files.writeString(folder.resolve(String.format("article-%05d.txt", i)), "Clipping number " + i + "\n\n" + body);
    }
    return folder;
  }

  private IndexReport index(Path index, Path folder) throws IOException {
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      return indexer.index(List.of(folder), writer, Map.of());
    }
  }

  @Test
  void rerunsCountUnchangedAndChangedArticlesAndDeleteRemovesOne(@TempDir Path tmp) throws IOException {
    Path folder = articles(tmp.resolve("in"), 5);
    Path index = tmp.resolve("index");
    IndexReport first = index(index, folder);
    assertEquals(List.of(5, 0, 0), List.of(first.added(), first.updated(), first.unchanged()));

    IndexReport again = index(index, folder);
    assertEquals(List.of(0, 0, 5), List.of(again.added(), again.updated(), again.unchanged()));

    Files.writeString(folder.resolve("article-00002.txt"), "Clipping number 2, corrected\n\nThe reported killing of a suspected Tren de Aragua leader is not the end of anything.\n");
    IndexReport changed = index(index, folder);
    assertEquals(List.of(0, 1, 4), List.of(changed.added(), changed.updated(), changed.unchanged()));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    int status;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      status = new CommandLine(new IndexCommand()).execute("--index", index.toString(), "--delete", "article-00002",
          "--delete", "no-such-id");
    } finally {
      System.setOut(saved);
    }
    assertEquals(IndexCommand.EXIT_SKIPPED, status, "an id that is not there is reported");
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      assertEquals(4, reader.numDocs());
    }
  }

  @Test
  void aMistypedPathOrIndexIsABadArgumentAndWritesNothing(@TempDir Path tmp) throws IOException {
    Path index = tmp.resolve("index");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine command = new CommandLine(new IndexCommand());
    command.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
    int status = command.execute("--index", index.toString(), tmp.resolve("no-such-folder").toString());
    assertEquals(2, status, err.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no file or folder at " + tmp.resolve("no-such-folder")),
        err.toString(StandardCharsets.UTF_8));
    assertTrue(Files.notExists(index), "no index is created for a run that cannot start");

    status = command.execute("--index", tmp.resolve("indx").toString(), "--delete", "article-00002");
    assertEquals(2, status, err.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no index at " + tmp.resolve("indx") + " to delete from"),
        err.toString(StandardCharsets.UTF_8));
    assertTrue(Files.notExists(tmp.resolve("indx")), "deleting from a mistyped index does not create an empty one");
  }

  /**
   * A path that is not there was told in one line, then the whole usage (forty lines) after it, under
   * which that line scrolled away (a user's trial): the line, then where the options are listed.
   */
  @Test
  void aBadArgumentIsOneLineAndWhereTheOptionsAreNotTheWholeUsage(@TempDir Path tmp) {
    StringWriter err = new StringWriter();
    CommandLine command = MorgueHome.commandLine(new IndexCommand());
    command.setErr(new java.io.PrintWriter(err, true));
    Path missing = tmp.resolve("no-such-folder");
    int status = command.execute("--index", tmp.resolve("index").toString(), missing.toString());
    assertEquals(2, status, err.toString());
    assertEquals(List.of("morgue index: no file or folder at " + missing, "./morgue index --help lists the options"),
        err.toString().lines().toList());

    // A mistyped option keeps its "Did you mean" between the two.
    StringWriter mistyped = new StringWriter();
    command.setErr(new java.io.PrintWriter(mistyped, true));
    assertEquals(2, command.execute("--indx", tmp.resolve("index").toString(), missing.toString()));
    List<String> lines = mistyped.toString().lines().toList();
    assertEquals("morgue index: Unknown option: '--indx'", lines.get(0), mistyped.toString());
    assertTrue(lines.stream().anyMatch(line -> line.contains("--index")), mistyped.toString());
    assertEquals("./morgue index --help lists the options", lines.get(lines.size() - 1), mistyped.toString());
    assertTrue(lines.size() <= 4, mistyped.toString());
  }

  @Test
  void oneIdTwiceInAnImportIsAWarningOnTheLaterRecord(@TempDir Path tmp) throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(folder.resolve("export.jsonl"), String.join("\n",
        "{\"id\": \"clip-7\", \"title\": \"Grand jury meets\", \"body\": \"The grand jury met on Friday.\"}",
        "{\"id\": \"clip-8\", \"title\": \"Council votes\", \"body\": \"The council voted on Monday.\"}",
        "{\"id\": \"clip-7\", \"title\": \"Grand jury adjourns\", \"body\": \"The grand jury adjourned.\"}") + "\n");
    IndexReport report = index(tmp.resolve("index"), folder);
    assertEquals(1, report.warnings().size(), report.warnings().toString());
    assertTrue(report.warnings().get(0).origin().endsWith("export.jsonl#3"), report.warnings().toString());
    assertEquals("id 'clip-7' was first read in this run at #1 of this file; this later one replaced it",
        report.warnings().get(0).reason());
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("index")))) {
      assertEquals(2, reader.numDocs(), "the later clip-7 replaced the earlier");
    }
    assertEquals(List.of(2, 0, 0), List.of(report.added(), report.updated(), report.unchanged()),
        "each id counted once, by what the run did to it: the trial's fresh index said one was updated");
    IndexReport again = index(tmp.resolve("index"), folder);
    assertEquals(List.of(0, 0, 2), List.of(again.added(), again.updated(), again.unchanged()),
        "the same files again change nothing; each copy of clip-7 was counted updated on every run");
    Files.writeString(folder.resolve("export.jsonl"), Files.readString(folder.resolve("export.jsonl"))
        .replace("adjourned", "adjourned at noon"));
    IndexReport edited = index(tmp.resolve("index"), folder);
    assertEquals(List.of(0, 1, 1), List.of(edited.added(), edited.updated(), edited.unchanged()));
  }

  /**
   * An id written in its other Unicode form ("José" decomposed, as a macOS export writes it) is the
   * article already indexed, in a later run and in the same run: it was a second article, which reads
   * and deletes then answered as the first (a developer's trial, session 43).
   */
  @Test
  void anIdInItsOtherUnicodeFormReplacesTheArticleInsteadOfAddingOne(@TempDir Path tmp) throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("in"));
    String composed = "Jos\u00e9-report";
    String decomposed = "Jose\u0301-report";
    Files.writeString(folder.resolve("first.jsonl"), "{\"id\": \"" + composed + "\", \"title\": \"Harbour report\","
        + " \"body\": \"The harbour master filed his report on the new ferry terminal.\"}\n");
    Path index = tmp.resolve("index");
    assertEquals(1, index(index, folder).added());

    Files.writeString(folder.resolve("first.jsonl"), "{\"id\": \"" + decomposed + "\", \"title\": \"Harbour report,"
        + " revised\", \"body\": \"The harbour master revised his report on the new ferry terminal.\"}\n");
    IndexReport later = index(index, folder);
    assertEquals(List.of(0, 1, 0), List.of(later.added(), later.updated(), later.unchanged()));
    assertEquals(1, numDocs(index));

    Files.writeString(folder.resolve("second.jsonl"), "{\"id\": \"" + composed + "\", \"title\": \"Harbour report,"
        + " final\", \"body\": \"The harbour master filed his final report on the new ferry terminal.\"}\n");
    IndexReport both = index(index, folder);
    assertEquals(1, numDocs(index), "one article, whichever form each file names it in: " + both.warnings());
    assertEquals(1, both.warnings().size() + both.skipped().size(), "the second form is read as the same id");
  }

  /**
   * Two desks' files with one name are two articles: the later is skipped, naming the earlier, which
   * is kept (a librarian's trial, session 38: the sports story silently replaced the bridge story).
   */
  @Test
  void twoFilesWithOneNameInOneRunKeepTheFirstAndSkipTheSecond(@TempDir Path tmp) throws IOException {
    Path wire = Files.createDirectories(tmp.resolve("in/wire"));
    Path sports = Files.createDirectories(tmp.resolve("in/sports"));
    Files.writeString(wire.resolve("bridge.txt"), "Bridge closed for repairs\n\nThe old bridge over the river was"
        + " closed on Monday for repairs that will take a month.\n");
    Files.writeString(sports.resolve("bridge.txt"), "Bridge United win the cup\n\nBridge United beat Hill Town in"
        + " the final of the county cup on Saturday.\n");
    IndexReport report = index(tmp.resolve("index"), tmp.resolve("in"));
    assertEquals(1, report.added(), report.toString());
    assertEquals(1, report.skipped().size(), report.skipped().toString());
    MalformedArticleException skipped = report.skipped().get(0);
    assertEquals(SkipReason.DUPLICATE_ID, skipped.kind());
    // Folders are read in name order: sports before wire.
    assertTrue(skipped.origin().endsWith("wire/bridge.txt"), skipped.origin());
    assertTrue(skipped.reason().contains("'bridge'") && skipped.reason().contains("sports/bridge.txt"), skipped.reason());
    assertTrue(report.warnings().isEmpty(), report.warnings().toString());
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("index")))) {
      assertEquals(1, reader.numDocs());
    }
  }
  /**
   * A batch's record that gives a whole file's id is a collision too (a librarian's trial, session
   * 39: {@code "id": "bridge"} in a JSON Lines file replaced {@code bridge.txt} with a warning that did
   * not say which), while two batches' records with one id are the sender's re-sent article: the
   * later replaces it, and the warning names where the earlier came from.
   */
  @Test
  void aRecordNeverReplacesAWholeFileButReplacesARecordOfAnotherBatch(@TempDir Path tmp) throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("a-batch.jsonl"), "{\"id\":\"bridge\",\"title\":\"Bridge United win the cup\","
        + "\"body\":\"Bridge United beat Hill Town in the final of the county cup on Saturday.\"}\n"
        + "{\"id\":\"ferry\",\"title\":\"Ferry strike begins\",\"body\":\"The ferry crews stopped work on"
        + " Monday over pay and hours.\"}\n");
    Files.writeString(in.resolve("b-batch.jsonl"), "{\"id\":\"ferry\",\"title\":\"Ferry strike ends\","
        + "\"body\":\"The ferry crews went back to work on Thursday after three days.\"}\n");
    Files.writeString(in.resolve("bridge.txt"), "Bridge closed for repairs\n\nThe old bridge over the river was"
        + " closed on Monday for repairs that will take a month.\n");
    IndexReport report = index(tmp.resolve("index"), in);
    assertEquals(2, report.added(), report.toString());
    assertEquals(1, report.skipped().size(), report.skipped().toString());
    MalformedArticleException skipped = report.skipped().get(0);
    assertEquals(SkipReason.DUPLICATE_ID, skipped.kind());
    assertTrue(skipped.origin().endsWith("bridge.txt"), skipped.origin());
    assertTrue(skipped.reason().contains("a-batch.jsonl#1"), skipped.reason());
    assertEquals(1, report.warnings().size(), report.warnings().toString());
    assertTrue(report.warnings().get(0).reason().contains("at " + in.resolve("a-batch.jsonl") + "#2;"), report.warnings().toString());
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(tmp.resolve("index")))) {
      assertEquals(2, reader.numDocs());
    }
  }
  /**
   * A librarian's trial (session 39): after a file was deleted, a record taken out of a batch and a
   * file renamed, re-indexing the folder kept all three old articles without a word, and the renamed
   * one twice. The run now lists them, keeps them, and removes them with --remove-missing; a file the
   * run could not read leaves its article alone.
   */
  @Test
  void aRunOverAFolderListsTheArticlesWhoseFilesAreGoneAndRemovesThemWhenAsked(@TempDir Path tmp) throws IOException {
    Path folder = articles(tmp.resolve("in"), 4);
    Files.writeString(folder.resolve("batch.jsonl"), String.join("\n",
        "{\"id\": \"clip-7\", \"title\": \"Grand jury meets\", \"body\": \"The grand jury met on Friday.\"}",
        "{\"id\": \"clip-8\", \"title\": \"Council votes\", \"body\": \"The council voted on Monday.\"}") + "\n");
    Path index = tmp.resolve("index");
    String first = run("--index", index.toString(), folder.toString());
    assertTrue(first.startsWith("created a new index at " + index), first);
    assertTrue(first.contains("6 articles added"), first);
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    String none = run("--index", index.toString(), empty.toString());
    assertTrue(none.contains("nothing to index: no files under " + empty) && !none.contains("created"), none);

    Files.delete(folder.resolve("article-00000.txt"));
    Files.move(folder.resolve("article-00001.txt"), folder.resolve("renamed.txt"));
    Files.writeString(folder.resolve("batch.jsonl"),
        "{\"id\": \"clip-8\", \"title\": \"Council votes\", \"body\": \"The council voted on Monday.\"}\n");
    Files.write(folder.resolve("article-00002.txt"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7});
    String kept = run("--index", index.toString(), folder.toString());
    assertTrue(kept.contains("gone article-00000: read from " + folder.resolve("article-00000.txt")), kept);
    assertTrue(kept.contains("gone article-00001: read from " + folder.resolve("article-00001.txt")), kept);
    assertTrue(kept.contains("gone clip-7: read from " + folder.resolve("batch.jsonl") + "#1, which no longer holds it"), kept);
    assertTrue(kept.contains("3 articles of the archive came from files under these folders that are gone"), kept);
    assertTrue(!kept.contains("gone article-00002"), "a file that could not be read this time is not gone: " + kept);
    assertEquals(7, numDocs(index), "kept: four old articles, the renamed file's, clip-8, and the unreadable file's");

    String removed = run("--index", index.toString(), "--remove-missing", folder.toString());
    assertTrue(removed.contains("3 articles removed"), removed);
    assertEquals(4, numDocs(index));
    assertTrue(!run("--index", index.toString(), folder.toString()).contains("gone "), "nothing is gone after the removal");
  }

  /**
   * An operator's trial (session 45) indexed an edited file into a cluster from another machine, whose
   * curation folder was empty: "1 updated", and the article left its collection and lost the renames
   * the archive held, without a word. An archive holding more of the curation than the folder given is
   * refused before anything is written.
   */
  @Test
  void anArchiveHoldingMoreCurationThanTheFolderGivenIsNotWritten(@TempDir Path tmp) throws IOException {
    Path folder = articles(tmp.resolve("in"), 3);
    Path index = tmp.resolve("index");
    index(index, folder);
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      // As a server with curators leaves it after applying two changes.
      writer.commit(Map.of(org.morgue.curation.Curation.COMMIT_KEY, "2"));
    }
    Files.writeString(folder.resolve("article-00001.txt"), "Clipping number 1, corrected\n\nThe talks may resume.\n");

    StringWriter err = new StringWriter();
    CommandLine command = MorgueHome.commandLine(new IndexCommand());
    command.setErr(new java.io.PrintWriter(err, true));
    int status = command.execute("--index", index.toString(), "--curation", tmp.resolve("elsewhere").toString(),
        folder.toString());

    assertEquals(1, status);
    assertTrue(err.toString().contains("holds the curation up to change 2, but the curation at "
        + tmp.resolve("elsewhere") + " has no changes"), err.toString());
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      assertEquals("2", reader.getIndexCommit().getUserData().get(org.morgue.curation.Curation.COMMIT_KEY));
    }
    assertEquals(1, index(index, folder).updated(), "the refused run did not write the edited article");
  }

  private static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      new CommandLine(new IndexCommand()).execute(args);
    } finally {
      System.setOut(saved);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int numDocs(Path index) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      return reader.numDocs();
    }
  }
}
