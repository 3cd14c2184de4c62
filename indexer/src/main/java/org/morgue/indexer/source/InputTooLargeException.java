package org.morgue.indexer.source;

import java.io.IOException;

/** A file or record that holds more bytes than Morgue reads for one; the message says the limit. */
public final class InputTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  public InputTooLargeException(String message) {
    super(message);
  }
}
