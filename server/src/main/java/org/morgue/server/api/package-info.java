/**
 * The API's resources, one handler per resource: search, an article, its related articles, what
 * changed between two articles (versions of one story), name suggestions, exports and the Atom feed, and the service's own health, stats, OpenAPI document and problem types.
 * A handler reads its parameters ({@link org.morgue.server.api.SearchParameters} turns the query
 * string into a {@link org.morgue.search.SearchRequest}), asks the {@link org.morgue.search.SearchEngine}
 * and hands the answer to a view; a request it cannot take is a
 * {@link org.morgue.server.problem.BadRequestException} naming a
 * {@link org.morgue.server.problem.ProblemCode}, never a status of its own choosing.
 *
 * <p>Knows Javalin's {@code Context} and the search contract; knows neither Lucene nor any engine
 * type, nor who may call it (the route tree checks that), nor how errors are written out.
 */
package org.morgue.server.api;
