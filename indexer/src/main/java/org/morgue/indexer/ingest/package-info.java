/**
 * Ingestion: {@link org.morgue.indexer.ingest.ArchiveIndexer} runs the pipeline source -> enrichment
 * -> store over files (or over articles given one by one, as the server's live updates do), skips
 * articles already stored exactly as read (by fingerprint), commits in batches, and returns an {@link
 * org.morgue.indexer.ingest.IndexReport} that counts what happened, skips by {@link
 * org.morgue.indexer.source.SkipReason} among them.
 *
 * <p>The one place that knows all three stages; it writes through the search contract's {@link
 * org.morgue.search.ArchiveStore}, so it must not know any engine: {@code ./morgue index} and {@code
 * ./morgue serve} (module {@code cli}) pass it the Lucene engine's writer.
 */
package org.morgue.indexer.ingest;
