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
 * <p>It compressed each 8 KB block of stored fields by DEFLATE alone, which kept reading one article
 * cheap (docs/benchmarks.md, "Indexing speed and size"). It must stay registered under its name in
 * {@code META-INF/services}, with the same stored fields format, for as long as an index may hold a
 * segment it wrote.
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
