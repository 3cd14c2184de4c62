package org.morgue.indexer.enrich.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A word list or gazetteer shipped in the enrichment packages' resources: UTF-8 lines, where blank
 * lines and lines starting with {@code #} (the source and licence header) are skipped.
 *
 * @param path the resource path from the class-path root, e.g.
 *     {@code /org/morgue/indexer/enrich/actor/countries.tsv}
 * @param lines the data lines, comments and blanks removed, each with its line number
 */
public record DataFile(String path, List<Line> lines) {

  /** One data line and where it is, for error messages. */
  public record Line(int number, String text) {}

  public DataFile {
    lines = List.copyOf(lines);
  }

  /** Reads a resource (a path from the classpath root); fails naming the path if it is missing. */
  public static DataFile read(String path) {
    try (InputStream in = DataFile.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing data file " + resourceName(path));
      }
      List<Line> lines = new ArrayList<>();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          number++;
          String trimmed = line.strip();
          if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
            lines.add(new Line(number, line));
          }
        }
      }
      return new DataFile(path, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read data file " + resourceName(path), e);
    }
  }

  /** The stripped data lines, for plain word lists. */
  public List<String> words() {
    return lines.stream().map(line -> line.text().strip()).toList();
  }

  /** Where a line is, as "path:line", for error messages. */
  public String where(Line line) {
    return resourceName(path) + ":" + line.number();
  }

  private static String resourceName(String path) {
    return DataFile.class.getPackageName().replace('.', '/') + "/" + path;
  }
}
