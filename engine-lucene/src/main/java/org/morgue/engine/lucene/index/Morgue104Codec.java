package org.morgue.engine.lucene.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * The codec of segments written before 2026-12-03, kept so that they can still be read: Lucene's
 * default codec with stored fields compressed by DEFLATE in small blocks, without the preset
 * dictionary {@link ArchiveCodec} has since. New segments are written with {@link ArchiveCodec}, and
 * these are rewritten with it when merged.
 *
 * <p>What follows is why it was written so.
 *
 * <p>Stored fields are most of a Morgue index: every article's body and its enriched JSON (61% of
 * the bytes of the generated 20k-article index with Lucene's default LZ4 blocks). Lucene's own
 * {@code BEST_COMPRESSION} mode (DEFLATE over blocks of 480 KB with a shared dictionary) shrinks
 * them by 43%, but reading one article then inflates a large block: 0.2 ms against 0.03 ms, which
 * every search hit and article view would pay. DEFLATE over blocks of 8 KB (at most 64 articles)
 * keeps most of the gain, 29% smaller on that index and 34% on the sample corpus, for about 0.02 ms
 * more per article read: a page of ten highlighted hits takes about 0.3 ms more at 100k articles, a
 * price taken for an index 18% smaller (docs/benchmarks.md, "Indexing speed and size").
 *
 * <p>Found by name through Lucene's codec registry ({@code META-INF/services}), which is how a segment
 * written with it is read again; segments written by Lucene's default codec stay readable and are
 * rewritten with this one when merged.
 */
public final class Morgue104Codec extends FilterCodec {
  /** The codec's name in every segment it writes: renaming it makes those segments unreadable. */
  public static final String NAME = "Morgue104";
  private static final int BLOCK_BYTES = 8 * 1024;
  private static final int BLOCK_DOCS = 64;
  /** Blocks per index entry of the stored fields' offsets, Lucene's default. */
  private static final int BLOCK_SHIFT = 10;

  private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
      "MorgueStoredFieldsDeflate", CompressionMode.HIGH_COMPRESSION, BLOCK_BYTES, BLOCK_DOCS, BLOCK_SHIFT);

  /** Public and without arguments, as Lucene's codec registry requires. */
  public Morgue104Codec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
