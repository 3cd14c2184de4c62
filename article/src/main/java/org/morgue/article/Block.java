package org.morgue.article;

import java.util.Objects;

/** One piece of an article's body: a paragraph, a heading, a key point. */
public record Block(BlockKind kind, String text) {
  public Block {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }
}
