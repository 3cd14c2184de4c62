package org.morgue.engine.lucene.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.story.CopyDetection;
import org.morgue.indexer.story.StoryKeys;
import org.morgue.search.Story;
import org.morgue.search.StoryVersion;

/** Indexing files each article of the wire-copies fixture under the right story. */
class StoryFilingTest {
  /** Surefire runs in the engine's module; the corpus folder is its sibling. */
  static final Path COPIES = Path.of("..", "corpus", "wire-copies");

  private static final Map<String, List<String>> STORIES = Map.of(
      "crackdown-original", List.of("crackdown-original", "crackdown-courier", "crackdown-corrected"),
      "kill-claims-original", List.of("kill-claims-original", "kill-claims-gazette"),
      "reuters-1-original", List.of("reuters-1-original", "reuters-1-reissue"),
      "reuters-2", List.of("reuters-2"));

  private Map<String, Story> storiesAfterIndexing(Path index, int threads, int commitEvery, Path... paths)
      throws IOException {
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard(), commitEvery, threads)
          .index(List.of(paths), writer, Map.of());
    }
    Map<String, Story> stories = new HashMap<>();
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      for (List<String> ids : STORIES.values()) {
        for (String id : ids) {
          searcher.story(id).ifPresent(story -> stories.put(id, story));
        }
      }
    }
    return stories;
  }

  @Test
  void copiesShareAStoryListedEarliestFirstAndOtherStoriesDoNot(@TempDir Path tmp) throws IOException {
    // One commit for all: copies are found among the articles written since the last commit.
    Map<String, Story> stories = storiesAfterIndexing(tmp.resolve("index"), 2, 1_000, COPIES);
    for (Map.Entry<String, List<String>> expected : STORIES.entrySet()) {
      Story story = stories.get(expected.getValue().get(0));
      assertEquals(expected.getValue().size(), story.versions().size(), story.toString());
      assertEquals(expected.getKey(), story.representative().articleId(), "the earliest version represents the story");
      for (String id : expected.getValue()) {
        assertEquals(story.id(), stories.get(id).id(), id);
      }
      assertEquals(expected.getValue().stream().sorted().toList(),
          story.versions().stream().map(StoryVersion::articleId).sorted().toList());
    }
    assertNotEquals(stories.get("crackdown-original").id(), stories.get("kill-claims-original").id(),
        "two stories on the same events are not copies");
  }

  @Test
  void copiesAreFoundAmongCommittedArticlesAndOneThreadFilesAsTwoDo(@TempDir Path tmp) throws IOException {
    // A commit after every article: every copy is found through the index's band-key look-up.
    Map<String, Story> stories = storiesAfterIndexing(tmp.resolve("index"), 1, 1, COPIES);
    for (List<String> ids : STORIES.values()) {
      for (String id : ids) {
        assertEquals(stories.get(ids.get(0)).id(), stories.get(id).id(), id);
        assertEquals(ids.size(), stories.get(id).versions().size(), id);
      }
    }
  }

  @Test
  void aCopyIndexedLaterJoinsTheStoryItFindsInTheIndex(@TempDir Path tmp) throws IOException {
    Path index = tmp.resolve("index");
    Path first = Files.createDirectories(tmp.resolve("first"));
    Path later = Files.createDirectories(tmp.resolve("later"));
    List<String> lines = Files.readAllLines(COPIES.resolve("wire-copies.jsonl"));
    Files.write(first.resolve("a.jsonl"), lines.stream().filter(l -> !l.contains("\"crackdown-courier\"")).toList());
    Files.write(later.resolve("b.jsonl"), lines.stream().filter(l -> l.contains("\"crackdown-courier\"")).toList());
    storiesAfterIndexing(index, 2, 1_000, first);
    // What the later run's filter is made from: a count to size it, then every key in one pass.
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      assertEquals(lines.size() - 1, writer.articlesWithBandKeys());
      long[] keys = {0};
      assertTrue(writer.forEachBandKey(key -> keys[0]++));
      // 42 band keys and 5 lead keys each.
      assertEquals((lines.size() - 1) * StoryKeys.most(CopyDetection.STANDARD), keys[0]);
    }
    Map<String, Story> stories = storiesAfterIndexing(index, 2, 1_000, later);
    assertEquals(stories.get("crackdown-original").id(), stories.get("crackdown-courier").id());
    assertEquals(3, stories.get("crackdown-courier").versions().size());
  }

  /**
   * A wire service's first take: the story's first two paragraphs (120 of its 1,413 words), sent
   * before the full story. It shares a tenth of the story's text, too little for band keys; the lead
   * keys bring the two together whichever is indexed first, in one commit or across two runs.
   */
  @Test
  void aFirstTakeJoinsItsFullStoryWhicheverComesFirst(@TempDir Path tmp) throws IOException {
    String original = Files.readAllLines(COPIES.resolve("wire-copies.jsonl")).stream()
        .filter(line -> line.contains("\"crackdown-original\"")).findFirst().orElseThrow();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode take =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(original);
    String[] paragraphs = take.get("body").asText().split("\n\n");
    take.put("id", "crackdown-first-take").put("title", "URGENT: Venezuela crackdown enters volatile phase")
        .put("body", paragraphs[0] + "\n\n" + paragraphs[1]);
    Path takes = Files.createDirectories(tmp.resolve("takes"));
    Files.writeString(takes.resolve("take.jsonl"), json.writeValueAsString(take) + "\n");
    Path stories = Files.createDirectories(tmp.resolve("stories"));
    Files.writeString(stories.resolve("story.jsonl"), original + "\n");

    // The take first, committed; the full story in a later run finds it in the index.
    storiesAfterIndexing(tmp.resolve("take-first"), 1, 1_000, takes);
    assertTaken(tmp.resolve("take-first"), stories);
    // The story first, committed; the take in a later run.
    storiesAfterIndexing(tmp.resolve("story-first"), 1, 1_000, stories);
    assertTaken(tmp.resolve("story-first"), takes);
    // Both in one commit, the story read first: found among the articles written since the commit.
    assertTaken(tmp.resolve("one-run"), stories, takes);
  }

  /**
   * A wire editor's trial: the add (paragraphs 3-7 of a story) filed before the first take
   * (paragraphs 1-2) and before the full story. Take and add share no text, so each starts a story;
   * the full story is a copy of both and merges them, in whatever order the three come, committed one
   * by one or in one commit. The story whose version the archive received first keeps its id.
   */
  @Test
  void aFullStoryMergesTheStoriesOfItsTakeAndItsAdd(@TempDir Path tmp) throws IOException {
    Path take = takes(tmp, "take", 0, 2);
    Path add = takes(tmp, "add", 2, 7);
    Path full = takes(tmp, "full", 0, 7);

    assertMerged(tmp.resolve("take-add-full"), "crackdown-take", 1, take, add, full);
    assertMerged(tmp.resolve("add-take-full"), "crackdown-add", 1, add, take, full);
    // One commit, on two threads: the desk decides in reading order, so the first read names it.
    assertMerged(tmp.resolve("one-commit"), "crackdown-add", 2, tmp.resolve("one-commit-input"));
  }

  /**
   * A clipping that only overlaps two stories (most paragraphs of each, 76% and 80% of their
   * shingles, not the whole of either) joins one of them and merges none: merging on a partial overlap would chain unrelated
   * stories into one (the clippings of IndexCommandTest, each two paragraphs of the crackdown
   * story, all became one story that way).
   */
  @Test
  void aClippingThatOnlyOverlapsTwoStoriesJoinsOneAndMergesNone(@TempDir Path tmp) throws IOException {
    Path first = takes(tmp, "first", 7, 13);
    Path second = takes(tmp, "second", 13, 19);
    Path overlap = takes(tmp, "overlap", 8, 18);
    Path index = tmp.resolve("index");
    for (Path run : List.of(first, second, overlap)) {
      storiesAfterIndexing(index, 1, 1_000, run);
    }
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      assertEquals(List.of("crackdown-first", "crackdown-overlap"), searcher.story("crackdown-first").orElseThrow()
          .versions().stream().map(StoryVersion::articleId).sorted().toList());
      assertEquals(List.of("crackdown-second"), searcher.story("crackdown-second").orElseThrow()
          .versions().stream().map(StoryVersion::articleId).toList());
    }
  }

  /** A file of one article made from paragraphs {@code from} to {@code to} (exclusive) of the crackdown story, in its own folder. */
  private static Path takes(Path tmp, String name, int from, int to) throws IOException {
    String original = Files.readAllLines(COPIES.resolve("wire-copies.jsonl")).stream()
        .filter(line -> line.contains("\"crackdown-original\"")).findFirst().orElseThrow();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode article =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(original);
    List<String> paragraphs = List.of(article.get("body").asText().split("\n\n")).subList(from, to);
    article.put("id", "crackdown-" + name).put("body", String.join("\n\n", paragraphs));
    String line = json.writeValueAsString(article) + "\n";
    Path folder = Files.createDirectories(tmp.resolve(name));
    Files.writeString(folder.resolve(name + ".jsonl"), line);
    // The three in one file, add first, for the run that writes them in one commit.
    Path together = Files.createDirectories(tmp.resolve("one-commit-input"));
    String order = Map.of("add", "1", "take", "2", "full", "3").get(name);
    if (order != null) {
      Files.writeString(together.resolve(order + "-" + name + ".jsonl"), line);
    }
    return folder;
  }

  private void assertMerged(Path index, String storyId, int threads, Path... runs) throws IOException {
    for (Path run : runs) {
      storiesAfterIndexing(index, threads, 1_000, run);
    }
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      for (String id : List.of("crackdown-take", "crackdown-add", "crackdown-full")) {
        Story story = searcher.story(id).orElseThrow();
        assertEquals(storyId, story.id(), index + ": " + id);
        assertEquals(List.of("crackdown-add", "crackdown-full", "crackdown-take"),
            story.versions().stream().map(StoryVersion::articleId).sorted().toList(), index + ": " + id);
      }
      String absorbed = storyId.equals("crackdown-take") ? "crackdown-add" : "crackdown-take";
      assertTrue(searcher.storyById(absorbed).isEmpty(), index + ": no article is left under " + absorbed);
      assertEquals(3, searcher.storyById(storyId).orElseThrow().versions().size());
    }
  }

  private void assertTaken(Path index, Path... later) throws IOException {
    storiesAfterIndexing(index, 1, 1_000, later);
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      Story story = searcher.story("crackdown-first-take").orElseThrow();
      assertEquals(List.of("crackdown-first-take", "crackdown-original"),
          story.versions().stream().map(StoryVersion::articleId).sorted().toList(), index.toString());
    }
  }
}
