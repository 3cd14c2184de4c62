package org.morgue.curation;

import org.morgue.article.ActorType;

/** An actor a curator names: its canonical name and type. */
public record ActorRef(String name, ActorType type) {}
