package org.morgue.engine.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.ArticleSummary;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.search.FacetCount;
import org.morgue.search.Grouping;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchEngine;
import org.morgue.search.SearchHit;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.SortOrder;
import org.morgue.search.StoryVersion;

/**
 * {@link SearchEngine#count} and {@link SearchEngine#top} on the shipped corpus answer what a full
 * search answers (its total; its first hits in every sort), and refuse what it refuses.
 */
class CountAndTopTest {
  @TempDir static Path tmp;
  static ArchiveSearcher searcher;
  /** Filter sets built from values the shipped corpus really has. */
  static List<Map<String, List<String>>> filterSets;

  static final List<String> QUERIES = List.of("", "Venezuela", "war peace", "tax*", "\"national debt\"",
      "slavery -Kansas", "Trump's \"border", "zzxqvw");

  @BeforeAll
  static void indexTheShippedCorpus() throws Exception {
    searcher = ShippedCorpusIndex.open(tmp);
    putSomeArticlesInCollections();
    SearchResult everything = searcher.search(request("", Map.of(), SortOrder.RELEVANCE, 0));
    Map<String, List<FacetCount>> facets = everything.facets();
    filterSets = new ArrayList<>();
    filterSets.add(Map.of());
    for (String dim : ArchiveSchema.FACETS) {
      filterSets.add(Map.of(dim, List.of(facets.get(dim).get(0).value())));
    }
    // OR within a dimension, AND across dimensions.
    filterSets.add(Map.of(ArchiveSchema.FACET_YEAR,
        List.of(facets.get(ArchiveSchema.FACET_YEAR).get(0).value(), facets.get(ArchiveSchema.FACET_YEAR).get(1).value())));
    filterSets.add(Map.of(ArchiveSchema.FACET_SOURCE, List.of(facets.get(ArchiveSchema.FACET_SOURCE).get(0).value()),
        ArchiveSchema.FACET_THEME, List.of(facets.get(ArchiveSchema.FACET_THEME).get(1).value())));
    filterSets.add(Map.of(ArchiveSchema.FACET_HEDGING, List.of("high")));
  }

