package org.morgue.engine.lucene.search;

import org.morgue.search.ActorAliases;
import org.morgue.search.Suggestion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.morgue.engine.lucene.index.ArchiveSchema;

/**
 * Every actor, theme and source name of one index reader with its article count, sorted by each of
 * its words (folded as the index folds them: case, accents, width, normal form), so completing a prefix is a binary search and a short scan.
 * Built once per reader: counting every value means reading every document's facet ordinals.
 */
public final class SuggestionList {
  /** The facets suggestions come from, in the order ties are listed. */
  public static final List<String> DIMS = List.of(ArchiveSchema.FACET_ACTOR, ArchiveSchema.FACET_THEME, ArchiveSchema.FACET_SOURCE);

  /** No values and no other names: for a search that narrows no facet's list by typed text. */
  public static final SuggestionList NONE = new SuggestionList(List.of(), Map.of());

  /**
   * One way into a suggestion: the folded text from the start of one of its words to its end, and the
   * whole folded name.
   */
  private record Entry(String key, Suggestion suggestion) {}

  private final List<Entry> entries;
  /** Each actor's other names, folded. */
  private final Map<String, Set<String>> aliasesByActor;

  private SuggestionList(List<Entry> entries, Map<String, Set<String>> aliasesByActor) {
    this.entries = entries;
    this.aliasesByActor = aliasesByActor;
  }

  /**
   * Counts every value of {@link #DIMS} over the whole index of {@code state}, and reads which actor
   * each other name of {@code reader} stands for.
   */
  static SuggestionList build(SortedSetDocValuesReaderState state, IndexReader reader) throws IOException {
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
    return of(byDim, aliasedNames(reader));
  }

