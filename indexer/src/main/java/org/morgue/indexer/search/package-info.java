/**
 * Search over the index: parsing the query language, facet filters with drill-sideways counts,
 * sorting, cursor paging (search-after on a total order ending in the id), exact totals, the
 * publication timeline, facet prefixes, name suggestions and highlighting. Returns plain records;
 * knows nothing of HTTP. Depends on {@code index} for the schema and on {@code article} for what hits
 * carry.
 */
package org.morgue.indexer.search;
