package org.morgue.search;

import java.util.List;
import java.util.Objects;

/**
 * A search hit's snippet as plain text in parts, each marked where it matched the query or not: no
 * markup and no escaping, so any client can render it exactly. The server's views are where it
 * becomes HTML.
 *
 * @param parts the snippet's text in order; joined, they read as one line
 */
public record Snippet(List<Part> parts) {
  /** What separates passages with text left out between them. */
  public static final String GAP = " \u2026 ";
  /** What separates a heading or paragraph from the next block when nothing between them is left out. */
  public static final String BLOCK_BREAK = " \u00b7 ";

  /** An empty snippet, for an article with no body text. */
  public static final Snippet EMPTY = new Snippet(List.of());

  public Snippet {
    parts = List.copyOf(parts);
  }

  /**
   * One run of the snippet's text.
   *
   * @param text the article's text as written (or an ellipsis or separator Morgue added)
   * @param marked whether the text matched the query
   */
  public record Part(String text, boolean marked) {
    public Part {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The snippet as plain text, without its marks. */
  public String text() {
    StringBuilder text = new StringBuilder();
    parts.forEach(part -> text.append(part.text()));
    return text.toString();
  }
}
