/**
 * The article and its enrichments as plain immutable data: what every stage of the pipeline passes
 * to the next. Depends on nothing else in Morgue, and on no Lucene or HTTP types.
 *
 * <p>All offsets in enrichment records are character offsets into {@link org.morgue.article.Article#text()},
 * the title and the body blocks joined by blank lines, so a reader can mark them in the text it shows.
 */
package org.morgue.article;
