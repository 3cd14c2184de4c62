package org.morgue.indexer.enrich.actor;

import java.util.Objects;
import org.morgue.article.ActorType;

/** Who a mention refers to: a canonical name and a type, the identity an actor has across the archive. */
record ActorKey(String name, ActorType type) {
  ActorKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
