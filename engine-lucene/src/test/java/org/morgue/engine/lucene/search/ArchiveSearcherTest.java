package org.morgue.engine.lucene.search;

import org.morgue.search.RequestField;

import org.morgue.search.Snippet;

import org.morgue.search.FacetCount;
import org.morgue.search.FilterNames;
import org.morgue.search.IndexStats;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.QueryInterpretation;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.SortOrder;
import org.morgue.search.Suggestion;
import org.morgue.search.Timeline;
import org.morgue.search.TimelineInterval;

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
import org.morgue.article.Actor;
import org.morgue.article.ActorType;
import org.morgue.article.Article;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.Enrichment;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.engine.lucene.index.ArchiveWriter;

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
    assertTrue(result.hits().get(0).snippet().parts().contains(new Snippet.Part("Venezuela", true)),
        result.hits().get(0).snippet().parts().toString());
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
  void markupInArticleTextIsPlainTextInSnippets() throws Exception {
    // Kept as the article wrote it, unescaped and unmarked: escaping is the server's views' job.
    Snippet snippet = search("trade").hits().get(0).snippet();
    assertTrue(snippet.text().contains("<script>"), snippet.text());
    assertTrue(snippet.parts().contains(new Snippet.Part("trade", true)), snippet.parts().toString());
    assertTrue(snippet.parts().stream().filter(Snippet.Part::marked).noneMatch(part -> part.text().contains("<")));
  }

  @Test
  void queriesThatAreNotSyntaxAreSearchedAsTheirWordsAndSaySo() throws Exception {
    SearchResult unbalanced = search("\"Tren de");
    assertEquals(List.of(SeedArticles.CRACKDOWN, SeedArticles.KILL_CLAIMS), ids(unbalanced));
    assertEquals(Optional.of(new QueryInterpretation("Tren de", "unbalanced quote after 'de' (the quote before 'Tren'"
        + " is never closed)")), unbalanced.interpretation());
    assertEquals(Optional.empty(), search("\"Tren de Aragua\"").interpretation(), "a valid query runs as typed");
    assertEquals("unbalanced bracket: the '(' before 'trade' is never closed",
        search("(trade AND").interpretation().orElseThrow().reason());
    assertEquals("trade", search("(trade AND").interpretation().orElseThrow().query());
  }

  @Test
  void queriesWithNoWordsLeftAreRefusedInTheUsersTerms() {
    for (String q : List.of("\"\"\"", "AND", "+", "((((", "title:", "^ ~")) {
      InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> search(q), q);
      assertEquals(InvalidQueryException.Kind.QUERY_SYNTAX, e.kind(), q);
      assertTrue(e.getMessage().endsWith("there are no words to search"), q + " -> " + e.getMessage());
      for (String internal : List.of("Encountered", "column", "lexical", "Was expecting", "Cannot parse")) {
        assertFalse(e.getMessage().contains(internal), q + " -> " + e.getMessage());
      }
    }
    assertEquals("the query cannot start with 'AND'; there are no words to search",
        assertThrows(InvalidQueryException.class, () -> search("AND")).getMessage());
    assertEquals("'title:' has nothing after it to search; there are no words to search",
        assertThrows(InvalidQueryException.class, () -> search("title:")).getMessage());
    // Its plain words are only a common one: both are said, the bracket first (it once said only the word).
    assertTrue(assertThrows(InvalidQueryException.class, () -> search("[a TO")).getMessage()
        .startsWith("unbalanced bracket: the '[' before 'a' is never closed; searched as its plain words, 'a' holds only"));
  }

  @Test
  void aSlashInsideAWordIsPartOfTheWordAndOnlyAWholeSlashTermIsARegex() throws Exception {
    assertEquals("9\\/11", TypedQuery.slashesInWords("9/11"));
    assertEquals("HIV\\/AIDS \\/usr\\/bin title:/colou?r/ \"and/or\"", TypedQuery.slashesInWords(
        "HIV/AIDS /usr/bin title:/colou?r/ \"and/or\""));
    assertEquals("published:[2019/01 TO 2020]", TypedQuery.slashesInWords("published:[2019/01 TO 2020]"));
    assertEquals(Optional.empty(), search("24/7 economy").interpretation());
    assertTrue(ids(search("/econom.*/")).containsAll(List.of("sotu-1962", "sotu-2019")), "a whole /.../ term is a regex");
  }

  @Test
  void malformedQueriesAreRejectedWithAReasonNamingTheProblem() {
    InvalidQueryException field = assertThrows(InvalidQueryException.class, () -> search("colour:red"));
    assertTrue(field.getMessage().startsWith("unknown field 'colour'"), field.getMessage());
    assertEquals(InvalidQueryException.Kind.QUERY_SYNTAX, field.kind());
    InvalidQueryException date = assertThrows(InvalidQueryException.class, () -> search("published:[2019-13 TO 2020]"));
    assertTrue(date.getMessage().contains("'2019-13' is not a date"), date.getMessage());
    assertEquals("'*venezuela' starts with a wildcard; a word may not start with '*' or '?'",
        assertThrows(InvalidQueryException.class, () -> search("*venezuela")).getMessage());
    assertEquals(InvalidQueryException.Kind.QUERY_TOO_COMPLEX, assertThrows(InvalidQueryException.class,
        () -> search("x".repeat(ArchiveSearcher.MAX_QUERY_LENGTH + 1))).kind());
    InvalidQueryException hedging = assertThrows(InvalidQueryException.class, () -> searcher.search(
        new SearchRequest("", Map.of("hedging", List.of("extreme")), Optional.empty(), Optional.empty(),
            SortOrder.RELEVANCE, 10, 10)));
    assertEquals(RequestField.filter("hedging"), hedging.field());
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

  private static SearchRequest everything(SortOrder sort, int size) {
    return new SearchRequest("", Map.of(), Optional.empty(), Optional.empty(), sort, size, 10);
  }

  /** Every id of a search, walked page by page through nextCursor. */
  private static List<String> walk(SearchRequest first) throws Exception {
    List<String> ids = new java.util.ArrayList<>();
    SearchRequest request = first;
    for (int page = 0; page < 100; page++) {
      SearchResult result = searcher.search(request);
      result.hits().forEach(h -> ids.add(h.article().article().id()));
      if (result.nextCursor().isEmpty()) {
        return ids;
      }
      request = first.withCursor(result.nextCursor().get());
    }
    throw new AssertionError("no last page after 100 pages: " + ids);
  }

  @Test
  void cursorsWalkEveryHitOnceInTheOrderOfOneBigPage() throws Exception {
    for (SortOrder sort : SortOrder.values()) {
      List<String> onePage = searcher.search(everything(sort, 10)).hits().stream()
          .map(h -> h.article().article().id()).toList();
      assertEquals(4, onePage.size());
      assertEquals(onePage, walk(everything(sort, 1)), "size 1 under " + sort.id());
      assertEquals(onePage, walk(everything(sort, 3)), "size 3 under " + sort.id());
    }
    assertEquals(List.of("sotu-1962", "sotu-2019"), walk(everything(SortOrder.OLDEST, 1)).subList(0, 2));
    SearchResult last = searcher.search(everything(SortOrder.OLDEST, 4));
    assertTrue(last.nextCursor().isEmpty(), "one page holds all four: no next page");
    assertTrue(searcher.search(everything(SortOrder.OLDEST, 3)).nextCursor().isPresent());
  }

  @Test
  void aCursorFromAnotherSortOrQueryIsNotValidAndAGarbledOneIsMalformed() throws Exception {
    String newest = searcher.search(everything(SortOrder.NEWEST, 1)).nextCursor().orElseThrow();
    InvalidQueryException otherSort = assertThrows(InvalidQueryException.class,
        () -> searcher.search(everything(SortOrder.OLDEST, 1).withCursor(newest)));
    assertEquals(RequestField.CURSOR, otherSort.field());
    assertTrue(otherSort.getMessage().startsWith("cursor is not valid for this search"), otherSort.getMessage());
    InvalidQueryException otherQuery = assertThrows(InvalidQueryException.class,
        () -> searcher.search(new SearchRequest("economy", Map.of(), Optional.empty(), Optional.empty(),
            SortOrder.NEWEST, 1, 10).withCursor(newest)));
    assertTrue(otherQuery.getMessage().startsWith("cursor is not valid for this search"), otherQuery.getMessage());

    byte[] bytes = java.util.Base64.getUrlDecoder().decode(newest);
    bytes[bytes.length / 2] ^= 0x01;
    String edited = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    for (String garbled : List.of("not a cursor!", "AAAA", edited, newest.substring(0, newest.length() - 3))) {
      InvalidQueryException e = assertThrows(InvalidQueryException.class,
          () -> searcher.search(everything(SortOrder.NEWEST, 1).withCursor(garbled)), garbled);
      assertEquals(RequestField.CURSOR, e.field());
      assertTrue(e.getMessage().startsWith("cursor is malformed"), e.getMessage());
    }
  }

  @Test
  void timelineCountsMatchesByYearMonthOrDayUnderEveryFilter() throws Exception {
    Timeline years = search("").timeline();
    assertEquals(TimelineInterval.YEAR, years.interval(), "1962 to 2019 spans more than 15 years");
    assertEquals(2019 - 1962 + 1, years.buckets().size(), "empty years between are listed");
    assertEquals(List.of("1962", 1L), keyAndCount(years.buckets().get(0)));
    assertEquals(List.of("1963", 0L), keyAndCount(years.buckets().get(1)));
    assertEquals(List.of("2019", 1L), keyAndCount(years.buckets().get(years.buckets().size() - 1)));
    assertEquals(2, years.buckets().stream().mapToLong(Timeline.TimelineBucket::count).sum(), "undated not counted");

    SearchRequest byMonth = new SearchRequest("", Map.of(), Optional.empty(), Optional.empty(),
        SortOrder.RELEVANCE, 0, 10, Optional.empty(), Optional.of(TimelineInterval.MONTH), Map.of());
    Timeline months = searcher.search(byMonth).timeline();
    assertEquals(TimelineInterval.MONTH, months.interval());
    assertEquals(List.of("1962-01", 1L), keyAndCount(months.buckets().get(0)));
    assertEquals(List.of("2019-02", 1L), keyAndCount(months.buckets().get(months.buckets().size() - 1)));
    assertEquals(57 * 12 + 2, months.buckets().size());

    SearchRequest byDay = new SearchRequest("", Map.of(), Optional.empty(), Optional.empty(),
        SortOrder.RELEVANCE, 0, 10, Optional.empty(), Optional.of(TimelineInterval.DAY), Map.of());
    assertEquals(TimelineInterval.MONTH, searcher.search(byDay).timeline().interval(),
        "20,000 days are more buckets than allowed, so days become months");

    SearchRequest since2000 = new SearchRequest("", Map.of(), Optional.of(LocalDate.of(2000, 1, 1)),
        Optional.empty(), SortOrder.RELEVANCE, 10, 10);
    Timeline one = searcher.search(since2000).timeline();
    assertEquals(TimelineInterval.DAY, one.interval(), "a single date spans less than a year");
    assertEquals(1, one.buckets().size());
    assertEquals(List.of("2019-02-05", 1L), keyAndCount(one.buckets().get(0)));
    assertEquals(1, one.buckets().get(0).archiveCount(), "the archive holds one article that day");
    Timeline none = search("Venezuela").timeline();
    assertEquals(List.of(), none.buckets(), "the seed articles have no date");
  }

  private static List<Object> keyAndCount(Timeline.TimelineBucket bucket) {
    return List.of(bucket.key(), bucket.count());
  }

  @Test
  void facetPrefixListsOnlyValuesWithAWordStartingWithItWhateverTheCase() throws Exception {
    SearchRequest state = new SearchRequest("", Map.of(), Optional.empty(), Optional.empty(),
        SortOrder.RELEVANCE, 0, 10, Optional.empty(), Optional.empty(), Map.of("source", "sTaTe", "actor", "Tr"));
    SearchResult result = searcher.search(state);
    assertEquals(List.of(new FacetCount("State of the Union", 2)), result.facets().get("source"));
    assertTrue(result.facets().get("actor").contains(new FacetCount("Tren de Aragua", 2)),
        result.facets().get("actor").toString());
    for (FacetCount actor : result.facets().get("actor")) {
      assertTrue(java.util.Arrays.stream(actor.value().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
          .anyMatch(word -> word.startsWith("tr")), actor.value());
    }
    assertTrue(result.facets().get("actor").stream().anyMatch(actor -> actor.value().equals("Donald Trump")),
        "by a word other than the first: " + result.facets().get("actor"));
    assertFalse(result.facets().get("year").isEmpty(), "facets without a prefix are untouched");
    InvalidQueryException unknown = assertThrows(InvalidQueryException.class, () -> searcher.search(
        new SearchRequest("", Map.of(), Optional.empty(), Optional.empty(), SortOrder.RELEVANCE, 0, 10,
            Optional.empty(), Optional.empty(), Map.of("colour", "r"))));
    assertEquals(RequestField.facetPrefix("colour"), unknown.field());
  }

  @Test
  void suggestCompletesAnyWordOfActorThemeAndSourceNamesMostFrequentFirst() throws Exception {
    List<Suggestion> tr = searcher.suggest("tR", 10);
    assertTrue(tr.contains(new Suggestion("Tren de Aragua", "actor", 2)), tr.toString());
    for (int i = 1; i < tr.size(); i++) {
      assertTrue(tr.get(i - 1).count() >= tr.get(i).count(), "most frequent first: " + tr);
    }
    assertEquals(List.of(new Suggestion("Tren de Aragua", "actor", 2)), searcher.suggest("aragua", 10),
        "a later word of the name completes too");
    assertTrue(searcher.suggest("union", 10).contains(new Suggestion("State of the Union", "source", 2)));
    assertTrue(searcher.suggest("seed-art", 10).contains(new Suggestion("seed-articles", "source", 2)));
    assertEquals(1, searcher.suggest("t", 1).size(), "limit caps the list");
    assertEquals(List.of(), searcher.suggest("   ", 10));
    assertEquals(List.of(), searcher.suggest("zzzz", 10));
  }

  @Test
  void aNameStartingWithPunctuationIsHeldCompletedAndFoundHoweverItIsCased(@TempDir Path dir) throws Exception {
    // A user trial saw "(AP) Wire" listed in the source facet and reported as no source in the archive:
    // names were keyed only where a word starts with a letter or digit, never as a whole.
    ArticleEnricher enricher = ArticleEnricher.standard();
    try (ArchiveWriter writer = ArchiveWriter.open(dir)) {
      int n = 0;
      for (String source : List.of("(AP) Wire", "[UK] Reuters", "\u00a1Hola!", "\"Daily\" News")) {
        Article article = new Article("p-" + n, "Harbour reopens", List.of(new Block(BlockKind.PARAGRAPH,
            "The harbour of Valparaiso reopened on Monday.")), Optional.empty(), source, Optional.empty(), List.of(), "test");
        writer.put(enricher.enrich(article), "p" + n++);
      }
      EnrichedArticle mafia = enricher.enrich(dated("mafia", "A trial in Calabria", LocalDate.of(2021, 1, 13),
          "The trial of the clan began in Lamezia Terme."));
      List<Actor> actors = new java.util.ArrayList<>(mafia.enrichment().actors());
      actors.add(new Actor("'Ndrangheta", ActorType.GROUP, Optional.empty(), List.of(), 0.5));
      writer.put(new EnrichedArticle(mafia.article(), new Enrichment(actors, mafia.enrichment().themes(),
          mafia.enrichment().hedging())), "m");
      writer.commit(Map.of());
    }
    try (ArchiveSearcher local = ArchiveSearcher.open(dir)) {
      assertEquals(List.of("(AP) Wire"), local.facetValuesNamed("source", "(AP) Wire"));
      assertEquals(List.of("(AP) Wire"), local.facetValuesNamed("source", "(ap) wire"));
      assertEquals(List.of("[UK] Reuters"), local.facetValuesNamed("source", "[uk] REUTERS"));
      assertEquals(List.of("\u00a1Hola!"), local.facetValuesNamed("source", "\u00a1hola!"));
      assertEquals(List.of("\"Daily\" News"), local.facetValuesNamed("source", "\"daily\" news"));
      assertEquals(List.of("'Ndrangheta"), local.facetValuesNamed("actor", "'ndrangheta"));
      assertEquals(List.of(), local.facetValuesNamed("source", "ap) wire"), "a name from a word on is not the name");

      assertEquals(Optional.empty(), local.facetValueNear("source", "(AP) Wire"), "held, so nothing near to offer");
      assertEquals(Optional.of("(AP) Wire"), local.facetValueNear("source", "(AP) Wirre"));
      assertEquals(Optional.of("'Ndrangheta"), local.facetValueNear("actor", "'Ndrangeta"));

      Suggestion wire = new Suggestion("(AP) Wire", "source", 1);
      assertEquals(List.of(wire), local.suggest("(AP", 10), "typed as written, it completes");
      assertTrue(local.suggest("ap", 10).contains(wire), "and from its words, as before");
      assertTrue(local.suggest("wire", 10).contains(wire));
      assertTrue(local.suggest("ndrang", 10).contains(new Suggestion("'Ndrangheta", "actor", 1)));

      SearchRequest typed = SearchRequest.of("harbour").withFilters(Map.of("source", List.of("(ap) wire")));
      assertEquals(1, local.search(FilterNames.resolve(local, typed)).total());
    }
  }

  @Test
  void articleIsFoundByIdWithItsText() throws Exception {
    Article article = searcher.article(SeedArticles.KILL_CLAIMS).orElseThrow().article();
    assertEquals("US Military Kill Claims Raise the Stakes", article.title());
    assertEquals(SeedArticles.article(SeedArticles.KILL_CLAIMS).text(), article.text());
    assertTrue(searcher.article("no-such-article").isEmpty());
  }
}
