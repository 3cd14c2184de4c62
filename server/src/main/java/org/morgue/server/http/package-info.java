/**
 * What every answer shares, whichever resource gives it: security headers, request ids, CORS,
 * {@code Vary}, the access log, the 406 for clients that take no JSON ({@link
 * org.morgue.server.http.JsonAnswers}), validators and conditional requests ({@link
 * org.morgue.server.http.Freshness} for the index's answers, {@link
 * org.morgue.server.http.ArticleVersions} for one article's, {@link org.morgue.server.http.PageFiles}
 * for the page's files), the admission bound on work that reads the index ({@link
 * org.morgue.server.http.SearchAdmission}), the address absolute links are made from ({@link
 * org.morgue.server.http.PublicAddress}) and the encoding of an id as one segment of their paths
 * ({@link org.morgue.server.http.PathSegment}).
 *
 * <p>Knows HTTP, Javalin and Jetty; knows no resource, no problem code and no Lucene or engine type.
 */
package org.morgue.server.http;
