package org.morgue.indexer.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * One input file as a format sees it: its name with any {@code .gz} removed, the first bytes of its
 * (decompressed) content for recognising the format, and a way to read it all. Gzip is undone here,
 * once, so every format reads compressed files for free.
 *
 * @param path the file
 * @param name the lower-cased file name without a trailing {@code .gz}, e.g. {@code feed.xml}
 * @param gzipped whether the file is gzip-compressed
 * @param head up to {@link #HEAD_BYTES} first bytes of the decompressed content
 */
public record ArticleInput(Path path, String name, boolean gzipped, byte[] head) {
  /** How many leading bytes formats get to recognise a file by. */
  public static final int HEAD_BYTES = 4096;
  /**
   * The most bytes {@link #open()} yields, after decompression: a file or record larger than this is
   * an archive dump or a gzip bomb (a few KB that inflate to gigabytes), never one article's worth.
   */
  public static final int MAX_DECOMPRESSED_MB = 64;

  static final long MAX_DECOMPRESSED_BYTES = MAX_DECOMPRESSED_MB * 1024L * 1024L;

  /** Prepares a file: works out its name and compression and reads its head. */
  public static ArticleInput of(Path path) throws IOException {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean gzipName = name.endsWith(".gz") || name.endsWith(".tgz");
    boolean gzipped = gzipName && isGzip(path);
    if (gzipName && !gzipped && Files.size(path) > 0) {
      // Read as it is, no format would take it, and "unknown format" would hide what is wrong with it.
      throw new IOException("its name ends in .gz, but it is not gzip-compressed (a damaged download,"
          + " or a plain file to rename without .gz)");
    }
    String inner = gzipped && name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    ArticleInput probe = new ArticleInput(path, inner, gzipped, new byte[0]);
    byte[] head;
    try (InputStream in = probe.openStream()) {
      head = in.readNBytes(HEAD_BYTES);
    }
    return new ArticleInput(path, inner, gzipped, head);
  }

  /**
   * Opens the content, decompressed, for formats that read a file whole. Reading past {@value
   * #MAX_DECOMPRESSED_MB} MB fails with an {@link InputTooLargeException}, so a bomb costs at most that
   * much inflating and never that much memory more. The caller closes it.
   */
  public InputStream open() throws IOException {
    String limit = "larger than " + MAX_DECOMPRESSED_MB + " MB" + (gzipped ? " once decompressed" : "");
    return new BoundedInputStream(openStream(), MAX_DECOMPRESSED_BYTES, limit);
  }

  /**
   * Opens the content, decompressed and unbounded, for formats that read record by record and bound
   * each record themselves (JSON Lines, WARC): a crawl may rightly be many gigabytes. The caller closes it.
   */
  public InputStream openStream() throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    return gzipped ? new GZIPInputStream(raw, 1 << 16) : raw;
  }

  /** Whether there is nothing to read: no bytes at all, or none once decompressed. */
  public boolean isEmpty() {
    return head.length == 0;
  }

  /** Where records come from, for reports: the file path, plus {@code #n} for record n when given. */
  public String origin(int record) {
    return record <= 0 ? path.toString() : path + "#" + record;
  }

  /** The file path, for reports. */
  public String origin() {
    return path.toString();
  }

  /** The name of the folder holding the file: the default source of formats that carry none. */
  public String folderName() {
    Path folder = path.toAbsolutePath().getParent();
    return folder == null || folder.getFileName() == null ? "unknown" : folder.getFileName().toString();
  }

  /** The head as text, for formats that recognise themselves by their first characters. */
  public String headText() {
    return new String(head, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static boolean isGzip(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }
}
