package org.morgue.engine.lucene.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * The codec of segments written from 2026-12-04 until schema version 26, kept so that they can still
 * be read: stored fields deflated in 12 KB blocks with the second preset dictionary ({@code
 * stored-fields-morgue106.dict}). New segments are written with {@link ArchiveCodec}, and these are
 * rewritten with it when merged.
 *
 * <p>It must stay registered under its name in {@code META-INF/services}, with the same stored fields
 * format and dictionary, for as long as an index may hold a segment it wrote.
 */
public final class Morgue106Codec extends FilterCodec {
  /** The codec's name in every segment it writes: renaming it makes those segments unreadable. */
  public static final String NAME = "Morgue106";
  private static final int BLOCK_BYTES = 12 * 1024;
  private static final int BLOCK_DOCS = 64;
  /** Blocks per index entry of the stored fields' offsets, Lucene's default. */
  private static final int BLOCK_SHIFT = 10;
  static final DeflateWithDictionary COMPRESSION = new DeflateWithDictionary("stored-fields-morgue106.dict",
      "c2a952e7a300631e8c7d77787ea03bd57b2b78b691b2f8ed002a85cddc0bd7cc", 5);

  private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
      "MorgueStoredFieldsDeflateDictionary", COMPRESSION, BLOCK_BYTES, BLOCK_DOCS, BLOCK_SHIFT);

  /** Public and without arguments, as Lucene's codec registry requires. */
  public Morgue106Codec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
