package org.morgue.indexer.story;

import java.util.Arrays;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

/**
 * The keys under which a short copy of a story and the full story find each other: a few shingles
 * of the story's lead, sampled the same way in every article. The band keys cannot do it: a wire
 * service's first take of two paragraphs, or a paper's brief cut from the top of a story, holds all of
 * its own shingles in the full story but a tenth of the story's, and band keys meet at Jaccard
 * similarity, which is then about 0.1 (a 0.04 chance of sharing a band). What such copies keep is the
 * top of the story, so both sides sample it alike.
 *
 * <p>The lead window is the first {@link #WINDOW} shingles from the first paragraph (an address's
 * salutation, headings and key points before it are passed over: every State of the Union opens
 * "To the Senate and House of Representatives", which would make every address a candidate of every
 * other). The anchors are the {@link #COUNT} shingles of the window that rank lowest under a fixed
 * hash (bottom-k sampling): if a short copy's window lies inside the story's, any of the story's
 * anchors it holds is also among its own, so a take of 30 shingles misses every one of the story's
 * four with chance C(18,4)/C(48,4), under 2%. Each key is an anchor with the shingle that follows it
 * without overlap, ten words in all: a five-word shingle alone is too often shared by unrelated leads
 * ("the state of the Union" opens dozens of addresses, "said on Tuesday that" thousands of wire
 * stories), and every article sharing a key is read and compared. An anchor in the copy's last five
 * words keys on itself alone, and so meets the story's only if the story ends there too. Four keys
 * rather than more because every article stores them beside its 42 band keys, and the index has no
 * room to spare (issue #21's 1.2x).
 *
 * <p>Keys share the band keys' field and width ({@link BandKeys#BITS}); the salt keeps them from ever
 * being computed like a band key. A candidate found by them is decided like any other, by {@link
 * CopyDecision}.
 */
public final class LeadKeys {
  /** How many shingles from the lead's start are sampled. */
  public static final int WINDOW = 48;
  /** How many keys an article has at most. */
  public static final int COUNT = 4;
  /** Keeps lead keys apart from band keys ("lead" in ASCII). */
  private static final long SALT = 0x6c656164L;

  private LeadKeys() {}

  /** The article's lead keys; none for a body without words. */
  public static long[] of(Article article, CopyDetection detection) {
    int words = detection.shingleWords();
    long[] shingles = Shingles.leading(lead(article), words, WINDOW + words);
    int window = Math.min(WINDOW, shingles.length);
    // The anchors: the window's shingles of least rank under the salted hash, each once.
    long[][] ranked = new long[window][];
    for (int i = 0; i < window; i++) {
      ranked[i] = new long[] {StorySigner.mix(shingles[i] ^ SALT), i};
    }
    Arrays.sort(ranked, (x, y) -> Long.compareUnsigned(x[0], y[0]));
    long[] keys = new long[COUNT];
    int count = 0;
    for (int r = 0; r < window && count < COUNT; r++) {
      if (r > 0 && ranked[r][0] == ranked[r - 1][0]) {
        continue;
      }
      int at = (int) ranked[r][1];
      // The anchor and the shingle that follows it without overlap: two shingles that start one
      // phrase ("the state of the union" opens dozens of addresses; the ten words from it do not).
      long span = at + words < shingles.length ? StorySigner.mix(ranked[r][0] ^ shingles[at + words]) : ranked[r][0];
      keys[count++] = span >>> (Long.SIZE - BandKeys.BITS);
    }
    return Arrays.stream(keys, 0, count).distinct().toArray();
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
          break; // far more than the window's words
        }
      }
    }
    return started ? text.toString() : article.body();
  }
}
