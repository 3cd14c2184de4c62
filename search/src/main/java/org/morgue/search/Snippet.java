package org.morgue.search;

import java.util.List;
import java.util.Objects;

/**
 * A search hit's snippet as plain text in parts, each marked where it matched the query or not: no
 * markup and no escaping, so any client can render it exactly. {@link #html()} is the one place it
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

  /**
   * The snippet as HTML: every part's text escaped exactly once ({@code & < > " '}), marked parts in
   * {@code <mark>}. Nothing else is markup.
   */
  public String html() {
    StringBuilder html = new StringBuilder();
    for (Part part : parts) {
      if (part.marked()) {
        html.append("<mark>");
      }
      escape(part.text(), html);
      if (part.marked()) {
        html.append("</mark>");
      }
    }
    return html.toString();
  }

  private static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }
}
