/**
 * Live updates: changes to the archive over the API. {@link org.morgue.server.live.LiveIndex} writes
 * articles and deletions through the indexer and refreshes the searcher;
 * {@link org.morgue.server.live.LiveUpdates} is what a server started with a token takes changes
 * with; {@link org.morgue.server.live.BearerToken} is that token, kept as a digest;
 * {@link org.morgue.server.live.WriteAccess} is the one check, run before every route given the
 * {@link org.morgue.server.live.WriteAccess.Role#WRITER} role, that live updates are on and the request
 * carries the token; {@link org.morgue.server.live.ArticleWriteHandlers} are the
 * {@code POST /api/articles} and {@code DELETE /api/articles/{id}} handlers, which read the body
 * within its limit ({@link org.morgue.server.live.PostedArticles}) and never check the token
 * themselves.
 *
 * <p>Knows the indexer's write contract and the search contract, not Lucene or any engine type.
 */
package org.morgue.server.live;
