package org.morgue.engine.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.morgue.article.EnrichedArticle;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.RecordingStore;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.search.ArchiveStore;
import org.morgue.search.FacetCount;
import org.morgue.search.FacetOrder;
import org.morgue.search.Grouping;
import org.morgue.search.SearchEngine;
import org.morgue.search.SearchHit;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.SortOrder;
import org.morgue.search.TimelineInterval;
import org.morgue.search.Story;
import org.morgue.search.StoryVersion;

/**
 * The shipped corpus in both engines, a few articles put in collections: the same requests give the
 * same totals, facets and timelines.
 */
class EngineParityTest {
  static final Path CORPUS = Path.of("..", "corpus", "articles");
  static final String SOTU_2020 = "sotu-2020-trump";
  /** Eight articles in four stories (see its README), for grouping by story. */
  static final Path COPIES = Path.of("..", "corpus", "wire-copies");
  static final List<String> COPY_IDS = List.of("crackdown-original", "crackdown-courier", "crackdown-corrected",
      "kill-claims-original", "kill-claims-gazette", "reuters-1-original", "reuters-1-reissue", "reuters-2");
  /**
   * Three shards, so every score pools the shards' statistics, and no replica: a primary and its replica
   * merge apart, and a copy that has merged away the articles the collections replaced scores with
   * other statistics than one that has not (docs/opensearch.md). Which copy a search read then decided
   * whether the scores agreed to five places: idle they did, and on a busy machine (CI beside other
   * builds, sessions 44 and 45) a facet ordered by significance swapped neighbours and "Congress
   * tax"~5 scored 0.205 against 0.214. Copies are NodeFailureTest's and the cluster tests' subject.
   */
  static final ArchiveIndex.IndexSettings WITHOUT_REPLICAS = new ArchiveIndex.IndexSettings(3, 0);
  @TempDir static Path tmp;
  static SearchEngine lucene;
  static SearchEngine opensearch;
  static ArchiveIndex archive;
  static SearchEngine copiesLucene;
  static SearchEngine copiesOpenSearch;

