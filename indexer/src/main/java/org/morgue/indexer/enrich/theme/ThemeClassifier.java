package org.morgue.indexer.enrich.theme;

import org.morgue.indexer.enrich.text.TermAnalyzer;
import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.morgue.article.Article;
import org.morgue.article.Theme;

/**
 * Assigns taxonomy themes to an article by matching each theme's weighted terms on the analysed
 * text. Thread-safe and immutable.
 *
 * <p>A theme's score is the sum over its matched terms of {@code weight * (1 + ln occurrences)}
 * (title occurrences count twice), divided by {@code max(1, sqrt(tokens / 100))}; the article gets
 * every theme at or above the taxonomy's threshold. {@code theme/taxonomy.json} documents both.
 *
 * <p>A long article is also scored passage by passage, {@value #PASSAGE} analysed tokens at a time
 * (about 800 words, a few paragraphs), each passage as if it were an article of its own but at half
 * weight, and a theme's score is the higher of the whole article's and its best passage's. An
 * address of 14,000 words whose three paragraphs on the tariff name it 23 times is about trade there,
 * though the whole text dilutes it below the threshold.
 */
public final class ThemeClassifier {
  // Enough triggers to explain a theme in the UI without storing every matched word.
  private static final int MAX_TRIGGERS = 10;
  /** Analysed tokens in a passage of a long article, and the step between passages (half of one). */
  static final int PASSAGE = 400;
  private static final int PASSAGE_STEP = PASSAGE / 2;
  /** A passage's length normalisation, as an article of {@value #PASSAGE} tokens has. */
  private static final double PASSAGE_NORM = Math.sqrt(PASSAGE / 100.0);
  /**
   * A passage's score counts at half, so a passage must score twice the threshold: at full weight
   * any address's few sentences on schools or farms would give it Education or Agriculture, and
   * addresses went from 4.3 themes each to 7.6.
   */
  static final double PASSAGE_WEIGHT = 0.5;
  // Punctuation that ends a phrase: "...military action. If intelligence..." is not "actionable
  // intelligence", and "arrests, deportations" is a list, not a term.
  private static final String PHRASE_BREAKS = ".!?;:,()[]\"\u201c\u201d\n";

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The terms of one theme that start with a given stem, longest first. */
  private record ThemeTerms(int theme, List<ThemeTaxonomy.Term> terms) {}

  /** A term matched at a token, counted twice in the title. */
  private record Match(int at, ThemeTaxonomy.Term term, int count) {}

  private final ThemeTaxonomy taxonomy;
  private final TermAnalyzer analyzer;
  // Every theme's terms by first stem, so the text is scanned once for all themes with one lookup
  // per token, instead of once per theme.
  private final Map<String, List<ThemeTerms>> byFirstStem;

