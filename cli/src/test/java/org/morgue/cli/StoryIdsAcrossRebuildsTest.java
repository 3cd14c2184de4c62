package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.curation.Curation;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.indexer.SeedArticles;
import org.morgue.search.Story;
import org.morgue.search.StoryVersion;
import picocli.CommandLine;

/**
 * A story a curator filed articles into keeps its id through {@code morgue index} into a deleted index
 * folder, with {@code <index>.curation} and {@code <index>.arrivals} kept beside it, however the files
 * are read: a librarian's trial (session 44) filed two records of a CMS export into the story of a
 * desk's text file, and the rebuild, which reads {@code desk/cms-export.jsonl} before the text file,
 * named the story after the first filed record.
 */
class StoryIdsAcrossRebuildsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path COPIES = Path.of("..", "corpus", "wire-copies", "wire-copies.jsonl");

  @Test
  void aStoryACuratorFiledArticlesIntoKeepsItsIdWhenItsFilesAreReadAfterTheFiledOnes(@TempDir Path tmp)
      throws IOException {
    Path desk = Files.createDirectories(tmp.resolve("archive").resolve("desk"));
    Files.writeString(desk.resolve(SeedArticles.CRACKDOWN + ".txt"), SeedArticles.text(SeedArticles.CRACKDOWN));
    // Two other stories' texts, as a CMS exports them: read before the desk's file.
    Files.writeString(desk.resolve("cms-export.jsonl"),
        record("cms-1007", "Kill claims raise the stakes", SeedArticles.text(SeedArticles.KILL_CLAIMS)) + "\n"
            + record("cms-1008", "Oil group cuts spending", body("reuters-2")) + "\n");
    Path index = tmp.resolve("idx");
    assertEquals(0, index(index, tmp.resolve("archive")));
    assertEquals(List.of("cms-1007"), versions(index, "cms-1007"), "a story of its own before the filing");

    try (Curation curation = Curation.open(tmp.resolve("idx.curation"))) {
      for (String filed : List.of("cms-1007", "cms-1008")) {
        curation.fileStory("ana", filed, Optional.of(SeedArticles.CRACKDOWN), Optional.of(SeedArticles.CRACKDOWN),
            Optional.of(filed), Optional.empty(), Optional.of("one running story"));
      }
    }
    deleteTree(index);
    assertEquals(0, index(index, tmp.resolve("archive")));

    for (String id : List.of(SeedArticles.CRACKDOWN, "cms-1007", "cms-1008")) {
      assertEquals(SeedArticles.CRACKDOWN, storyId(index, id), "the story of " + id + " after the rebuild");
    }
    assertEquals(List.of("cms-1007", "cms-1008", SeedArticles.CRACKDOWN), versions(index, SeedArticles.CRACKDOWN));
  }

  private static int index(Path index, Path archive) {
    return new CommandLine(new IndexCommand()).execute("--index", index.toString(), archive.toString());
  }

  private static String record(String id, String title, String body) {
    ObjectNode record = JSON.createObjectNode();
    record.put("id", id).put("title", title).put("source", "Bayside Gazette").put("body", body);
    return record.toString();
  }

  private static String body(String id) throws IOException {
    for (String line : Files.readAllLines(COPIES)) {
      if (JSON.readTree(line).get("id").asText().equals(id)) {
        return JSON.readTree(line).get("body").asText();
      }
    }
    throw new IllegalArgumentException(id + " is not in " + COPIES);
  }

  private static String storyId(Path index, String articleId) throws IOException {
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      return searcher.story(articleId).orElseThrow().id();
    }
  }

  private static List<String> versions(Path index, String articleId) throws IOException {
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      Story story = searcher.story(articleId).orElseThrow();
      return story.versions().stream().map(StoryVersion::articleId).sorted().toList();
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
