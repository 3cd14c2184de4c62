package org.morgue.indexer.enrich;

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
 * Given names, read from GATE's ANNIE gazetteer lists (LGPL 3.0, the unmodified {@code
 * uk.ac.gate.plugins:annie} jar on the classpath): about 10,000 first names, with the ones that are
 * also ordinary words or places ("Bill", "Grace", "Austin") in lists of their own. A given name
 * before a capitalised word ("Jack Fisher", "Audrey Knecht") names a person that no gazetteer and no
 * role title would find.
 */
final class GivenNames {
  private static final String ANNIE = "/resources/gazetteer/";
  private static final List<String> PLAIN = List.of("person_male.lst", "person_female.lst");
  private static final List<String> AMBIGUOUS = List.of("person_male_ambig.lst", "person_female_ambig.lst");

  private final Set<String> plain;
  private final Set<String> ambiguous;

  GivenNames(Set<String> plain, Set<String> ambiguous) {
    this.plain = Set.copyOf(plain);
    this.ambiguous = Set.copyOf(ambiguous);
  }

  /** The ANNIE lists; fails naming the list if the jar is not on the classpath. */
  static GivenNames fromAnnie() {
    Set<String> ambiguous = read(AMBIGUOUS);
    Set<String> plain = read(PLAIN);
    plain.removeAll(ambiguous);
    return new GivenNames(plain, ambiguous);
  }

  /** Whether the word is a given name and rarely anything else ("Audrey", "Kenneth"). */
  boolean isGivenName(String word) {
    return plain.contains(word);
  }

  /** Whether the word is a given name that is often something else too ("Bill", "Will", "Grace"). */
  boolean isAmbiguousGivenName(String word) {
    return ambiguous.contains(word);
  }

  private static Set<String> read(List<String> lists) {
    Set<String> names = new HashSet<>();
    for (String list : lists) {
      try (InputStream in = GivenNames.class.getResourceAsStream(ANNIE + list)) {
        if (in == null) {
          throw new IllegalStateException("missing ANNIE gazetteer list " + ANNIE + list
              + " (the uk.ac.gate.plugins:annie jar must be on the classpath)");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          // ANNIE lines are "entry" or "entry:feature=value".
          int colon = line.indexOf(':');
          String name = (colon < 0 ? line : line.substring(0, colon)).strip();
          if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && name.indexOf(' ') < 0) {
            names.add(name);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read ANNIE gazetteer list " + list, e);
      }
    }
    return names;
  }
}
