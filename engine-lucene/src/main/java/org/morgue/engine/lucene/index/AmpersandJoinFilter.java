package org.morgue.engine.lucene.index;

import java.io.Reader;
import java.nio.CharBuffer;

/**
 * Joins the letters either side of an ampersand ("AT&T", "R&D", "S&P") by writing an underscore in its
 * place, which the tokenizer keeps inside a word; the tokenizer would otherwise make "AT&T" the stop
 * word "at" and "t". The same text as OpenSearch's {@code pattern_replace} char filter with
 * {@code (?<=\p{L})&(?=\p{L})} and {@code _} in the mapping, without a regular expression tried at
 * every character (Lucene's {@code PatternReplaceCharFilter} made the prose analysis 1.7x slower). One
 * character for one, so every offset is the text's own.
 */
final class AmpersandJoinFilter extends WholeTextCharFilter {
  AmpersandJoinFilter(Reader in) {
    super(in);
  }

  @Override
  CharBuffer rewrite(char[] text, int size) {
    for (int at = indexOf(text, size, 0); at >= 0; at = indexOf(text, size, at + 1)) {
      if (at > 0 && at + 1 < size && Character.isLetter(Character.codePointBefore(text, at))
          && Character.isLetter(Character.codePointAt(text, at + 1, size))) {
        text[at] = '_';
      }
    }
    return CharBuffer.wrap(text, 0, size);
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
