package org.morgue.search;

import java.io.IOException;

/**
 * The storage under the archive refused a write: the disk is full, over its quota or read-only. The
 * write that met it is not kept (what the archive last committed is intact), and {@link #full()} says
 * whether room is what is missing, so that freeing space and writing again succeeds.
 */
public class ArchiveNotWritableException extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean full;

  public ArchiveNotWritableException(String message, Throwable cause, boolean full) {
    super(message, cause);
    this.full = full;
  }

  /** Whether the storage has no room left (a full disk, a used-up quota), rather than refusing writes. */
  public boolean full() {
    return full;
  }
}
