package org.morgue.article;

import java.util.Objects;

/** One piece of an article's body: a paragraph, a heading, a key point. */
public record Block(BlockKind kind, String text) {
  /** The longest text taken for a salutation. */
  private static final int SALUTATION_CHARS = 200;

  public Block {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Whether a block's text reads as the salutation an address opens with ("To the Congress:",
   * "Fellow-Citizens of the Senate and House of Representatives:"): short, ending in a colon. What
   * stands for an article's lead (a hit's snippet, a feed's summary) passes over it, since it is the
   * same in every address and says nothing of this one.
   */
  public static boolean isSalutation(String text) {
    String stripped = text.strip();
    return stripped.length() <= SALUTATION_CHARS && stripped.endsWith(":");
  }
}
