package org.morgue.article.text;

/**
 * Whether a text is plain ASCII: the fast path of every folding that leaves ASCII as it is (accent
 * folding for lookups, the shingles of copy detection), since most news copy in English is ASCII and
 * need not pay for Unicode normalisation or a copy.
 */
public final class AsciiText {
  private AsciiText() {}

  /** Whether every character of the text is below U+0080. */
  public static boolean isAscii(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
