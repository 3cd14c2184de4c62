package org.morgue.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copies of a closed embedded index, so tests share the cost of building one and none sees another's writes. */
final class IndexCopies {
  private IndexCopies() {}

  /** Copies every file under {@code index} into {@code target} (created), which it returns. */
  static Path copy(Path index, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(index)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(index.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    }
    return target;
  }

  /** A new temp folder, deleted with everything in it when the test JVM exits. */
  static Path tempFolderDeletedAtExit(String prefix) throws IOException {
    Path folder = Files.createTempDirectory(prefix);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder)));
    return folder;
  }

  /** Deletes a folder and everything in it, as far as it can. */
  static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A temp folder left behind is the system's to clean; the test run's outcome does not change.
    }
  }
}
