/**
 * Writes matching articles, or a curator's collection with its notes, out of Morgue: CSV, JSON Lines
 * and RIS exports and the Atom feed, each streamed article by article with a provenance ({@link
 * org.morgue.server.export.Provenance} or {@link org.morgue.server.export.CollectionProvenance})
 * saying what was asked of which index. Every row names the story its article is a version of. Knows articles and plain {@link java.io.Writer}s; no Javalin or Lucene types.
 */
package org.morgue.server.export;
