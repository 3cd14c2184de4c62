package org.morgue.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small tmpfs mounted on a test's folder, which the test can fill to the last byte and free again.
 * Mounting needs root with CAP_SYS_ADMIN, as in the development sandbox and CI; where it is refused,
 * {@link #mount} says why, and the caller skips what needs the disk ({@code
 * -Dmorgue.faults.requireMount=true} makes that a failure instead), as cli's IndexWriteFaultsTest does.
 */
final class SmallDisk implements AutoCloseable {
  private final Path folder;
  private final List<Path> fillers = new ArrayList<>();

  private SmallDisk(Path folder) {
    this.folder = folder;
  }

  /** A tmpfs of {@code size} (e.g. {@code 16m}) mounted on {@code folder}, or why it could not be. */
  static Mounted mount(Path folder, String size) throws Exception {
    Files.createDirectories(folder);
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toString())
        .redirectErrorStream(true).start();
    String said = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (mount.waitFor() != 0) {
      String why = "cannot mount a tmpfs at " + folder + " (needs root and CAP_SYS_ADMIN): " + said;
      if (Boolean.getBoolean("morgue.faults.requireMount")) {
        fail(why);
      }
      return new Mounted(Optional.empty(), why);
    }
    return new Mounted(Optional.of(new SmallDisk(folder)), "");
  }

  /** The disk, or the reason there is none. */
  record Mounted(Optional<SmallDisk> disk, String refusal) {}

  Path folder() {
    return folder;
  }

  /** Writes one more filler file, until the disk takes no more. */
  void fillUp() throws IOException {
    Path filler = folder.resolve("filler-" + fillers.size());
    fillers.add(filler);
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      for (int i = 0; i < 1024 * 1024; i++) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      return;
    }
    fail("the disk at " + folder + " never filled");
  }

  /** Deletes every filler file. */
  void free() throws IOException {
    for (Path filler : fillers) {
      Files.deleteIfExists(filler);
    }
    fillers.clear();
  }

  @Override
  public void close() throws IOException {
    try {
      if (new ProcessBuilder("umount", folder.toString()).inheritIO().start().waitFor() != 0) {
        // Something still has a file open: detach it anyway.
        new ProcessBuilder("umount", "-l", folder.toString()).inheritIO().start().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while unmounting " + folder, e);
    }
  }
}
