/**
 * The HTTP server: routes on one screen ({@link org.morgue.server.MorgueServer}), thin handlers that
 * parse a request, call the searcher and shape the JSON, and the {@code morgue serve} command.
 * Javalin types stay in this package; search logic stays in the indexer's {@code search} package.
 */
package org.morgue.server;
