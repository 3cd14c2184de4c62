package org.morgue.curation.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The curation journal: one JSON line per {@link Change}, appended and forced to the disk before the
 * change is acknowledged, so an acknowledged change survives a kill or a power loss. A change is one
 * line written in one call and counts only once its newline is there, so it is either wholly there or,
 * when the machine stopped in the middle of the write, a torn last line; that line was never
 * acknowledged, and opening the journal for writing cuts it off. A bad line anywhere else is damage, and opening refuses rather than guess.
 *
 * <p>Why a file of its own and not the index: the index is derived (rebuilt from the corpus, migrated
 * to a new mapping, held by an OpenSearch cluster or a folder), while curation is the librarians' own
 * work, like the source files. Kept beside the archive, the same journal serves both engines, survives
 * every rebuild, and is backed up by copying one file.
 *
 * <p>One process writes at a time: a writable journal holds an OS lock on a file of its own beside it,
 * {@value #LOCK_FILE}, which nothing else opens. The lock was on the journal itself, and Linux's record
 * locks go with the first close of any handle on the file in the process: reading the journal released
 * it at once, so a second server on the same cluster wrote the same journal and both lost confirmed
 * changes (an operator's trial, session 45). Within one process, a set of held folders refuses a
 * second writer before it opens (and so closes) a handle of its own, as Lucene's NativeFSLockFactory
 * does.
 */
public final class CurationJournal implements Closeable {
  /** The journal's file name in the curation folder. */
  public static final String FILE = "journal.jsonl";
  /** The file whose lock says a process is writing the journal. */
  public static final String LOCK_FILE = "journal.lock";
  /** The curation folders this process writes, by their real path. */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private static final ObjectMapper JSON = mapper();

  private final Path file;
  private final FileChannel channel;
  private final Path held;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final List<Change> changes;
  /** The last change appended in this process, and where its line starts: what {@link #takeBack} cuts off. */
  private Change last;
  private long lastStart;

  private CurationJournal(Path file, FileChannel channel, Path held, FileChannel lockChannel, FileLock lock,
      List<Change> changes) {
    this.file = file;
    this.channel = channel;
    this.held = held;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.changes = changes;
  }

  /** The JSON mapper for changes and what they hold. */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new Jdk8Module())
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.INDENT_OUTPUT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * Opens the journal in a folder for appending, creating both if needed, and reads what it holds.
   *
   * @throws JournalLockedException when another process has it open for writing
   * @throws IOException when it cannot be read, or a line other than the last is damaged
   */
  public static CurationJournal openForWriting(Path folder) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve(FILE);
    Path held = folder.toRealPath();
    if (!HELD.add(held)) {
      throw new JournalLockedException(file);
    }
    FileChannel lockChannel = null;
    FileChannel channel = null;
    try {
      lockChannel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = lockChannel.tryLock();
      if (lock == null) {
        throw new JournalLockedException(file);
      }
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      byte[] bytes = Files.readAllBytes(file);
      Read read = read(bytes, file);
      if (read.goodLength() < bytes.length) {
        // A torn last line: the change it held was never acknowledged.
        channel.truncate(read.goodLength());
        channel.force(true);
      }
      channel.position(read.goodLength());
      return new CurationJournal(file, channel, held, lockChannel, lock, List.copyOf(read.changes()));
    } catch (IOException | RuntimeException e) {
      try {
        if (channel != null) {
          channel.close();
        }
        if (lockChannel != null) {
          lockChannel.close();
        }
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      HELD.remove(held);
      throw e;
    }
  }

  /** Reads the changes a journal holds without opening it for writing; none when there is no journal. */
  public static List<Change> readOnly(Path folder) throws IOException {
    Path file = folder.resolve(FILE);
    if (!Files.exists(file)) {
      return List.of();
    }
    return read(Files.readAllBytes(file), file).changes();
  }

  /** The changes the journal held when it was opened (the caller keeps what it appends since). */
  public List<Change> recorded() {
    return changes;
  }

  /**
   * Writes a change and forces it to the disk; when this returns, the change survives a crash.
   *
   * @throws CurationNotWritableException when it could not be written (a full disk): none of it is kept
   */
  public synchronized void append(Change change) throws IOException {
    byte[] line;
    try {
      line = (JSON.writeValueAsString(change) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write change " + change.seq(), e);
    }
    ByteBuffer buffer = ByteBuffer.wrap(line);
    long start = channel.position();
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      // Leave no part of an unacknowledged change for the next append to follow.
      try {
        channel.truncate(start);
        channel.position(start);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new CurationNotWritableException(file, e);
    }
    last = change;
    lastStart = start;
  }

  /**
   * Cuts off the line of the change appended last, which the archive could not follow (its articles
   * could not be written again): the journal is as it was before, as if the change was never made.
   *
   * @throws IllegalStateException when {@code change} is not the last one appended
   */
  public synchronized void takeBack(Change change) throws IOException {
    if (last == null || last.seq() != change.seq()) {
      throw new IllegalStateException("change " + change.seq() + " is not the last one appended to " + file);
    }
    try {
      channel.truncate(lastStart);
      channel.position(lastStart);
      channel.force(false);
    } catch (IOException e) {
      throw new CurationNotWritableException(file, e);
    }
    last = null;
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      channel.close();
    } finally {
      try {
        lock.release();
        lockChannel.close();
      } finally {
        HELD.remove(held);
      }
    }
  }

  @Override
  public String toString() {
    return file.toString();
  }

  private record Read(List<Change> changes, long goodLength) {}

  private static Read read(byte[] bytes, Path file) throws IOException {
    List<Change> changes = new ArrayList<>();
    int start = 0;
    int lineNumber = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      lineNumber++;
      if (end >= bytes.length) {
        // No newline: the write stopped before the line ended, so it was never acknowledged.
        return new Read(changes, start);
      }
      String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      if (!text.isBlank()) {
        try {
          changes.add(JSON.readValue(text, Change.class));
        } catch (JsonProcessingException e) {
          if (end == bytes.length - 1) {
            return new Read(changes, start); // a torn last line whose tail happened to hold a newline
          }
          throw new IOException("the curation journal " + file + " is damaged at line " + lineNumber
              + " (not a change); restore it from a backup or an export", e);
        }
      }
      start = end + 1;
    }
    return new Read(changes, bytes.length);
  }

  /** Another process is writing the journal (a running server); curation is written by one process at a time. */
  public static final class JournalLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    JournalLockedException(Path file) {
      super("the curation journal " + file + " is being written by another Morgue process (a server started"
          + " with --curators or --token-file); one server at a time takes curators' changes: stop that one, or"
          + " start this one without --curators and --token-file to serve searches only");
    }
  }
}