  @BeforeAll
  static void indexBoth() throws IOException {
    Path index = tmp.resolve("index");
    List<RecordingStore.Write> writes;
    try (RecordingStore writer = new RecordingStore(ArchiveWriter.open(index))) {
      new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard()).index(List.of(CORPUS), writer, Map.of());
      writes = writer.writes();
    }
    lucene = ArchiveSearcher.open(index);
    archive = TestCluster.newArchive("parity", WITHOUT_REPLICAS);
    // The cluster gets the very writes the pipeline made in the embedded index, not a second
    // enrichment of the corpus: what differs is then the engines alone. The pipeline writing into a
    // cluster is other tests' (NodeFailureTest, MappingMigrationTest, the server's, CI's compare-engines).
    try (OpenSearchStore store = OpenSearchStore.open(archive)) {
      RecordingStore.replay(writes, store);
    }
    opensearch = OpenSearchEngine.open(archive);
    // Collections come from outside the corpus: written over it in both engines, the same puts in the
    // same order, the last replacing an article's memberships.
    Map<String, EnrichedArticle> members = new LinkedHashMap<>();
    for (String id : List.of(SeedArticles.CRACKDOWN, SeedArticles.KILL_CLAIMS, SOTU_2020)) {
      members.put(id, lucene.article(id).orElseThrow());
    }
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      putCollections(writer, members, ArchiveWriter.lastCommitData(index).orElseThrow());
    }
    try (OpenSearchStore store = OpenSearchStore.open(archive)) {
      putCollections(store, members, archive.lastCommitData().orElseThrow());
    }
    lucene.refresh();
    opensearch.refresh();

    // On one thread: a story's id is its first version received, so both engines receive them in the
    // file's order (on several threads a copy can overtake its original and name the story).
    Path copies = tmp.resolve("copies");
    try (ArchiveWriter writer = ArchiveWriter.open(copies)) {
      oneThread().index(List.of(COPIES), writer, Map.of());
    }
    copiesLucene = ArchiveSearcher.open(copies);
    ArchiveIndex copiesArchive = TestCluster.newArchive("parity-copies", WITHOUT_REPLICAS);
    try (OpenSearchStore store = OpenSearchStore.open(copiesArchive)) {
      oneThread().index(List.of(COPIES), store, Map.of());
    }
    copiesOpenSearch = OpenSearchEngine.open(copiesArchive);
  }

  static ArchiveIndexer oneThread() {
    return new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard(), 1_000, 1);
  }

  static void putCollections(ArchiveStore store, Map<String, EnrichedArticle> members, Map<String, String> commit)
      throws IOException {
    store.put(members.get(SeedArticles.CRACKDOWN), Set.of("venezuela", "Reading-List"), "collections-1");
    store.put(members.get(SeedArticles.KILL_CLAIMS), Set.of("venezuela"), "collections-1");
    store.put(members.get(SOTU_2020), Set.of("venezuela", "Reading-List"), "collections-1");
    store.put(members.get(SOTU_2020), Set.of("speeches"), "collections-2");
    store.commit(commit);
  }

  @AfterAll
  static void close() throws IOException {
    lucene.close();
    opensearch.close();
    copiesLucene.close();
    copiesOpenSearch.close();
  }

  static SearchRequest request(String q, Map<String, List<String>> filters, SortOrder sort) {
    return new SearchRequest(q, filters, Optional.empty(), Optional.empty(), sort, 20, 20);
  }

  void same(SearchRequest request) throws Exception {
    same(request, true);
  }

  /** Both engines' answers to the request alike; {@code counted}: their counts too, which no order changes. */
  void same(SearchRequest request, boolean counted) throws Exception {
    SearchResult a = lucene.search(request);
    SearchResult b = opensearch.search(request);
    assertEquals(a.total(), b.total(), "total of " + request);
    assertEquals(a.facets(), b.facets(), "facets of " + request);
    assertEquals(a.timeline(), b.timeline(), "timeline of " + request);
    assertEquals(a.interpretation(), b.interpretation());
    List<String> ia = new ArrayList<>();
    List<String> ib = new ArrayList<>();
    a.hits().forEach(h -> ia.add(h.article().article().id()));
    b.hits().forEach(h -> ib.add(h.article().article().id()));
    if (request.sort() != SortOrder.RELEVANCE) {
      assertEquals(ia, ib, "order of " + request);
    }
    assertEquals(a.suggestion(), b.suggestion(), "suggestion of " + request);
    if (counted) {
      assertEquals(lucene.count(request), opensearch.count(request));
    }
  }

  /**
   * The cluster's analysers (the mapping's filters) make the embedded engine's tokens of the words
   * the filters of Morgue's own are for: acronyms with dots, thousands, the country, ampersands,
   * decades, percent signs, spellings; with the same offsets, which the char filters must keep the text's own.
   */
  @Test
  void theClusterAnalysesWordsAsTheEmbeddedEngineDoes() throws Exception {
    List<String> texts = List.of("The U.N. and the U.S.S.R. met; US, u.s. and us.", "F.B.I. agents, e.g. the A.F.L.-C.I.O.",
        "A.B.C.D.E.F.G.H.I.J.K.L. and a.b, 3.5 and 1.2.3", "AT&T's R&D in Al Qaida's defence organisations",
        "Nicolás Maduro's U.N.'s Used US", "10,000 troops cost $1,250,000.50, not 3,4 or 1,2,3; the 1,000th, 1234,567 and "
            + "1,000,000,000,000,000,000,000,000", "In the 1960's, the 1980’S and 1990s; 1961's, x1960's, 21960's, 1960'st and '60s.", "An interest of 4.5%, 5% or 100%; 10%off and a % sign.");
    try (Analyzer analyzer = ArchiveSchema.analyzer()) {
      for (String text : texts) {
        for (String[] field : new String[][] {{ArchiveSchema.TITLE, "morgue_prose"}, {ArchiveSchema.ACTOR, "morgue_names"}}) {
          List<String> embedded = new ArrayList<>();
          try (TokenStream stream = analyzer.tokenStream(field[0], text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
              embedded.add(term + " " + offsets.startOffset() + "-" + offsets.endOffset());
            }
            stream.end();
          }
          var request = new ObjectMapper().createObjectNode().put("analyzer", field[1]).put("text", text);
          List<String> cluster = new ArrayList<>();
          archive.connection().send("POST", "/" + archive.alias() + "/_analyze", request).path("tokens")
              .forEach(token -> cluster.add(token.path("token").asText() + " " + token.path("start_offset").asInt() + "-"
                  + token.path("end_offset").asInt()));
          assertEquals(embedded, cluster, field[1] + ": " + text);
        }
      }
    }
  }

  /**
   * Every query by relevance, and every other query also by one of the other three orders in turn, so
   * each order sees a sixth of the queries (a dozen or more): an order changes which hits come first,
   * never the counts, facets or timeline, and every query in all four orders was 580 searches, a fifth
   * of the module's time (one other order for every query was still 22 s). The count, which no order
   * changes either, is asked with relevance only.
   */
  @Test
  void aWordTheClusterFindsAmongTheActorsNamesIsNotCorrected() throws Exception {
    // a user trial: a search that found its articles still asked "Did you mean ...?" ("Muammar" Burma)
    for (String name : List.of("Muammar", "Anwar")) {
      SearchResult found = opensearch.search(SearchRequest.of(name));
      assertTrue(found.total() > 0, name);
      assertEquals(Optional.empty(), found.suggestion(), name);
    }
    assertEquals(Optional.of("Venezuela"), opensearch.search(SearchRequest.of("Venezeula")).suggestion());
  }

  @Test
  void theSameQueriesGiveTheSameCounts() throws Exception {
    List<SortOrder> others = List.of(SortOrder.NEWEST, SortOrder.OLDEST, SortOrder.MOST_HEDGED);
    int turn = 0;
    List<Callable<Void>> checks = new ArrayList<>();
    for (String q : List.of("", "venezuela", "Tren de Aragua", "\"state of the union\"", "actor:nicaragua", "congress AND tax",
        "war OR peace", "econom*", "freedom -war", "publish:2019", "published:[1990 TO 2000]", "9/11", "Nicolás",
        "theme:economy", "Venezeula", "Trump's \"border", "title:union", "fredom~1", "/colou?r/", "author:smith",
        "US", "use", "AT&T", "R&D", "\"war on terror\"", "the economy", "-venezuela", "Venezuela: Maduro",
        "jurry", "congres", "econmy", "inflaton", "9-11", "Cuba or Soviet", "\u00ABgrand jury\u00BB", "\u2018nation\u2019s economy\u2019",
        "Qaeda", "\"al Qaeda\"", "actor:Qaida", "Beijing", "Teheran", "Qaid*", "body:Peki*", "defence",
        "\"national defence\"", "organis*", "theme:\"Organised crime\"", "Vietnam", "per cent", "teen-agers", "UN", "U.N.", "USSR", "\"U.S.S.R. and\"", "u.s.", "FDR", "actor:JFK", "UK", "WWII", "10000", "\"1,000 miles\"", "Saint Louis", "\"Mt. Vernon\"", "Lt. Gov.", "\"per cent increase\"", "\"the Viet-Nam war\"", "WW2", "\"World War 2\"", "1980s", "Feb. 9", "\"Fourth of July\"", "interest 5%", "9/19/1961", "Sept. 11, 2001", "11 September", "the 11th of September", "7 December 1941", "Venezuela~5", "jury^-1", "Venezuela, Maduro", "Cuba OR Soviet missiles", "Cuba OR Soviet AND missiles",
        "Cuba OR Soviet missiles OR rockets", "NOT Cuba OR Soviet",
        "tax AND jury OR senate", "Muammar", "Anwar")) {
      List<SortOrder> sorts = turn++ % 2 == 0 ? List.of(SortOrder.RELEVANCE, others.get(turn / 2 % others.size()))
          : List.of(SortOrder.RELEVANCE);
      for (SortOrder sort : sorts) {
        checks.add(() -> {
          try {
            same(request(q, Map.of(), sort), sort == SortOrder.RELEVANCE);
          } catch (org.morgue.search.InvalidQueryException e) {
            // both must refuse alike
            Exception other = null;
            try { opensearch.search(request(q, Map.of(), sort)); } catch (Exception x) { other = x; }
            assertEquals(e.getMessage(), other == null ? null : other.getMessage());
          }
          return null;
        });
      }
    }
    twoAtATime(checks);
  }

  /**
   * Words near each other match and rank alike: a phrase, exact or with a slop, is the same Lucene
   * phrase query on the cluster ({@link QueryTranslator}), and plain words are ranked with such a
   * phrase as a closeness boost (and, from three words, each pair typed together as a phrase), so a first page by relevance holds the same hits in the same order
   * with the same scores. (As spans, "Congress tax"~5 found 24 articles embedded and 27 on the
   * cluster, and New Deal's first 20 hits shared 8 places; a phrase of words rare in titles, "grand
   * jury", scored with the statistics of the shards holding them only, 14.80 against 15.58.)
   */
  @Test
  void wordsNearEachOtherMatchAndRankAlike() throws Exception {
    List<Callable<Void>> checks = new ArrayList<>();
    for (String q : List.of("\"Congress tax\"~5", "\"tax Congress\"~1", "\"war on terror\"~2", "\"grand jury\"",
        "title:\"Fulton County\"", "\"New Deal\"", "New Deal", "human rights", "war on terror", "Congress tax",
        "title:\"state union\"~3", "\"Maduro Venezuela\"~4", "\"state of the union\"", "Roosevelt New Deal",
        "civil rights act")) {
      checks.add(() -> {
        SearchRequest request = request(q, Map.of(), SortOrder.RELEVANCE);
        SearchResult a = lucene.search(request);
        SearchResult b = opensearch.search(request);
        assertEquals(a.total(), b.total(), "total of " + q);
        assertTrue(a.total() > 0, "the corpus has articles for " + q);
        assertEquals(ranked(a), ranked(b), "the first page of " + q + " by relevance");
        return null;
      });
    }
    twoAtATime(checks);
  }

  private static List<String> ranked(SearchResult result) {
    return result.hits().stream()
        .map(hit -> hit.article().article().id() + " " + String.format(java.util.Locale.ROOT, "%.5f", hit.score())).toList();
  }

  /**
   * Runs the checks two at a time, as two clients would. One at a time, a check's thread waits on
   * the cluster while the embedded engine's core idles; each check still compares one request's
   * answers. The first failure is thrown as it was.
   */
  static void twoAtATime(List<Callable<Void>> checks) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      for (Future<Void> check : pool.invokeAll(checks)) {
        try {
          check.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw (Exception) e.getCause();
        }
      }
    }
  }

  @Test
  void filtersCountSideways() throws Exception {
    same(request("congress", Map.of("hedging", List.of("high")), SortOrder.NEWEST));
    same(request("", Map.of("actorType", List.of("person"), "year", List.of("2019", "2020")), SortOrder.OLDEST));
    // Narrowed by actor type, the actor list holds actors of that type, by count and by significance.
    same(request("congress", Map.of("actorType", List.of("organisation", "group")), SortOrder.NEWEST));
    same(request("war", Map.of("actorType", List.of("person")), SortOrder.RELEVANCE).withFacetOrder(FacetOrder.SIGNIFICANCE));
    same(request("war", Map.of("source", List.of("State of the Union")), SortOrder.NEWEST).withFacetOrder(FacetOrder.SIGNIFICANCE));
    // Significance weighted by relevance: both engines sum the same rounded scores.
    same(request("venezuela", Map.of(), SortOrder.RELEVANCE).withFacetOrder(FacetOrder.SIGNIFICANCE));
    same(request("tariff OR trade", Map.of("hedging", List.of("medium")), SortOrder.NEWEST)
        .withFacetOrder(FacetOrder.SIGNIFICANCE));
    same(new SearchRequest("tax", Map.of(), Optional.of(LocalDate.of(1950, 1, 1)), Optional.of(LocalDate.of(1999, 12, 31)),
        SortOrder.NEWEST, 10, 30, Optional.empty(), Optional.empty(), Map.of("actor", "ni")));
    // A clipping dated only to the year is in its year and in no month or day of it.
    for (TimelineInterval interval : TimelineInterval.values()) {
      same(new SearchRequest("", Map.of("year", List.of("1961")), Optional.empty(), Optional.empty(), SortOrder.NEWEST,
          10, 30, Optional.empty(), Optional.of(interval), Map.of()));
    }
    assertEquals(44, opensearch.search(new SearchRequest("", Map.of("source", List.of("Brown Corpus (1961)")), Optional.empty(), Optional.empty(),
        SortOrder.NEWEST, 0, 10, Optional.empty(), Optional.of(TimelineInterval.MONTH), Map.of())).timeline().lessPrecise(),
        "the Brown samples, of 1961 alone");
    // A range of dates holds such a clipping only when it holds the whole year, typed or asked for.
    SearchRequest january = new SearchRequest("", Map.of(), Optional.of(LocalDate.of(1961, 1, 1)),
        Optional.of(LocalDate.of(1961, 1, 31)), SortOrder.NEWEST, 10, 30);
    same(january);
    assertEquals(2, opensearch.search(january).total(), "the two addresses of January 1961");
    for (String q : List.of("published:1961-01", "published:1961", "published:[1960-06 TO 1961-06]", "published:[* TO 1961-03]")) {
      same(request(q, Map.of(), SortOrder.NEWEST));
    }
    // A list narrowed by typed text names an actor by any word of it or by an other name.
    for (String typed : List.of("Roosevelt", "FDR", "UK", "ike")) {
      same(new SearchRequest("", Map.of(), Optional.empty(), Optional.empty(), SortOrder.NEWEST, 10, 30, Optional.empty(),
          Optional.empty(), Map.of("actor", typed)));
    }
  }

  @Test
  void collectionsFilterAndCountSidewaysAlike() throws Exception {
    Map<String, List<String>> readingList = Map.of("collection", List.of("Reading-List"));
    same(request("", readingList, SortOrder.NEWEST));
    same(request("venezuela", Map.of("collection", List.of("speeches", "venezuela")), SortOrder.OLDEST));
    same(request("", Map.of("collection", List.of("venezuela"), "hedging", List.of("medium")), SortOrder.NEWEST)
        .withFacetOrder(FacetOrder.SIGNIFICANCE));
    for (SearchEngine engine : List.of(lucene, opensearch)) {
      SearchResult result = engine.search(request("", readingList, SortOrder.NEWEST));
      assertEquals(List.of(SeedArticles.CRACKDOWN), result.hits().stream().map(h -> h.article().article().id()).toList(),
          "the last put replaced the speech's memberships");
      assertEquals(List.of(new FacetCount("venezuela", 2), new FacetCount("Reading-List", 1), new FacetCount("speeches", 1)),
          result.facets().get("collection"), "sideways: the other collections keep their counts");
      assertEquals(0, engine.count(request("", Map.of("collection", List.of("reading-list")), SortOrder.NEWEST)),
          "ids are not folded");
      assertTrue(engine.suggest("read", 20).stream().noneMatch(s -> s.facet().equals("collection")));
    }
  }

  @Test
  void cursorsReachTheEnd() throws Exception {
    for (SearchEngine engine : List.of(lucene, opensearch)) {
      SearchRequest r = request("congress", Map.of(), SortOrder.NEWEST);
      SearchResult page = engine.search(r);
      List<String> ids = new ArrayList<>();
      while (true) {
        page.hits().forEach(h -> ids.add(h.article().article().id()));
        if (page.nextCursor().isEmpty()) break;
        page = engine.search(r.withCursor(page.nextCursor().get()));
      }
      assertEquals(page.total(), ids.size());
      assertEquals(ids.size(), ids.stream().distinct().count());
    }
    assertEquals(lucene.suggest("ven", 10), opensearch.suggest("ven", 10));
    assertEquals(lucene.suggest("FDR", 10), opensearch.suggest("FDR", 10));
    assertEquals("Franklin D. Roosevelt", opensearch.suggest("FDR", 10).getFirst().value(), "an other name completes to its actor");
    for (String typed : List.of("tren de aragua", "nicolas maduro", "VENEZUELA", "aragua")) {
      assertEquals(lucene.facetValuesNamed("actor", typed), opensearch.facetValuesNamed("actor", typed), typed);
    }
    assertEquals(List.of("Tren de Aragua"), opensearch.facetValuesNamed("actor", "tren de aragua"));
    assertEquals(lucene.articleCount(), opensearch.articleCount());
    assertTrue(opensearch.related("sotu-2020-trump", 5).get().size() == 5);
    assertEquals(lucene.article("sotu-2020-trump"), opensearch.article("sotu-2020-trump"));
    assertTrue(opensearch.articleVersion("sotu-2020-trump").isPresent());
    // The reader's marks of a search's words, in the article the cluster holds.
    for (String q : List.of("jobs", "\"great American comeback\"", "actor:Congress", "nope-nothing-here")) {
      assertEquals(lucene.queryWords("sotu-2020-trump", q), opensearch.queryWords("sotu-2020-trump", q), q);
    }
    assertFalse(opensearch.queryWords("sotu-2020-trump", "jobs").orElseThrow().matches().isEmpty(), "Trump's 2020 address speaks of jobs");
    assertEquals(Optional.empty(), opensearch.queryWords("no-such-article", "jobs"));
  }

  static SearchRequest copies(String q, SortOrder sort, int size, Grouping grouping) {
    return new SearchRequest(q, Map.of(), Optional.empty(), Optional.empty(), sort, size, 20).withGrouping(grouping);
  }

  /** The same totals, stories, facets, hits and each hit's whole story from both engines over the wire copies. */
  static SearchResult sameOnCopies(SearchRequest request) throws Exception {
    SearchResult a = copiesLucene.search(request);
    SearchResult b = copiesOpenSearch.search(request);
    assertEquals(a.total(), b.total(), "total of " + request);
    assertEquals(a.stories(), b.stories(), "stories of " + request);
    assertEquals(a.facets(), b.facets(), "facets of " + request);
    assertEquals(a.timeline(), b.timeline(), "timeline of " + request);
    assertEquals(ids(a), ids(b), "hits of " + request);
    assertEquals(a.hits().stream().map(SearchHit::story).toList(), b.hits().stream().map(SearchHit::story).toList(),
        "stories of the hits of " + request);
    assertEquals(a.nextCursor().isPresent(), b.nextCursor().isPresent(), "a next page of " + request);
    assertEquals(copiesLucene.count(request), copiesOpenSearch.count(request));
    return b;
  }

  static List<String> ids(SearchResult result) {
    return result.hits().stream().map(h -> h.article().article().id()).toList();
  }

  /** Every page of a request, each hit's article id, following the cursors. */
  static List<String> allPages(SearchEngine engine, SearchRequest request) throws Exception {
    List<String> seen = new ArrayList<>();
    SearchResult page = engine.search(request);
    while (true) {
      assertTrue(page.hits().size() <= request.size());
      seen.addAll(ids(page));
      if (page.nextCursor().isEmpty()) {
        return seen;
      }
      page = engine.search(request.withCursor(page.nextCursor().get()));
    }
  }

  /**
   * One engine's grouped answer is its ungrouped one with each story's later matches left out: the
   * same total, the stories its hits' stories count, the first hit of each story in the same order.
   */
  static void groupsItsOwnArticles(SearchEngine engine, String q, SortOrder sort) throws Exception {
    SearchResult grouped = engine.search(copies(q, sort, 20, Grouping.STORIES));
    SearchResult articles = engine.search(copies(q, sort, 20, Grouping.ARTICLES));
    assertEquals(articles.total(), articles.hits().size(), q);
    assertEquals(articles.total(), grouped.total(), "the total counts articles either way: " + q);
    assertEquals(articles.facets(), grouped.facets(), "facets count articles either way: " + q);
    Map<String, String> firstOfStory = new LinkedHashMap<>();
    articles.hits().forEach(h -> firstOfStory.putIfAbsent(h.story().id(), h.article().article().id()));
    assertEquals(List.copyOf(firstOfStory.values()), ids(grouped), "each story through its first match: " + q + " " + sort);
    assertEquals(firstOfStory.size(), grouped.stories(), q);
    assertEquals(firstOfStory.size(), articles.stories(), "stories are counted either way: " + q);
  }

  @Test
  void groupedAndUngroupedSearchesOfTheWireCopiesAgree() throws Exception {
    List<String> queries = List.of("", "venezuela", "shares", "\"Tren de Aragua\"", "200,000", "mattress OR terminal");
    List<SortOrder> sorts = List.of(SortOrder.RELEVANCE, SortOrder.NEWEST, SortOrder.OLDEST, SortOrder.MOST_HEDGED);
    for (String q : queries) {
      for (SortOrder sort : sorts) {
        groupsItsOwnArticles(copiesOpenSearch, q, sort);
      }
    }
    for (SearchHit hit : copiesOpenSearch.search(copies("", SortOrder.OLDEST, 20, Grouping.ARTICLES)).hits()) {
      assertEquals(copiesOpenSearch.story(hit.article().article().id()).orElseThrow(), hit.story(),
          "every hit carries its whole story");
    }
    SearchResult everything = copiesOpenSearch.search(copies("", SortOrder.OLDEST, 20, Grouping.STORIES));
    assertEquals(8, everything.total());
    assertEquals(4, everything.stories());
    // Oldest first, each story through its earliest version (1987 before 2025; ties by id).
    assertEquals(List.of("reuters-1-original", "reuters-2", "crackdown-original", "kill-claims-original"), ids(everything));
    assertEquals(List.of("crackdown-original", "crackdown-courier", "crackdown-corrected"),
        everything.hits().get(2).story().versions().stream().map(StoryVersion::articleId).toList());
    // Newest first, a story is listed through its latest matching version.
    assertEquals(List.of("crackdown-corrected", "kill-claims-gazette", "reuters-1-reissue", "reuters-2"),
        ids(copiesOpenSearch.search(copies("", SortOrder.NEWEST, 20, Grouping.STORIES))));
    for (String q : queries) {
      for (SortOrder sort : sorts) {
        for (Grouping grouping : Grouping.values()) {
          sameOnCopies(copies(q, sort, 20, grouping));
        }
      }
    }
  }

  @Test
  void theReissuesChangedFigureFindsTheReissueUnderItsStory() throws Exception {
    for (Grouping grouping : Grouping.values()) {
      SearchRequest request = copies("\"300,000\"", SortOrder.RELEVANCE, 10, grouping);
      SearchResult result = copiesOpenSearch.search(request);
      assertEquals(1, result.total());
      assertEquals(1, result.stories());
      assertEquals(List.of("reuters-1-reissue"), ids(result));
      Story story = result.hits().get(0).story();
      assertEquals("reuters-1-original", story.id());
      assertEquals(List.of("reuters-1-original", "reuters-1-reissue"),
          story.versions().stream().map(StoryVersion::articleId).toList(), "every version, not only the matching one");
      sameOnCopies(request);
    }
    // The unchanged figure is in both versions: one story, through the version first in the order.
    SearchRequest newest = copies("\"200,000\"", SortOrder.NEWEST, 10, Grouping.STORIES);
    SearchRequest oldest = copies("\"200,000\"", SortOrder.OLDEST, 10, Grouping.STORIES);
    assertEquals(List.of("reuters-1-reissue"), ids(copiesOpenSearch.search(newest)));
    assertEquals(List.of("reuters-1-original"), ids(copiesOpenSearch.search(oldest)));
    sameOnCopies(newest);
    sameOnCopies(oldest);
  }

  @Test
  void pagesOfOneStoryEachListEveryStoryOnceInBothEngines() throws Exception {
    Map<SearchRequest, List<String>> pages = new LinkedHashMap<>();
    List<SearchRequest> requests = new ArrayList<>();
    for (SortOrder sort : List.of(SortOrder.RELEVANCE, SortOrder.NEWEST, SortOrder.OLDEST, SortOrder.LEAST_HEDGED)) {
      for (Grouping grouping : Grouping.values()) {
        for (String q : List.of("", "venezuela OR shares", "reuters", "crackdown")) {
          requests.add(copies(q, sort, 1, grouping));
        }
        // Filtered, a story's first match is its first among the filtered articles: the wire's own
        // versions of the crackdown story, not the Courier's.
        requests.add(new SearchRequest("", Map.of("source", List.of("Morgue Wire")), Optional.empty(), Optional.empty(),
            sort, 1, 20).withGrouping(grouping));
      }
    }
    for (SearchRequest request : requests) {
      List<String> seen = allPages(copiesOpenSearch, request);
      assertEquals(seen.size(), seen.stream().distinct().count(), "no article twice: " + request);
      SearchRequest onePage = new SearchRequest(request.query(), request.filters(), Optional.empty(), Optional.empty(),
          request.sort(), 20, 20).withGrouping(request.grouping());
      assertEquals(ids(copiesOpenSearch.search(onePage)), seen, "pages of one list what one page of twenty lists: " + request);
      pages.put(request, seen);
    }
    assertEquals(List.of("crackdown-corrected", "kill-claims-original"), pages.get(new SearchRequest("",
        Map.of("source", List.of("Morgue Wire")), Optional.empty(), Optional.empty(), SortOrder.NEWEST, 1, 20)));
    for (Map.Entry<SearchRequest, List<String>> paged : pages.entrySet()) {
      assertEquals(allPages(copiesLucene, paged.getKey()), paged.getValue(), "the pages of " + paged.getKey());
      sameOnCopies(paged.getKey());
    }
  }
  @Test
  void storiesListEveryVersionEarliestFirstInBothEngines() throws Exception {
    for (String id : COPY_IDS) {
      assertEquals(copiesLucene.story(id), copiesOpenSearch.story(id), id);
    }
    Story crackdown = copiesOpenSearch.story("crackdown-courier").orElseThrow();
    assertEquals("crackdown-original", crackdown.id());
    assertEquals(List.of("crackdown-original", "crackdown-courier", "crackdown-corrected"),
        crackdown.versions().stream().map(StoryVersion::articleId).toList());
    assertEquals(1, copiesOpenSearch.story("reuters-2").orElseThrow().versions().size());
    assertEquals(Optional.empty(), copiesOpenSearch.story("no-such-article"));
  }

  @Test
  void aStoryIsReadByItsIdTheSameInBothEngines() throws Exception {
    for (String id : COPY_IDS) {
      Story story = copiesLucene.story(id).orElseThrow();
      assertEquals(Optional.of(story), copiesLucene.storyById(story.id()), id);
      assertEquals(Optional.of(story), copiesOpenSearch.storyById(story.id()), id);
    }
    assertEquals(Optional.empty(), copiesLucene.storyById("no-such-story"));
    assertEquals(Optional.empty(), copiesOpenSearch.storyById("no-such-story"));
  }

  @Test
  void scansTopsAndRelatedArticlesHonourStories() throws Exception {
    SearchRequest newest = copies("", SortOrder.NEWEST, 20, Grouping.STORIES);
    List<String> scanned = new ArrayList<>();
    copiesOpenSearch.scan(newest, article -> scanned.add(article.article().id()));
    assertEquals(List.of("crackdown-corrected", "kill-claims-gazette", "reuters-1-reissue", "reuters-2"), scanned);
    List<String> everyArticle = new ArrayList<>();
    copiesOpenSearch.scan(newest.withGrouping(Grouping.ARTICLES), article -> everyArticle.add(article.article().id()));
    assertEquals(8, everyArticle.size());
    assertEquals(scanned.subList(0, 3),
        copiesOpenSearch.top(newest, 3).stream().map(summary -> summary.article().id()).toList());
    assertEquals(everyArticle.subList(0, 3), copiesOpenSearch.top(newest.withGrouping(Grouping.ARTICLES), 3).stream()
        .map(summary -> summary.article().id()).toList());
    assertEquals(copiesLucene.count(newest), copiesOpenSearch.count(newest), "counts are articles");
    assertEquals(8, copiesOpenSearch.count(newest));
    for (String id : COPY_IDS) {
      String story = copiesOpenSearch.story(id).orElseThrow().id();
      for (SearchHit hit : copiesOpenSearch.related(id, 7).orElseThrow()) {
        assertTrue(!hit.story().id().equals(story), id + "'s copies are not related articles: " + hit.article().article().id());
        assertEquals(copiesOpenSearch.story(hit.article().article().id()).orElseThrow(), hit.story());
      }
    }
  }
}
