package org.morgue.engine.lucene.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with stored fields compressed by DEFLATE in small blocks, from a preset
 * dictionary.
 *
 * <p>Stored fields are most of a Morgue index: every article's body and its enriched JSON. Blocks of
 * 12 KB (at most 64 articles) keep reading one article cheap (Lucene's {@code BEST_COMPRESSION} reads
 * blocks of 480 KB: 0.2 ms an article against 0.05), since a read inflates its block only as far as
 * the article ends, and the preset dictionary ({@link DeflateWithDictionary}) gives each small block
 * the JSON keys and common words a large block would have found in itself (docs/benchmarks.md,
 * "Indexing speed and size"). Blocks were 8 KB until reads stopped inflating whole blocks. On the
 * generated 100k index a random article read took 44 us from 8 KB blocks inflated whole, 34 us
 * inflated only as far as needed, and 47.5 us from 16 KB blocks, which store 3% less; 12 KB is
 * between, cheaper to read than before and 2% smaller.
 *
 * <p>Found by name through Lucene's codec registry ({@code META-INF/services}), which is how a segment
 * written with it is read again. The name stands for the dictionary too: a block deflated with one
 * dictionary cannot be inflated with another. Segments of {@link Morgue106Codec} (the second
 * dictionary, made before the themes and other names were in it), {@link Morgue105Codec} (the
 * first), {@link Morgue104Codec} (none) and Lucene's default codec stay readable and are rewritten
 * with this one when merged.
 */
public final class ArchiveCodec extends FilterCodec {
  /** The codec's name in every segment it writes: renaming it makes those segments unreadable. */
  public static final String NAME = "Morgue107";
  private static final int BLOCK_BYTES = 12 * 1024;
  private static final int BLOCK_DOCS = 64;
  /** Blocks per index entry of the stored fields' offsets, Lucene's default. */
  private static final int BLOCK_SHIFT = 10;
  static final DeflateWithDictionary COMPRESSION = new DeflateWithDictionary("stored-fields-morgue107.dict",
      "2bb2caa69246d5e9c9fd2176845b2e2cddb28527aa6d50d4b84216a49f45a63a", 5);

  private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
      "MorgueStoredFieldsDeflateDictionary", COMPRESSION, BLOCK_BYTES, BLOCK_DOCS, BLOCK_SHIFT);

  /** Public and without arguments, as Lucene's codec registry requires. */
  public ArchiveCodec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
