package org.morgue.engine.lucene.search;

import org.morgue.search.Suggestion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.morgue.engine.lucene.index.ArchiveSchema;

/**
 * Every actor, theme and source name of one index reader with its article count, sorted by each of
 * its words (folded as the index folds them: case, accents, width, normal form), so completing a prefix is a binary search and a short scan.
 * Built once per reader: counting every value means reading every document's facet ordinals.
 */
public final class SuggestionList {
  /** The facets suggestions come from, in the order ties are listed. */
  public static final List<String> DIMS = List.of(ArchiveSchema.FACET_ACTOR, ArchiveSchema.FACET_THEME, ArchiveSchema.FACET_SOURCE);

  /** One way into a suggestion: the folded text from the start of one of its words to its end. */
  private record Entry(String key, Suggestion suggestion) {}

  private final List<Entry> entries;

  private SuggestionList(List<Entry> entries) {
    this.entries = entries;
  }

  /** Counts every value of {@link #DIMS} over the whole index of {@code state}. */
  static SuggestionList build(SortedSetDocValuesReaderState state) throws IOException {
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state);
    Map<String, Map<String, Long>> byDim = new LinkedHashMap<>();
    for (String dim : DIMS) {
      if (state.getOrdRange(dim) == null) {
        continue; // no article has a value in this facet yet
      }
      FacetResult all = counts.getAllChildren(dim);
      if (all == null) {
        continue;
      }
      Map<String, Long> values = new LinkedHashMap<>();
      for (LabelAndValue value : all.labelValues) {
        values.put(value.label, value.value.longValue());
      }
      byDim.put(dim, values);
    }
    return of(byDim);
  }

  /**
   * The list over article counts an engine took some other way: for each of {@link #DIMS}, every
   * value with the number of articles that have it. Another engine completes exactly as this one.
   */
  public static SuggestionList of(Map<String, Map<String, Long>> countsByDim) {
    List<Entry> entries = new ArrayList<>();
    for (String dim : DIMS) {
      for (Map.Entry<String, Long> value : countsByDim.getOrDefault(dim, Map.of()).entrySet()) {
        Suggestion suggestion = new Suggestion(value.getKey(), dim, value.getValue());
        String key = fold(value.getKey());
        for (int i = 0; i < key.length(); i++) {
          boolean wordStart = Character.isLetterOrDigit(key.charAt(i))
              && (i == 0 || !Character.isLetterOrDigit(key.charAt(i - 1)));
          if (wordStart) {
            entries.add(new Entry(key.substring(i), suggestion));
          }
        }
      }
    }
    entries.sort(Comparator.comparing(Entry::key));
    return new SuggestionList(List.copyOf(entries));
  }

  /** Values with a word starting with {@code prefix}, most frequent first, at most {@code limit}. */
  public List<Suggestion> complete(String prefix, int limit) {
    String key = fold(prefix.strip());
    if (key.isEmpty()) {
      return List.of();
    }
    Set<Suggestion> found = new LinkedHashSet<>();
    for (int i = firstAtOrAfter(key); i < entries.size() && entries.get(i).key().startsWith(key); i++) {
      found.add(entries.get(i).suggestion());
    }
    return found.stream()
        .sorted(Comparator.comparingLong(Suggestion::count).reversed()
            .thenComparing(Suggestion::value, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(s -> DIMS.indexOf(s.facet())))
        .limit(limit)
        .toList();
  }

  /**
   * The values of one facet that are {@code name} written another way (capitals, accents, width,
   * normal form), most frequent first: how a filter typed by hand reaches the name the index keeps.
   */
  public List<String> named(String dim, String name) {
    String key = fold(name.strip());
    if (key.isEmpty()) {
      return List.of();
    }
    List<Suggestion> same = new ArrayList<>();
    for (int i = firstAtOrAfter(key); i < entries.size() && entries.get(i).key().equals(key); i++) {
      Suggestion suggestion = entries.get(i).suggestion();
      // A key is a name from one of its words on: "aragua" is also the end of "Tren de Aragua".
      if (suggestion.facet().equals(dim) && fold(suggestion.value()).equals(key)) {
        same.add(suggestion);
      }
    }
    same.sort(Comparator.comparingLong(Suggestion::count).reversed().thenComparing(Suggestion::value));
    return same.stream().map(Suggestion::value).distinct().toList();
  }

  private int firstAtOrAfter(String key) {
    int low = 0;
    int high = entries.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (entries.get(mid).key().compareTo(key) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * Folds as the index's analyzers do, so "nicolas", "Nicolás" in either normal form and fullwidth
   * letters find "Nicolás", and "TR" finds "Tren de Aragua".
   */
  public static String fold(String text) {
    return ArchiveSchema.fold(text);
  }
}
