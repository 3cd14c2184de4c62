/**
 * Measures the enrichments against the annotated sets in the repository's {@code eval/} folder:
 * hedged sentences, hand-listed actors, Reuters' human PLACES and TOPICS tags, sentence boundaries, and
 * the speed of each enrichment. {@code ./morgue eval} ({@link org.morgue.eval.EvalCommand}) prints the
 * table; the evaluation tests assert floors on the same numbers.
 *
 * <p>A development module: it ships in no server or command-line jar; only the bench module uses it,
 * for {@link org.morgue.eval.CopyEditor}'s wire-copy edits. It
 * depends on the {@code article} model and sentence splitter and the {@code indexer}'s sources and
 * enrichments; not on the command line's module, so the build runs its tests beside the engines' and
 * the server's rather than after them. Must not know the index or the server.
 */
package org.morgue.eval;
