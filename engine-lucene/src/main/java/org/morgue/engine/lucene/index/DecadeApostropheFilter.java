package org.morgue.engine.lucene.index;

import java.io.Reader;
import java.nio.CharBuffer;

/**
 * Drops the apostrophe of a decade ("the 1960's", "1980’s"), so it is the word a reader types,
 * "1960s". The tokenizer breaks a word at an apostrophe between a digit and a letter (Unicode's word
 * rules), so "1960's" was the year "1960" and a lone "s": a search for 1960s missed the older
 * writing, which is most of the sample's (64 of 84), and a search for 1960's found every article
 * naming the year. Only a number of four digits ending in 0 with nothing else in its word is a decade;
 * "1961's" stays the year's possessive. The same text as OpenSearch's {@code pattern_replace} char
 * filter {@code morgue_decades} in the mapping; offsets stay the input's own.
 */
final class DecadeApostropheFilter extends WholeTextCharFilter {
  DecadeApostropheFilter(Reader in) {
    super(in);
  }

  @Override
  CharBuffer rewrite(char[] text, int size) {
    // Found on the text as it came, then dropped: a drop shifts what follows it left, and the next
    // decade's test looks back over what it shifted.
    int count = 0;
    for (int at = 0; at < size; at++) {
      if (isDecadeApostrophe(text, size, at)) {
        count++;
      }
    }
    if (count == 0) {
      return CharBuffer.wrap(text, 0, size);
    }
    int[] drops = new int[count];
    for (int at = 0, i = 0; i < count; at++) {
      if (isDecadeApostrophe(text, size, at)) {
        drops[i++] = at;
      }
    }
    int written = drops[0];
    for (int i = 0; i < count; i++) {
      int end = i + 1 < count ? drops[i + 1] : size;
      addOffCorrectMap(written, i + 1);
      for (int read = drops[i] + 1; read < end; read++) {
        text[written++] = text[read];
      }
    }
    return CharBuffer.wrap(text, 0, written);
  }

  private static boolean isDecadeApostrophe(char[] text, int size, int at) {
    char c = text[at];
    if ((c != '\'' && c != '\u2019') || at < 4 || at + 1 >= size || text[at - 1] != '0') {
      return false;
    }
    for (int i = at - 4; i < at - 1; i++) {
      if (text[i] < '0' || text[i] > '9') {
        return false;
      }
    }
    return (text[at + 1] == 's' || text[at + 1] == 'S')
        && (at == 4 || !isWordPart(Character.codePointBefore(text, at - 4)))
        && (at + 2 == size || !isWordPart(Character.codePointAt(text, at + 2, size)));
  }

  private static boolean isWordPart(int codePoint) {
    return Character.isLetter(codePoint) || Character.isDigit(codePoint) || codePoint == '_';
  }
}