  /**
   * Every {@link ArchiveSchema#ACTOR_ALIASED} term of the reader, those only deleted articles hold
   * included until a merge drops them. They do no harm: {@link #of} leaves out an actor no live
   * article names (the name a curator renamed or merged away), and an other name stands for the same
   * actor in every article that has it.
   */
  private static List<String> aliasedNames(IndexReader reader) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, ArchiveSchema.ACTOR_ALIASED);
    if (terms == null) {
      return List.of();
    }
    List<String> pairs = new ArrayList<>();
    TermsEnum each = terms.iterator();
    for (BytesRef term = each.next(); term != null; term = each.next()) {
      pairs.add(term.utf8ToString());
    }
    return pairs;
  }

  /**
   * The list over article counts an engine took some other way: for each of {@link #DIMS}, every
   * value with the number of articles that have it, and the {@link ActorAliases#aliasedName} pairs
   * its articles hold. Another engine completes exactly as this one.
   */
  public static SuggestionList of(Map<String, Map<String, Long>> countsByDim, Collection<String> aliasedNames) {
    List<Entry> entries = new ArrayList<>();
    for (String dim : DIMS) {
      for (Map.Entry<String, Long> value : countsByDim.getOrDefault(dim, Map.of()).entrySet()) {
        Suggestion suggestion = new Suggestion(value.getKey(), dim, value.getValue());
        String key = fold(value.getKey());
        for (int i = 0; i < key.length(); i++) {
          // The whole name is a key even where it starts with punctuation ("(AP) Wire", "'Ndrangheta"):
          // named() and near() look whole names up, and without it such a value was "not in the archive".
          if (i == 0 || startsAWord(key, i)) {
            entries.add(new Entry(key.substring(i), suggestion));
          }
        }
      }
    }
    // An actor's other name leads to it as its own words do ("fdr" to Franklin D. Roosevelt), only
    // from its start: an alias is one word.
    Map<String, Long> actors = countsByDim.getOrDefault(ArchiveSchema.FACET_ACTOR, Map.of());
    Map<String, Set<String>> aliases = new HashMap<>();
    for (String term : aliasedNames) {
      ActorAliases.parseAliasedName(term).filter(pair -> actors.containsKey(pair.getValue())).ifPresent(pair -> {
        String key = fold(pair.getKey());
        if (aliases.computeIfAbsent(pair.getValue(), actor -> new HashSet<>()).add(key)) {
          entries.add(new Entry(key, new Suggestion(pair.getValue(), ArchiveSchema.FACET_ACTOR, actors.get(pair.getValue()))));
        }
      });
    }
    entries.sort(Comparator.comparing(Entry::key));
    aliases.replaceAll((actor, keys) -> Set.copyOf(keys));
    return new SuggestionList(List.copyOf(entries), Map.copyOf(aliases));
  }

  private static boolean startsAWord(String folded, int at) {
    return Character.isLetterOrDigit(folded.charAt(at)) && (at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1)));
  }

  /**
   * Which values of a facet the text a user typed to narrow the facet's list names: those with a word
   * starting with the text ("Roosevelt", "Franklin D" for Franklin D. Roosevelt), or, for actors, an
   * other name starting with it ("FDR"). Folded as the index folds; the text is folded once.
   */
  public Predicate<String> listedFor(String dim, String typed) {
    String prefix = fold(typed.strip());
    boolean actors = dim.equals(ArchiveSchema.FACET_ACTOR);
    return value -> prefix.isEmpty() || aWordStartsWith(fold(value), prefix)
        || (actors && aliasesByActor.getOrDefault(value, Set.of()).stream().anyMatch(alias -> alias.startsWith(prefix)));
  }

  private static boolean aWordStartsWith(String folded, String prefix) {
    if (folded.startsWith(prefix)) {
      return true; // also a prefix that starts with punctuation, "(" or "'"
    }
    for (int i = folded.indexOf(prefix.charAt(0)); i >= 0; i = folded.indexOf(prefix.charAt(0), i + 1)) {
      if (startsAWord(folded, i) && folded.startsWith(prefix, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Values with a word, or the whole name, starting with {@code prefix} ("(AP" for "(AP) Wire"), most
   * frequent first, at most {@code limit}.
   */
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
   * For actors, failing that, the actors it is an other name of ("USSR" for the Soviet Union), as
   * {@code actor:USSR} in a query and the completions read it: the filter found nothing.
   */
  public List<String> named(String dim, String name) {
    String key = fold(name.strip());
    if (key.isEmpty()) {
      return List.of();
    }
    List<Suggestion> same = new ArrayList<>();
    List<Suggestion> aliased = new ArrayList<>();
    for (int i = firstAtOrAfter(key); i < entries.size() && entries.get(i).key().equals(key); i++) {
      Suggestion suggestion = entries.get(i).suggestion();
      if (!suggestion.facet().equals(dim)) {
        continue;
      }
      // A key is a name from one of its words on: "aragua" is also the end of "Tren de Aragua".
      if (fold(suggestion.value()).equals(key)) {
        same.add(suggestion);
      } else if (aliasesByActor.getOrDefault(suggestion.value(), Set.of()).contains(key)) {
        aliased.add(suggestion);
      }
    }
    if (same.isEmpty()) {
      same = aliased;
    }
    same.sort(Comparator.comparingLong(Suggestion::count).reversed().thenComparing(Suggestion::value));
    return same.stream().map(Suggestion::value).distinct().toList();
  }

  /**
   * The value of one facet that {@code name}, which none is written as, most likely misspells: as a
   * query's words are corrected ({@link QuerySpelling}), folded as the index folds, within one edit
   * of the whole name under {@link QuerySpelling#LONG_WORD} letters and two from there ("Venezuelaa"
   * for Venezuela, "Politcs" for Politics); of several, the fewest edits, then the most articles.
   * Empty when the name is a value, or none is near.
   */
  public Optional<String> near(String dim, String name) {
    String key = fold(name.strip());
    if (key.isEmpty()) {
      return Optional.empty();
    }
    int most = QuerySpelling.maxEdits(key);
    Suggestion best = null;
    int fewest = Integer.MAX_VALUE;
    for (Entry entry : entries) {
      Suggestion value = entry.suggestion();
      // Each value once: by its whole name, the entry that starts at its first word.
      if (!value.facet().equals(dim) || Math.abs(entry.key().length() - key.length()) > most
          || !entry.key().equals(fold(value.value()))) {
        continue;
      }
      int edits = QuerySpelling.edits(key, entry.key());
      if (edits == 0) {
        return Optional.empty();
      }
      if (edits <= most && (edits < fewest || edits == fewest && (value.count() > best.count()
          || value.count() == best.count() && value.value().compareTo(best.value()) < 0))) {
        best = value;
        fewest = edits;
      }
    }
    return Optional.ofNullable(best).map(Suggestion::value);
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
