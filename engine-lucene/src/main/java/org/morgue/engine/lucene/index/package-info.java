/**
 * The index: its schema (field names, analyzers, {@link org.apache.lucene.facet.FacetsConfig}) in
 * {@link org.morgue.engine.lucene.index.ArchiveSchema}, the mapping from an enriched article to a Lucene
 * document, and the writer. Indexing and searching must agree on the schema, so it exists only here.
 * Depends on {@code article}; never on {@code source} or {@code enrich}.
 */
package org.morgue.engine.lucene.index;