  /**
   * The corpus is in no collection; collections are written beside it, over articles a search finds,
   * so the collection facet has values to filter by like every other.
   */
  private static void putSomeArticlesInCollections() throws Exception {
    List<SearchHit> war = searcher.search(request("war", Map.of(), SortOrder.NEWEST, 6)).hits();
    try (ArchiveWriter writer = ArchiveWriter.open(tmp.resolve("index"))) {
      for (int i = 0; i < war.size(); i++) {
        String id = war.get(i).article().article().id();
        Set<String> collections = i % 2 == 0 ? Set.of("war-reading", "speeches") : Set.of("war-reading");
        writer.put(searcher.article(id).orElseThrow(), collections, "collections-" + i);
      }
      writer.commit(ArchiveWriter.lastCommitData(tmp.resolve("index")).orElseThrow());
    }
    searcher.refresh();
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  static SearchRequest request(String query, Map<String, List<String>> filters, SortOrder sort, int size) {
    return new SearchRequest(query, filters, Optional.empty(), Optional.empty(), sort, size, 10);
  }

  static SearchRequest dated(SearchRequest request, LocalDate from, LocalDate to) {
    return new SearchRequest(request.query(), request.filters(), Optional.ofNullable(from), Optional.ofNullable(to),
        request.sort(), request.size(), request.facetLimit());
  }

  static List<ArticleSummary> articles(SearchResult result) {
    return result.hits().stream().map(SearchHit::article).toList();
  }

  @Test
  void countIsTheTotalASearchFindsForEveryQueryFilterAndDateRange() throws Exception {
    Set<Long> totals = new HashSet<>();
    for (String query : QUERIES) {
      for (Map<String, List<String>> filters : filterSets) {
        SearchRequest asked = request(query, filters, SortOrder.RELEVANCE, 10);
        for (SearchRequest request : List.of(asked, dated(asked, LocalDate.of(1900, 1, 1), null),
            dated(asked, LocalDate.of(1800, 1, 1), LocalDate.of(1861, 12, 31)))) {
          long total = searcher.search(request).total();
          assertEquals(total, searcher.count(request), request.toString());
          totals.add(total);
        }
      }
    }
    // The requests find different numbers of articles, among them none and every one.
    assertTrue(totals.contains(0L), totals.toString());
    assertTrue(totals.contains((long) searcher.articleCount()), totals.toString());
    assertTrue(totals.size() > 20, totals.toString());
  }

  @Test
  void countIsTheNumberOfArticlesAScanVisits() throws Exception {
    for (Map<String, List<String>> filters : filterSets) {
      SearchRequest request = request("war peace", filters, SortOrder.NEWEST, 10);
      long[] visited = {0};
      searcher.scan(request, article -> visited[0]++);
      assertEquals(visited[0], searcher.count(request), filters.toString());
    }
  }

  @Test
  void topIsTheFirstHitsOfASearchInEverySort() throws Exception {
    int nonEmpty = 0;
    // Every query and filter set by relevance and by one other order in turn, so each order sees
    // every query with a share of the filter sets: all of them in all six orders were 600 searches
    // counting every facet, the module's slowest test.
    List<SortOrder> others = List.of(SortOrder.values()).subList(1, SortOrder.values().length);
    int turn = 0;
    for (String query : QUERIES) {
      for (Map<String, List<String>> filters : filterSets) {
        for (SortOrder sort : List.of(SortOrder.RELEVANCE, others.get(turn++ % others.size()))) {
          SearchRequest request = request(query, filters, sort, 8);
          List<ArticleSummary> top = searcher.top(request, 8);
          assertEquals(articles(searcher.search(request)), top, request.toString());
          nonEmpty += top.isEmpty() ? 0 : 1;
        }
      }
    }
    for (SortOrder sort : SortOrder.values()) {
      for (String query : QUERIES) {
        // None asked for: once per query, not per filter set (each search here counts every facet).
        assertEquals(List.of(), searcher.top(request(query, Map.of(), sort, 0), 0));
      }
      // Longer lists, as the feed (50) and the largest page take them.
      for (SearchRequest request : List.of(request("", Map.of(), sort, 50), request("war peace", Map.of(), sort, SearchRequest.MAX_SIZE),
          dated(request("war", Map.of(), sort, 50), LocalDate.of(1850, 1, 1), LocalDate.of(1950, 1, 1)))) {
        List<ArticleSummary> top = searcher.top(request, request.size());
        assertEquals(request.size(), top.size(), request.toString());
        assertEquals(articles(searcher.search(request)), top, request.toString());
      }
    }
    assertTrue(nonEmpty > 100, "only " + nonEmpty + " requests found anything");
  }

  @Test
  void topStartsAfterTheRequestsCursorAsASearchsNextPageDoes() throws Exception {
    for (SortOrder sort : SortOrder.values()) {
      for (Map<String, List<String>> filters : List.of(filterSets.get(0), filterSets.get(filterSets.size() - 3))) {
        SearchRequest first = request("", filters, sort, 7);
        SearchResult page = searcher.search(first);
        SearchRequest second = first.withCursor(page.nextCursor().orElseThrow());
        List<ArticleSummary> expected = articles(searcher.search(second));
        assertEquals(7, expected.size());
        assertEquals(expected, searcher.top(second, 7), second.toString());
      }
    }
  }

  /**
   * The shipped corpus holds no copies (speeches, press reports and two seed articles, each written
   * once), so indexing filed every article as a story of its own and grouping by story changes no
   * answer: the story count is the total and the grouped hits are the articles' hits.
   */
  @Test
  void everyShippedArticleIsAStoryOfItsOwnSoGroupingChangesNoAnswer() throws Exception {
    assertEquals(searcher.articleCount(), searcher.search(request("", Map.of(), SortOrder.NEWEST, 0)).stories());
    // Two sorts, pages of 20 and the filters of three dimensions: grouping itself is tested in every
    // sort on the wire copies (GroupingByStoryTest); here the point is that real text without copies
    // never groups.
    for (SortOrder sort : List.of(SortOrder.RELEVANCE, SortOrder.OLDEST)) {
      for (String query : QUERIES) {
        for (Map<String, List<String>> filters : filterSets.subList(0, 4)) {
          SearchRequest byStory = request(query, filters, sort, 20);
          SearchResult stories = searcher.search(byStory);
          SearchResult articles = searcher.search(byStory.withGrouping(Grouping.ARTICLES));
          assertEquals(stories.total(), stories.stories(), byStory.toString());
          assertEquals(articles.total(), articles.stories(), byStory.toString());
          assertEquals(articles(articles), articles(stories), byStory.toString());
          for (SearchHit hit : stories.hits()) {
            assertEquals(List.of(hit.article().article().id()),
                hit.story().versions().stream().map(StoryVersion::articleId).toList());
          }
        }
      }
    }
  }

  @Test
  void countAndTopRefuseWhatASearchRefusesWithTheSameAnswer() throws Exception {
    List<SearchRequest> bad = List.of(
        request("", Map.of("colour", List.of("red")), SortOrder.RELEVANCE, 10),
        request("", Map.of(ArchiveSchema.FACET_HEDGING, List.of("extreme")), SortOrder.RELEVANCE, 10),
        request("", Map.of(ArchiveSchema.FACET_YEAR, List.of("last year")), SortOrder.RELEVANCE, 10),
        request("", Map.of(ArchiveSchema.FACET_ACTOR, List.of(" ")), SortOrder.RELEVANCE, 10),
        dated(request("war", Map.of(), SortOrder.NEWEST, 10), LocalDate.of(1900, 1, 2), LocalDate.of(1900, 1, 1)),
        request("\"", Map.of(), SortOrder.RELEVANCE, 10),
        request("x".repeat(SearchEngine.MAX_QUERY_LENGTH + 1), Map.of(), SortOrder.RELEVANCE, 10));
    for (SearchRequest request : bad) {
      InvalidQueryException bySearch = assertThrows(InvalidQueryException.class, () -> searcher.search(request));
      for (InvalidQueryException other : List.of(
          assertThrows(InvalidQueryException.class, () -> searcher.count(request)),
          assertThrows(InvalidQueryException.class, () -> searcher.top(request, 10)))) {
        assertEquals(bySearch.kind(), other.kind());
        assertEquals(bySearch.field(), other.field());
        assertEquals(bySearch.getMessage(), other.getMessage());
      }
    }
    SearchRequest tampered = request("war", Map.of(), SortOrder.NEWEST, 5).withCursor("not-a-cursor");
    InvalidQueryException bySearch = assertThrows(InvalidQueryException.class, () -> searcher.search(tampered));
    InvalidQueryException byTop = assertThrows(InvalidQueryException.class, () -> searcher.top(tampered, 5));
    assertEquals(bySearch.getMessage(), byTop.getMessage());
    assertThrows(IllegalArgumentException.class, () -> searcher.top(SearchRequest.of("war"), -1));
  }
}
