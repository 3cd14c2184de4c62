package org.morgue.engine.lucene.index;

import java.io.IOException;
import java.nio.file.Path;

/** Another process holds the index's write lock; only one writer may work on an index at a time. */
public final class IndexLockedException extends IOException {
  private static final long serialVersionUID = 1L;

  public IndexLockedException(Path folder, Throwable cause) {
    super("the index at " + folder + " is being written by another process (its write.lock is held);"
        + " stop that process, or use another --index folder", cause);
  }
}
