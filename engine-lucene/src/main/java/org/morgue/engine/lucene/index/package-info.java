/**
 * The embedded engine's index: its schema (field names, analyzers, the {@link
 * org.apache.lucene.facet.FacetsConfig}, the facet dimensions named after the contract's {@link
 * org.morgue.search.Facet}) in {@link org.morgue.engine.lucene.index.ArchiveSchema}, the mapping from an
 * enriched article to a Lucene document in {@link org.morgue.engine.lucene.index.ArticleDocumentBuilder},
 * and the writer, {@link org.morgue.engine.lucene.index.ArchiveWriter}, the engine's {@link
 * org.morgue.search.ArchiveStore}. Indexing and searching must agree on the schema, so it exists only here.
 *
 * <p>Must not know: how articles are read or enriched (the {@code indexer} module is a test dependency
 * only: the engine takes {@link org.morgue.article.EnrichedArticle}s as they come), HTTP. Depends on
 * {@code article}, the {@code search} contract and Lucene.
 */
package org.morgue.engine.lucene.index;
