package org.morgue.engine.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.ArticleSummary;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.search.FacetCount;
import org.morgue.search.Grouping;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchHit;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.SortOrder;
import org.morgue.search.Story;
import org.morgue.search.StoryVersion;
import org.morgue.search.TimelineInterval;

/**
 * Searches grouped by story on the wire-copies fixture (eight articles, four stories: a Venezuela
 * crackdown piece with a re-headlined copy and a correction, a kill-claims piece with a copy, a
 * Reuters story with a re-issue that changes one figure, and another Reuters story): one hit per
 * story through its first matching article in the request's order, exact article and story counts,
 * cursors that never show a story twice, and every hit carrying its whole story. Each check runs on
 * the fixture indexed in one segment and in eight (a commit after every article), where stories span
 * segments and Lucene searches the segments in two slices side by side.
 */
class GroupingByStoryTest {
  /** Surefire runs in the engine's module; the corpus folder is its sibling. */
  static final Path COPIES = Path.of("..", "corpus", "wire-copies");

  @TempDir static Path tmp;
  static ArchiveSearcher oneSegment;
  static ArchiveSearcher eightSegments;

  static final List<String> QUERIES = List.of("", "Venezuela", "Computer Terminal", "shares", "300,000",
      "kill OR mattress", "\"Tren de Aragua\"", "Washington -correction", "zzxqvw");

  @BeforeAll
  static void indexTheWireCopies() throws IOException {
    oneSegment = index(tmp.resolve("one"), 1_000);
    eightSegments = index(tmp.resolve("eight"), 1);
    try (Directory oneFolder = FSDirectory.open(tmp.resolve("one"));
        Directory eightFolder = FSDirectory.open(tmp.resolve("eight"));
        DirectoryReader one = DirectoryReader.open(oneFolder);
        DirectoryReader eight = DirectoryReader.open(eightFolder)) {
      assertEquals(1, one.leaves().size());
      assertEquals(8, eight.leaves().size(), "a segment per commit, none merged yet");
    }
  }

