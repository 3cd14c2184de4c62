package org.morgue.engine.lucene.search;

import org.morgue.search.FacetCount;
import org.morgue.search.FacetOrder;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.SortOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Searches over the corpus Morgue ships (seed articles, every State of the Union address, Brown
 * reportage), where a large, older source dominates the counts.
 */
class ShippedCorpusSearchTest extends ShippedCorpusSearcherTest {
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
    assertEquals("Venezuela", actors(significant).get(0));
    assertTrue(actors(significant).subList(0, 5).containsAll(List.of("Tren de Aragua", "Argentina")),
        actors(significant).toString());
    assertFalse(actors(significant).contains("United States"), actors(significant).toString());
    assertFalse(actors(significant).contains("U.S. Congress"), actors(significant).toString());
    assertEquals(counted.total(), significant.total());
    assertEquals(counted.hits(), significant.hits());
  }

  @Test
  void theStorysOwnActorIsAmongTheFirstTenBySignificanceThoughOnTwoMatchesOnly() throws Exception {
    List<String> byCount = actors(searcher.search(everyActor("Venezuela")));
    List<String> bySignificance = actors(searcher.search(everyActor("Venezuela").withFacetOrder(FacetOrder.SIGNIFICANCE)));
    int countRank = byCount.indexOf("Tren de Aragua");
    int significanceRank = bySignificance.indexOf("Tren de Aragua");
    System.out.println("Tren de Aragua among the actors of 'Venezuela': by count #" + (countRank + 1)
        + ", by significance #" + (significanceRank + 1) + " of " + byCount.size());

    // On two matches and in no other article, like about a hundred names a long address mentions once:
    // what lifts it is that the two are the best matches (the articles about the story).
    assertTrue(countRank >= 10, "by count #" + (countRank + 1));
    assertTrue(significanceRank >= 0 && significanceRank < 10, "by significance #" + (significanceRank + 1));
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
    assertEquals(0, FacetSignificance.score(new FacetSignificance.Candidate("a", 1, 1), 10, 10_000, 0));
    assertEquals(0, FacetSignificance.score(new FacetSignificance.Candidate("a", 5, 5_000), 10, 10_000, 0));
    assertTrue(FacetSignificance.score(new FacetSignificance.Candidate("a", 5, 10), 10, 10_000, 0)
        > FacetSignificance.score(new FacetSignificance.Candidate("b", 5, 100), 10, 10_000, 0));
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

  @Test
  void aWordTheSearchFindsInATitleOrAnActorsNameIsNotCorrected() throws Exception {
    // A user trial: a search that found its articles still asked "Did you mean ...?". No body writes
    // "Muammar" (the addresses say "Qadhafi"), but it is Muammar Gaddafi's alias, and "Burma" one edit away.
    SearchResult alias = searcher.search(SearchRequest.of("Muammar"));
    assertTrue(alias.total() > 0);
    assertEquals(java.util.Optional.empty(), alias.suggestion());
    SearchResult actor = searcher.search(SearchRequest.of("Anwar"));
    assertTrue(actor.total() > 0);
    assertEquals(java.util.Optional.empty(), actor.suggestion(), "not \"Anbar\"");
  }

  @Test
  void aCapitalisedNameTheArchiveLacksIsNotCorrectedIntoAWordTheTextsNeverCapitalise() throws Exception {
    // The sample archive holds no Reuters copy; "renders" is one edit away, and never written "Renders".
    SearchResult name = searcher.search(SearchRequest.of("Reuters"));
    assertEquals(0, name.total());
    assertEquals(java.util.Optional.empty(), name.suggestion());
    assertEquals(java.util.Optional.of("renders"), searcher.search(SearchRequest.of("reuters")).suggestion());
    // A misspelt word typed with a capital is still corrected where the texts capitalise it somewhere.
    assertEquals(java.util.Optional.of("Jury"), searcher.search(SearchRequest.of("Jurry")).suggestion());
  }
}
