/**
 * The search contract, the same for every engine: what a search asks ({@link
 * org.morgue.search.SearchRequest}, {@link org.morgue.search.SortOrder}, {@link
 * org.morgue.search.FacetOrder}, {@link org.morgue.search.TimelineInterval}), what it answers ({@link
 * org.morgue.search.SearchResult}, {@link org.morgue.search.SearchHit}, {@link org.morgue.search.Snippet}
 * as plain parts, {@link org.morgue.search.FacetCount}, the {@link org.morgue.search.Timeline}), the
 * one list of facets ({@link org.morgue.search.Facet}), and the two ports an engine implements: {@link
 * org.morgue.search.SearchEngine} for reading, which the server holds, and {@link
 * org.morgue.search.ArchiveStore} for writing, which the indexing pipeline writes through, with the
 * record beside the index of when each article first arrived ({@link org.morgue.search.Arrivals}),
 * which every store keeps the same way.
 *
 * <p>Must not know: any engine (no Lucene type appears here), HTTP or JSON libraries (the server writes
 * these types by their API names), HTML (snippets are parts; the server escapes and marks them), or
 * how articles are read and enriched. It depends on the {@code article} module only. To add a facet,
 * see docs/architecture.md ("Add a facet").
 */
package org.morgue.search;
