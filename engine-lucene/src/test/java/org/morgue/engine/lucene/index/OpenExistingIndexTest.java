package org.morgue.engine.lucene.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a live server reopens its writer with after a failed write: the index a folder holds, never a
 * new one where the folder was moved away or holds none (the server then wrote into a new, empty
 * archive, and its next start served it).
 */
class OpenExistingIndexTest {
  @Test
  void aFolderGoneOrHoldingNoIndexIsRefusedAndNothingIsMadeThere(@TempDir Path tmp) throws IOException {
    Path gone = tmp.resolve("index");
    assertThrows(IndexMissingException.class, () -> ArchiveWriter.openExisting(gone, null));
    assertFalse(Files.exists(gone), "no folder made");

    Path empty = Files.createDirectory(tmp.resolve("empty"));
    assertThrows(IndexMissingException.class, () -> ArchiveWriter.openExisting(empty, null));
    try (Stream<Path> files = Files.list(empty)) {
      assertEquals(List.of(), files.toList(), "no lock nor commit left");
    }

    try (ArchiveWriter created = ArchiveWriter.open(gone)) {
      created.commit(Map.of("made", "first"));
    }
    try (ArchiveWriter reopened = ArchiveWriter.openExisting(gone, null)) {
      reopened.commit(Map.of("made", "again"));
    }
    assertEquals("again", ArchiveWriter.lastCommitData(gone).orElseThrow().get("made"));
  }
}
