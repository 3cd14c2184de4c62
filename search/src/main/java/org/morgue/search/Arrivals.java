package org.morgue.search;

import java.io.Closeable;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When the archive first received each article: the write ({@link AddedOrder}) it came in with and
 * that write's time, by article id, kept in a file beside the index rather than in it. The index is
 * derived: a rebuild from nothing (a schema upgrade, a changed sample corpus, a deleted index folder)
 * writes every article again, and without this record each would be received anew, so "what arrived
 * last week" would answer "everything, today". A store looks an article up here when its index does
 * not hold it, so an article indexed again under the same id keeps its first arrival, whatever its
 * text now says; an edited article that comes with a new id is a new arrival (nothing says it is the
 * same one).
 *
 * <p>One line per arrival ({@code write, time, id}), appended and forced to the disk before the index
 * commit that holds the articles, so no committed article lacks its line; a delete appends a line
 * that forgets the article, after its commit: an article deleted and put again is received again, as
 * before. A torn last line (a crash while appending) was never followed by its commit and is cut off.
 * The file is read whole when a store opens (an id, two numbers per article) and rewritten without
 * forgotten or repeated lines when those are more than half of it.
 *
 * <p>One store writes it at a time, as one store writes the index it stands beside.
 */
public final class Arrivals implements Closeable {
  /** When an article was first received: the write it entered the archive with, and when that write began (ms). */
  public record Arrival(long write, long at) {}

  private static final String FORGET = "-";

  /** Null for {@link #none()}: arrivals then live as long as the index holds them. */
  private final Path file;
  private final FileChannel channel;
  private final Map<String, Arrival> arrivals;
  private final boolean created;
  private long lastWrite;

  private Arrivals(Path file, FileChannel channel, Map<String, Arrival> arrivals, boolean created) {
    this.file = file;
    this.channel = channel;
    this.arrivals = arrivals;
    this.created = created;
    this.lastWrite = arrivals.values().stream().mapToLong(Arrival::write).max().orElse(0);
  }

  /** No record beyond the index: an article the index does not hold is new (tests, benchmarks, tools). */
  public static Arrivals none() {
    return new Arrivals(null, null, new HashMap<>(), false);
  }

  /** Opens the record in this file, creating it (and its folder) when there is none. */
  public static Arrivals open(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    boolean created = !Files.exists(file);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      byte[] bytes = Files.readAllBytes(file);
      int whole = 0;
      int lines = 0;
      Map<String, Arrival> arrivals = new HashMap<>();
      for (int start = 0, end; (end = indexOf(bytes, start)) >= 0; start = end + 1) {
        read(new String(bytes, start, end - start, StandardCharsets.UTF_8), arrivals, file, lines + 1);
        whole = end + 1;
        lines++;
      }
      if (whole < bytes.length) {
        channel.truncate(whole);
        channel.force(true);
      }
      channel.position(whole);
      if (lines > 2 * arrivals.size() + 1000) {
        channel.close();
        rewrite(file, arrivals);
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.position(channel.size());
      }
      return new Arrivals(file, channel, arrivals, created);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static void read(String line, Map<String, Arrival> into, Path file, int number) {
    String[] parts = line.split("\t", -1);
    try {
      if (parts.length == 2 && parts[0].equals(FORGET)) {
        into.remove(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        return;
      }
      if (parts.length == 3) {
        into.put(URLDecoder.decode(parts[2], StandardCharsets.UTF_8),
            new Arrival(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        return;
      }
    } catch (IllegalArgumentException bad) {
      // reported below, with the line
    }
    throw new IllegalStateException("line " + number + " of " + file + " is not an arrival: " + line);
  }

  private static void rewrite(Path file, Map<String, Arrival> arrivals) throws IOException {
    Path fresh = file.resolveSibling(file.getFileName() + ".new");
    StringBuilder text = new StringBuilder();
    arrivals.forEach((id, arrival) -> text.append(line(id, arrival)));
    try (FileChannel out = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      out.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
      out.force(true);
    }
    Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String line(String id, Arrival arrival) {
    return arrival.write() + "\t" + arrival.at() + "\t" + encode(id) + "\n";
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  /**
   * Whether this record was created when opened: an index written before arrivals were recorded may
   * hold articles it lacks, which the store then copies in before it writes anything.
   */
  public boolean created() {
    return created;
  }

  /** When the article with this id was first received, if the record has it. */
  public synchronized Optional<Arrival> of(String id) {
    return Optional.ofNullable(arrivals.get(id));
  }

  /** The highest write number recorded (0 for none): a store numbers its writes after it. */
  public synchronized long lastWrite() {
    return lastWrite;
  }

  /** Records these arrivals and forces them to the disk; an id recorded already keeps its first arrival. */
  public synchronized void record(Map<String, Arrival> arrived) throws IOException {
    StringBuilder text = new StringBuilder();
    arrived.forEach((id, arrival) -> {
      if (arrivals.putIfAbsent(id, arrival) == null) {
        text.append(line(id, arrival));
        lastWrite = Math.max(lastWrite, arrival.write());
      }
    });
    append(text);
  }

  /** Forgets these articles (deleted from the archive): put again, they are received again. */
  public synchronized void forget(Collection<String> ids) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String id : ids) {
      if (arrivals.remove(id) != null) {
        text.append(FORGET).append('\t').append(encode(id)).append('\n');
      }
    }
    append(text);
  }

  private void append(StringBuilder text) throws IOException {
    if (channel == null || text.isEmpty()) {
      return;
    }
    ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    channel.force(false);
  }

  /** Where the record is kept; empty for {@link #none()}. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
