package org.morgue.engine.lucene.index;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.morgue.search.ArchiveNotWritableException;

/**
 * The index folder cannot be created or written: it is a file, its parent is a file, the file
 * system is read-only or full. Says the folder and the operating system's reason; what the index
 * last committed is still there.
 */
public final class IndexNotWritableException extends ArchiveNotWritableException {
  private static final long serialVersionUID = 1L;

  public IndexNotWritableException(Path folder, IOException cause) {
    super("cannot write the index at " + folder + ": " + reason(cause), cause, noRoom(cause));
  }

  /** The operating system's words ("No space left on device"), not the exception's class or path. */
  private static String reason(IOException cause) {
    if (cause instanceof FileAlreadyExistsException) {
      return "it exists and is not a folder";
    }
    if (cause instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
