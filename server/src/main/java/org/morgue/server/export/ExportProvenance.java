package org.morgue.server.export;

/**
 * What an export says about where it came from: a search ({@link Provenance}) or a curator's
 * collection ({@link CollectionProvenance}). It is the JSON of {@code X-Morgue-Provenance} and of the
 * first JSON Lines line, and, in words, each RIS record's first {@code N1}.
 */
public sealed interface ExportProvenance permits Provenance, CollectionProvenance {
  /** One line for people: what was exported, from what, when. */
  String describe();
}
