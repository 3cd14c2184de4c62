package org.morgue.article.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.morgue.article.Article;
import org.morgue.article.Span;

/**
 * Splits an article's text into sentences. Thread-safe and immutable.
 *
 * <p>Uses the JDK's English sentence {@link BreakIterator}, which breaks after every full stop that
 * is followed by a capital letter; this class undoes the breaks after known abbreviations ("Gov.",
 * "Mr.") and initials ("U.S.", "John F. Kennedy"). A sentence never crosses a block boundary: the
 * title, a heading or a key point is a sentence even without a full stop.
 */
public final class SentenceSplitter {
  private static final String ABBREVIATIONS = "sentences/abbreviations.txt";
  private static final String OPENERS = "sentences/openers.txt";

  // "U.S.", "D.C." or a lone initial "F.": letters each followed by a full stop. A run of initials
  // can also end a sentence ("...back into the U.S. The next"), but in news prose it far more often
  // precedes a name ("the U.S. Senate"), so it is treated as never ending one.
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.)+|(?:\\p{L}\\.){2,}");

  private final Set<String> abbreviations;
  private final Set<String> openers;

  /**
   * A splitter that does not break after the given abbreviations (each written with its full stop)
   * unless one of the openers follows ("Apple Inc. The company").
   */
  public SentenceSplitter(Set<String> abbreviations, Set<String> openers) {
    this.abbreviations = Set.copyOf(abbreviations);
    this.openers = Set.copyOf(openers);
  }

  /** The splitter with the abbreviation list that ships with Morgue. */
  public static SentenceSplitter fromResources() {
    return new SentenceSplitter(words(ABBREVIATIONS), words(OPENERS));
  }

  private static Set<String> words(String resource) {
    Set<String> words = new HashSet<>();
    try (InputStream in = SentenceSplitter.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String entry = line.strip();
        if (!entry.isEmpty() && !entry.startsWith("#")) {
          words.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return words;
  }

  /** The article's sentences in text order, as spans of {@link Article#text()}. */
  public List<Span> split(Article article) {
    String text = article.text();
    List<Span> sentences = new ArrayList<>();
    // A new iterator per article, shared by its blocks: BreakIterator keeps its position and is not
    // thread-safe, and making one costs more than splitting a paragraph with it.
    BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    split(iterator, text, article.titleSpan(), sentences);
    if (!article.blocks().isEmpty()) {
      for (Span block : article.blockSpans()) {
        split(iterator, text, block, sentences);
      }
    }
    return sentences;
  }

  /**
   * The sentences of one block of a text (a paragraph, a heading), as spans of the whole text: what
   * {@link #split(Article)} finds in each block. Search snippets cut their passages here.
   */
  public List<Span> split(String text, Span block) {
    List<Span> sentences = new ArrayList<>();
    split(BreakIterator.getSentenceInstance(Locale.ENGLISH), text, block, sentences);
    return sentences;
  }

  private void split(BreakIterator iterator, String text, Span region, List<Span> sentences) {
    String part = text.substring(region.start(), region.end());
    iterator.setText(part);
    int start = iterator.first();
    for (int end = iterator.next(); end != BreakIterator.DONE; end = iterator.next()) {
      if (end < part.length() && endsInAbbreviation(part, start, end) && !opensSentence(part, end)) {
        continue;
      }
      add(text, region.start() + start, region.start() + end, sentences);
      start = end;
    }
  }

  private boolean endsInAbbreviation(String part, int start, int end) {
    int last = end;
    while (last > start && Character.isWhitespace(part.charAt(last - 1))) {
      last--;
    }
    int first = last;
    while (first > start && !Character.isWhitespace(part.charAt(first - 1))) {
      first--;
    }
    String word = part.substring(first, last);
    // Quotes and brackets before the word do not change what it is: "(Gov." is still "Gov."; nor do
    // the words a hyphen joins it to: "ex-Mrs." is "Mrs.", "Presbyterian-St." is "St.".
    String bare = word.substring(openingPunctuation(word));
    bare = bare.substring(bare.lastIndexOf('-') + 1);
    return abbreviations.contains(bare) || INITIALS.matcher(bare).matches();
  }

  /** Whether the word at {@code at} (after any quote or bracket) is one that opens sentences. */
  private boolean opensSentence(String part, int at) {
    int from = at + openingPunctuation(part.substring(at));
    int to = from;
    while (to < part.length() && Character.isLetter(part.charAt(to))) {
      to++;
    }
    // "A." is an initial, not the article.
    boolean initial = to < part.length() && part.charAt(to) == '.' && to - from == 1;
    return to > from && !initial && openers.contains(part.substring(from, to));
  }

  /** How many chars of opening brackets and quotes ({@code \p{Ps}}, {@code \p{Pi}}, {@code "}, {@code '}) a word starts with. */
  private static int openingPunctuation(String word) {
    int at = 0;
    while (at < word.length()) {
      int c = word.codePointAt(at);
      int type = Character.getType(c);
      if (type != Character.START_PUNCTUATION && type != Character.INITIAL_QUOTE_PUNCTUATION && c != '"' && c != '\'') {
        break;
      }
      at += Character.charCount(c);
    }
    return at;
  }

  private static void add(String text, int start, int end, List<Span> sentences) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (start < end) {
      sentences.add(new Span(start, end));
    }
  }
}
