package org.morgue.indexer.story;

import java.util.Arrays;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

/**
 * The keys under which a short copy of a story and the full story find each other: a few ten-word
 * phrases of the story's lead, sampled the same way in every article. The band keys cannot do it: a
 * wire service's first take of two paragraphs, or a paper's brief cut from the top of a story, holds
 * all of its own shingles in the full story but a tenth of the story's, and band keys meet at Jaccard
 * similarity, which is then about 0.1 (a 0.04 chance of sharing a band). What such copies keep is the
 * top of the story, so both sides sample it alike.
 *
 * <p>The lead is the body from its first paragraph (an address's salutation, headings and key points
 * before it are passed over: every State of the Union opens "To the Senate and House of
 * Representatives", which would make every address a candidate of every other). Its shingles are
 * cut into {@link #WINDOWS}: in each, the anchors are the shingles that rank lowest under a fixed
 * hash (bottom-k sampling), so if a short copy's shingles cover a window, the story's anchors there
 * are its anchors too. Each key is an anchor with the shingle that follows it without overlap, ten
 * words in all: a five-word shingle alone is too often shared by unrelated leads ("the state of the
 * Union" opens dozens of addresses, "said on Tuesday that" thousands of wire stories), and every
 * article sharing a key is read and compared (on eval/copies dev, single shingles offered 3,425
 * unrelated pairs of addresses, ten words 3).
 *
 * <p>Why these windows, chosen on eval/copies dev (eval/README.md): a one-sentence bulletin of 20
 * words covers about the first 15 shingles, so two anchors among the first 12 and one among the next
 * 12 find it (one window of 48 found 136 of 149 dev bulletins, these 149); a take whose first
 * sentence a paper rewrote keeps the story only from its second sentence, which the two anchors among
 * shingles 24 to 72 reach (113 of 124, against 50 with the window of 24 that bulletins alone would
 * want). Five keys beside 42 band keys, because every article stores them and the index has no room
 * to spare (issue #21's 1.2x). An anchor in a copy's last five words keys on itself alone and so
 * meets the story's only if the story ends there too.
 *
 * <p>Keys share the band keys' field and width ({@link BandKeys#BITS}); the salt keeps them from ever
 * being computed like a band key. A candidate found by them is decided like any other, by {@link
 * CopyDecision}.
 */
public final class LeadKeys {
  /** The windows of the lead's shingles, as {from, to, anchors}: shingle positions from the lead's start. */
  private static final int[][] WINDOWS = {{0, 12, 2}, {12, 24, 1}, {24, 72, 2}};
  /** How many keys an article has at most: the windows' anchors. */
  public static final int COUNT = Arrays.stream(WINDOWS).mapToInt(window -> window[2]).sum();
  /** Keeps lead keys apart from band keys ("lead" in ASCII). */
  private static final long SALT = 0x6c656164L;

  private LeadKeys() {}

  /** The article's lead keys; none for a body without words. */
  public static long[] of(Article article, CopyDetection detection) {
    int words = detection.shingleWords();
    long[] shingles = Shingles.leading(lead(article), words, WINDOWS[WINDOWS.length - 1][1] + words);
    long[] keys = new long[COUNT];
    int count = 0;
    for (int[] window : WINDOWS) {
      int from = window[0];
      int to = Math.min(window[1], shingles.length);
      if (from >= to) {
        break;
      }
      long[][] ranked = new long[to - from][];
      for (int i = from; i < to; i++) {
        ranked[i - from] = new long[] {StorySigner.mix(shingles[i] ^ SALT), i};
      }
      Arrays.sort(ranked, (x, y) -> Long.compareUnsigned(x[0], y[0]));
      int anchors = 0;
      for (int r = 0; r < ranked.length && anchors < window[2]; r++) {
        int at = (int) ranked[r][1];
        // The anchor and the shingle that follows it without overlap: two shingles that start one phrase.
        long span = at + words < shingles.length ? StorySigner.mix(ranked[r][0] ^ shingles[at + words]) : ranked[r][0];
        long key = span >>> (Long.SIZE - BandKeys.BITS);
        if (!contains(keys, count, key)) {
          keys[count++] = key;
          anchors++;
        }
      }
    }
    return Arrays.copyOf(keys, count);
  }

  private static boolean contains(long[] keys, int count, long key) {
    for (int i = 0; i < count; i++) {
      if (keys[i] == key) {
        return true;
      }
    }
    return false;
  }

  /** The body from its first paragraph that is no salutation; the whole body when it has none. */
  static String lead(Article article) {
    StringBuilder text = new StringBuilder();
    boolean started = false;
    for (Block block : article.blocks()) {
      started = started || (block.kind() == BlockKind.LEDE || block.kind() == BlockKind.PARAGRAPH)
          && !Block.isSalutation(block.text().strip());
      if (started) {
        text.append(block.text()).append('\n');
        if (text.length() > 2_000) {
          break; // far more than the windows' words
        }
      }
    }
    return started ? text.toString() : article.body();
  }
}
