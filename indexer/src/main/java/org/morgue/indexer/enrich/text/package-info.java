/**
 * What the enrichments share: {@link org.morgue.indexer.enrich.text.Token}s (words and punctuation
 * with offsets, split the same way for word lists and article text), {@link
 * org.morgue.indexer.enrich.text.TermAnalyzer} (stemmed English terms, the same analysis the index
 * uses), {@link org.morgue.indexer.enrich.text.AccentFolding} (looking names up whatever their
 * accents), {@link org.morgue.indexer.enrich.text.Quotations} (where an article quotes someone) and
 * {@link org.morgue.indexer.enrich.text.DataFile} (reading the shipped word lists).
 *
 * <p>Must not know: what any one enrichment decides, sources, the index or any engine. Depends on
 * {@code article} and Lucene's analysis library.
 */
package org.morgue.indexer.enrich.text;
