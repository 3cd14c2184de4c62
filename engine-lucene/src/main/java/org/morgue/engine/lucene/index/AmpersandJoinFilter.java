package org.morgue.engine.lucene.index;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Joins the letters either side of an ampersand ("AT&T", "R&D", "S&P") by writing an underscore in its
 * place, which the tokenizer keeps inside a word; the tokenizer would otherwise make "AT&T" the stop
 * word "at" and "t". The same text as OpenSearch's {@code pattern_replace} char filter with
 * {@code (?<=\p{L})&(?=\p{L})} and {@code _} in the mapping, without a regular expression tried at
 * every character (Lucene's {@code PatternReplaceCharFilter} made the prose analysis 1.7x slower). One
 * character for one, so every offset is the text's own.
 */
final class AmpersandJoinFilter extends CharFilter {
  private char[] text;
  private int length;
  private int position;

  AmpersandJoinFilter(Reader in) {
    super(in);
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff;
  }

  @Override
  public int read(char[] buffer, int offset, int count) throws IOException {
    if (text == null) {
      fill();
    }
    if (position >= length) {
      return -1;
    }
    int read = Math.min(count, length - position);
    System.arraycopy(text, position, buffer, offset, read);
    position += read;
    return read;
  }

  /** Reads the whole input, as a look at the letter after an ampersand may cross any buffer's end. */
  private void fill() throws IOException {
    char[] all = new char[4096];
    int size = 0;
    for (int read; (read = input.read(all, size, all.length - size)) != -1; ) {
      size += read;
      if (size == all.length) {
        all = java.util.Arrays.copyOf(all, all.length * 2);
      }
    }
    for (int at = indexOf(all, size, 0); at >= 0; at = indexOf(all, size, at + 1)) {
      if (at > 0 && at + 1 < size && Character.isLetter(Character.codePointBefore(all, at))
          && Character.isLetter(Character.codePointAt(all, at + 1, size))) {
        all[at] = '_';
      }
    }
    text = all;
    length = size;
  }

  private static int indexOf(char[] text, int size, int from) {
    for (int i = from; i < size; i++) {
      if (text[i] == '&') {
        return i;
      }
    }
    return -1;
  }
}
