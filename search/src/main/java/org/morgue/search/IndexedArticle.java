package org.morgue.search;

import java.time.Instant;
import java.util.Optional;
import org.morgue.article.EnrichedArticle;

/**
 * An article as the index holds it, read at once: the article with its enrichments, the version
 * that changes whenever it is written with other content, and when the archive took it in. One read
 * answers what an article's page, its tag and an export row each need, so an engine whose reads are
 * requests makes one, not three.
 *
 * @param article the article with every mention of its enrichments
 * @param version its version as {@link SearchEngine#articleVersion} answers it
 * @param added when the write it entered with began (a {@code morgue index} run or its intermediate
 *     commit, or one change over the API), kept through every later write to it; empty when the index
 *     does not say (an OpenSearch index from before Morgue kept the time)
 */
public record IndexedArticle(EnrichedArticle article, String version, Optional<Instant> added) {}
