package org.morgue.indexer.enrich.actor;

import java.util.HashSet;
import java.util.Set;
import org.morgue.indexer.enrich.text.DataFile;

/**
 * The most frequent surnames of the 1990 U.S. census ({@code actor/census-surnames.txt}, public
 * domain), each marked when it is also an English word. Two of them in a row name a person that no
 * list of given names knows ("Horton Smith of Detroit"); the
 * first must be no English word, since "Meadow Park" and "Central Falls" are two surnames as well,
 * and the second no English word either unless it is among the {@value #COMMON} most frequent ("Smith",
 * "White"; not "Belt" or "Hose", which the census lists too).
 */
final class Surnames {
  /** How many of the most frequent surnames count even where they are English words. */
  static final int COMMON = 300;

  private final Set<String> all;
  private final Set<String> nameOnly;

  private Surnames(Set<String> all, Set<String> nameOnly) {
    this.all = Set.copyOf(all);
    this.nameOnly = Set.copyOf(nameOnly);
  }

  static Surnames load(DataFile census) {
    Set<String> all = new HashSet<>();
    Set<String> nameOnly = new HashSet<>();
    int rank = 0;
    for (DataFile.Line line : census.lines()) {
      String[] columns = line.text().strip().split("\t");
      if (columns.length == 1) {
        nameOnly.add(columns[0]);
        all.add(columns[0]);
      } else if (rank < COMMON) {
        all.add(columns[0]);
      }
      rank++;
    }
    return new Surnames(all, nameOnly);
  }

  /** Whether the word is a surname: no English word ("Nagle"), or one of the most frequent ("Smith"). */
  boolean isSurname(String word) {
    return all.contains(word);
  }

  /** Whether the word is a frequent surname and no English word ("Horton", "Somerville"; not "Park"). */
  boolean isSurnameOnly(String word) {
    return nameOnly.contains(word);
  }
}
