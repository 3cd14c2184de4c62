package org.morgue.engine.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.search.ArchiveNotWritableException;

/**
 * A cluster out of disk refuses the archive's writes as a full disk, at once. OpenSearch marks an
 * index on a node past the flood-stage watermark with the read-only-allow-delete block; setting that
 * block is what its disk monitor does, so the test sets it rather than fill a disk under three nodes.
 */
class FullClusterDisksTest {
  private static void block(ClusterConnection connection, ArchiveIndex archive, boolean on) throws IOException {
    var settings = ClusterConnection.object();
    if (on) {
      settings.put("index.blocks.read_only_allow_delete", true);
    } else {
      settings.putNull("index.blocks.read_only_allow_delete");
    }
    connection.send("PUT", "/" + archive.alias() + "/_settings", settings);
  }

  @Test
  void aWriteToAnIndexBlockedForWantOfDiskIsRefusedAsAFullDiskAndNothingChanges(@TempDir Path tmp) throws Exception {
    ArchiveIndex archive = TestCluster.newArchive("full");
    TestCluster.index(archive, List.of(TestCluster.CORPUS.resolve("seed-articles")));
    Path extra = Files.createDirectories(tmp.resolve("desk"));
    Files.writeString(extra.resolve("late-copy.txt"), "A late copy\n\nThe desk filed this after the disks filled up.\n");

    try (ClusterConnection connection = ClusterConnection.open(TestCluster.cluster().urls())) {
      block(connection, archive, true);
      try {
        ArchiveNotWritableException refused = assertThrows(ArchiveNotWritableException.class,
            () -> TestCluster.index(archive, List.of(extra)));
        assertTrue(refused.full(), refused.getMessage());
        assertTrue(refused.getMessage().contains("flood-stage watermark"), refused.getMessage());
        try (OpenSearchEngine engine = OpenSearchEngine.open(archive)) {
          assertEquals(2, engine.count(org.morgue.search.SearchRequest.of("")), "nothing was written");
        }
      } finally {
        block(connection, archive, false);
      }
    }
    TestCluster.index(archive, List.of(extra));
    try (OpenSearchEngine engine = OpenSearchEngine.open(archive)) {
      assertEquals(3, engine.count(org.morgue.search.SearchRequest.of("")), "written once there is room");
    }
  }
}
