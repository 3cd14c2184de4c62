package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.morgue.engine.lucene.index.ArchiveSchema;

/**
 * Spelling corrections of a query's plain words from the terms of the article bodies (edit distance
 * up to 2, and 1 for a word under {@link #LONG_WORD} letters): only words found in no body, title or
 * actor's name, so a rare name is never "corrected" into a common word
 * ("Tren" into "then"), and a capitalised word only into one the texts write with a capital somewhere
 * ("Reuters", a name the archive lacks, is not "renders"). Only bare words are corrected: fielded terms, operators, wildcards, fuzzy
 * terms and regular expressions are left as typed.
 *
 * <p>Body terms are stems, so a word is looked up both as its stem and as typed (folded): "congres"
 * stems to "congr", whose nearest term is "congo", while as typed it is one letter from "congress".
 * Of the candidates, the fewest edits win, then the most articles: "jurry" is one edit from both
 * "juri" (jury) and "jerri" (Jerry), and the jury is in far more articles. A correction is shown as
 * an article writes it ("jury", not the stem "juri"), read from one article that holds it.
 */
public final class QuerySpelling {
  /**
   * A run of letters standing alone: not a field name (before ':'), not a fielded value (after ':'),
   * not part of a wildcard, fuzzy term or regular expression, not joined to digits.
   */
  private static final Pattern WORD = Pattern.compile(
      "(?<![\\p{L}\\p{M}\\p{N}_:/*?~\\\\])\\p{L}[\\p{L}\\p{M}]*(?![\\p{L}\\p{M}\\p{N}_:/*?~\\\\])");
  private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT", "TO");

  /** How many near terms an engine lists for one term: enough that a frequent one is not cut. */
  public static final int CANDIDATES = 50;

  /** How many articles a correction's written forms are read from. */
  public static final int BODIES = 5;

  /** The article a correction's written form is read from: the first by id, the same in every engine. */
  private static final Sort FIRST_ID = new Sort(new SortedSetSortField(ArchiveSchema.ID, false));

  private final DirectSpellChecker checker = new DirectSpellChecker();
  private final Analyzer analyzer;

  /** A body term near a misspelt one, with the number of articles whose body holds it. */
  public record Candidate(String term, long articles) {}

  /** Where an engine looks terms up in the article bodies. */
  public interface TermSpeller {
    /**
     * Whether some article holds the word where a plain query looks for it ({@link
     * ArchiveSchema#DEFAULT_FIELDS}): its prose term in a title or a body, its name term among the
     * actors' names and aliases. A word the search found is no misspelling, even where no body
     * writes it: "Muammar" is Muammar Gaddafi's alias, and "Burma" no better search.
     */
    boolean searched(String proseTerm, String nameTerm) throws IOException;

    /** Body terms within two edits of {@code term}, which no body holds; up to {@link #CANDIDATES}. */
    List<Candidate> near(String term) throws IOException;

    /**
     * The bodies of the {@link #BODIES} articles with the first ids (in the order of Java's strings)
     * that hold the body term, to read the word as it is written.
     */
    List<String> bodiesWith(String bodyTerm) throws IOException;
  }

  public QuerySpelling(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** The query with each misspelled plain word replaced by its likeliest correction; empty when none is. */
  Optional<String> correct(String query, IndexReader reader) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    return correct(query, new TermSpeller() {
      @Override
      public boolean searched(String proseTerm, String nameTerm) throws IOException {
        return reader.docFreq(new Term(ArchiveSchema.BODY, proseTerm)) > 0
            || reader.docFreq(new Term(ArchiveSchema.TITLE, proseTerm)) > 0
            || reader.docFreq(new Term(ArchiveSchema.ACTOR, nameTerm)) > 0;
      }

      @Override
      public List<Candidate> near(String term) throws IOException {
        List<Candidate> near = new ArrayList<>();
        for (SuggestWord word : checker.suggestSimilar(new Term(ArchiveSchema.BODY, term), CANDIDATES, reader,
            SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
          near.add(new Candidate(word.string, word.freq));
        }
        return near;
      }

      @Override
      public List<String> bodiesWith(String bodyTerm) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (var hit : searcher.search(new TermQuery(new Term(ArchiveSchema.BODY, bodyTerm)), BODIES, FIRST_ID).scoreDocs) {
          bodies.add(reader.storedFields().document(hit.doc, Set.of(ArchiveSchema.BODY)).get(ArchiveSchema.BODY));
        }
        return bodies;
      }
    });
  }

