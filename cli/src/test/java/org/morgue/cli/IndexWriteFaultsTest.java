package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.indexer.ingest.ArchiveIndexer;
import picocli.CommandLine;

/**
 * {@code morgue index} where it cannot write: a second process on the same index, a folder that is
 * a file or under one, a read-only file system, a full disk. Each fails with status 1 and one line
 * naming the index folder, and leaves what the index last committed as it was.
 *
 * <p>The read-only and full-disk tests mount a small tmpfs (tests run as root here and in CI). Where
 * mounting is not permitted they are skipped, saying so; {@code -Dmorgue.faults.requireMount=true}
 * makes that a failure instead.
 */
class IndexWriteFaultsTest {
  @TempDir Path tmp;

  @Test
  void aSecondIndexProcessOnTheSameIndexExits1BeingWrittenByAnotherProcess() throws Exception {
    Path index = tmp.resolve("index");
    Path in = IndexCommandTest.articles(tmp.resolve("in"), 3);
    Path log = tmp.resolve("first.log");
    // The first process holds the write lock while it waits to read a named pipe, for as long as the
    // test keeps the pipe open: no race with how fast it indexes.
    Path pipe = tmp.resolve("held.jsonl");
    Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
    assertEquals(0, mkfifo.waitFor(), "mkfifo " + pipe);
    Process first = IndexProcess.start(log, "--index", index.toString(), pipe.toString());
    try {
      // Opening the pipe for writing returns once the first process opened it for reading, after it
      // opened the index (and took its lock).
      try (OutputStream held = openForWriting(pipe)) {
        Path secondLog = tmp.resolve("second.log");
        Process second = IndexProcess.start(secondLog, "--index", index.toString(), in.toString());
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        String said = Files.readString(secondLog);
        assertEquals(1, second.exitValue(), said);
        assertEquals(1, errorLines(said).size(), "one line: " + said);
        assertTrue(errorLines(said).get(0).contains("the index at " + index + " is being written by another process"), said);
        assertTrue(first.isAlive(), "the first process still holds the index");
        held.flush(); // nothing written: the first process waits on the pipe until it is killed
      } catch (TimeoutException e) {
        fail("the first index process never opened the pipe:\n" + Files.readString(log));
      }
    } finally {
      first.destroyForcibly(); // SIGKILL: the operating system releases its lock with the process
      first.waitFor();
    }
    assertEquals(List.of(), CommittedIndex.of(index).ids(), "the second process wrote nothing");
    Result after = index(index, in);
    assertEquals(0, after.status(), "a killed writer leaves no stale lock: " + after.err());
    assertEquals(3, CommittedIndex.of(index).distinctIds().size());
  }

  @Test
  void anIndexFolderUnderAFileOrThatIsAFileExits1NamingIt() throws Exception {
    Path in = IndexCommandTest.articles(tmp.resolve("in"), 3);
    Path file = Files.writeString(tmp.resolve("a-file"), "not an index\n");

    Result under = index(file.resolve("index"), in);
    assertEquals(1, under.status(), under.err());
    assertEquals(List.of("morgue index: cannot write the index at " + file.resolve("index") + ": Not a directory"),
        under.errLines());

    Result itself = index(file, in);
    assertEquals(1, itself.status(), itself.err());
    assertEquals(List.of("morgue index: cannot write the index at " + file + ": it exists and is not a folder"),
        itself.errLines());
    assertEquals("not an index\n", Files.readString(file), "the file is left alone");
  }

  @Test
  void aReadOnlyFileSystemExits1NamingTheIndexAndLeavesItUntouched() throws Exception {
    Path disk = Files.createDirectories(tmp.resolve("disk"));
    Path in = IndexCommandTest.articles(tmp.resolve("in"), 200);
    mount(disk, "size=8m");
    try {
      Path index = disk.resolve("index");
      Result first = index(index, IndexCommandTest.articles(tmp.resolve("first"), 50));
      assertEquals(0, first.status(), first.err());
      Map<String, String> before = snapshot(index);
      run("mount", "-o", "remount,ro", disk.toString());

      Result refused = index(index, in);
      assertEquals(1, refused.status(), refused.err());
      assertEquals(List.of("morgue index: cannot write the index at " + index + ": Read-only file system"),
          refused.errLines());
      assertEquals(before, snapshot(index), "not a byte of the index changed");
      assertEquals(50, CommittedIndex.of(index).distinctIds().size());
    } finally {
      unmount(disk);
    }
  }

