/**
 * A load test of the running server: search clients and one writer over HTTP on the loopback
 * interface, against an index of the shipped corpus with live updates on. {@link
 * org.morgue.server.load.LoadDriver} runs a {@link org.morgue.server.load.LoadPlan} and returns a
 * {@link org.morgue.server.load.LoadReport}; {@code LoadTest} runs a short plan in every build and
 * {@code LoadSoakTest} a long one on request. Uses only the server's public API and HTTP; no server
 * code depends on it.
 */
package org.morgue.server.load;
