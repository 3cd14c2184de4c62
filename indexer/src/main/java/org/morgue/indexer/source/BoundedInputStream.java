package org.morgue.indexer.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through until a limit, then fails with {@link InputTooLargeException}: the reader is
 * stopped at the limit instead of silently getting a truncated file.
 */
final class BoundedInputStream extends FilterInputStream {
  private final long limit;
  private final String tooLarge;
  private long read;

  BoundedInputStream(InputStream in, long limit, String tooLarge) {
    super(in);
    this.limit = limit;
    this.tooLarge = tooLarge;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    // Ask for at most one byte past the limit: enough to know it was passed, no more inflating.
    int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, limit - read + 1));
    count(skipped);
    return skipped;
  }

  private void count(long n) throws InputTooLargeException {
    read += n;
    if (read > limit) {
      throw new InputTooLargeException(tooLarge);
    }
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
