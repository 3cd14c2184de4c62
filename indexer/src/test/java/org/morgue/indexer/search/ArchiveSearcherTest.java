package org.morgue.indexer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.article.Article;
import org.morgue.indexer.article.Block;
import org.morgue.indexer.article.BlockKind;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.index.ArchiveWriter;

class ArchiveSearcherTest {
  @TempDir static Path tmp;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void indexSeedArticlesAndTwoDatedOnes() throws IOException {
    ArticleEnricher enricher = ArticleEnricher.standard();
    Path index = tmp.resolve("index");
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      writer.put(enricher.enrich(SeedArticles.article(SeedArticles.CRACKDOWN)), "test-fingerprint");
      writer.put(enricher.enrich(SeedArticles.article(SeedArticles.KILL_CLAIMS)), "test-fingerprint");
      writer.put(enricher.enrich(dated("sotu-1962", "State of the Union, 1962", LocalDate.of(1962, 1, 11),
          "The Congress must act on trade <script>alert('x')</script> at once. Our economy may grow.")), "f1");
      writer.put(enricher.enrich(dated("sotu-2019", "State of the Union, 2019", LocalDate.of(2019, 2, 5),
          "We are strong. Our economy is booming and wages are rising.")), "f2");
      writer.commit(Map.of());
    }
    searcher = ArchiveSearcher.open(index);
  }

  static Article dated(String id, String title, LocalDate date, String body) {
    return new Article(id, title, List.of(new Block(BlockKind.PARAGRAPH, body)), Optional.of(date),
        "State of the Union", Optional.empty(), List.of("A. President"), "test");
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static SearchResult search(String q) throws Exception {
    return searcher.search(SearchRequest.of(q));
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(h -> h.article().article().id()).sorted().toList();
  }

  @Test
  void plainWordFindsBothSeedArticlesWithMarkedSnippets() throws Exception {
    SearchResult result = search("Venezuela");
    assertEquals(2, result.total());
    assertEquals(List.of(SeedArticles.CRACKDOWN, SeedArticles.KILL_CLAIMS), ids(result));
    assertTrue(result.hits().get(0).snippet().contains("<mark>Venezuela"), result.hits().get(0).snippet());
  }

  @Test
  void fieldedPhraseAndBooleanQueriesNarrowTheResults() throws Exception {
    assertEquals(List.of(SeedArticles.CRACKDOWN), ids(search("title:crackdown")));
    assertEquals(List.of(SeedArticles.KILL_CLAIMS), ids(search("\"signal flare\"")));
    assertEquals(List.of(SeedArticles.CRACKDOWN), ids(search("Venezuela AND NOT military")));
    assertEquals(List.of("sotu-1962", "sotu-2019"), ids(search("source:\"state of the union\"")));
    assertEquals(List.of("sotu-1962"), ids(search("author:president AND trade")));
  }

  @Test
  void wordsStandingTogetherRankAboveTheSameWordsScattered(@TempDir Path dir) throws Exception {
    ArticleEnricher enricher = ArticleEnricher.standard();
    try (ArchiveWriter writer = ArchiveWriter.open(dir)) {
      writer.put(enricher.enrich(dated("scattered", "Address", LocalDate.of(1986, 2, 4),
          "Four years ago we began, four hard years. Essential work remains, essential and human work on"
              + " human needs. Freedoms abroad, our freedoms, are at risk.")), "a");
      writer.put(enricher.enrich(dated("together", "Address on many subjects of the day",
          LocalDate.of(1941, 1, 6), "We look forward to a world founded upon four essential human freedoms. "
              + "The first is freedom of speech and expression everywhere in the world, and the nation must act"
              + " on trade, on defense, on the budget, on the farms, on the railroads and on the mines.")), "b");
      writer.commit(Map.of());
    }
    try (ArchiveSearcher local = ArchiveSearcher.open(dir)) {
      SearchResult result = local.search(SearchRequest.of("four essential human freedoms"));
      assertEquals(2, result.total(), "both still match");
      assertEquals("together", result.hits().get(0).article().article().id());
    }
  }

  @Test
  void publishedRangesAcceptYearsMonthsAndDays() throws Exception {
    assertEquals(List.of("sotu-1962"), ids(search("published:[1960 TO 1969]")));
    assertEquals(List.of("sotu-2019"), ids(search("published:2019-02")));
    assertEquals(List.of("sotu-1962", "sotu-2019"), ids(search("published:[1962-01-11 TO 2019-02-05]")));
    assertEquals(List.of(), ids(search("published:{1962-01-11 TO 2019-02-05}")));
  }

  @Test
  void emptyQueryMatchesEverythingAndFacetsCountIt() throws Exception {
    SearchResult result = search("");
    assertEquals(4, result.total());
    assertEquals(List.of(new FacetCount("1962", 1), new FacetCount("2019", 1)),
        result.facets().get("year").stream().sorted(java.util.Comparator.comparing(FacetCount::value)).toList());
    assertTrue(result.facets().get("source").contains(new FacetCount("State of the Union", 2)));
  }

  @Test
  void facetFiltersAreOrWithinAndAndAcrossWithSidewaysCounts() throws Exception {
    SearchRequest twoYears = new SearchRequest("", Map.of("year", List.of("1962", "2019")), Optional.empty(),
        Optional.empty(), SortOrder.NEWEST, 10, 10);
    SearchResult result = searcher.search(twoYears);
    assertEquals(List.of("sotu-2019", "sotu-1962"),
        result.hits().stream().map(h -> h.article().article().id()).toList());

    SearchRequest oneYearOneSource = new SearchRequest("", Map.of("year", List.of("1962"),
        "source", List.of("seed-articles")), Optional.empty(), Optional.empty(), SortOrder.RELEVANCE, 10, 10);
    SearchResult none = searcher.search(oneYearOneSource);
    assertEquals(0, none.total());
    // Drill-sideways: the year facet still counts years under the source filter alone, and vice versa.
    assertEquals(List.of(new FacetCount("1962", 0)), none.facets().get("year"), "ticked, so listed");
    assertTrue(none.facets().get("source").contains(new FacetCount("State of the Union", 1)));
  }

  @Test
  void selectedFacetValuesAreListedEvenBeyondTheFacetLimit() throws Exception {
    SearchRequest request = new SearchRequest("", Map.of("year", List.of("1962", "2019")), Optional.empty(),
        Optional.empty(), SortOrder.RELEVANCE, 10, 1);
    List<FacetCount> years = searcher.search(request).facets().get("year");
    assertEquals(2, years.size(), years.toString());
    assertTrue(years.containsAll(List.of(new FacetCount("1962", 1), new FacetCount("2019", 1))), years.toString());
    SearchRequest absent = new SearchRequest("", Map.of("year", List.of("1850")), Optional.empty(),
        Optional.empty(), SortOrder.RELEVANCE, 10, 5);
    assertTrue(searcher.search(absent).facets().get("year").contains(new FacetCount("1850", 0)));
  }

  @Test
  void dateFiltersKeepOnlyArticlesInTheRange() throws Exception {
    SearchRequest request = new SearchRequest("", Map.of(), Optional.of(LocalDate.of(2000, 1, 1)),
        Optional.empty(), SortOrder.RELEVANCE, 10, 10);
    assertEquals(List.of("sotu-2019"), ids(searcher.search(request)));
  }

  @Test
  void markupInArticleTextIsEscapedInSnippets() throws Exception {
    String snippet = search("trade").hits().get(0).snippet();
    assertFalse(snippet.contains("<script>"), snippet);
    assertTrue(snippet.contains("&lt;script&gt;"), snippet);
    assertTrue(snippet.contains("<mark>trade</mark>"), snippet);
  }

  @Test
  void malformedQueriesAreRejectedWithAReasonNamingTheProblem() {
    InvalidQueryException unbalanced = assertThrows(InvalidQueryException.class, () -> search("\"Tren de"));
    assertEquals("q", unbalanced.parameter());
    assertTrue(unbalanced.getMessage().startsWith("cannot parse the query"), unbalanced.getMessage());
    InvalidQueryException field = assertThrows(InvalidQueryException.class, () -> search("colour:red"));
    assertTrue(field.getMessage().contains("unknown field 'colour'"), field.getMessage());
    InvalidQueryException date = assertThrows(InvalidQueryException.class, () -> search("published:[2019-13 TO 2020]"));
    assertTrue(date.getMessage().contains("'2019-13' is not a date"), date.getMessage());
    assertThrows(InvalidQueryException.class, () -> search("*venezuela"));
    assertThrows(InvalidQueryException.class, () -> search("x".repeat(ArchiveSearcher.MAX_QUERY_LENGTH + 1)));
    InvalidQueryException hedging = assertThrows(InvalidQueryException.class, () -> searcher.search(
        new SearchRequest("", Map.of("hedging", List.of("extreme")), Optional.empty(), Optional.empty(),
            SortOrder.RELEVANCE, 10, 10)));
    assertEquals("hedging", hedging.parameter());
  }

  @Test
  void scanVisitsEveryMatchInSortOrder() throws Exception {
    List<String> visited = new java.util.ArrayList<>();
    searcher.scan(new SearchRequest("", Map.of(), Optional.empty(), Optional.empty(), SortOrder.OLDEST, 1, 10),
        article -> visited.add(article.article().id()));
    assertEquals(4, visited.size(), "size limits pages, never a scan");
    assertEquals(List.of("sotu-1962", "sotu-2019"), visited.subList(0, 2));
    List<String> economy = new java.util.ArrayList<>();
    searcher.scan(SearchRequest.of("economy"), article -> economy.add(article.article().id()));
    assertEquals(List.of("sotu-1962", "sotu-2019"), economy.stream().sorted().toList());
  }

  @Test
  void statsCountArticlesAndKnowTheLastCommit() throws Exception {
    IndexStats stats = searcher.stats();
    assertEquals(4, stats.articles());
    assertTrue(stats.sizeBytes() > 1000, "an index takes some disk: " + stats.sizeBytes());
    assertTrue(stats.lastUpdate().orElseThrow().isAfter(java.time.Instant.now().minusSeconds(600)));
  }

  @Test
  void articleIsFoundByIdWithItsText() throws Exception {
    Article article = searcher.article(SeedArticles.KILL_CLAIMS).orElseThrow().article();
    assertEquals("US Military Kill Claims Raise the Stakes", article.title());
    assertEquals(SeedArticles.article(SeedArticles.KILL_CLAIMS).text(), article.text());
    assertTrue(searcher.article("no-such-article").isEmpty());
  }
}
