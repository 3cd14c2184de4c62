package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
}
