/**
 * Search over the embedded index, the engine's {@link org.morgue.search.SearchEngine}: parsing the
 * query language, facet filters with drill-sideways counts, sorting, cursor paging (search-after on a
 * total order ending in the id), grouping by story, exact totals, the publication timeline, facet
 * prefixes, related articles, name suggestions and highlighting. Answers with the contract's plain
 * records (snippets as parts, no HTML).
 *
 * <p>Grouping by story (the default): copies of one wire story share a story id (a sorted doc-values
 * field, one value per article). The columns held in memory carry each article's story as an
 * ordinal, mapped to the reader's story ordinals once per reader ({@code IndexColumns}), so the one
 * pass that counts facets and days also keeps each story's first match in the request's order in
 * primitive arrays ({@code StoryFirsts}); the page is the first stories whose first match sorts after
 * the cursor, so no story shows on two pages. Browsing everything takes each story's first article
 * in that sort from the reader's state, found once per reader and sort, and pages through them as
 * through every article. Totals, facets and the timeline count articles; the story count is exact
 * either way. Cost: per search, a few array reads per match and about 20 bytes per matching story
 * while the pass runs; per reader, 4 bytes per article and per story ordinal, and one bit per article
 * per sort browsed grouped.
 *
 * <p>{@link org.morgue.engine.lucene.search.ArchiveSearcher} is the public way in (the search
 * contract); it only wires the package-private classes that each do one job, each stating its
 * invariants and costs: the open index and per-reader caches ({@code IndexSearchers},
 * {@code ReaderState}), building and checking a request's query, filters and sort
 * ({@code RequestQuery}), choosing how to count ({@code MatchCounter}), shaping facet lists
 * ({@code FacetShaper}), each story's first match ({@code StoryFirsts}, ranked by {@code MatchOrder}),
 * reading and highlighting hits and their stories ({@code StoredArticles}, {@code HitLoader},
 * {@code StoryVersions}),
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
