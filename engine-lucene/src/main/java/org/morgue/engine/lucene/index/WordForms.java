package org.morgue.engine.lucene.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;

/**
 * The words searched as one word ({@code word-forms.txt}): forms of "use" kept apart from "us", and
 * one name's spellings (Qaida and Qaeda, Peking and Beijing), each indexed as one form. Read once;
 * immutable and thread-safe.
 *
 * <p>The lines are Solr's and OpenSearch's {@code stemmer_override} rules, so the cluster's mapping
 * holds the same lines ({@link #rules}) and the two engines analyse alike.
 */
public final class WordForms {
  private final List<String> rules;
  /** Each form a rule names, folded, to the form it is indexed as; sorted, to find a prefix's forms. */
  private final NavigableMap<String, String> indexedAs;
  private final StemmerOverrideFilter.StemmerOverrideMap map;

  private WordForms(List<String> rules) {
    this.rules = List.copyOf(rules);
    NavigableMap<String, String> forms = new TreeMap<>();
    StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
    for (String rule : rules) {
      String[] sides = rule.split("=>", -1);
      if (sides.length != 2 || sides[1].isBlank()) {
        throw new IllegalStateException("word-forms.txt: not 'form, form => indexed form': " + rule);
      }
      for (String form : sides[0].split(",")) {
        builder.add(form.strip(), sides[1].strip());
        forms.put(form.strip(), sides[1].strip());
      }
    }
    this.indexedAs = Collections.unmodifiableNavigableMap(forms);
    try {
      this.map = builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The list Morgue ships, from the engine's resources. */
  static WordForms shipped() {
    try (InputStream in = WordForms.class.getResourceAsStream("word-forms.txt")) {
      if (in == null) {
        throw new IllegalStateException("word-forms.txt is missing from the engine's resources");
      }
      return new WordForms(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rules, one per line, as OpenSearch's {@code stemmer_override} filter takes them. */
  public List<String> rules() {
    return rules;
  }

  /** The map Lucene's {@link StemmerOverrideFilter} applies. */
  StemmerOverrideFilter.StemmerOverrideMap map() {
    return map;
  }

  /**
   * The indexed forms of the spellings that start with a folded prefix where the indexed form does
   * not: the terms a prefix query must add, since the index holds "Qaida" only as {@code qaeda} and
   * {@code qaid*} would otherwise find none of it.
   */
  public Set<String> indexedFormsOfSpellingsStartingWith(String prefix) {
    Set<String> found = new LinkedHashSet<>();
    for (Map.Entry<String, String> form : indexedAs.tailMap(prefix, true).entrySet()) {
      if (!form.getKey().startsWith(prefix)) {
        break;
      }
      if (!form.getValue().startsWith(prefix)) {
        found.add(form.getValue());
      }
    }
    return found;
  }
}
