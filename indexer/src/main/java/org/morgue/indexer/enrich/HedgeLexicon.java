package org.morgue.indexer.enrich;

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
import org.morgue.indexer.article.CueKind;

/**
 * The hedge lexicon: the cue phrases of {@code hedging/lexicon.tsv}, parsed and indexed by their
 * first word. The file's header documents the phrase syntax. Immutable.
 */
public final class HedgeLexicon {
  private static final String RESOURCE = "hedging/lexicon.tsv";
  private static final String IGNORE = "ignore";

  /**
   * One lexicon phrase.
   *
   * @param words the words in order, each as the set of lower-case spellings it may take
   * @param cueFrom index of the first word that belongs to the cue (earlier words are context)
   * @param cueTo index after the last word that belongs to the cue (later words are context)
   * @param kind what the cue does, or empty for phrases that only block shorter cues
   * @param category the finer class stored on the cue
   * @param weight how much one occurrence counts in the hedging score
   */
  public record Phrase(
      List<Set<String>> words, int cueFrom, int cueTo, Optional<CueKind> kind, String category, double weight) {
    public Phrase {
      words = List.copyOf(words);
    }
  }

  private final Map<String, List<Phrase>> byFirstWord;

  /** A lexicon of the given phrases. */
  public HedgeLexicon(List<Phrase> phrases) {
    Map<String, List<Phrase>> index = new HashMap<>();
    for (Phrase phrase : phrases) {
      for (String first : phrase.words().get(0)) {
        index.computeIfAbsent(first, k -> new ArrayList<>()).add(phrase);
      }
    }
    // Longest first, so the first phrase that matches at a position is the longest one.
    Comparator<Phrase> longestFirst = Comparator.comparingInt(p -> -p.words().size());
    index.replaceAll((word, list) -> list.stream().sorted(longestFirst).toList());
    this.byFirstWord = Map.copyOf(index);
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
      if (columns.length != 4) {
        throw new IllegalArgumentException(where + ": expected 4 tab-separated columns, got '" + line + "'");
      }
      phrases.add(phrase(columns, where));
    }
    return new HedgeLexicon(phrases);
  }

  private static Phrase phrase(String[] columns, String where) {
    List<String> tokens = Arrays.asList(columns[0].strip().split(" +"));
    List<Set<String>> words = new ArrayList<>();
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
      words.add(Set.of(token.toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("\\|")));
    }
    if (cueFrom < 0) {
      throw new IllegalArgumentException(where + ": '" + columns[0] + "' has no cue words outside brackets");
    }
    if (cueTo < 0) {
      cueTo = tokens.size();
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
    double weight;
    try {
      weight = Double.parseDouble(columns[3].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": bad weight '" + columns[3] + "'", e);
    }
    return new Phrase(words, cueFrom, cueTo, kind, columns[2].strip(), weight);
  }

  /** The phrases whose first word can be {@code word} (lower-case), longest first; empty if none. */
  public List<Phrase> startingWith(String word) {
    return byFirstWord.getOrDefault(word, List.of());
  }
}
