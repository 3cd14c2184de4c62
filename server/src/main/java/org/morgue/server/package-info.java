/**
 * The HTTP server, entered here: {@link org.morgue.server.MorgueServer} builds the Javalin application
 * and its route tree, which reads top-down like the URL tree ({@code /api/search},
 * {@code /api/articles/{id}}, {@code /api/articles/{id}/related}, ...), with the filters every request
 * passes, the one check of who may write, and the one place exceptions become problem answers.
 * {@link org.morgue.server.HttpOptions} says how clients are treated. The work is done in the rooms
 * below: {@code api} (one handler per resource and the parsing of its parameters), {@code view} (the
 * JSON shapes), {@code problem} (error codes, their statuses and the problem body), {@code live}
 * (changes over the API and their token), {@code http} (what every answer shares: CORS, request ids,
 * the access log, caching, security headers, admission) and {@code export} (file formats).
 *
 * <p>Nothing in the server knows Lucene or any engine type: it speaks to the archive through the
 * search module's contract ({@link org.morgue.search.SearchEngine}) and to writes through the
 * indexer's. {@code openapi.json} in this package's resources describes every endpoint and is tested
 * against the running server.
 */
package org.morgue.server;
