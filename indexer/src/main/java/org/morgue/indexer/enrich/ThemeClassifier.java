package org.morgue.indexer.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.morgue.indexer.article.Article;
import org.morgue.indexer.article.Theme;

/**
 * Assigns taxonomy themes to an article by matching each theme's weighted terms on the analysed
 * text. Thread-safe and immutable.
 *
 * <p>A theme's score is the sum over its matched terms of {@code weight * (1 + ln occurrences)}
 * (title occurrences count twice), divided by {@code max(1, sqrt(tokens / 100))}; the article gets
 * every theme at or above the taxonomy's threshold. {@code themes/taxonomy.json} documents both.
 */
public final class ThemeClassifier {
  // Enough triggers to explain a theme in the UI without storing every matched word.
  private static final int MAX_TRIGGERS = 10;
  // Punctuation that ends a phrase: "...military action. If intelligence..." is not "actionable
  // intelligence", and "arrests, deportations" is a list, not a term.
  private static final Pattern PHRASE_BREAK = Pattern.compile("[.!?;:,()\\[\\]\"\u201c\u201d\\n]");

  private final ThemeTaxonomy taxonomy;
  private final TermAnalyzer analyzer;

  public ThemeClassifier(ThemeTaxonomy taxonomy) {
    this.taxonomy = taxonomy;
    this.analyzer = new TermAnalyzer();
  }

  /** The classifier with the taxonomy that ships with Morgue. */
  public static ThemeClassifier fromResources() {
    return new ThemeClassifier(ThemeTaxonomy.fromResources());
  }

  /** Every theme above the threshold, highest score first. */
  public List<Theme> classify(Article article) {
    String text = article.text();
    List<TermAnalyzer.Token> tokens = analyzer.analyse(text);
    double lengthNorm = Math.max(1, Math.sqrt(tokens.size() / 100.0));
    int titleEnd = article.title().length();
    List<Theme> themes = new ArrayList<>();
    for (ThemeTaxonomy.CompiledTheme theme : taxonomy.themes()) {
      Map<ThemeTaxonomy.Term, Integer> occurrences = new HashMap<>();
      Map<String, Integer> triggers = new LinkedHashMap<>();
      int at = 0;
      while (at < tokens.size()) {
        ThemeTaxonomy.Term term = longestMatch(theme, text, tokens, at);
        if (term == null) {
          at++;
          continue;
        }
        TermAnalyzer.Token first = tokens.get(at);
        TermAnalyzer.Token last = tokens.get(at + term.stems().size() - 1);
        // Headlines name what the article is about, so a title occurrence counts twice.
        int count = first.start() < titleEnd ? 2 : 1;
        occurrences.merge(term, count, Integer::sum);
        String surface = text.substring(first.start(), last.end()).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        triggers.merge(surface.replaceAll("\\s+", " "), count, Integer::sum);
        at += term.stems().size();
      }
      double raw = 0;
      for (Map.Entry<ThemeTaxonomy.Term, Integer> e : occurrences.entrySet()) {
        raw += e.getKey().weight() * (1 + Math.log(e.getValue()));
      }
      double score = raw / lengthNorm;
      if (score >= taxonomy.threshold()) {
        themes.add(new Theme(theme.id(), theme.name(), theme.iptc(), score, topTriggers(triggers)));
      }
    }
    themes.sort(Comparator.comparingDouble(Theme::score).reversed());
    return themes;
  }

  private static ThemeTaxonomy.Term longestMatch(
      ThemeTaxonomy.CompiledTheme theme, String text, List<TermAnalyzer.Token> tokens, int at) {
    for (ThemeTaxonomy.Term term : theme.termsByFirstStem().getOrDefault(tokens.get(at).stem(), List.of())) {
      List<String> stems = term.stems();
      if (at + stems.size() > tokens.size()) {
        continue;
      }
      boolean matches = true;
      for (int i = 1; i < stems.size() && matches; i++) {
        TermAnalyzer.Token token = tokens.get(at + i);
        matches = stems.get(i).equals(token.stem())
            && !PHRASE_BREAK.matcher(text).region(tokens.get(at + i - 1).end(), token.start()).find();
      }
      if (matches) {
        return term;
      }
    }
    return null;
  }

  private static List<String> topTriggers(Map<String, Integer> triggers) {
    // Stable sort: equally frequent triggers keep the order they first appear in.
    return triggers.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(MAX_TRIGGERS)
        .map(Map.Entry::getKey)
        .toList();
  }
}
