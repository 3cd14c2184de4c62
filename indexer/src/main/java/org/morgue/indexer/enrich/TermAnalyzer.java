package org.morgue.indexer.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns text into lower-cased, stemmed English tokens with their offsets, the same way for the
 * taxonomy's terms and for article text, so the two meet on equal terms. Thread-safe: Lucene
 * analyzers keep their per-thread state themselves.
 */
final class TermAnalyzer {
  /** One analysed token: its stem and where its surface form lies in the analysed text. */
  record Token(String stem, int start, int end) {}

  // Standard tokenizer, possessive "'s" removed, lower case, English stop words dropped, then the
  // KStem stemmer. KStem rather than Porter (EnglishAnalyzer's choice) because Porter conflates
  // words a theme must tell apart: "important" and "imports", "organ" and "organized".
  // Never closed: it lives as long as the classifier that owns it.
  private final Analyzer analyzer = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream result = new EnglishPossessiveFilter(source);
      result = new LowerCaseFilter(result);
      result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      return new TokenStreamComponents(source, new KStemFilter(result));
    }
  };

  /** The tokens of the text in order. */
  List<Token> analyse(String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      // Analysing an in-memory string does no I/O; an IOException here is a bug, not bad input.
      throw new UncheckedIOException("cannot analyse text", e);
    }
    return tokens;
  }

  /** The stems of the text in order. */
  List<String> stems(String text) {
    return analyse(text).stream().map(Token::stem).toList();
  }
}
