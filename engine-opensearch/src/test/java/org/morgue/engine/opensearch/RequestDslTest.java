package org.morgue.engine.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.SearchRequest;
import org.morgue.search.SortOrder;

/**
 * Every page and every call of one search reads the same shard copies, so its scores, its order and
 * its next page do not change with the copy that happens to answer (an API trial on three nodes,
 * session 38: after some deletes the copies scored apart and a cursor walk of 240 hits met 151 to
 * 209 of them). The cluster test ({@code EngineParityTest}) cannot make a shard's copies disagree on
 * demand, so the rule is checked here, on the request.
 */
class RequestDslTest {
  @Test
  void everyPageOfOneSearchAsksForTheSameShardCopiesAndOtherSearchesForOthers() throws InvalidQueryException {
    SearchRequest first = SearchRequest.of("war").withFilters(filters("Cuba", "Soviet Union"));
    String preference = RequestDsl.of(first).preference();
    assertEquals(preference, RequestDsl.of(first.withCursor("any-cursor")).preference(), "the next page");
    assertEquals(preference, RequestDsl.of(SearchRequest.of("war").withFilters(filters("Cuba", "Soviet Union"))).preference(),
        "the same search again");
    Map<String, List<String>> reordered = new LinkedHashMap<>();
    reordered.put("theme", List.of("Politics"));
    reordered.put("actor", List.of("Cuba", "Soviet Union"));
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    ordered.put("actor", List.of("Cuba", "Soviet Union"));
    ordered.put("theme", List.of("Politics"));
    assertEquals(RequestDsl.of(SearchRequest.of("war").withFilters(ordered)).preference(),
        RequestDsl.of(SearchRequest.of("war").withFilters(reordered)).preference(), "filters given in another order");
    assertNotEquals(preference, RequestDsl.of(SearchRequest.of("peace").withFilters(filters("Cuba", "Soviet Union"))).preference());
    assertNotEquals(preference, RequestDsl.of(SearchRequest.of("war")).preference());
    SearchRequest oldest = new SearchRequest("war", filters("Cuba", "Soviet Union"), java.util.Optional.empty(),
        java.util.Optional.empty(), SortOrder.OLDEST, 10, 10);
    assertNotEquals(preference, RequestDsl.of(oldest).preference());
  }

  private static Map<String, List<String>> filters(String... actors) {
    return Map.of("actor", List.of(actors));
  }
}
