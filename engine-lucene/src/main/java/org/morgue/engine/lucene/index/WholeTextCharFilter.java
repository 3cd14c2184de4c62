package org.morgue.engine.lucene.index;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * A char filter that reads its whole input before it hands out the first character, so that its
 * rewrite may look either side of any character across any buffer's end, and rewrites it once. A
 * field's text is an article's body at most, which the indexer holds in memory anyway.
 */
abstract class WholeTextCharFilter extends BaseCharFilter {
  private char[] text;
  private int length;
  private int position;

  WholeTextCharFilter(Reader in) {
    super(in);
  }

  /**
   * Rewrites {@code text[0, length)} in place and returns its new length; a rewrite that drops
   * characters records where with {@link #addOffCorrectMap}, so offsets stay the input's own.
   */
  abstract int rewrite(char[] text, int length);

  @Override
  public final int read(char[] buffer, int offset, int count) throws IOException {
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

  private void fill() throws IOException {
    char[] all = new char[4096];
    int size = 0;
    for (int read; (read = input.read(all, size, all.length - size)) != -1; ) {
      size += read;
      if (size == all.length) {
        all = Arrays.copyOf(all, all.length * 2);
      }
    }
    length = rewrite(all, size);
    text = all;
  }
}
