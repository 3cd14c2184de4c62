package org.morgue.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/benchmarks.md keeps one section per corpus size, in size order, and a rerun replaces only its own. */
class BenchmarksDocumentTest {
  @Test
  void aRerunReplacesItsSizeAndKeepsTheOthersInOrder(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("docs").resolve("benchmarks.md");
    BenchmarksDocument.update(file, 1_000_000, "## 1,000,000 articles\n\nfirst 1M run\n");
    BenchmarksDocument.update(file, 100_000, "## 100,000 articles\n\n100k run\n");
    BenchmarksDocument.update(file, 1_000_000, "## 1,000,000 articles\n\nsecond 1M run\n");

    String text = Files.readString(file);
    assertTrue(text.startsWith(BenchmarksDocument.INTRODUCTION));
    assertFalse(text.contains("first 1M run"));
    int small = text.indexOf("100k run");
    int large = text.indexOf("second 1M run");
    assertTrue(small > 0 && large > small, text);
    assertEquals(1, text.split("<!-- bench:1000000 start -->", -1).length - 1);
    assertEquals(1, text.split("<!-- bench:100000 start -->", -1).length - 1);
  }

  @Test
  void aRunKeepsTheHandWrittenSectionsAroundTheGeneratedOnes(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("benchmarks.md");
    Files.writeString(file, BenchmarksDocument.INTRODUCTION + "## Indexing: profile and fixes\n\nwritten by hand\n");
    BenchmarksDocument.update(file, 100_000, "## 100,000 articles\n\n100k run\n");
    BenchmarksDocument.update(file, 20_000, "## 20,000 articles\n\n20k run\n");
    BenchmarksDocument.update(file, 100_000, "## 100,000 articles\n\nsecond 100k run\n");

    String text = Files.readString(file);
    assertTrue(text.startsWith(BenchmarksDocument.INTRODUCTION + "## Indexing: profile and fixes\n\nwritten by hand\n"), text);
    assertFalse(text.contains("\n100k run"), text);
    assertTrue(text.indexOf("20k run") < text.indexOf("second 100k run"), text);
  }
}
