/**
 * Search over the embedded index, the engine's {@link org.morgue.search.SearchEngine}: parsing the
 * query language, facet filters with drill-sideways counts, sorting, cursor paging (search-after on a
 * total order ending in the id), exact totals, the publication timeline, facet prefixes, related
 * articles, name suggestions and highlighting. Answers with the contract's plain records (snippets as
 * parts, no HTML).
 *
 * <p>{@link org.morgue.engine.lucene.search.ArchiveSearcher} is the public way in (the search
 * contract); it only wires the package-private classes that each do one job, each stating its
 * invariants and costs: the open index and per-reader caches ({@code IndexSearchers},
 * {@code ReaderState}), building and checking a request's query, filters and sort
 * ({@code RequestQuery}), choosing how to count ({@code MatchCounter}), shaping facet lists
 * ({@code FacetShaper}), reading and highlighting hits ({@code StoredArticles}, {@code HitLoader}),
 * the first or every match, uncounted, for feeds and exports ({@code SortedMatches}),
 * did-you-mean ({@code SpellingSuggestion}), related articles ({@code RelatedArticles}) and the
 * index's facts ({@code IndexStatsReader}). No Lucene type leaves this module.
 *
 * <p>Must not know: HTTP or JSON shapes (the server's), how articles are read or enriched (the {@code
 * indexer} module is a test dependency only). Depends on {@code index} for the schema, on {@code
 * article} for what hits carry and on its sentence splitter ({@code article.text}) for where snippet
 * passages start and end, and on the {@code search} contract.
 */
package org.morgue.engine.lucene.search;
