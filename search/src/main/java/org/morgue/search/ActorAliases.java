package org.morgue.search;

import java.util.Map;
import java.util.Optional;

/**
 * How an index keeps which actor an other name stands for ("FDR" for Franklin D. Roosevelt, "UK" for
 * the United Kingdom), so completions and the actor list's filter reach the actor by the name people
 * type: one exact term per pair, the other name and the canonical one joined by a unit separator,
 * which neither holds.
 */
public final class ActorAliases {
  private static final char SEPARATOR = '\u001f';

  private ActorAliases() {}

  /** The term that says {@code alias} stands for the actor named {@code canonicalName}. */
  public static String aliasedName(String alias, String canonicalName) {
    return alias + SEPARATOR + canonicalName;
  }

  /** Splits an {@link #aliasedName} back into the other name and the canonical one; empty for a term of another shape. */
  public static Optional<Map.Entry<String, String>> parseAliasedName(String term) {
    int at = term.indexOf(SEPARATOR);
    return at <= 0 || at == term.length() - 1 ? Optional.empty()
        : Optional.of(Map.entry(term.substring(0, at), term.substring(at + 1)));
  }
}
