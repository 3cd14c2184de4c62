package org.morgue.engine.lucene.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.engine.lucene.index.ListedLines;

/**
 * Words the archive's years write closed, open and hyphenated ("Viet-Nam" and "Vietnam", "per cent"
 * and "percent"), so a query for one writing asks for the others. The index keeps what each text
 * wrote, and its tokenizer drops a hyphen, so "cease-fire" is indexed as the words "cease fire";
 * here a query's word is matched to its other writing by its stem, which lets one line of {@code
 * compounds.txt} serve every inflection ("ceasefires", "cease-fires"). Query-side only: both engines
 * search the same index terms, so they answer alike. Read once; immutable and thread-safe.
 */
final class CompoundWords {
  /** Parts of a word typed with hyphens, letters only: "co-operation", not "9-11" or "F-16". */
  private static final Pattern HYPHENATED = Pattern.compile("\\p{L}+(?:-\\p{L}+)+");
  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

  private static final CompoundWords SHIPPED = new CompoundWords(ListedLines.of(CompoundWords.class, "compounds.txt"), "compounds.txt");

  /** The closed word's stem to the open writings listed for it ("teenag": "teen age", "teen ager"). */
  private final Map<String, List<String>> openByClosed;
  /** The open writing's stems ("ceas fire") to the closed word. */
  private final Map<String, String> closedByOpen;
  private final Analyzer analyzer = ArchiveSchema.analyzer();

  private CompoundWords(List<String> lines, String file) {
    Map<String, List<String>> open = new HashMap<>();
    Map<String, String> closed = new HashMap<>();
    for (String line : lines) {
      String[] sides = line.split("=", -1);
      String word = sides[0].strip();
      String parts = sides.length == 2 ? sides[1].strip() : "";
      List<String> closedStems = stems(word);
      List<String> openStems = stems(parts);
      // One word, two or three words each kept by the analysis: a part the index drops ("to" of
      // "to-day") would make the phrase match any "the day".
      int words = parts.split(" ").length;
      if (closedStems.size() != 1 || words < 2 || words > 3 || openStems.size() != words) {
        throw new IllegalStateException(file + ": not 'word = part part', two or three searchable parts: " + line);
      }
      String key = String.join(" ", openStems);
      // Two closed words may share an open writing the analysis cannot tell apart ("teen age" and
      // "teen ager" are both "teen age"): typed open, it is searched as the first one listed.
      if (word.equals(closed.putIfAbsent(key, word))) {
        throw new IllegalStateException(file + ": '" + line + "' is listed twice");
      }
      open.computeIfAbsent(closedStems.getFirst(), stem -> new ArrayList<>()).add(parts);
    }
    open.replaceAll((stem, writings) -> List.copyOf(writings));
    this.openByClosed = Map.copyOf(open);
    this.closedByOpen = Map.copyOf(closed);
  }

  /** The list Morgue ships. */
  static CompoundWords shipped() {
    return SHIPPED;
  }

  /** The open writings of a closed word as typed ("Ceasefires": "cease fire"), none if not listed. */
  List<String> openWritings(String word) {
    if (word.isBlank() || word.contains(" ") || word.contains("-")) {
      return List.of();
    }
    List<String> stems = stems(word);
    return stems.size() == 1 ? openByClosed.getOrDefault(stems.getFirst(), List.of()) : List.of();
  }

  /**
   * The closed writing of words typed apart or with hyphens: a listed pair or triple ("cease fire",
   * "Viet Nam", "Second World War") or any word of letters joined by hyphens ("co-operation":
   * "cooperation").
   */
  Optional<String> closedWriting(String words) {
    String typed = words.strip();
    if (HYPHENATED.matcher(typed).matches()) {
      return Optional.of(typed.replace("-", ""));
    }
    int count = typed.split("\\s+").length;
    if (count < 2 || count > 3) {
      return Optional.empty();
    }
    return Optional.ofNullable(closedByOpen.get(String.join(" ", stems(typed))));
  }

  /**
   * A plain run of words with each listed open pair written with a hyphen ("per cent" as
   * "per-cent"), which the parser searches as the phrase or the closed word.
   */
  String hyphenatingListedPairs(String plainWords) {
    String[] words = plainWords.strip().split(" +");
    List<String> written = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (i + 1 < words.length && listedRun(new String[] {words[i], words[i + 1]}).isPresent()) {
        written.add(words[i] + "-" + words[++i]);
      } else {
        written.add(words[i]);
      }
    }
    return String.join(" ", written);
  }

  /**
   * A quoted phrase's other writings, its other words kept: every compound in it written closed ("the
   * cease-fire agreement", "the cease fire agreement": "the ceasefire agreement"), and every listed
   * closed word in it written open ("the ceasefire agreement": "the cease fire agreement"). None when
   * it holds no compound; a phrase that is one compound alone is {@link #closedWriting}'s.
   */
  List<String> phraseWritings(String phrase) {
    String[] words = phrase.strip().split("\\s+");
    if (words.length < 2) {
      return List.of();
    }
    List<String> closed = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      // The longest listed run starting here: "second world war" before "world war".
      String joined = null;
      int parts = Math.min(3, words.length - i);
      while (parts >= 2 && joined == null) {
        joined = listedRun(Arrays.copyOfRange(words, i, i + parts)).orElse(null);
        if (joined == null) {
          parts--;
        }
      }
      if (joined != null) {
        closed.add(joined);
        i += parts - 1;
      } else {
        closed.add(HYPHENATED.matcher(words[i]).matches() ? words[i].replace("-", "") : words[i]);
      }
    }
    List<String> open = new ArrayList<>();
    for (String word : words) {
      List<String> writings = LETTERS.matcher(word).matches() ? openWritings(word) : List.of();
      open.add(writings.isEmpty() ? word : writings.getFirst());
    }
    String typed = String.join(" ", words);
    return Stream.of(String.join(" ", closed), String.join(" ", open))
        .filter(writing -> !writing.equals(typed)).distinct().toList();
  }

  /**
   * The closed word of a listed open writing typed as these words, each of letters only: a "-" before
   * one is an operator.
   */
  private Optional<String> listedRun(String[] words) {
    if (!Arrays.stream(words).allMatch(word -> LETTERS.matcher(word).matches())) {
      return Optional.empty();
    }
    return Optional.ofNullable(closedByOpen.get(String.join(" ", stems(String.join(" ", words)))));
  }

  private List<String> stems(String text) {
    return AnalysedTerms.of(analyzer, ArchiveSchema.TITLE, text);
  }
}
