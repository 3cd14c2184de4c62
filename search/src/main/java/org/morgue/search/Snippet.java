package org.morgue.search;

import java.util.List;
import java.util.Objects;
import org.morgue.article.Block;

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

  /** Whether any part matched the query: a snippet without marks shows an article's first words only. */
  public boolean marked() {
    return parts.stream().anyMatch(Part::marked);
  }

  /** The snippet as plain text, without its marks. */
  public String text() {
    StringBuilder text = new StringBuilder();
    parts.forEach(part -> text.append(part.text()));
    return text.toString();
  }

  /** How much of a body's lead a snippet without marked words shows, at most. */
  private static final int LEAD_CHARS = 240;
  private static final java.util.regex.Pattern BLOCK_BREAK_SPACE = java.util.regex.Pattern.compile("\\s*\\n\\s*\\n\\s*");

  /**
   * The snippet of a hit with no passage to mark (or no query words at all): the body's first words,
   * past an opening salutation, cut at a word, with block breaks shown; empty only for an empty body.
   * Every engine shows the same.
   */
  public static Snippet lead(String body) {
    if (body.isBlank()) {
      return EMPTY;
    }
    String lead = withoutSalutation(body.strip());
    boolean cut = lead.length() > LEAD_CHARS;
    if (cut) {
      int space = lead.lastIndexOf(' ', LEAD_CHARS);
      lead = lead.substring(0, space > 0 ? space : LEAD_CHARS).strip();
    }
    String oneLine = BLOCK_BREAK_SPACE.matcher(lead).replaceAll(BLOCK_BREAK).replaceAll("\\s+", " ");
    return new Snippet(List.of(new Part(cut ? oneLine + GAP.stripTrailing() : oneLine, false)));
  }

  /**
   * The body past its first block when that block is a salutation ({@link Block#isSalutation}) and
   * more follows. An address opens "Fellow-Citizens of the Senate and House of Representatives:",
   * and a list of a president's addresses showed that line, the same on every hit, and nothing of
   * what each says.
   */
  private static String withoutSalutation(String body) {
    java.util.regex.Matcher breakAfter = BLOCK_BREAK_SPACE.matcher(body);
    return breakAfter.find() && Block.isSalutation(body.substring(0, breakAfter.start()))
        ? body.substring(breakAfter.end()) : body;
  }
}
