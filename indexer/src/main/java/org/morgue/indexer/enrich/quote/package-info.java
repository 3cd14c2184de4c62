/**
 * Who is quoted: {@link org.morgue.indexer.enrich.quote.SpeakerLinker} links each attribution the
 * hedge detector found ("said", "according to") to the actor the actor extractor found that it
 * credits, so the archive can be searched by who is quoted. It runs after both, on their results.
 *
 * <p>Must not know: sources and formats, the index or any engine, HTTP. See docs/enrichment.md.
 */
package org.morgue.indexer.enrich.quote;
