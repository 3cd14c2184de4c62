package org.morgue.indexer.enrich.actor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads GATE's ANNIE gazetteer lists (LGPL 3.0) from the unmodified {@code uk.ac.gate.plugins:annie}
 * jar on the classpath. Each line is an entry, optionally followed by {@code :feature=value}.
 */
final class AnnieLists {
  private static final String FOLDER = "/resources/gazetteer/";

  private AnnieLists() {}

  /** Every single-word entry of the lists; fails naming the list if the jar is not on the classpath. */
  static Set<String> singleWords(List<String> lists) {
    Set<String> words = new HashSet<>();
    for (String list : lists) {
      try (InputStream in = AnnieLists.class.getResourceAsStream(FOLDER + list)) {
        if (in == null) {
          throw new IllegalStateException("missing ANNIE gazetteer list " + FOLDER + list
              + " (the uk.ac.gate.plugins:annie jar must be on the classpath)");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          int colon = line.indexOf(':');
          String entry = (colon < 0 ? line : line.substring(0, colon)).strip();
          if (entry.length() > 1 && entry.indexOf(' ') < 0) {
            words.add(entry);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read ANNIE gazetteer list " + list, e);
      }
    }
    return words;
  }
}
