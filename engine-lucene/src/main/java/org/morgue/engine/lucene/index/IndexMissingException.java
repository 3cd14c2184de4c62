package org.morgue.engine.lucene.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * No index where one was opened to be written, not created: its folder moved away, deleted, or holding
 * no commit. A server that opened an archive must never write a new, empty one in its place.
 */
public final class IndexMissingException extends IOException {
  private static final long serialVersionUID = 1L;

  public IndexMissingException(Path folder) {
    super("no index at " + folder + " (its folder is gone or holds no commit): it is not created again");
  }
}
