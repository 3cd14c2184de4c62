package org.morgue.indexer.enrich.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns text into lower-cased, stemmed English tokens with their offsets, the same way for the
 * taxonomy's terms and for article text, so the two meet on equal terms. Thread-safe: Lucene
 * analyzers keep their per-thread state themselves.
 */
public final class TermAnalyzer {
  /** One analysed token: its stem and where its surface form lies in the analysed text. */
  public record Token(String stem, int start, int end) {}

  // Standard tokenizer, possessive "'s" removed, lower case, English stop words dropped, then the
  // KStem stemmer. KStem rather than Porter (EnglishAnalyzer's choice) because Porter conflates
  // words a theme must tell apart: "important" and "imports", "organ" and "organized".
  // KStem looks each word up in its dictionary several times (half the classifier's time, in a
  // profile of indexing), and news reuses a small vocabulary: each thread's components remember the
  // stems they have made and mark a remembered word as a keyword, which KStemFilter leaves alone.
  // Never closed: it lives as long as the classifier that owns it.
  private final Analyzer analyzer = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream result = new EnglishPossessiveFilter(source);
      result = new LowerCaseFilter(result);
      result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      StemMemory memory = new StemMemory();
      result = new KStemFilter(new RememberedStem(result, memory));
      return new TokenStreamComponents(source, new RememberStem(result, memory));
    }
  };

  /**
   * One thread's stems, word to stem; emptied when full so a long run cannot grow it without end.
   * Keyed by the term's own characters (Lucene's {@code CharArrayMap}), so a word already seen, nearly
   * every word, is looked up without making a String of it (a {@code HashMap<String, String>} here was
   * 6% of indexing's CPU, most of it hashing and comparing new Strings).
   */
  private static final class StemMemory {
    private static final int MAX_WORDS = 100_000;
    private final CharArrayMap<char[]> stems = new CharArrayMap<>(1 << 14, false);
    private char[] pending;

    void remember(CharTermAttribute stem) {
      if (stems.size() >= MAX_WORDS) {
        stems.clear();
      }
      stems.put(pending, Arrays.copyOf(stem.buffer(), stem.length()));
    }
  }

  /** Before KStem: puts a remembered stem in place and marks it a keyword, so KStem skips it. */
  private static final class RememberedStem extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final StemMemory memory;

    RememberedStem(TokenStream input, StemMemory memory) {
      super(input);
      this.memory = memory;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      char[] stem = memory.stems.get(term.buffer(), 0, term.length());
      if (stem != null) {
        term.copyBuffer(stem, 0, stem.length);
        keyword.setKeyword(true);
        memory.pending = null;
      } else {
        memory.pending = Arrays.copyOf(term.buffer(), term.length());
      }
      return true;
    }
  }

  /** After KStem: remembers the stem of a word it has just stemmed. */
  private static final class RememberStem extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final StemMemory memory;

    RememberStem(TokenStream input, StemMemory memory) {
      super(input);
      this.memory = memory;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (memory.pending != null) {
        memory.remember(term);
        memory.pending = null;
      }
      return true;
    }
  }

  /** The tokens of the text in order. */
  public List<Token> analyse(String text) {
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
  public List<String> stems(String text) {
    return analyse(text).stream().map(Token::stem).toList();
  }
}
