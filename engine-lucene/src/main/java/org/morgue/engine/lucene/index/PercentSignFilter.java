package org.morgue.engine.lucene.index;

import java.io.Reader;
import java.nio.CharBuffer;

/**
 * Writes a percent sign after a figure as the word ("5%" as "5 percent"), which the tokenizer would
 * drop: "5%" was the bare number, so a search for it found every article holding a 5, and "percent"
 * missed the 91 figures of the sample written with the sign (against 816 written "percent" or "per
 * cent", which compounds.txt already joins). The same text and offsets as OpenSearch's
 * {@code pattern_replace} char filter {@code morgue_percent} in the mapping: the added characters
 * point back to the sign, so a highlight marks "%".
 */
final class PercentSignFilter extends WholeTextCharFilter {
  private static final char[] WORD = " percent".toCharArray();

  PercentSignFilter(Reader in) {
    super(in);
  }

  @Override
  CharBuffer rewrite(char[] text, int size) {
    int signs = 0;
    for (int i = 1; i < size; i++) {
      if (isFiguresSign(text, i)) {
        signs++;
      }
    }
    if (signs == 0) {
      return CharBuffer.wrap(text, 0, size);
    }
    char[] out = new char[size + signs * (WORD.length - 1)];
    int written = 0;
    int cumulative = 0;
    for (int read = 0; read < size; read++) {
      if (!isFiguresSign(text, read)) {
        out[written++] = text[read];
        continue;
      }
      // As PatternReplaceCharFilter corrects a longer replacement: each added character points
      // back to the sign's own offset.
      for (int i = 1; i < WORD.length; i++) {
        addOffCorrectMap(written + i, --cumulative);
      }
      System.arraycopy(WORD, 0, out, written, WORD.length);
      written += WORD.length;
    }
    return CharBuffer.wrap(out, 0, written);
  }

  private static boolean isFiguresSign(char[] text, int at) {
    return text[at] == '%' && at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9';
  }
}
