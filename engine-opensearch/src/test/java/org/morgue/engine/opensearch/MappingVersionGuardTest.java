package org.morgue.engine.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.morgue.search.SearchRequest;

/**
 * What an archive index says and refuses on the module's real cluster (an operator's trial): a new
 * archive is announced, so a mistyped alias is caught; an archive of a newer mapping is refused for
 * reading, writing and rebuilding, where an older Morgue had "migrated" it and dropped it; and moving
 * an older mapping says so first.
 */
class MappingVersionGuardTest {
  private final List<String> notices = new CopyOnWriteArrayList<>();

  private ArchiveIndex archive(String name) {
    ArchiveIndex shared = TestCluster.newArchive(name);
    return new ArchiveIndex(shared.connection(), shared.alias(), new ArchiveIndex.IndexSettings(3, 1), notices::add);
  }

  private static void stamp(ArchiveIndex archive, String index, String version) throws IOException {
    ObjectNode meta = ClusterConnection.object();
    meta.putObject("_meta").put(ArchiveIndex.MAPPING_KEY, version).put("morgue.complete", "true");
    archive.connection().send("PUT", "/" + index + "/_mapping", meta);
  }

  @Test
  void aNewArchiveIsAnnouncedOnceAndANewerMappingIsRefusedWhileAnOlderOneIsMovedWithALine() throws Exception {
    ArchiveIndex archive = archive("guard");
    String first = archive.prepare();
    assertEquals(List.of("created a new archive '" + archive.alias() + "' on the cluster at "
        + archive.connection().description()), notices);
    assertEquals(first, archive.prepare());
    assertEquals(1, notices.size(), "an archive that is there is not announced again");
    TestCluster.index(archive, List.of(TestCluster.CORPUS.resolve("seed-articles")));
    long articles;
    try (OpenSearchEngine engine = OpenSearchEngine.open(archive)) {
      articles = engine.count(SearchRequest.of(""));
    }

    stamp(archive, first, "99");
    String newer = "the index behind alias '" + archive.alias() + "' was written by a newer Morgue (mapping 99, this one"
        + " reads " + ArchiveIndex.MAPPING_VERSION + "): upgrade Morgue, or index into another --opensearch-index";
    assertEquals(newer, assertThrows(IOException.class, archive::prepare).getMessage());
    assertEquals(newer, assertThrows(IOException.class, archive::prepareEmpty).getMessage(), "nor dropped for a rebuild");
    assertEquals(newer, assertThrows(IOException.class, () -> OpenSearchEngine.open(archive)).getMessage(), "nor read");
    assertEquals(first, archive.currentIndex().orElseThrow(), "the alias still points to it");
    assertEquals(articles, archive.connection().send("GET", "/" + first + "/_count", null).path("count").asLong());

    stamp(archive, first, "25");
    String moved = archive.prepare();
    assertEquals(List.of("moving the archive '" + archive.alias() + "' from mapping 25 to " + ArchiveIndex.MAPPING_VERSION
        + ", this Morgue's: copying its " + articles + " articles into a new index; the old one, " + first
        + ", is removed when done"), notices.subList(1, notices.size()));
    assertTrue(!moved.equals(first) && moved.startsWith(archive.alias() + "-v" + ArchiveIndex.MAPPING_VERSION + "-"), moved);
  }

  @Test
  void anotherToolsIndexBehindTheAliasIsNeitherReadNorMoved() throws IOException {
    ArchiveIndex archive = archive("foreign");
    String foreign = archive.alias() + "-logs";
    ObjectNode body = ClusterConnection.object();
    body.putObject("settings").putObject("index").put("number_of_shards", 1).put("number_of_replicas", 0);
    archive.connection().send("PUT", "/" + foreign, body);
    ObjectNode alias = ClusterConnection.object();
    alias.putArray("actions").addObject().putObject("add").put("index", foreign).put("alias", archive.alias());
    archive.connection().send("POST", "/_aliases", alias);

    IOException refused = assertThrows(IOException.class, archive::prepare);

    assertTrue(refused.getMessage().contains("(" + foreign + ") holds no Morgue archive"), refused.getMessage());
    assertTrue(archive.connection().exists("/" + foreign), "left as it was");
    assertEquals(List.of(), notices);
  }
}
