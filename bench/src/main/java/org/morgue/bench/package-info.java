/**
 * The benchmark harness: generates a realistic corpus from the shipped articles, then measures
 * Morgue's indexing, in-process search and HTTP serving next to plain Lucene on the same text and
 * the same index, and writes the figures to {@code docs/benchmarks.md}. Depends on the indexer and
 * the server; nothing depends on it.
 */
package org.morgue.bench;
