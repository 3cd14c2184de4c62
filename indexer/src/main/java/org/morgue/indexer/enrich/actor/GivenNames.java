package org.morgue.indexer.enrich.actor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.morgue.indexer.enrich.text.AccentFolding;
import org.morgue.indexer.enrich.text.DataFile;

/**
 * Given names, read from GATE's ANNIE gazetteer lists (LGPL 3.0, the unmodified {@code
 * uk.ac.gate.plugins:annie} jar on the classpath): about 10,000 first names, with the ones that are
 * also ordinary words or places ("Bill", "Grace", "Austin") in lists of their own. A given name
 * before a capitalised word ("Jack Fisher", "Audrey Knecht") names a person that no gazetteer and no
 * role title would find. Names are looked up with their accents folded ({@link AccentFolding}): the
 * lists' "Jose" is the text's "José", whose name keeps its accents as written.
 */
final class GivenNames {
  private static final List<String> PLAIN = List.of("person_male.lst", "person_female.lst");
  private static final List<String> AMBIGUOUS = List.of("person_male_ambig.lst", "person_female_ambig.lst");

  private final Set<String> plain;
  private final Set<String> ambiguous;

  GivenNames(Set<String> plain, Set<String> ambiguous) {
    this.plain = plain.stream().map(AccentFolding::fold).collect(Collectors.toUnmodifiableSet());
    this.ambiguous = ambiguous.stream().map(AccentFolding::fold).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The ANNIE lists, with {@code nicknames} as ambiguous given names, and the {@code census} given
   * names ANNIE lacks ("Thurman", "Darnell") as plain ones; fails naming the list if the jar is not on
   * the classpath. A census name that is also an English word ("Golden", "Page", "Forest") or that
   * {@code places} names (a town, or the first word of one: "Chester", "Santa", "Dakota") is left out:
   * the census lists every first name anyone gave, and copy writes those words for other reasons far
   * more often.
   */
  static GivenNames load(List<String> nicknames, DataFile census, Set<String> places) {
    Set<String> ambiguous = read(AMBIGUOUS);
    ambiguous.addAll(nicknames);
    Set<String> plain = read(PLAIN);
    plain.removeAll(ambiguous);
    for (DataFile.Line line : census.lines()) {
      String[] columns = line.text().strip().split("\t");
      if (columns.length == 1 && !ambiguous.contains(columns[0]) && !places.contains(columns[0])) {
        plain.add(columns[0]);
      }
    }
    return new GivenNames(plain, ambiguous);
  }

  /** Whether the word is a given name and rarely anything else ("Audrey", "Kenneth"). */
  boolean isGivenName(String word) {
    return plain.contains(AccentFolding.fold(word));
  }

  /** Whether the word is a given name that is often something else too ("Bill", "Will", "Grace"). */
  boolean isAmbiguousGivenName(String word) {
    return ambiguous.contains(AccentFolding.fold(word));
  }

  /** Capitalised single words of the lists: ANNIE's name lists hold a few lower-case oddities. */
  private static Set<String> read(List<String> lists) {
    Set<String> names = new HashSet<>(AnnieLists.singleWords(lists));
    names.removeIf(name -> !Character.isUpperCase(name.charAt(0)));
    return names;
  }
}
