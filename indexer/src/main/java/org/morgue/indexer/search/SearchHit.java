package org.morgue.indexer.search;

import org.morgue.indexer.article.EnrichedArticle;

/**
 * One matching article.
 *
 * @param article the article and its enrichments
 * @param score the relevance score (NaN when sorted by something else)
 * @param snippet a passage of the body, HTML-escaped, with query terms wrapped in {@code <mark>}
 */
public record SearchHit(EnrichedArticle article, float score, String snippet) {}