  @Test
  void aFullDiskExits1NamingTheIndexWhichKeepsItsLastCommitAndARerunWithRoomCompletesIt() throws Exception {
    int total = 1500;
    Path disk = Files.createDirectories(tmp.resolve("disk"));
    Path in = IndexCommandTest.articles(tmp.resolve("in"), total);
    mount(disk, "size=16m");
    try {
      Path index = disk.resolve("index");
      Result first = index(index, IndexCommandTest.articles(tmp.resolve("first"), 10), "--commit-every", "100");
      assertEquals(0, first.status(), first.err());
      // Leave the index a little room: enough for a commit or two of 100 articles, not for 1,500.
      Path filler = disk.resolve("filler");
      fill(filler, disk, 256 * 1024);

      Result full = index(index, in, "--commit-every", "100");
      assertEquals(1, full.status(), full.err());
      assertEquals(1, full.errLines().size(), "one line: " + full.err());
      assertTrue(full.errLines().get(0).startsWith("morgue index: cannot write the index at " + index + ": "), full.err());
      assertTrue(full.errLines().get(0).contains("No space left on device"), full.err());

      CommittedIndex committed = CommittedIndex.of(index);
      int count = committed.distinctIds().size();
      assertTrue(count < total, "the disk filled before the end: " + count);
      // Articles article-00000..09 came first (the same ids); then the failing run committed a prefix of 100s.
      assertEquals(IntStream.range(0, count).mapToObj(i -> String.format("article-%05d", i)).toList(),
          committed.ids().stream().sorted().toList());
      assertTrue(count == 10 || count % 100 == 0, "the last commit holds whole batches: " + count);
      committed.assertEveryArticleReadable(index);

      Files.delete(filler);
      Result rerun = index(index, in, "--commit-every", "100");
      assertEquals(0, rerun.status(), rerun.err());
      CommittedIndex complete = CommittedIndex.of(index);
      assertEquals(total, complete.distinctIds().size());
      assertEquals("true", complete.commitData().get(ArchiveIndexer.COMPLETE_KEY));
    } finally {
      unmount(disk);
    }
  }

  /** Opens a named pipe for writing, which waits until a process opens it for reading. */
  static OutputStream openForWriting(Path pipe) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return Files.newOutputStream(pipe);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).get(60, TimeUnit.SECONDS);
  }

  record Result(int status, String err) {
    List<String> errLines() {
      return errorLines(err);
    }
  }

  /** What a person sees of a failure: the lines that are not the JVM's or Lucene's start-up warnings. */
  static List<String> errorLines(String output) {
    return output.lines().filter(line -> line.startsWith("morgue ")).toList();
  }

  /** {@code morgue index} in this JVM, as {@code main} runs it, with its error output kept. */
  static Result index(Path index, Path in, String... options) {
    StringWriter err = new StringWriter();
    CommandLine command = MorgueHome.commandLine(new IndexCommand());
    command.setErr(new PrintWriter(err, true));
    String[] args = Stream.concat(Stream.of("--index", index.toString(), in.toString()), Stream.of(options))
        .toArray(String[]::new);
    return new Result(command.execute(args), err.toString());
  }

  /** File name to SHA-256 of every file in the folder. */
  static Map<String, String> snapshot(Path folder) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(folder)) {
      for (Path file : list.toList()) {
        files.put(file.getFileName().toString(),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
      }
    }
    return files;
  }

  /** Writes a file until the file system has about {@code leave} bytes free. */
  static void fill(Path filler, Path disk, long leave) throws IOException {
    long size = Files.getFileStore(disk).getUsableSpace() - leave;
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      for (long written = 0; written < size; written += block.length) {
        out.write(block, 0, (int) Math.min(block.length, size - written));
      }
    }
  }

  static void mount(Path folder, String options) throws Exception {
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString())
        .redirectErrorStream(true).start();
    String said = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (mount.waitFor() != 0) {
      String why = "cannot mount a tmpfs at " + folder + " (needs root and CAP_SYS_ADMIN): " + said;
      if (Boolean.getBoolean("morgue.faults.requireMount")) {
        fail(why);
      }
      Assumptions.abort(why);
    }
  }

  static void unmount(Path folder) throws Exception {
    if (new ProcessBuilder("umount", folder.toString()).inheritIO().start().waitFor() != 0) {
      run("umount", "-l", folder.toString()); // something still has a file open: detach it anyway
    }
  }

  static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + said);
  }
}
