package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.morgue.engine.lucene.index.ArchiveSchema;

/**
 * Spelling corrections of a query's plain words from the terms of the article bodies, by Lucene's
 * {@link DirectSpellChecker} (edit distance up to 2): only words found in no body, so a rare name is
 * never "corrected" into a common word ("Tren" into "then"). Only bare words are
 * corrected: fielded terms, operators, wildcards, fuzzy terms and regular expressions are left as
 * typed. Body terms are stemmed, so a correction reads as the stem ("economi"), which searches the
 * same as the word.
 */
public final class QuerySpelling {
  /**
   * A run of letters standing alone: not a field name (before ':'), not a fielded value (after ':'),
   * not part of a wildcard, fuzzy term or regular expression, not joined to digits.
   */
  private static final Pattern WORD = Pattern.compile(
      "(?<![\\p{L}\\p{M}\\p{N}_:/*?~\\\\])\\p{L}[\\p{L}\\p{M}]*(?![\\p{L}\\p{M}\\p{N}_:/*?~\\\\])");
  private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "TO");

  private final DirectSpellChecker checker = new DirectSpellChecker();
  private final Analyzer analyzer;

  /** Where an engine looks a body term up: its likeliest correction, when the term is in no body. */
  @FunctionalInterface
  public interface TermSpeller {
    Optional<String> correction(String bodyTerm) throws IOException;
  }

  public QuerySpelling(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The query with each misspelled plain word replaced by its likeliest correction; empty when none is. */
  Optional<String> correct(String query, IndexReader reader) throws IOException {
    return correct(query, term -> {
      SuggestWord[] suggestions = checker.suggestSimilar(
          new Term(ArchiveSchema.BODY, term), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      return suggestions.length == 0 ? Optional.empty() : Optional.of(suggestions[0].string);
    });
  }

  /**
   * The query with each misspelled plain word replaced by the correction {@code speller} finds for
   * its body term; empty when none is. Every engine corrects the same words the same way.
   */
  public Optional<String> correct(String query, TermSpeller speller) throws IOException {
    Matcher words = WORD.matcher(query);
    StringBuilder corrected = new StringBuilder();
    boolean changed = false;
    while (words.find()) {
      String word = words.group();
      Optional<String> correction = OPERATORS.contains(word) ? Optional.empty() : correction(word, speller);
      words.appendReplacement(corrected, Matcher.quoteReplacement(correction.orElse(word)));
      changed |= correction.isPresent();
    }
    words.appendTail(corrected);
    return changed ? Optional.of(corrected.toString()) : Optional.empty();
  }

  private Optional<String> correction(String word, TermSpeller speller) throws IOException {
    List<String> terms = bodyTerms(word);
    if (terms.size() != 1) {
      return Optional.empty(); // a stop word, or a word the analyzer splits: nothing to correct safely
    }
    Optional<String> found = speller.correction(terms.get(0));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String suggestion = found.get();
    // Typed capitalised ("Venezeula"), corrected capitalised ("Venezuela").
    return Optional.of(Character.isUpperCase(word.codePointAt(0))
        ? suggestion.substring(0, 1).toUpperCase(Locale.ROOT) + suggestion.substring(1)
        : suggestion);
  }

  private List<String> bodyTerms(String word) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(ArchiveSchema.BODY, word)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    }
    return terms;
  }
}
