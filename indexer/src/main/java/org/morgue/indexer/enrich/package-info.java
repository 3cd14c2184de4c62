/**
 * Enrichment: {@link org.morgue.indexer.enrich.ArticleEnricher} runs the three enrichments over an
 * {@link org.morgue.article.Article} and gives the {@link org.morgue.article.EnrichedArticle}: actors
 * (who, {@code enrich.actor}), themes (what, {@code enrich.theme}) and hedging (how sure, {@code
 * enrich.hedge}), on the text helpers of {@code enrich.text}; then {@code enrich.quote} links each attribution
 * to the actor it quotes. Each component is a small class whose word
 * lists live as data files in its package's resources, with their source and licence in their headers.
 *
 * <p>Must not know: sources and formats, the index or any engine, HTTP. It depends on {@code article}
 * (and Lucene's analysis library for stemming theme terms, not its index). See docs/enrichment.md.
 */
package org.morgue.indexer.enrich;
