package org.morgue.indexer.enrich.hedge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.CueKind;

/**
 * The hedge lexicon: the cue phrases of {@code hedge/lexicon.tsv}, parsed and indexed by the
 * first word of their cue, so that the words around a cue ("the", "is", "it") cost nothing where
 * no cue follows them. The file's header documents the phrase syntax. Immutable.
 */
public final class HedgeLexicon {
  private static final String RESOURCE = "lexicon.tsv";
  private static final String IGNORE = "ignore";

  /**
   * One lexicon phrase.
   *
   * @param words the words in order, each as the spellings it may take
   * @param cueFrom index of the first word that belongs to the cue (earlier words are context)
   * @param cueTo index after the last word that belongs to the cue (later words are context)
   * @param kind what the cue does, or empty for phrases that only block shorter cues
   * @param category the finer class stored on the cue
   */
  public record Phrase(List<Slot> words, int cueFrom, int cueTo, Optional<CueKind> kind, String category) {
    public Phrase {
      words = List.copyOf(words);
    }
  }

  /**
   * One word of a phrase: any of a set of lower-case spellings, any word ending in one of a few
   * suffixes ({@code *ed}), or any word at all ({@code *}).
   *
   * @param spellings the whole words it matches
   * @param suffixes the endings it matches, for words longer than the ending
   * @param any whether it matches every word
   */
  public record Slot(Set<String> spellings, List<String> suffixes, boolean any) {
    public Slot {
      spellings = Set.copyOf(spellings);
      suffixes = List.copyOf(suffixes);
    }

    /** Whether a lower-case word fits this slot. */
    public boolean matches(String word) {
      if (any || spellings.contains(word)) {
        return true;
      }
      for (String suffix : suffixes) {
        if (word.length() > suffix.length() + 1 && word.endsWith(suffix)) {
          return true;
        }
      }
      return false;
    }

    static Slot parse(String token) {
      Set<String> spellings = new java.util.HashSet<>();
      List<String> suffixes = new ArrayList<>();
      boolean any = false;
      for (String alternative : token.toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("\\|")) {
        if (alternative.equals("*")) {
          any = true;
        } else if (alternative.startsWith("*")) {
          suffixes.add(alternative.substring(1));
        } else {
          spellings.add(alternative);
        }
      }
      return new Slot(spellings, suffixes, any);
    }
  }

  private static final Comparator<Phrase> LONGEST_FIRST = Comparator.comparingInt(p -> -p.words().size());

  private final Map<String, List<Phrase>> byCueWord;

  /** A lexicon of the given phrases. */
  public HedgeLexicon(List<Phrase> phrases) {
    Map<String, List<Phrase>> index = new HashMap<>();
    for (Phrase phrase : phrases) {
      for (String first : phrase.words().get(phrase.cueFrom()).spellings()) {
        index.computeIfAbsent(first, k -> new ArrayList<>()).add(phrase);
      }
    }
    // Longest first, so the first phrase that matches at a position is the longest one.
    index.replaceAll((word, list) -> list.stream().sorted(LONGEST_FIRST).toList());
    this.byCueWord = Map.copyOf(index);
  }

  /** The lexicon that ships with Morgue. */
  public static HedgeLexicon fromResources() {
    try (InputStream in = HedgeLexicon.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Parses a lexicon in the format of {@code lexicon.tsv}; {@code origin} names it in errors. */
  static HedgeLexicon parse(BufferedReader reader, String origin) throws IOException {
    List<Phrase> phrases = new ArrayList<>();
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String where = origin + ":" + lineNumber;
      String[] columns = line.split("\t");
      if (columns.length != 3) {
        throw new IllegalArgumentException(where + ": expected 3 tab-separated columns, got '" + line + "'");
      }
      phrases.add(phrase(columns, where));
    }
    return new HedgeLexicon(phrases);
  }

  private static Phrase phrase(String[] columns, String where) {
    List<String> tokens = Arrays.asList(columns[0].strip().split(" +"));
    List<Slot> words = new ArrayList<>();
    int cueFrom = -1;
    int cueTo = -1;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      boolean context = token.startsWith("[") && token.endsWith("]");
      if (context) {
        token = token.substring(1, token.length() - 1);
        if (cueFrom >= 0 && cueTo < 0) {
          cueTo = i;
        }
      } else {
        if (cueTo >= 0) {
          throw new IllegalArgumentException(where + ": context words must be at the ends of '" + columns[0] + "'");
        }
        if (cueFrom < 0) {
          cueFrom = i;
        }
      }
      words.add(Slot.parse(token));
    }
    if (cueFrom < 0) {
      throw new IllegalArgumentException(where + ": '" + columns[0] + "' has no cue words outside brackets");
    }
    if (cueTo < 0) {
      cueTo = tokens.size();
    }
    // Phrases are looked up by the first word of their cue, so it must be spelled out.
    Slot first = words.get(cueFrom);
    if (first.any() || !first.suffixes().isEmpty()) {
      throw new IllegalArgumentException(where + ": the cue of '" + columns[0] + "' must start with a spelled-out word");
    }
    String kindName = columns[1].strip();
    Optional<CueKind> kind = Optional.empty();
    if (!kindName.equals(IGNORE)) {
      try {
        kind = Optional.of(CueKind.valueOf(kindName.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": unknown kind '" + kindName + "'", e);
      }
    }
    return new Phrase(words, cueFrom, cueTo, kind, columns[2].strip());
  }

  /**
   * The phrases whose cue can start with {@code word} (lower-case), longest first; empty if none.
   * Their context words before the cue ({@link Phrase#cueFrom()} of them) precede that word.
   */
  public List<Phrase> cuesStartingWith(String word) {
    return byCueWord.getOrDefault(word, List.of());
  }
}
