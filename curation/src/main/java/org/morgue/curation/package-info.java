/**
 * What librarians keep, and how it reaches the index. {@link org.morgue.curation.Curation} holds the
 * state (collections, saved searches, corrections) rebuilt from the journal, checks each change, writes
 * it to the journal before anyone is told it happened, and applies the decisions to each article as
 * it is written ({@link org.morgue.indexer.ingest.ArticleCuration}). {@link
 * org.morgue.curation.ActorAuthority} is the authority file for actor names, {@link
 * org.morgue.curation.SourceAuthority} the one for source names. The journal is also the
 * record of who changed what.
 */
package org.morgue.curation;
