package org.morgue.article;

/** An article with its enrichment: what the index stores and the article view returns. */
public record EnrichedArticle(Article article, Enrichment enrichment) {}
