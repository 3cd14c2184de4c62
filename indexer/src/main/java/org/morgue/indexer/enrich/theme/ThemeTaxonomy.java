package org.morgue.indexer.enrich.theme;

import org.morgue.indexer.enrich.text.TermAnalyzer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The theme taxonomy of {@code theme/taxonomy.json}: each theme with its IPTC Media Topic code and
 * its terms analysed into stems, ready for matching. The file documents the matching and the score.
 * Immutable.
 */
public final class ThemeTaxonomy {
  private static final String RESOURCE = "taxonomy.json";
  private static final Pattern IPTC_CODE = Pattern.compile("\\d{8}");

  /**
   * A term of a theme after analysis.
   *
   * @param stems the analysed tokens that must follow one another in the text
   * @param weight how much one occurrence counts
   */
  public record Term(List<String> stems, double weight) {
    public Term {
      stems = List.copyOf(stems);
    }
  }

  /**
   * A theme ready for matching.
   *
   * @param id the stable key
   * @param name the facet label
   * @param iptc the IPTC Media Topic code of the theme or of its top-level parent
   * @param termsByFirstStem its terms (for a top-level theme, also its sub-themes' terms), indexed by
   *     their first stem, longest first
   */
  public record CompiledTheme(String id, String name, String iptc, Map<String, List<Term>> termsByFirstStem) {
    public CompiledTheme {
      termsByFirstStem = Map.copyOf(termsByFirstStem);
    }
  }

  /** One theme as written in the file; {@code iptc} only on top-level themes, {@code parent} only on sub-themes. */
  record ThemeEntry(String id, String name, String iptc, String iptcLabel, String parent, Map<String, Double> terms) {}

  /** The file as written; the prose fields document it and are not used. */
  record TaxonomyFile(
      String about, String source, String licence, String matching, String scoring, double threshold,
      List<ThemeEntry> themes) {}

  private final double threshold;
  private final List<CompiledTheme> themes;

  private ThemeTaxonomy(double threshold, List<CompiledTheme> themes) {
    this.threshold = threshold;
    this.themes = List.copyOf(themes);
  }

  /** The taxonomy that ships with Morgue. */
  public static ThemeTaxonomy fromResources() {
    try (InputStream in = ThemeTaxonomy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return compile(new ObjectMapper().readValue(in, TaxonomyFile.class), new TermAnalyzer(), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static ThemeTaxonomy compile(TaxonomyFile file, TermAnalyzer analyzer, String origin) {
    Map<String, ThemeEntry> byId = new LinkedHashMap<>();
    for (ThemeEntry entry : file.themes()) {
      if (byId.put(entry.id(), entry) != null) {
        throw new IllegalArgumentException(origin + ": theme id '" + entry.id() + "' appears twice");
      }
    }
    List<CompiledTheme> compiled = new ArrayList<>();
    for (ThemeEntry entry : byId.values()) {
      String iptc = iptcOf(entry, byId, origin);
      Map<List<String>, Double> terms = new LinkedHashMap<>();
      addTerms(entry, analyzer, terms, origin);
      if (entry.parent() == null) {
        for (ThemeEntry child : byId.values()) {
          if (entry.id().equals(child.parent())) {
            addTerms(child, analyzer, terms, origin);
          }
        }
      }
      Map<String, List<Term>> index = new HashMap<>();
      terms.forEach((stems, weight) ->
          index.computeIfAbsent(stems.get(0), k -> new ArrayList<>()).add(new Term(stems, weight)));
      index.replaceAll((stem, list) ->
          list.stream().sorted((a, b) -> b.stems().size() - a.stems().size()).toList());
      compiled.add(new CompiledTheme(entry.id(), entry.name(), iptc, index));
    }
    return new ThemeTaxonomy(file.threshold(), compiled);
  }

  private static String iptcOf(ThemeEntry entry, Map<String, ThemeEntry> byId, String origin) {
    Objects.requireNonNull(entry.name(), () -> origin + ": theme '" + entry.id() + "' has no name");
    if (entry.parent() == null) {
      if (entry.iptc() == null || !IPTC_CODE.matcher(entry.iptc()).matches()) {
        throw new IllegalArgumentException(
            origin + ": top-level theme '" + entry.id() + "' needs an 8-digit iptc code, got '" + entry.iptc() + "'");
      }
      return entry.iptc();
    }
    ThemeEntry parent = byId.get(entry.parent());
    if (parent == null || parent.parent() != null) {
      throw new IllegalArgumentException(
          origin + ": theme '" + entry.id() + "' names parent '" + entry.parent() + "', which is not a top-level theme");
    }
    return parent.iptc();
  }

  private static void addTerms(
      ThemeEntry entry, TermAnalyzer analyzer, Map<List<String>, Double> terms, String origin) {
    entry.terms().forEach((text, weight) -> {
      List<String> stems = analyzer.stems(text);
      if (stems.isEmpty()) {
        throw new IllegalArgumentException(
            origin + ": term '" + text + "' of theme '" + entry.id() + "' is only stop words");
      }
      // A term listed under a theme and one of its sub-themes counts once, at the higher weight.
      terms.merge(stems, weight, Math::max);
    });
  }

  /** The lowest score at which an article gets a theme. */
  public double threshold() {
    return threshold;
  }

  /** Every theme, top-level and sub-themes, in file order. */
  public List<CompiledTheme> themes() {
    return themes;
  }
}
