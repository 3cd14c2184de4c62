package org.morgue.curation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** How the authority files follow renames: one rule for actors and sources, so they never differ. */
final class RenameChain {
  private RenameChain() {}

  /**
   * The names renames lead through, from {@code name} to the one it goes by (A renamed B, B merged
   * into C: A, B, C), or empty when they come back to a name already passed (a cycle).
   */
  static Optional<List<String>> from(String name, Function<String, Optional<String>> renameOf) {
    List<String> chain = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String at = name;
    while (seen.add(at)) {
      chain.add(at);
      Optional<String> next = renameOf.apply(at);
      if (next.isEmpty()) {
        return Optional.of(chain);
      }
      at = next.get();
    }
    return Optional.empty();
  }
}
