package org.morgue.indexer.search;

import org.morgue.indexer.article.ArticleSummary;

/**
 * One matching article.
 *
 * @param article the article and the names of its enrichments (the article view has every mention)
 * @param score the relevance score (NaN when sorted by something else)
 * @param snippet a passage of the body, HTML-escaped, with query terms wrapped in {@code <mark>}
 */
public record SearchHit(ArticleSummary article, float score, String snippet) {}
