package org.morgue.server.view;

import org.morgue.search.Snippet;

/**
 * A snippet as the API's {@code snippet} field carries it: HTML in which every part's text is
 * escaped exactly once ({@code & < > " '}) and matched parts are in {@code <mark>}; nothing else is
 * markup. Article text is untrusted, so this is the one place a snippet becomes HTML.
 */
final class SnippetHtml {
  private SnippetHtml() {}

  static String of(Snippet snippet) {
    StringBuilder html = new StringBuilder();
    for (Snippet.Part part : snippet.parts()) {
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
