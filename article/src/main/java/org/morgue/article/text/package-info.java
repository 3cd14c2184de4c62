/**
 * Text helpers every stage needs the same way: {@link org.morgue.article.text.SentenceSplitter}
 * gives the sentences hedging is counted in (enrichment) and the ends search snippets are cut at (the
 * engine), so both agree on where a sentence ends. Its word lists are data files in this package's
 * resources ({@code sentences/abbreviations.txt}, {@code sentences/openers.txt}).
 * {@link org.morgue.article.text.VersionDiff} compares two versions of a story sentence by sentence,
 * in those same sentences. {@link org.morgue.article.text.AsciiText} says whether a text is plain
 * ASCII, the case every folding of the enrichment and of copy detection skips its Unicode work for.
 *
 * <p>Must not know: enrichment, the index or HTTP; it works on plain strings with the JDK and
 * java-diff-utils (the longest-common-subsequence diff) alone.
 */
package org.morgue.article.text;
