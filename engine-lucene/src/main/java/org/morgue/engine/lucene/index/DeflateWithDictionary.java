package org.morgue.engine.lucene.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * DEFLATE of each block of stored fields with a preset dictionary: the stored JSON's keys and fixed
 * values and common English words, which every block would otherwise spell out again (issue #21).
 *
 * <p>Each codec names its dictionary: {@code stored-fields-morgue107.dict} is written by {@code
 * engine-lucene/tools/stored-fields-dictionary.py}, which says what is in it and why;
 * {@code stored-fields-morgue106.dict} and {@code stored-fields-morgue105.dict} are the ones earlier
 * versions of that tool wrote, kept to read the segments written with them. A block can only be inflated with the dictionary it was
 * deflated with, so each file is checked against the digest it had when its codec was named: a
 * changed file stops Morgue at start rather than leaving indexes unreadable.
 *
 * <p>The block format is Lucene's own DEFLATE mode's (a variable-length compressed size, then raw
 * DEFLATE), so only the dictionary differs. Reading inflates a block only as far as the article
 * asked for ends, as Lucene's LZ4 mode decodes: half a block on average instead of all of it.
 */
final class DeflateWithDictionary extends CompressionMode {
  private final String resource;
  private final byte[] dictionary;
  private final int level;

  /**
   * @param resource the dictionary's file, beside this class
   * @param sha256 its digest when its codec was named
   * @param level DEFLATE's level: 5 gave 3% smaller blocks than 4 for about 35 us more per article
   *     on the generated 100k corpus, and 6 another 1% for 40 us more
   */
  DeflateWithDictionary(String resource, String sha256, int level) {
    this.resource = resource;
    this.dictionary = load(resource, sha256);
    this.level = level;
  }

  /** The dictionary's bytes, checked; for tests. */
  byte[] dictionary() {
    return dictionary.clone();
  }

  private static byte[] load(String resource, String sha256) {
    byte[] bytes;
    try (InputStream in = DeflateWithDictionary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the stored fields' dictionary " + resource + " is missing from the build");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String digest;
    try {
      digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    if (!digest.equals(sha256)) {
      throw new IllegalStateException("the stored fields' dictionary " + resource + " has changed (SHA-256 "
          + digest + "); indexes written with it could not be read: give a changed dictionary a new codec name");
    }
    return bytes;
  }

  @Override
  public Compressor newCompressor() {
    return new DictionaryDeflater(level, dictionary);
  }

  @Override
  public Decompressor newDecompressor() {
    return new DictionaryInflater(dictionary);
  }

  @Override
  public String toString() {
    return "DeflateWithDictionary(level=" + level + ", dictionary=" + resource + ", " + dictionary.length + " bytes)";
  }

  private static final class DictionaryDeflater extends Compressor {
    private final Deflater deflater;
    private final byte[] dictionary;
    private byte[] compressed = new byte[64];
    private boolean closed;

    DictionaryDeflater(int level, byte[] dictionary) {
      // nowrap: raw DEFLATE, no zlib header or checksum; Lucene checksums the file.
      deflater = new Deflater(level, true);
      this.dictionary = dictionary;
    }

    @Override
    public void compress(ByteBuffersDataInput buffersInput, DataOutput out) throws IOException {
      int length = (int) buffersInput.length();
      byte[] bytes = new byte[length];
      buffersInput.readBytes(bytes, 0, length);
      deflater.reset();
      deflater.setDictionary(dictionary);
      deflater.setInput(bytes, 0, length);
      deflater.finish();
      int total = 0;
      while (true) {
        total += deflater.deflate(compressed, total, compressed.length - total);
        if (deflater.finished()) {
          break;
        }
        compressed = ArrayUtil.grow(compressed, compressed.length + 1);
      }
      out.writeVInt(total);
      out.writeBytes(compressed, total);
    }

    @Override
    public void close() {
      if (!closed) {
        deflater.end();
        closed = true;
      }
    }
  }

  private static final class DictionaryInflater extends Decompressor {
    private final byte[] dictionary;
    private byte[] compressed = new byte[0];

    DictionaryInflater(byte[] dictionary) {
      this.dictionary = dictionary;
    }

    @Override
    public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
        throws IOException {
      if (length == 0) {
        bytes.length = 0;
        return;
      }
      int compressedLength = in.readVInt();
      // One byte more than the data, set to zero: zlib's raw inflate may ask for it (Inflater's javadoc).
      compressed = ArrayUtil.growNoCopy(compressed, compressedLength + 1);
      in.readBytes(compressed, 0, compressedLength);
      compressed[compressedLength] = 0;
      Inflater inflater = new Inflater(true);
      try {
        inflater.setDictionary(dictionary);
        inflater.setInput(compressed, 0, compressedLength + 1);
        // The block's bytes after the asked-for ones are not needed: inflating stops where they begin.
        int needed = offset + length;
        bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, needed);
        int inflated = 0;
        try {
          while (inflated < needed && !inflater.finished() && !inflater.needsInput()) {
            inflated += inflater.inflate(bytes.bytes, inflated, needed - inflated);
          }
        } catch (DataFormatException e) {
          throw new CorruptIndexException("stored fields do not inflate with Morgue's dictionary: " + e.getMessage(), in, e);
        }
        if (inflated != needed || needed > originalLength) {
          throw new CorruptIndexException("stored fields inflated to " + inflated + " bytes, not the "
              + needed + " asked for of " + originalLength, in);
        }
      } finally {
        inflater.end();
      }
      bytes.offset = offset;
      bytes.length = length;
    }

    @Override
    public Decompressor clone() {
      return new DictionaryInflater(dictionary);
    }
  }
}
