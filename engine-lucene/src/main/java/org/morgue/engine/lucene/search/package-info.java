/**
 * Search over the index: parsing the query language, facet filters with drill-sideways counts,
 * sorting, cursor paging (search-after on a total order ending in the id), exact totals, the
 * publication timeline, facet prefixes, name suggestions and highlighting. Returns plain records;
 * knows nothing of HTTP. Depends on {@code index} for the schema, on {@code article} for what hits
 * carry, and on {@code enrich}'s sentence splitter for where snippet passages start and end.
 */
package org.morgue.engine.lucene.search;
