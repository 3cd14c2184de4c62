package org.morgue.engine.lucene.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.morgue.article.Article;
import org.morgue.article.Span;
import org.morgue.article.text.SentenceSplitter;

/**
 * Where the highlighter may start and end a passage of a stored body: at the start of each block (the
 * blocks are joined by {@link Article#BLOCK_SEPARATOR}) and of each sentence in it as Morgue's {@link
 * SentenceSplitter} finds them, so a passage is one sentence of one block. A heading is never joined to
 * the paragraph after it, and a passage never starts inside a word: the JDK's sentence iterator alone
 * breaks "U.S.-Venezuela" after "U.S.", which the splitter does not, and any boundary not after a space
 * is dropped besides.
 *
 * <p>A body can be megabytes while a page shows a few passages, so each block is split only when a
 * passage needs a boundary inside it. Not thread-safe, like every {@link BreakIterator}.
 */
final class SnippetBreaks extends BreakIterator {
  private final SentenceSplitter splitter;
  private String text = "";
  /** Where each block starts; the first is 0. */
  private int[] blockStarts = {0};
  /** Each block's boundaries, ascending, the block's start first; filled as blocks are asked about. */
  private final Map<Integer, int[]> blockBoundaries = new HashMap<>();
  private int current;

  SnippetBreaks(SentenceSplitter splitter) {
    this.splitter = splitter;
  }

  @Override
  public void setText(String newText) {
    text = newText;
    List<Integer> starts = new ArrayList<>(List.of(0));
    String separator = Article.BLOCK_SEPARATOR;
    for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + separator.length())) {
      int next = at + separator.length();
      while (next < text.length() && text.charAt(next) == '\n') {
        next++; // more blank lines belong to the same break
      }
      if (next < text.length()) {
        starts.add(next);
      }
      at = next - separator.length();
    }
    blockStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    blockBoundaries.clear();
    current = 0;
  }

  @Override
  public void setText(CharacterIterator iterator) {
    StringBuilder copy = new StringBuilder();
    for (char c = iterator.first(); c != CharacterIterator.DONE; c = iterator.next()) {
      copy.append(c);
    }
    setText(copy.toString());
  }

  @Override
  public CharacterIterator getText() {
    return new StringCharacterIterator(text);
  }

  @Override
  public int first() {
    return current = 0;
  }

  @Override
  public int last() {
    return current = text.length();
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public int next() {
    int next = following(current);
    return next == DONE ? DONE : (current = next);
  }

  @Override
  public int next(int n) {
    int result = current;
    for (int i = 0; i < n && result != DONE; i++) {
      result = next();
    }
    for (int i = 0; i > n && result != DONE; i--) {
      result = previous();
    }
    return result;
  }

  @Override
  public int previous() {
    int previous = preceding(current);
    return previous == DONE ? DONE : (current = previous);
  }

  @Override
  public int following(int offset) {
    checkOffset(offset);
    if (offset >= text.length()) {
      current = text.length();
      return DONE;
    }
    int block = blockOf(offset);
    int[] boundaries = boundaries(block);
    int index = Arrays.binarySearch(boundaries, offset + 1);
    int insertion = index >= 0 ? index : -index - 1;
    if (insertion < boundaries.length) {
      return current = boundaries[insertion];
    }
    return current = block + 1 < blockStarts.length ? blockStarts[block + 1] : text.length();
  }

  @Override
  public int preceding(int offset) {
    checkOffset(offset);
    if (offset <= 0) {
      current = 0;
      return DONE;
    }
    int block = blockOf(offset - 1);
    int[] boundaries = boundaries(block);
    int index = Arrays.binarySearch(boundaries, offset - 1);
    int atOrBefore = index >= 0 ? index : -index - 2;
    return current = boundaries[atOrBefore]; // the block's start is always at or before offset - 1
  }

  @Override
  public boolean isBoundary(int offset) {
    checkOffset(offset);
    if (offset == 0 || offset == text.length()) {
      return true;
    }
    int[] boundaries = boundaries(blockOf(offset));
    return Arrays.binarySearch(boundaries, offset) >= 0;
  }

  private void checkOffset(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException("offset " + offset + " is outside the text of " + text.length() + " chars");
    }
  }

  /** The block holding an offset; the blank lines after a block belong to it. */
  private int blockOf(int offset) {
    int index = Arrays.binarySearch(blockStarts, offset);
    return index >= 0 ? index : -index - 2;
  }

  private int[] boundaries(int block) {
    return blockBoundaries.computeIfAbsent(block, this::split);
  }

  /** The block's start and the start of every later sentence in it that follows a space. */
  private int[] split(int block) {
    int start = blockStarts[block];
    int end = block + 1 < blockStarts.length ? blockStarts[block + 1] : text.length();
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    List<Integer> boundaries = new ArrayList<>(List.of(start));
    for (Span sentence : splitter.split(text, new Span(start, end))) {
      int at = sentence.start();
      if (at > start && Character.isWhitespace(text.charAt(at - 1))) {
        boundaries.add(at);
      }
    }
    return boundaries.stream().mapToInt(Integer::intValue).toArray();
  }
}
