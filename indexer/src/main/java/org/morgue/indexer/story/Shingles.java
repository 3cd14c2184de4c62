package org.morgue.indexer.story;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import org.morgue.article.text.AsciiText;

/**
 * The word shingles of a text as 64-bit hashes: every run of {@link CopyDetection#shingleWords()}
 * consecutive words, after folding case, accents and punctuation away, hashed and deduplicated.
 *
 * <p>The folding is plain Java, not a Lucene analyzer: a signature is kept beside the article and
 * compared with signatures made years later, so it must not change when Lucene's tokenizer or
 * Unicode tables do. It folds like the index's ICU folding where it matters for copies (case,
 * accents, curly and straight quotes, dashes), but neither stems nor drops stop words: a changed
 * word must change the shingles that hold it, and "the" is as much a part of a copied sentence as
 * any other word.
 */
public final class Shingles {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Shingles() {}

  /**
   * The distinct shingle hashes of the text, sorted. A text shorter than one shingle is one shingle
   * of all its words; a text without words has none.
   */
  public static long[] of(String text, int shingleWords) {
    long[] words = wordHashes(text);
    if (words.length == 0) {
      return new long[0];
    }
    int count = Math.max(1, words.length - shingleWords + 1);
    long[] shingles = new long[count];
    for (int start = 0; start < count; start++) {
      shingles[start] = hash(words, start, shingleWords);
    }
    Arrays.sort(shingles);
    int distinct = 0;
    for (int i = 0; i < shingles.length; i++) {
      if (i == 0 || shingles[i] != shingles[i - 1]) {
        shingles[distinct++] = shingles[i];
      }
    }
    return Arrays.copyOf(shingles, distinct);
  }

  /**
   * The first {@code count} shingle hashes of the text in the order they stand, repeats kept: where a
   * story's lead is, which {@link LeadKeys} samples. A text shorter than one shingle is one shingle of
   * all its words, as in {@link #of}.
   */
  public static long[] leading(String text, int shingleWords, int count) {
    long[] words = wordHashes(text);
    if (words.length == 0) {
      return new long[0];
    }
    long[] shingles = new long[Math.min(count, Math.max(1, words.length - shingleWords + 1))];
    for (int start = 0; start < shingles.length; start++) {
      shingles[start] = hash(words, start, shingleWords);
    }
    return shingles;
  }

  private static long hash(long[] words, int start, int shingleWords) {
    long hash = FNV_OFFSET;
    for (int i = start; i < Math.min(words.length, start + shingleWords); i++) {
      // Mixing after each word makes the hash depend on word order, not just the set of words.
      hash = StorySigner.mix(hash ^ words[i]);
    }
    return hash;
  }

  /** The FNV-1a hash of each folded word, in order: words are maximal runs of letters and digits. */
  static long[] wordHashes(String text) {
    // NFKD leaves ASCII as it is, and most bodies are ASCII: skip its pass and its copy for them.
    String decomposed = AsciiText.isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKD);
    String folded = decomposed.toLowerCase(Locale.ROOT);
    long[] hashes = new long[16];
    int count = 0;
    long hash = FNV_OFFSET;
    boolean inWord = false;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // an accent split off by NFKD: "é" is "e" here, as in the index
      }
      if (Character.isLetterOrDigit(c)) {
        hash = (hash ^ c) * FNV_PRIME;
        inWord = true;
      } else if (inWord) {
        if (count == hashes.length) {
          hashes = Arrays.copyOf(hashes, count * 2);
        }
        hashes[count++] = hash;
        hash = FNV_OFFSET;
        inWord = false;
      }
    }
    if (inWord) {
      if (count == hashes.length) {
        hashes = Arrays.copyOf(hashes, count + 1);
      }
      hashes[count++] = hash;
    }
    return Arrays.copyOf(hashes, count);
  }
}