  private static ArchiveSearcher index(Path index, int commitEvery) throws IOException {
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard(), commitEvery, 1)
          .index(List.of(COPIES), writer, Map.of());
    }
    return ArchiveSearcher.open(index);
  }

  /**
   * A story is named after its first version in the files, however many threads index them: filed as
   * each worker finished, the crackdown story was "crackdown-courier" on one run and
   * "crackdown-corrected" on the next (a librarian's trial), and links to it broke on a re-index.
   */
  @Test
  void aStoryIsNamedAfterItsFirstVersionInTheFilesOnEveryRunOnManyThreads() throws IOException {
    List<String> fileOrder = new ArrayList<>();
    for (String line : Files.readAllLines(COPIES.resolve("wire-copies.jsonl"))) {
      if (!line.isBlank()) {
        fileOrder.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("id").asText());
      }
    }
    for (int run = 0; run < 5; run++) {
      Path index = tmp.resolve("threads-" + run);
      try (ArchiveWriter writer = ArchiveWriter.open(index)) {
        new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard(), 1_000, 4).index(List.of(COPIES), writer, Map.of());
      }
      try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
        for (String id : fileOrder) {
          Story story = searcher.story(id).orElseThrow();
          String first = story.versions().stream().map(v -> v.articleId()).min(java.util.Comparator.comparingInt(fileOrder::indexOf))
              .orElseThrow();
          assertEquals(first, story.id(), "run " + run + ": the story of " + id);
        }
      }
    }
  }

  @AfterAll
  static void close() throws IOException {
    oneSegment.close();
    eightSegments.close();
  }

  static Stream<Arguments> indexes() {
    return Stream.of(Arguments.of(Named.of("one segment", oneSegment)),
        Arguments.of(Named.of("eight segments", eightSegments)));
  }

  static Stream<Arguments> indexesAndSorts() {
    return indexes().flatMap(index -> Stream.of(SortOrder.values()).map(sort -> Arguments.of(index.get()[0], sort)));
  }

  private static SearchRequest request(String q, SortOrder sort, int size, Grouping grouping) {
    return new SearchRequest(q, Map.of(), Optional.empty(), Optional.empty(), sort, size, 10).withGrouping(grouping);
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(h -> h.article().article().id()).toList();
  }

  private static List<String> ids(List<ArticleSummary> articles) {
    return articles.stream().map(a -> a.article().id()).toList();
  }

  private static Map<String, Long> counts(List<FacetCount> facet) {
    Map<String, Long> counts = new LinkedHashMap<>();
    facet.forEach(value -> counts.put(value.value(), value.count()));
    return counts;
  }

  @ParameterizedTest(autoCloseArguments = false) // the indexes are shared, closed after all
  @MethodSource("indexes")
  void browsingEverythingListsEachStoryOnceThroughItsNewestVersion(ArchiveSearcher searcher) throws Exception {
    SearchResult stories = searcher.search(request("", SortOrder.NEWEST, 10, Grouping.STORIES));
    assertEquals(8, stories.total(), "total counts articles");
    assertEquals(4, stories.stories());
    assertEquals(List.of("crackdown-corrected", "kill-claims-gazette", "reuters-1-reissue", "reuters-2"), ids(stories));
    assertTrue(stories.nextCursor().isEmpty());

    SearchResult articles = searcher.search(request("", SortOrder.NEWEST, 10, Grouping.ARTICLES));
    assertEquals(8, articles.total());
    assertEquals(4, articles.stories(), "listing articles still counts stories");
    assertEquals(List.of("crackdown-corrected", "crackdown-courier", "kill-claims-gazette", "crackdown-original",
        "kill-claims-original", "reuters-1-reissue", "reuters-1-original", "reuters-2"), ids(articles));
  }

  @ParameterizedTest(autoCloseArguments = false) // the indexes are shared, closed after all
  @MethodSource("indexes")
  void everyHitCarriesItsWholeStoryEarliestFirstInEitherGrouping(ArchiveSearcher searcher) throws Exception {
    for (Grouping grouping : Grouping.values()) {
      for (SearchHit hit : searcher.search(request("", SortOrder.OLDEST, 10, grouping)).hits()) {
        Story story = hit.story();
        assertEquals(searcher.story(hit.article().article().id()).orElseThrow(), story);
        assertTrue(story.versions().stream().anyMatch(v -> v.articleId().equals(hit.article().article().id())));
      }
    }
    SearchHit corrected = searcher.search(request("correction", SortOrder.RELEVANCE, 10, Grouping.STORIES)).hits()
        .get(0);
    assertEquals("crackdown-corrected", corrected.article().article().id());
    assertEquals("crackdown-original", corrected.story().id());
    assertEquals(List.of("crackdown-original", "crackdown-courier", "crackdown-corrected"),
        corrected.story().versions().stream().map(StoryVersion::articleId).toList(),
        "every version, not just the matching one, earliest first");
  }

  @ParameterizedTest(autoCloseArguments = false) // the indexes are shared, closed after all
  @MethodSource("indexes")
  void aFigureOnlyTheReissueHasFindsItsStoryThroughTheReissue(ArchiveSearcher searcher) throws Exception {
    SearchResult result = searcher.search(request("300,000", SortOrder.RELEVANCE, 10, Grouping.STORIES));
    assertEquals(1, result.total());
    assertEquals(1, result.stories());
    assertEquals(List.of("reuters-1-reissue"), ids(result));
    Story story = result.hits().get(0).story();
    assertEquals("reuters-1-original", story.id());
    assertEquals("reuters-1-original", story.representative().articleId());
    assertEquals(2, story.versions().size());

    SearchResult both = searcher.search(request("\"200,000 shares\"", SortOrder.RELEVANCE, 10, Grouping.STORIES));
    assertEquals(1, both.total(), "the original's figure is the original's alone");
    assertEquals(List.of("reuters-1-original"), ids(both));
  }

  @ParameterizedTest(autoCloseArguments = false) // the indexes are shared, closed after all
  @MethodSource("indexes")
  void theFirstMatchingVersionRepresentsAStoryUnderTheDatesAsked(ArchiveSearcher searcher) throws Exception {
    SearchRequest fromTheFifteenth = new SearchRequest("", Map.of(), Optional.of(LocalDate.of(2025, 3, 15)),
        Optional.empty(), SortOrder.OLDEST, 10, 10);
    SearchResult result = searcher.search(fromTheFifteenth);
    assertEquals(3, result.total());
    assertEquals(2, result.stories());
    // The crackdown's original (the 14th) is not a match, so its copy of the 15th stands for it.
    assertEquals(List.of("crackdown-courier", "kill-claims-gazette"), ids(result));
  }

  @ParameterizedTest(autoCloseArguments = false) // the indexes are shared, closed after all
  @MethodSource("indexes")
  void aRelevanceSearchListsEachStoryThroughItsBestScoringVersion(ArchiveSearcher searcher) throws Exception {
    SearchResult articles = searcher.search(request("Venezuela", SortOrder.RELEVANCE, 10, Grouping.ARTICLES));
    SearchResult stories = searcher.search(request("Venezuela", SortOrder.RELEVANCE, 10, Grouping.STORIES));
    assertEquals(5, articles.total(), ids(articles).toString());
    assertEquals(5, stories.total());
    assertEquals(2, stories.stories());
    assertEquals(2, stories.hits().size());
    assertEquals(firstPerStory(articles.hits()), ids(stories));
    assertEquals(articles.hits().get(0).score(), stories.hits().get(0).score());
  }

  /** The article ids of the first hit of each story, in the hits' order. */
  private static List<String> firstPerStory(List<SearchHit> hits) {
    Set<String> seen = new HashSet<>();
    return hits.stream().filter(h -> seen.add(h.story().id())).map(h -> h.article().article().id()).toList();
  }

  @ParameterizedTest(autoCloseArguments = false) // the indexes are shared, closed after all
  @MethodSource("indexesAndSorts")
  void groupedHitsAreTheArticleListsFirstHitOfEachStoryForEveryQueryFilterAndSort(ArchiveSearcher searcher,
      SortOrder sort) throws Exception {
    List<Map<String, List<String>>> filterSets = List.of(Map.of(), Map.of(ArchiveSchema.FACET_SOURCE, List.of("Reuters")),
        Map.of(ArchiveSchema.FACET_SOURCE, List.of("Morgue Wire", "The Courier")));
    for (String q : QUERIES) {
      for (Map<String, List<String>> filters : filterSets) {
        SearchRequest request = new SearchRequest(q, filters, Optional.empty(), Optional.empty(), sort, 100, 10);
        SearchResult articles = searcher.search(request.withGrouping(Grouping.ARTICLES));
        SearchResult stories = searcher.search(request);
        String what = q + " " + filters + " " + sort;
        assertEquals(articles.total(), stories.total(), what);
        assertEquals(firstPerStory(articles.hits()), ids(stories), what);
        assertEquals(stories.hits().size(), stories.stories(), what);
        assertEquals(stories.stories(), articles.stories(), what);
        assertEquals(articles.facets(), stories.facets(), "facets count articles either way: " + what);
        assertEquals(articles.timeline(), stories.timeline(), what);
        assertEquals(articles.total(), searcher.count(request), what);
      }
    }
  }

  @ParameterizedTest(autoCloseArguments = false) // the indexes are shared, closed after all
  @MethodSource("indexesAndSorts")
  void pagingOneStoryAtATimeVisitsEveryStoryOnceInOrder(ArchiveSearcher searcher, SortOrder sort) throws Exception {
    for (String q : QUERIES) {
      SearchResult all = searcher.search(request(q, sort, 100, Grouping.STORIES));
      List<String> paged = new ArrayList<>();
      Set<String> storiesSeen = new HashSet<>();
      SearchRequest page = request(q, sort, 1, Grouping.STORIES);
      for (int pages = 0; pages <= all.stories(); pages++) {
        SearchResult result = searcher.search(page);
        assertEquals(all.total(), result.total());
        assertEquals(all.stories(), result.stories());
        for (SearchHit hit : result.hits()) {
          paged.add(hit.article().article().id());
          assertTrue(storiesSeen.add(hit.story().id()), "story " + hit.story().id() + " twice: " + q + " " + sort);
        }
        if (result.nextCursor().isEmpty()) {
          break;
        }
        page = page.withCursor(result.nextCursor().get());
      }
      assertEquals(ids(all), paged, q + " " + sort);
      assertEquals(all.stories(), paged.size());
    }
  }

  @ParameterizedTest(autoCloseArguments = false) // the indexes are shared, closed after all
  @MethodSource("indexes")
  void aStoryWhoseFirstMatchWasOnAnEarlierPageIsNotShownAgain(ArchiveSearcher searcher) throws Exception {
    // Newest first the articles run corrected, courier, gazette...; the courier is the crackdown's
    // second version, so the second page of stories starts with the gazette.
    SearchResult first = searcher.search(request("", SortOrder.NEWEST, 1, Grouping.STORIES));
    assertEquals(List.of("crackdown-corrected"), ids(first));
    SearchResult second = searcher.search(request("", SortOrder.NEWEST, 1, Grouping.STORIES)
        .withCursor(first.nextCursor().orElseThrow()));
    assertEquals(List.of("kill-claims-gazette"), ids(second));
    // A query that is not everything goes another way; the same holds.
    SearchResult firstOfQuery = searcher.search(request("Washington OR shares", SortOrder.NEWEST, 1,
        Grouping.STORIES));
    assertEquals(List.of("crackdown-corrected"), ids(firstOfQuery));
    SearchResult secondOfQuery = searcher.search(request("Washington OR shares", SortOrder.NEWEST, 1,
        Grouping.STORIES).withCursor(firstOfQuery.nextCursor().orElseThrow()));
    assertFalse(ids(secondOfQuery).contains("crackdown-courier"));
    assertFalse(secondOfQuery.hits().get(0).story().id().equals("crackdown-original"));
  }

  @ParameterizedTest(autoCloseArguments = false) // the indexes are shared, closed after all
  @MethodSource("indexesAndSorts")
  void topAndScanHonourTheGrouping(ArchiveSearcher searcher, SortOrder sort) throws Exception {
    for (String q : List.of("", "Venezuela", "shares OR Washington")) {
      for (Grouping grouping : Grouping.values()) {
        SearchResult all = searcher.search(request(q, sort, 100, grouping));
        String what = q + " " + sort + " " + grouping;
        assertEquals(ids(all), ids(searcher.top(request(q, sort, 100, grouping), 100)), what);
        List<String> scanned = new ArrayList<>();
        searcher.scan(request(q, sort, 100, grouping), article -> scanned.add(article.article().id()));
        assertEquals(ids(all), scanned, what);

        SearchResult firstTwo = searcher.search(request(q, sort, 2, grouping));
        if (firstTwo.nextCursor().isPresent()) {
          List<String> rest = ids(searcher.top(request(q, sort, 100, grouping).withCursor(
              firstTwo.nextCursor().get()), 100));
          assertEquals(ids(all).subList(2, ids(all).size()), rest, what);
        }
      }
    }
    assertEquals(4, searcher.top(request("", sort, 10, Grouping.STORIES), 10).size());
    assertEquals(8, searcher.top(request("", sort, 10, Grouping.ARTICLES), 10).size());
  }

  @ParameterizedTest(autoCloseArguments = false) // the indexes are shared, closed after all
  @MethodSource("indexes")
  void facetsTimelineAndCountCountArticlesNotStories(ArchiveSearcher searcher) throws Exception {
    SearchRequest request = new SearchRequest("", Map.of(), Optional.empty(), Optional.empty(), SortOrder.NEWEST, 10,
        10, Optional.empty(), Optional.of(TimelineInterval.YEAR), Map.of());
    SearchResult result = searcher.search(request);
    assertEquals(Map.of("Morgue Wire", 3L, "Reuters", 3L, "The Courier", 1L, "The Gazette", 1L),
        counts(result.facets().get(ArchiveSchema.FACET_SOURCE)));
    assertEquals(Map.of("1987", 3L, "2025", 5L), result.timeline().buckets().stream()
        .filter(b -> b.count() > 0)
        .collect(java.util.stream.Collectors.toMap(b -> b.key(), b -> b.count())));
    assertEquals(8, searcher.count(request));

    SearchResult reuters = searcher.search(new SearchRequest("", Map.of(ArchiveSchema.FACET_SOURCE, List.of("Reuters")),
        Optional.empty(), Optional.empty(), SortOrder.NEWEST, 10, 10));
    assertEquals(3, reuters.total());
    assertEquals(2, reuters.stories());
    assertEquals(List.of("reuters-1-reissue", "reuters-2"), ids(reuters));
    assertEquals(Map.of("Morgue Wire", 3L, "Reuters", 3L, "The Courier", 1L, "The Gazette", 1L),
        counts(reuters.facets().get(ArchiveSchema.FACET_SOURCE)), "a ticked dimension counts as if unticked");
  }

  @ParameterizedTest(autoCloseArguments = false) // the indexes are shared, closed after all
  @MethodSource("indexes")
  void relatedArticlesLeaveOutTheArticlesOwnStory(ArchiveSearcher searcher) throws Exception {
    for (String id : List.of("crackdown-original", "crackdown-courier", "kill-claims-gazette", "reuters-1-reissue")) {
      String story = searcher.story(id).orElseThrow().id();
      List<SearchHit> related = searcher.related(id, 20).orElseThrow();
      assertFalse(related.isEmpty(), id);
      for (SearchHit hit : related) {
        assertFalse(hit.story().id().equals(story), id + " is related to its own copy " + hit.article().article().id());
        assertEquals(searcher.story(hit.article().article().id()).orElseThrow(), hit.story());
      }
    }
    List<String> toTheCrackdown = related("crackdown-original", searcher);
    assertTrue(toTheCrackdown.contains("kill-claims-original"), toTheCrackdown.toString());
  }

  private static List<String> related(String id, ArchiveSearcher searcher) throws IOException {
    return searcher.related(id, 20).orElseThrow().stream().map(h -> h.article().article().id()).toList();
  }

  @Test
  void aCopyIndexedWhileTheSearcherIsOpenJoinsItsStoryAfterARefresh(@TempDir Path folder) throws IOException,
      InvalidQueryException {
    Path index = folder.resolve("index");
    Path first = Files.createDirectories(folder.resolve("first"));
    Path later = Files.createDirectories(folder.resolve("later"));
    List<String> lines = Files.readAllLines(COPIES.resolve("wire-copies.jsonl"));
    Files.write(first.resolve("a.jsonl"), lines.stream().filter(l -> !l.contains("\"crackdown-courier\"")).toList());
    Files.write(later.resolve("b.jsonl"), lines.stream().filter(l -> l.contains("\"crackdown-courier\"")).toList());
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard(), 1_000, 1).index(List.of(first), writer,
          Map.of());
    }
    try (ArchiveSearcher searcher = ArchiveSearcher.open(index)) {
      SearchResult before = searcher.search(request("", SortOrder.OLDEST, 10, Grouping.STORIES));
      assertEquals(7, before.total());
      assertEquals(4, before.stories());
      try (ArchiveWriter writer = ArchiveWriter.open(index)) {
        new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard(), 1_000, 1).index(List.of(later), writer,
            Map.of());
      }
      searcher.refresh();
      // The courier (the 15th) is the crackdown's newest version now that the correction is filtered out.
      SearchResult after = searcher.search(new SearchRequest("", Map.of(), Optional.of(LocalDate.of(2025, 3, 1)),
          Optional.of(LocalDate.of(2025, 3, 15)), SortOrder.NEWEST, 10, 10));
      assertEquals(List.of("crackdown-courier", "kill-claims-gazette"), ids(after));
      SearchResult everything = searcher.search(request("", SortOrder.OLDEST, 10, Grouping.STORIES));
      assertEquals(8, everything.total());
      assertEquals(4, everything.stories(), "the copy joined a story; it made none");
      assertEquals(ids(before), ids(everything));
      assertEquals(3, everything.hits().stream().filter(h -> h.story().id().equals("crackdown-original")).findFirst()
          .orElseThrow().story().versions().size());
    }
  }
}
