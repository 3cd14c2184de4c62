package org.morgue.curation.journal;

import java.io.IOException;
import java.nio.file.Path;
import org.morgue.search.ArchiveNotWritableException;

/**
 * A file of the curation (the journal, a curator's last run of a saved search) could not be written:
 * says the file and the operating system's reason. What the file held before is intact.
 */
public final class CurationNotWritableException extends ArchiveNotWritableException {
  private static final long serialVersionUID = 1L;

  public CurationNotWritableException(Path file, IOException cause) {
    super("cannot write the curation file " + file + ": " + (cause.getMessage() == null
        ? cause.getClass().getSimpleName() : cause.getMessage()), cause, noRoom(cause));
  }
}