  public ThemeClassifier(ThemeTaxonomy taxonomy) {
    this.taxonomy = taxonomy;
    this.analyzer = new TermAnalyzer();
    Map<String, List<ThemeTerms>> index = new HashMap<>();
    List<ThemeTaxonomy.CompiledTheme> themes = taxonomy.themes();
    for (int t = 0; t < themes.size(); t++) {
      for (Map.Entry<String, List<ThemeTaxonomy.Term>> entry : themes.get(t).termsByFirstStem().entrySet()) {
        index.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(new ThemeTerms(t, entry.getValue()));
      }
    }
    index.replaceAll((stem, list) -> List.copyOf(list));
    this.byFirstStem = new HashMap<>(index);
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
    List<ThemeTaxonomy.CompiledTheme> compiled = taxonomy.themes();
    int themeCount = compiled.size();
    // Per theme: where its scan may match next (a match's tokens are not matched again by that
    // theme), its occurrences per term and its triggers in order of first appearance. Scanning all
    // themes in one pass visits each theme's positions in the same order a pass per theme would.
    int[] nextFree = new int[themeCount];
    List<List<Match>> matches = new ArrayList<>(themeCount);
    List<Map<String, Integer>> triggers = new ArrayList<>(themeCount);
    for (int t = 0; t < themeCount; t++) {
      matches.add(null);
      triggers.add(null);
    }
    for (int at = 0; at < tokens.size(); at++) {
      List<ThemeTerms> candidates = byFirstStem.get(tokens.get(at).stem());
      if (candidates == null) {
        continue;
      }
      for (ThemeTerms candidate : candidates) {
        int t = candidate.theme();
        if (at < nextFree[t]) {
          continue;
        }
        ThemeTaxonomy.Term term = longestMatch(candidate.terms(), text, tokens, at);
        if (term == null) {
          continue;
        }
        TermAnalyzer.Token first = tokens.get(at);
        TermAnalyzer.Token last = tokens.get(at + term.stems().size() - 1);
        // Headlines name what the article is about, so a title occurrence counts twice.
        int count = first.start() < titleEnd ? 2 : 1;
        if (matches.get(t) == null) {
          matches.set(t, new ArrayList<>());
          triggers.set(t, new LinkedHashMap<>());
        }
        matches.get(t).add(new Match(at, term, count));
        String surface = text.substring(first.start(), last.end()).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        triggers.get(t).merge(WHITESPACE.matcher(surface).replaceAll(" "), count, Integer::sum);
        nextFree[t] = at + term.stems().size();
      }
    }
    List<Theme> themes = new ArrayList<>();
    for (int t = 0; t < themeCount; t++) {
      List<Match> found = matches.get(t) == null ? List.of() : matches.get(t);
      double whole = raw(found, 0, tokens.size());
      double score = whole / lengthNorm;
      // No passage scores more than all the text's matches would in one: skip what cannot count.
      double passageAtMost = whole / PASSAGE_NORM * PASSAGE_WEIGHT;
      if (tokens.size() > PASSAGE && passageAtMost > score && passageAtMost >= taxonomy.threshold()) {
        // The last passage ends with the text, so every token is in one passage at least.
        int first = 0;
        for (int from = 0; from < tokens.size() - PASSAGE_STEP; from += PASSAGE_STEP) {
          while (first < found.size() && found.get(first).at() < from) {
            first++;
          }
          score = Math.max(score, raw(found, first, from + PASSAGE) / PASSAGE_NORM * PASSAGE_WEIGHT);
        }
      }
      if (score >= taxonomy.threshold()) {
        ThemeTaxonomy.CompiledTheme theme = compiled.get(t);
        themes.add(new Theme(theme.id(), theme.name(), theme.iptc(), score,
            topTriggers(triggers.get(t) == null ? Map.of() : triggers.get(t))));
      }
    }
    themes.sort(Comparator.comparingDouble(Theme::score).reversed());
    // Three decimals, as actors' salience: the digits after them say nothing a reader or a ranking
    // uses, and stored in every article they cost the index about 20 bytes each (issue #21).
    // Rounded after sorting, so themes whose scores round alike keep their order.
    return themes.stream().map(theme -> new Theme(theme.id(), theme.name(), theme.iptc(),
        Math.round(theme.score() * 1000) / 1000.0, theme.triggers())).toList();
  }

  /**
   * The unnormalised score of the matches from the {@code first}-th (in the order of the text) to the
   * last before token {@code to}: each term's weight times 1 + ln of its occurrences.
   */
  private static double raw(List<Match> matches, int first, int to) {
    Map<ThemeTaxonomy.Term, Integer> occurrences = new HashMap<>();
    for (int i = first; i < matches.size() && matches.get(i).at() < to; i++) {
      occurrences.merge(matches.get(i).term(), matches.get(i).count(), Integer::sum);
    }
    double raw = 0;
    for (Map.Entry<ThemeTaxonomy.Term, Integer> e : occurrences.entrySet()) {
      raw += e.getKey().weight() * (1 + Math.log(e.getValue()));
    }
    return raw;
  }

  private static ThemeTaxonomy.Term longestMatch(
      List<ThemeTaxonomy.Term> terms, String text, List<TermAnalyzer.Token> tokens, int at) {
    for (ThemeTaxonomy.Term term : terms) {
      List<String> stems = term.stems();
      if (at + stems.size() > tokens.size()) {
        continue;
      }
      boolean matches = true;
      for (int i = 1; i < stems.size() && matches; i++) {
        TermAnalyzer.Token token = tokens.get(at + i);
        matches = stems.get(i).equals(token.stem()) && !breaksPhrase(text, tokens.get(at + i - 1).end(), token.start());
      }
      if (matches) {
        return term;
      }
    }
    return null;
  }

  /** Whether the text between two words holds punctuation that ends a phrase. */
  private static boolean breaksPhrase(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (PHRASE_BREAKS.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
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
