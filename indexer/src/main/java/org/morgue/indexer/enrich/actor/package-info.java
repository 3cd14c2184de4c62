/**
 * Who an article is about: {@link org.morgue.indexer.enrich.actor.ActorExtractor} finds people,
 * organisations, places, governments and groups in passes (bracketed names, keyword names,
 * gazetteers, appositives, name rules, role references), resolves surnames to full names and infers
 * countries. Its gazetteers and word lists are under {@code resources/org/morgue/indexer/enrich/actor/}
 * (listed in {@code gazetteers.txt}); given names come from GATE's ANNIE lists ({@link
 * org.morgue.indexer.enrich.actor.AnnieLists}).
 *
 * <p>Must not know: themes or hedging, sources, the index or any engine. Depends on {@code article}
 * and {@code enrich.text}.
 */
package org.morgue.indexer.enrich.actor;
