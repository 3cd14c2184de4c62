package org.morgue.indexer.source;

import java.io.IOException;

/**
 * Thrown by an {@link ArticleSink} that cannot take more articles (the index cannot be written).
 * Unlike a bad record, this stops the run: readers let it through instead of reporting the file.
 */
public final class SinkFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SinkFailedException(IOException cause) {
    super(cause.getMessage(), cause);
  }

  /** The I/O failure that stopped the sink. */
  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
