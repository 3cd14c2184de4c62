package org.morgue.search;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.List;

/**
 * The storage under the archive refused a write: the disk is full, over its quota or read-only. The
 * write that met it is not kept (what the archive last committed is intact), and {@link #full()} says
 * whether room is what is missing, so that freeing space and writing again succeeds.
 */
public class ArchiveNotWritableException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * How operating systems say that a disk has no room (ENOSPC and EDQUOT on Linux and macOS, Windows'
   * ERROR_DISK_FULL): Java gives them no exception type of their own, only these words.
   */
  private static final List<String> NO_ROOM = List.of("No space left on device", "Disk quota exceeded",
      "There is not enough space on the disk");

  private final boolean full;

  public ArchiveNotWritableException(String message, Throwable cause, boolean full) {
    super(message, cause);
    this.full = full;
  }

  /** Whether the storage has no room left (a full disk, a used-up quota), rather than refusing writes. */
  public boolean full() {
    return full;
  }

  /** Whether the operating system's words for a failed write say the disk has no room. */
  public static boolean noRoom(IOException failure) {
    String reason = failure instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
        : failure.getMessage();
    return reason != null && NO_ROOM.stream().anyMatch(reason::contains);
  }
}
