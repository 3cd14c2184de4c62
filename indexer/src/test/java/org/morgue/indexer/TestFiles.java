package org.morgue.indexer;

import java.nio.file.Path;

/**
 * The indexer's test files (src/test/resources) as paths on disk. Formats read files, not class-path
 * streams, and the engine's, the server's and the evaluation's tests reach these files through the
 * indexer's test jar, where they are no files at all; every module's tests run from the module's
 * folder, so the same relative path works from each.
 */
public final class TestFiles {
  private static final Path ROOT = Path.of("..", "indexer", "src", "test", "resources");

  private TestFiles() {}

  /** The test file at this path under src/test/resources, e.g. {@code formats/wire-1961.rss}. */
  public static Path path(String name) {
    return ROOT.resolve(name.startsWith("/") ? name.substring(1) : name);
  }
}
