package org.morgue.engine.lucene.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The lines of a word list the engine ships beside a class ({@code word-forms.txt},
 * {@code compounds.txt}): stripped, without blank lines and {@code #} comments.
 */
public final class ListedLines {
  private ListedLines() {}

  /** The listed lines of {@code resource}, found beside {@code owner}; a missing list is a broken build. */
  public static List<String> of(Class<?> owner, String resource) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the engine's resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