  /**
   * The query with each misspelled plain word replaced by the correction {@code speller} finds for
   * it; empty when none is. Every engine corrects the same words the same way.
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
    List<String> stems = terms(ArchiveSchema.BODY, word);
    List<String> folded = terms(ArchiveSchema.ACTOR, word);
    if (stems.size() != 1 || folded.size() != 1) {
      return Optional.empty(); // a stop word, or a word the analyzer splits: nothing to correct safely
    }
    String stem = stems.get(0);
    if (speller.searched(stem, folded.get(0))) {
      return Optional.empty();
    }
    Candidate best = null;
    int fewest = Integer.MAX_VALUE;
    for (String typed : stem.equals(folded.get(0)) ? List.of(stem) : List.of(stem, folded.get(0))) {
      for (Candidate candidate : speller.near(typed)) {
        int edits = edits(typed, candidate.term());
        if (edits < fewest || edits == fewest && BY_ARTICLES.compare(candidate, best) < 0) {
          best = candidate;
          fewest = edits;
        }
      }
    }
    if (best == null || fewest > maxEdits(word)) {
      return Optional.empty();
    }
    // The word as the texts write it, read once: whether it is capitalised anywhere, and its written form.
    List<String> occurrences = occurrences(best.term(), speller.bodiesWith(best.term()));
    boolean capitalised = Character.isUpperCase(word.codePointAt(0));
    if (capitalised && occurrences.stream().noneMatch(written -> Character.isUpperCase(written.codePointAt(0)))) {
      // A name the archive lacks, not a misspelt word: "Reuters" is not "renders", which the texts
      // never write with a capital; "Venezeula" is "Venezuela" and "Jurry" the Grand Jury's "Jury".
      return Optional.empty();
    }
    String shown = nearestWritten(folded.get(0), occurrences).orElse(best.term());
    // Typed capitalised ("Venezeula"), corrected capitalised ("Venezuela").
    return Optional.of(capitalised
        ? shown.substring(0, 1).toUpperCase(Locale.ROOT) + shown.substring(1)
        : shown);
  }

  /**
   * A word shorter than this is corrected by one edit at most: two edits change a third of "Chávez",
   * and the archive's nearest word ("Chase") is then another name, not what was meant. A longer word
   * may take two ("Kruschev" for "Khrushchev").
   */
  static final int LONG_WORD = 7;
  private static final int MAX_EDITS_SHORT = 1;
  private static final int MAX_EDITS = 2;

  /** How many edits a correction of {@code typed} may make: one under {@link #LONG_WORD} letters, else two. */
  public static int maxEdits(String typed) {
    return typed.codePointCount(0, typed.length()) < LONG_WORD ? MAX_EDITS_SHORT : MAX_EDITS;
  }

  /** More articles first, then the term in alphabetical order, so every engine picks the same one. */
  private static final Comparator<Candidate> BY_ARTICLES =
      Comparator.comparingLong(Candidate::articles).reversed().thenComparing(Candidate::term);

  /** Every word of {@code texts} the analyzer reads as {@code bodyTerm}, as written there, in order. */
  private List<String> occurrences(String bodyTerm, List<String> texts) throws IOException {
    List<String> found = new ArrayList<>();
    for (String text : texts) {
      try (TokenStream stream = analyzer.tokenStream(ArchiveSchema.BODY, text)) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          if (term.toString().equals(bodyTerm)) {
            found.add(text.substring(offset.startOffset(), offset.endOffset()));
          }
        }
        stream.end();
      }
    }
    return found;
  }

  /**
   * The word as the texts write it, lower-cased, for a body term: of its {@code occurrences} ("jury"
   * for "juri"), the nearest to what was typed ("missile", not "missiles", for "missle"), the first of those.
   */
  private static Optional<String> nearestWritten(String typed, List<String> occurrences) {
    String nearest = null;
    for (String occurrence : occurrences) {
      String written = occurrence.toLowerCase(Locale.ROOT);
      if (WORD.matcher(written).matches() && (nearest == null || edits(typed, written) < edits(typed, nearest))) {
        nearest = written;
      }
    }
    return Optional.ofNullable(nearest);
  }

  /**
   * Edits between two words (insertions, deletions, substitutions, swaps of neighbours), counted in
   * code points as the spell checkers count them.
   */
  public static int edits(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    int[][] d = new int[x.length + 1][y.length + 1];
    for (int i = 0; i <= x.length; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= y.length; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      for (int j = 1; j <= y.length; j++) {
        int cost = x[i - 1] == y[j - 1] ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[x.length][y.length];
  }

  private List<String> terms(String field, String word) {
    return AnalysedTerms.of(analyzer, field, word);
  }
}
