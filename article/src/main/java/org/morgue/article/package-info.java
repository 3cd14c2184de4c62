/**
 * The article and its enrichments as plain immutable data: what every stage of the pipeline passes
 * to the next ({@link org.morgue.article.Article} from a source, {@link
 * org.morgue.article.EnrichedArticle} after enrichment), and their JSON form ({@link
 * org.morgue.article.ArticleJson}), which the engine stores and the API and exports write.
 *
 * <p>All offsets in enrichment records are character offsets into {@link org.morgue.article.Article#text()},
 * the title and the body blocks joined by blank lines, so a reader can mark them in the text it shows.
 *
 * <p>Must not know: any other Morgue module (the {@code article} module depends on none), Lucene, HTTP,
 * or how articles are read, enriched or searched. Its only library is Jackson, for the JSON form. See
 * docs/architecture.md.
 */
package org.morgue.article;
