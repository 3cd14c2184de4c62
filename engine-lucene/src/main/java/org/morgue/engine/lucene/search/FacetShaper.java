package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.article.ActorType;
import org.morgue.search.ActorTypes;
import org.morgue.search.FacetCount;
import org.morgue.search.SearchRequest;

/**
 * Shapes the facet counts a search took over its matches into the lists a result shows: for every
 * dimension of the schema, in the schema's order, its top values (by count, or by significance
 * against the whole archive), only those starting with the dimension's prefix when one is asked
 * for, plus every selected value that is not among them.
 *
 * <p>Invariants: the counts are the counts taken, never estimated, whichever order ranks them; a
 * selected (ticked) value stays listed with its count, however far down it would rank, so a ticked
 * checkbox never disappears (unless a prefix it does not start with hides it).
 *
 * <p>Cost: reading top values is proportional to the dimension's number of values among the
 * matches; a prefix, an actor type filter (for the actors) or the significance order reads every
 * value of the dimension, and significance also every value's count over the whole archive (kept
 * per reader) and, for a search with words, the relevance its matches carry (one more pass over
 * them).
 */
final class FacetShaper {
  private FacetShaper() {}

  /**
   * What facet values are compared with to rank them by significance: the number of matches, the
   * number of articles, every value's count over the whole archive (kept per reader), and the
   * relevance the matches carry ({@link FacetSignificance.Relevance#NONE} to rank by counts).
   */
  record Background(long matches, long archiveSize, Facets archive, FacetSignificance.Relevance relevance) {}

  /**
   * Every dimension's listed values, in the schema's order of dimensions; {@code actorTypes} gives
   * the type the archive gives an actor, for a search narrowed by actor type ({@link ActorTypes}).
   */
  static Map<String, List<FacetCount>> shape(Facets counted, SearchRequest request, int limit,
      Optional<Background> background, Function<String, Optional<ActorType>> actorTypes, SuggestionList names)
      throws IOException {
    Set<ActorType> ticked = ActorTypes.selected(request);
    Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
    for (String dim : ArchiveSchema.FACETS) {
      Optional<Predicate<String>> ofType = dim.equals(ArchiveSchema.FACET_ACTOR) && !ticked.isEmpty()
          ? Optional.of(name -> ActorTypes.listed(actorTypes.apply(name), ticked))
          : Optional.empty();
      Optional<Predicate<String>> named = Optional.ofNullable(request.facetPrefixes().get(dim))
          .map(prefix -> names.listedFor(dim, prefix));
      counts.put(dim, facetCounts(counted, dim, limit, request.filters().getOrDefault(dim, List.of()), named, ofType,
          background));
    }
    return counts;
  }

  /**
   * The top values of a facet, plus every selected value that is not among them: a ticked checkbox
   * must stay on screen with its count, however far down the list it would rank. With a prefix, only
   * values starting with it (case-insensitive) are listed, selected or not; with {@code ofType}, only
   * the values it accepts are ranked (the selected ones stay all the same). With a background, the top
   * values are the most significant ones rather than the most frequent; the counts stay exact.
   */
  private static List<FacetCount> facetCounts(Facets facetCounts, String dim, int limit, List<String> selected,
      Optional<Predicate<String>> prefix, Optional<Predicate<String>> ofType, Optional<Background> background)
      throws IOException {
    List<FacetCount> counts = new ArrayList<>();
    Predicate<String> wanted = value -> prefix.map(named -> named.test(value)).orElse(true)
        && ofType.map(type -> type.test(value)).orElse(true);
    if (background.isPresent()) {
      counts.addAll(significantValues(facetCounts, dim, limit, wanted, background.get()));
    } else if (prefix.isEmpty() && ofType.isEmpty()) {
      FacetResult top = facetCounts.getTopChildren(limit, dim);
      if (top != null) {
        for (LabelAndValue value : top.labelValues) {
          counts.add(new FacetCount(value.label, value.value.longValue()));
        }
      }
    } else {
      FacetResult all = facetCounts.getAllChildren(dim);
      if (all != null) {
        Arrays.stream(all.labelValues)
            .filter(value -> wanted.test(value.label))
            .map(value -> new FacetCount(value.label, value.value.longValue()))
            .sorted(Comparator.comparingLong(FacetCount::count).reversed()
                .thenComparing(FacetCount::value))
            .limit(limit)
            .forEach(counts::add);
      }
    }
    Set<String> listedValues = new HashSet<>();
    counts.forEach(count -> listedValues.add(count.value()));
    for (String value : selected) {
      if (prefix.map(named -> named.test(value)).orElse(true) && listedValues.add(value)) {
        Number count = facetCounts.getSpecificValue(dim, ArchiveSchema.canonical(value));
        counts.add(new FacetCount(value, Math.max(0, count.longValue())));
      }
    }
    return counts;
  }

  /** A facet's values among the matches that {@code wanted} accepts, most significant first. */
  private static List<FacetCount> significantValues(Facets facetCounts, String dim, int limit, Predicate<String> wanted,
      Background background) throws IOException {
    FacetResult all = facetCounts.getAllChildren(dim);
    if (all == null) {
      return List.of();
    }
    Map<String, Long> archiveCounts = childCounts(background.archive(), dim);
    List<FacetSignificance.Candidate> candidates = new ArrayList<>();
    for (LabelAndValue value : all.labelValues) {
      if (wanted.test(value.label)) {
        long count = value.value.longValue();
        candidates.add(new FacetSignificance.Candidate(value.label, count, archiveCounts.getOrDefault(value.label, count),
            background.relevance().of(dim, value.label)));
      }
    }
    return FacetSignificance.rank(candidates, background.matches(), background.archiveSize(),
            background.relevance().total(), limit).stream()
        .map(candidate -> new FacetCount(candidate.value(), candidate.count()))
        .toList();
  }

  private static Map<String, Long> childCounts(Facets facets, String dim) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    FacetResult all = facets.getAllChildren(dim);
    if (all != null) {
      for (LabelAndValue value : all.labelValues) {
        counts.put(value.label, value.value.longValue());
      }
    }
    return counts;
  }
}
