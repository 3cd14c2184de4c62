package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.Token;

import java.util.List;

/**
 * One alias of a gazetteer actor, split into tokens.
 *
 * @param tokens the alias's token keys, as {@link Token#split} makes them, accents folded ({@link
 *     org.morgue.indexer.enrich.text.AccentFolding})
 * @param actor the actor the alias names
 * @param contextual whether the alias (written {@code ~alias} in the file) only counts once the
 *     article has named an actor from the same file; "the administration" means the U.S.
 *     government only in an article that already named a U.S. government body
 * @param file the gazetteer file the alias comes from
 */
record GazetteerEntry(List<String> tokens, ActorKey actor, boolean contextual, String file) {
  GazetteerEntry {
    tokens = List.copyOf(tokens);
  }
}
