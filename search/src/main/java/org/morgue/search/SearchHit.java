package org.morgue.search;

import org.morgue.article.ArticleSummary;

/**
 * One matching article.
 *
 * @param article the article and the names of its enrichments (the article view has every mention)
 * @param score the relevance score (NaN when sorted by something else)
 * @param snippet passages of the body as text, with the words that matched the query marked
 */
public record SearchHit(ArticleSummary article, float score, Snippet snippet) {}
