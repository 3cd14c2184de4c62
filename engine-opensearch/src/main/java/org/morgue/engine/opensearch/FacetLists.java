package org.morgue.engine.opensearch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.morgue.article.ActorType;
import org.morgue.engine.lucene.search.FacetSignificance;
import org.morgue.engine.lucene.search.SuggestionList;
import org.morgue.search.ActorTypes;
import org.morgue.search.Facet;
import org.morgue.search.FacetCount;
import org.morgue.search.FacetOrder;
import org.morgue.search.SearchRequest;

/**
 * The facet lists a result shows, from the counts the cluster's aggregations took: the same rules as
 * the embedded engine's (top values by count, or by significance against the whole archive, weighted
 * by relevance for a search with words; only values starting with a prefix when one is asked for;
 * only actors of the ticked types when the search is narrowed by actor type; every ticked value kept
 * listed with its count), so both engines list the same values in the same order.
 */
final class FacetLists {
  private FacetLists() {}

  /** A dimension's counts among the matches, as the aggregation answered them. */
  record Counted(List<FacetCount> values, Map<String, Long> selected) {}

  /**
   * Every dimension's listed values, in the contract's order of facets; {@code actorTypes} gives the
   * type the archive gives an actor, for a search narrowed by actor type ({@link ActorTypes}).
   */
  static Map<String, List<FacetCount>> shape(Map<String, Counted> counted, SearchRequest request, int limit,
      long matches, long archiveSize, Map<String, Map<String, Long>> archive, FacetSignificance.Relevance relevance,
      Function<String, Optional<ActorType>> actorTypes, SuggestionList names) {
    Set<ActorType> ticked = ActorTypes.selected(request);
    Map<String, List<FacetCount>> lists = new LinkedHashMap<>();
    for (String dim : Facet.ids()) {
      Counted dimension = counted.getOrDefault(dim, new Counted(List.of(), Map.of()));
      Optional<String> prefix = Optional.ofNullable(request.facetPrefixes().get(dim));
      Predicate<String> named = prefix.isPresent() ? names.listedFor(dim, prefix.get()) : value -> true;
      boolean byType = dim.equals(Facet.ACTOR.id()) && !ticked.isEmpty();
      Predicate<String> wanted = value -> named.test(value) && (!byType || ActorTypes.listed(actorTypes.apply(value), ticked));
      List<FacetCount> listed = new ArrayList<>();
      if (request.facetOrder() == FacetOrder.SIGNIFICANCE) {
        Map<String, Long> background = archive.getOrDefault(dim, Map.of());
        List<FacetSignificance.Candidate> candidates = dimension.values().stream()
            .filter(value -> wanted.test(value.value()))
            .map(value -> new FacetSignificance.Candidate(value.value(), value.count(),
                background.getOrDefault(value.value(), value.count()), relevance.of(dim, value.value())))
            .toList();
        FacetSignificance.rank(candidates, matches, archiveSize, relevance.total(), limit)
            .forEach(candidate -> listed.add(new FacetCount(candidate.value(), candidate.count())));
      } else if (prefix.isEmpty() && !byType) {
        dimension.values().stream().limit(limit).forEach(listed::add);
      } else {
        dimension.values().stream()
            .filter(value -> wanted.test(value.value()))
            .sorted(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value))
            .limit(limit)
            .forEach(listed::add);
      }
      Set<String> shown = new HashSet<>();
      listed.forEach(value -> shown.add(value.value()));
      for (String value : request.filters().getOrDefault(dim, List.of())) {
        if (named.test(value) && shown.add(value)) {
          listed.add(new FacetCount(value, dimension.selected().getOrDefault(
              org.morgue.engine.lucene.index.ArchiveSchema.canonical(value), 0L)));
        }
      }
      lists.put(dim, listed);
    }
    return lists;
  }
}
