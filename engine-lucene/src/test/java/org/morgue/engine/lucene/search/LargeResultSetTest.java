package org.morgue.engine.lucene.search;

import org.morgue.search.SearchHit;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.SortOrder;
import org.morgue.search.Timeline;
import org.morgue.search.TimelineInterval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.engine.lucene.index.ArchiveWriter;

/** More matches than Lucene counts by default (1,000): totals stay exact and cursors reach the end. */
class LargeResultSetTest {
  static final int ARTICLES = 1_500;
  static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);

  @TempDir static Path tmp;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void indexFifteenHundredShortDatedArticles() throws IOException {
    ArticleEnricher enricher = ArticleEnricher.standard();
    Path index = tmp.resolve("index");
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      for (int i = 0; i < ARTICLES; i++) {
        // Every article's date is one of 500 days; three share each day, so sorting by date ties.
        Article article = new Article("brief-" + i, "Harbour brief " + i,
            List.of(new Block(BlockKind.PARAGRAPH, "The harbour authority reported " + i + " ships today.")),
            Optional.of(FIRST_DAY.plusDays(i % 500)), "Harbour Gazette", Optional.empty(), List.of(), "test");
        writer.put(enricher.enrich(article), "f" + i);
      }
      writer.commit(Map.of());
    }
    searcher = ArchiveSearcher.open(index);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static SearchRequest request(String query, SortOrder sort, int size) {
    return new SearchRequest(query, Map.of(), Optional.empty(), Optional.empty(), sort, size, 10);
  }

  @Test
  void totalIsExactBeyondAThousandMatchesUnderEverySort() throws Exception {
    for (SortOrder sort : SortOrder.values()) {
      assertEquals(ARTICLES, searcher.search(request("harbour", sort, 10)).total(), sort.id());
      assertEquals(ARTICLES, searcher.search(request("", sort, 0)).total(), sort.id());
    }
    SearchResult until = searcher.search(new SearchRequest("ships", Map.of(), Optional.empty(),
        Optional.of(FIRST_DAY.plusDays(399)), SortOrder.RELEVANCE, 5, 10));
    assertEquals(1_200, until.total(), "400 of the 500 days, three articles each");
  }

  @Test
  void cursorsWalkAllMatchesToTheEndWithoutRepeatsInSortOrder() throws Exception {
    for (SortOrder sort : List.of(SortOrder.NEWEST, SortOrder.RELEVANCE)) {
      SearchRequest first = request("harbour", sort, SearchRequest.MAX_SIZE);
      SearchRequest next = first;
      Set<String> seen = new HashSet<>();
      LocalDate previous = null;
      int pages = 0;
      while (true) {
        SearchResult page = searcher.search(next);
        pages++;
        assertEquals(ARTICLES, page.total(), "every page knows the whole total");
        for (SearchHit hit : page.hits()) {
          assertTrue(seen.add(hit.article().article().id()), "repeated " + hit.article().article().id());
          LocalDate date = hit.article().article().published().orElseThrow();
          if (sort == SortOrder.NEWEST && previous != null) {
            assertTrue(!date.isAfter(previous), date + " after " + previous);
          }
          previous = date;
        }
        if (page.nextCursor().isEmpty()) {
          break;
        }
        next = first.withCursor(page.nextCursor().get());
      }
      assertEquals(ARTICLES, seen.size(), sort.id());
      assertEquals(ARTICLES / SearchRequest.MAX_SIZE, pages, sort.id());
    }
  }

  @Test
  void countAndTopAgreeWithSearchBeyondAThousandMatchesWhereDatesTie() throws Exception {
    SearchRequest filtered = new SearchRequest("ships", Map.of("source", List.of("Harbour Gazette")),
        Optional.empty(), Optional.of(FIRST_DAY.plusDays(449)), SortOrder.NEWEST, SearchRequest.MAX_SIZE, 10);
    assertEquals(1_350, searcher.count(filtered), "450 of the 500 days, three articles each");
    for (SortOrder sort : SortOrder.values()) {
      for (SearchRequest first : List.of(request("", sort, SearchRequest.MAX_SIZE), request("harbour", sort, SearchRequest.MAX_SIZE),
          new SearchRequest(filtered.query(), filtered.filters(), filtered.from(), filtered.to(), sort, SearchRequest.MAX_SIZE, 10))) {
        assertEquals(searcher.search(first).total(), searcher.count(first), first.toString());
        // The first page and one far down the order, past the thousand matches Lucene counts by default.
        SearchRequest page = first;
        for (int i = 0; i < 12; i++) {
          SearchResult result = searcher.search(page);
          if (i == 0 || i == 11) {
            assertEquals(result.hits().stream().map(SearchHit::article).toList(), searcher.top(page, SearchRequest.MAX_SIZE),
                sort.id() + " page " + (i + 1) + " of " + first);
          }
          page = first.withCursor(result.nextCursor().orElseThrow());
        }
      }
    }
  }

  @Test
  void timelineOfFiveHundredDaysIsCountedByMonth() throws Exception {
    Timeline timeline = searcher.search(request("", SortOrder.RELEVANCE, 0)).timeline();
    assertEquals(TimelineInterval.MONTH, timeline.interval(), "500 days are more than a year");
    assertEquals("2020-01", timeline.buckets().get(0).key());
    assertEquals(93, timeline.buckets().get(0).count(), "31 days of January, three articles a day");
    assertEquals("2021-05", timeline.buckets().get(timeline.buckets().size() - 1).key());
    assertEquals(ARTICLES, timeline.buckets().stream().mapToLong(Timeline.TimelineBucket::count).sum());
  }
}
