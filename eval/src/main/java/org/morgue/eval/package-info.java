/**
 * Measures the enrichments against the annotated sets in the repository's {@code eval/} folder:
 * hedged sentences, hand-listed actors, Reuters' human PLACES and TOPICS tags, and the speed of
 * each enrichment. {@code morgue eval} prints the table; the evaluation tests assert floors on the
 * same numbers. Depends on the article, source and enrich stages; nothing depends on it.
 */
package org.morgue.eval;
