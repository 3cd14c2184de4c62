/**
 * Search over the embedded index, the engine's {@link org.morgue.search.SearchEngine}: parsing the
 * query language, facet filters with drill-sideways counts, sorting, cursor paging (search-after on a
 * total order ending in the id), exact totals, the publication timeline, facet prefixes, related
 * articles, name suggestions and highlighting. Answers with the contract's plain records (snippets as
 * parts, no HTML).
 *
 * <p>Must not know: HTTP or JSON shapes (the server's), how articles are read or enriched (the {@code
 * indexer} module is a test dependency only). Depends on {@code index} for the schema, on {@code
 * article} for what hits carry and on its sentence splitter ({@code article.text}) for where snippet
 * passages start and end, and on the {@code search} contract.
 */
package org.morgue.engine.lucene.search;
