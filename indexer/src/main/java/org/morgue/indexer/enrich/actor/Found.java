package org.morgue.indexer.enrich.actor;

/**
 * One mention found in the article text, before mentions are grouped into actors.
 *
 * @param actor who it names
 * @param start offset in the article text
 * @param end offset after it
 * @param weight what it counts towards the actor's salience, from where in the article it is
 */
record Found(ActorKey actor, int start, int end, double weight) {}
