/**
 * Enrichment: finds the actors (who), themes (what) and hedging (how sure) of an article. Each
 * component is a small class whose word lists live as data files in this package's resources, with
 * their source and licence noted there. Depends only on {@code article}; knows nothing of the index.
 */
package org.morgue.indexer.enrich;
