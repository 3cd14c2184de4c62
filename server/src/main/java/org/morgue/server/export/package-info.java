/**
 * Writes matching articles out of Morgue: CSV, JSON Lines and RIS exports and the Atom feed, each
 * streamed article by article with a {@link org.morgue.server.export.Provenance} saying what was
 * asked of which index. Knows articles and plain {@link java.io.Writer}s; no Javalin or Lucene types.
 */
package org.morgue.server.export;
