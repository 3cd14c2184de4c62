/**
 * Ingestion: runs the pipeline source -> enrichment -> index over files and counts what happened.
 * The one place that knows all three stages; the CLI and the server both call it.
 */
package org.morgue.indexer.ingest;
