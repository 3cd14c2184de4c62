/**
 * Errors as the API answers them: {@link org.morgue.server.problem.ProblemCode} is the one table that
 * binds every error code to its HTTP status and title, and maps the kinds of invalid search the engine
 * reports onto codes; {@link org.morgue.server.problem.BadRequestException} is a refused request
 * naming its code and the parameter (or posted field) at fault;
 * {@link org.morgue.server.problem.Problem} is the RFC 9457 body; and
 * {@link org.morgue.server.problem.ProblemErrorPages} answers the same body for requests Jetty refuses
 * before Javalin sees them.
 *
 * <p>Knows nothing of routes or resources (but the one address, {@code /api/problems/}, under which
 * every problem's type is described), and nothing of Lucene or engine types: the engine reports a
 * kind, this package alone decides the code, the type and the status.
 */
package org.morgue.server.problem;
