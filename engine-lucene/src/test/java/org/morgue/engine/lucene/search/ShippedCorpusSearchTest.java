package org.morgue.engine.lucene.search;

import org.morgue.search.FacetCount;
import org.morgue.search.FacetOrder;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.SortOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches over the corpus Morgue ships (seed articles, every State of the Union address, Brown
 * reportage), where a large, older source dominates the counts.
 */
class ShippedCorpusSearchTest {
  @TempDir static Path tmp;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void indexTheShippedCorpus() throws IOException {
    searcher = ShippedCorpusIndex.open(tmp);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  static List<String> actors(SearchResult result) {
    return result.facets().get("actor").stream().map(FacetCount::value).toList();
  }

  static SearchRequest everyActor(String query) {
    return new SearchRequest(query, Map.of(), java.util.Optional.empty(), java.util.Optional.empty(),
        SortOrder.RELEVANCE, 0, SearchRequest.MAX_FACET_LIMIT);
  }

  @Test
  void rankingActorsBySignificancePutsTheQuerysOwnActorsAboveTheArchivesCommonOnes() throws Exception {
    SearchRequest byCount = SearchRequest.of("Venezuela");
    SearchResult counted = searcher.search(byCount);
    SearchResult significant = searcher.search(byCount.withFacetOrder(FacetOrder.SIGNIFICANCE));

    // By count the top is what every long address names; by significance, what these matches name.
    assertTrue(actors(counted).containsAll(List.of("United States", "U.S. Congress", "United Kingdom")), actors(counted).toString());
    assertEquals(List.of("Venezuela", "Argentina", "Chile", "Venezuelan government"), actors(significant).subList(0, 4));
    assertFalse(actors(significant).contains("United States"), actors(significant).toString());
    assertFalse(actors(significant).contains("U.S. Congress"), actors(significant).toString());
    assertEquals(counted.total(), significant.total());
    assertEquals(counted.hits(), significant.hits());
  }

  @Test
  void trenDeAraguaRisesBySignificanceButTiesWithEveryOtherNameOnTwoMatchesOnly() throws Exception {
    List<String> byCount = actors(searcher.search(everyActor("Venezuela")));
    List<String> bySignificance = actors(searcher.search(everyActor("Venezuela").withFacetOrder(FacetOrder.SIGNIFICANCE)));
    int countRank = byCount.indexOf("Tren de Aragua");
    int significanceRank = bySignificance.indexOf("Tren de Aragua");
    System.out.println("Tren de Aragua among the actors of 'Venezuela': by count #" + (countRank + 1)
        + ", by significance #" + (significanceRank + 1) + " of " + byCount.size());

    assertTrue(significanceRank >= 0 && significanceRank < countRank, countRank + " -> " + significanceRank);
  }

  @Test
  void significanceKeepsEachValuesExactCount() throws Exception {
    SearchRequest request = everyActor("Venezuela");
    Map<String, Long> byCount = new java.util.HashMap<>();
    searcher.search(request).facets().get("actor").forEach(value -> byCount.put(value.value(), value.count()));
    List<FacetCount> significant = searcher.search(request.withFacetOrder(FacetOrder.SIGNIFICANCE)).facets().get("actor");

    assertEquals(byCount.size(), significant.size());
    for (FacetCount value : significant) {
      assertEquals(byCount.get(value.value()), value.count(), value.value());
    }
  }

  @Test
  void aValueOnOneMatchOrNoCommonerThanInTheArchiveScoresNothing() {
    assertEquals(0, FacetSignificance.score(1, 10, 1, 10_000));
    assertEquals(0, FacetSignificance.score(5, 10, 5_000, 10_000));
    assertTrue(FacetSignificance.score(5, 10, 10, 10_000) > FacetSignificance.score(5, 10, 100, 10_000));
  }

  @Test
  void aMisspelledQueryWithNoHitsSuggestsTheCorrectedQuery() throws Exception {
    SearchResult misspelled = searcher.search(SearchRequest.of("Venezeula"));

    assertEquals(0, misspelled.total());
    assertEquals(java.util.Optional.of("Venezuela"), misspelled.suggestion());
    assertTrue(searcher.search(SearchRequest.of(misspelled.suggestion().get())).total() > 0);
  }

  @Test
  void onlyMisspelledPlainWordsAreCorrectedAndTheRestOfTheQueryIsKept() throws Exception {
    assertEquals(java.util.Optional.of("Venezuela AND crackdown"),
        searcher.search(SearchRequest.of("Venezeula AND crackdown")).suggestion());
    assertEquals(java.util.Optional.of("\"Tren de Aragua\" Venezuela"),
        searcher.search(SearchRequest.of("\"Tren de Aragua\" Venezeula")).suggestion());
  }

  @Test
  void aQueryWithEnoughHitsOrNothingBetterGetsNoSuggestion() throws Exception {
    assertEquals(java.util.Optional.empty(), searcher.search(SearchRequest.of("Venezuela")).suggestion());
    assertEquals(java.util.Optional.empty(), searcher.search(SearchRequest.of("qzxjvkw")).suggestion());
    assertEquals(java.util.Optional.empty(), searcher.search(SearchRequest.of("")).suggestion());
  }
}
