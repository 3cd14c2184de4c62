package org.morgue.curation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authority file for source names: which name each source goes by. Renames chain (A renamed B, B
 * merged into C: A is C), as the actors' do ({@link ActorAuthority}); a source has no type or mentions
 * to merge, so a rename is all there is. Immutable; the curation swaps in a new one with each source
 * correction, so indexing threads read it without locks.
 */
public final class SourceAuthority {
  static final SourceAuthority EMPTY = new SourceAuthority(Map.of());

  private final Map<String, SourceCorrection> byName;

  SourceAuthority(Map<String, SourceCorrection> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** The authority with one correction set (or, with null, withdrawn). */
  SourceAuthority with(String source, SourceCorrection correction) {
    Map<String, SourceCorrection> next = new LinkedHashMap<>(byName);
    if (correction == null) {
      next.remove(source);
    } else {
      next.put(source, correction);
    }
    return new SourceAuthority(next);
  }

  /** The names a rename leads through, from {@code name} to the one it goes by, when it makes no cycle. */
  Optional<List<String>> chain(String name) {
    return RenameChain.from(name, this::renameOf);
  }


  /** The name one rename leads to from this one, if it is renamed. */
  Optional<String> renameOf(String name) {
    return Optional.ofNullable(byName.get(name)).map(SourceCorrection::renameTo);
  }

  /** The name a source goes by, for the name an article gives (or a curator typed). */
  public String resolve(String name) {
    List<String> chain = chain(name).orElseThrow(() -> new IllegalStateException("a rename cycle through " + name));
    return chain.get(chain.size() - 1);
  }

  /** Every decision, by the name it is about. */
  Map<String, SourceCorrection> corrections() {
    return byName;
  }

  /** Whether nothing is decided. */
  boolean isEmpty() {
    return byName.isEmpty();
  }
}
