package org.morgue.engine.lucene.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;

/**
 * The words searched as one word, from two lists of the engine's resources. {@code word-forms.txt}:
 * forms of "use" kept apart from "us", and one name's spellings (Qaida and Qaeda, Peking and
 * Beijing), each indexed as one form and not stemmed further. {@code spellings.txt}: British
 * spellings searched as the American ones ("defence" as "defense"), which are then stemmed as any
 * word is. Read once; immutable and thread-safe.
 *
 * <p>The lines are Solr's and OpenSearch's rules ({@code stemmer_override} and {@code synonym}), so
 * the cluster's mapping holds the same lines ({@link #rules}, {@link #spellingRules}) and the two
 * engines analyse alike.
 */
public final class WordForms {
  private final List<String> rules;
  private final List<String> spellingRules;
  /** Every form either list makes another word, folded and sorted, to find a prefix's forms. */
  private final NavigableSet<String> renamed;
  private final StemmerOverrideFilter.StemmerOverrideMap map;
  /** British form to American, folded. */
  private final CharArrayMap<String> spellings;

  private WordForms(List<String> rules, List<String> spellingRules) {
    this.rules = List.copyOf(rules);
    this.spellingRules = List.copyOf(spellingRules);
    NavigableSet<String> forms = new TreeSet<>();
    StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
    for (String rule : rules) {
      String[] sides = sides(rule, "word-forms.txt");
      for (String form : sides[0].split(",")) {
        builder.add(form.strip(), sides[1].strip());
        if (!form.strip().equals(sides[1].strip())) {
          forms.add(form.strip());
        }
      }
    }
    CharArrayMap<String> american = new CharArrayMap<>(spellingRules.size(), false);
    for (String rule : spellingRules) {
      String[] sides = sides(rule, "spellings.txt");
      if (sides[0].contains(",") || sides[0].isBlank() || sides[1].strip().contains(" ")) {
        throw new IllegalStateException("spellings.txt: not 'British form => American form': " + rule);
      }
      american.put(sides[0].strip(), sides[1].strip());
      forms.add(sides[0].strip());
    }
    this.spellings = CharArrayMap.unmodifiableMap(american);
    this.renamed = Collections.unmodifiableNavigableSet(forms);
    try {
      this.map = builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] sides(String rule, String file) {
    String[] sides = rule.split("=>", -1);
    if (sides.length != 2 || sides[1].isBlank()) {
      throw new IllegalStateException(file + ": not 'form, form => indexed form': " + rule);
    }
    return sides;
  }

  /** The lists Morgue ships, from the engine's resources. */
  static WordForms shipped() {
    return new WordForms(ListedLines.of(WordForms.class, "word-forms.txt"), ListedLines.of(WordForms.class, "spellings.txt"));
  }

  /** The name and "use" rules, one per line, as OpenSearch's {@code stemmer_override} filter takes them. */
  public List<String> rules() {
    return rules;
  }

  /** The British spellings, one per line, as OpenSearch's {@code synonym} filter takes them. */
  public List<String> spellingRules() {
    return spellingRules;
  }

  /** The map Lucene's {@link StemmerOverrideFilter} applies. */
  StemmerOverrideFilter.StemmerOverrideMap map() {
    return map;
  }

  /** The map {@link SpellingFilter} applies. */
  CharArrayMap<String> spellings() {
    return spellings;
  }

  /**
   * The forms, folded, that start with a prefix and that the index holds as another word ("qaida" as
   * qaeda, "organised" as organ): a prefix query must add what each is analysed to, since the index
   * holds none of them as written and {@code qaid*} would otherwise find none of it.
   */
  public NavigableSet<String> formsStartingWith(String prefix) {
    NavigableSet<String> found = new TreeSet<>();
    for (String form : renamed.tailSet(prefix, true)) {
      if (!form.startsWith(prefix)) {
        break;
      }
      found.add(form);
    }
    return found;
  }
}
