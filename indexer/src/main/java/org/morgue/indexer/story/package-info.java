/**
 * Stories: finding the copies of one story among the articles of an archive (an agency's original,
 * its corrections and re-issues, and every paper that ran it under a new headline with a trimmed
 * ending). A stage between enrichment and the document.
 *
 * <p>The steps: {@link org.morgue.indexer.story.Shingles} (the body's five-word shingles, folded),
 * {@link org.morgue.indexer.story.StorySigner} (their MinHash {@link
 * org.morgue.indexer.story.StorySignature}, with fixed seeds so it is the same on every run and
 * machine), {@link org.morgue.indexer.story.BandKeys} (locality-sensitive band keys) and {@link
 * org.morgue.indexer.story.LeadKeys} (ten-word phrases sampled from the lead, so a short take finds
 * its story), together {@link org.morgue.indexer.story.StoryKeys}; {@link
 * org.morgue.indexer.story.CopyCandidates} (looks keys up: no article is compared with every other)
 * and {@link org.morgue.indexer.story.CopyDecision} (containment counted on two {@link
 * org.morgue.indexer.story.ShingleSketch}es, above a threshold). {@link
 * org.morgue.indexer.story.CopyDetection} holds the parameters and says what the threshold means;
 * eval/copies measures them (eval/README.md).
 *
 * <p>The pipeline's {@code StoryDesk} (package {@code ingest}) uses these steps to give every article
 * a story id before it is written; the stores index the id and the band keys; search groups by the
 * id. docs/stories.md tells the whole path.
 *
 * <p>Must not know: sources and formats, the index or any engine, HTTP; it depends on {@code
 * article} only, and on no Lucene class, so a stored signature does not change with Lucene.
 */
package org.morgue.indexer.story;
