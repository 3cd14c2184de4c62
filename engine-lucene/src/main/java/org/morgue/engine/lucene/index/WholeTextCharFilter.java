package org.morgue.engine.lucene.index;

import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.util.Arrays;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * A char filter that reads its whole input before it hands out the first character, so that its
 * rewrite may look either side of any character across any buffer's end, and rewrites it once. A
 * field's text is an article's body at most, which the indexer holds in memory anyway.
 */
abstract class WholeTextCharFilter extends BaseCharFilter {
  private CharBuffer text;

  WholeTextCharFilter(Reader in) {
    super(in);
  }

  /**
   * The text {@code text[0, length)} rewritten, in place or in a new array. A rewrite that drops or
   * adds characters records where with {@link #addOffCorrectMap}, as Lucene's
   * {@code PatternReplaceCharFilter} does (OpenSearch's {@code pattern_replace}), so offsets stay
   * the input's own and both engines give the same ones.
   */
  abstract CharBuffer rewrite(char[] text, int length);

  /** The whole rewritten text, from its start: for the filter after this one only. */
  private CharBuffer whole() throws IOException {
    if (text == null) {
      fill();
    }
    return text;
  }

  @Override
  public final int read(char[] buffer, int offset, int count) throws IOException {
    if (text == null) {
      fill();
    }
    if (!text.hasRemaining()) {
      return -1;
    }
    int read = Math.min(count, text.remaining());
    text.get(buffer, offset, read);
    return read;
  }

  private void fill() throws IOException {
    if (input instanceof WholeTextCharFilter inner) {
      // Chained, as the analysers chain them: take the text the filter before holds whole, which no
      // one else reads, instead of copying it out through read() into a buffer grown again.
      CharBuffer before = inner.whole();
      text = rewrite(before.array(), before.limit());
      return;
    }
    char[] all = new char[4096];
    int size = 0;
    for (int read; (read = input.read(all, size, all.length - size)) != -1; ) {
      size += read;
      if (size == all.length) {
        all = Arrays.copyOf(all, all.length * 2);
      }
    }
    text = rewrite(all, size);
  }
}
