/**
 * The benchmark harness: generates a realistic corpus from the shipped articles, then measures
 * Morgue's indexing, in-process search and HTTP serving next to plain Lucene on the same text and
 * the same index, and, when asked, the OpenSearch engine next to the embedded one on the same
 * corpus, query mix and HTTP clients; it writes the figures to {@code docs/benchmarks.md}. Depends on
 * the indexer, both engines, the server, and the cluster module's JDK-only launcher (never on
 * OpenSearch itself, whose Lucene is older than Morgue's); nothing depends on it.
 */
package org.morgue.bench;
