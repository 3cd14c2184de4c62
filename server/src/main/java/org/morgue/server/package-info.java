/**
 * The HTTP server: routes on one screen ({@link org.morgue.server.MorgueServer}), thin handlers that
 * parse a request, call the searcher (or, for live updates, the {@link org.morgue.server.LiveIndex})
 * and shape the JSON, and the {@code morgue serve} command. Javalin types stay in this package;
 * search logic stays in the indexer's {@code search} package, write logic in its {@code ingest} and
 * {@code index} packages; the file formats of exports and feeds are in {@code export}.
 * {@code openapi.json} in this package's resources describes every endpoint and is tested against
 * the running server.
 */
package org.morgue.server;
