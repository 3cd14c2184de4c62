package org.morgue.indexer.enrich.text;

import java.util.ArrayList;
import java.util.List;
import org.morgue.article.Article;
import org.morgue.article.BlockKind;
import org.morgue.article.Span;

/**
 * Where an article quotes someone: the text between quotation marks, curly or straight, and every
 * pull quote. A hedge inside a quotation lowers the quoted speaker's commitment, not the writer's,
 * so the detector marks its cues as quoted. A quotation left open at the end of a paragraph ends
 * there: news style reopens it in the next paragraph.
 */
public final class Quotations {
  private final List<Span> spans;

  private Quotations(List<Span> spans) {
    this.spans = List.copyOf(spans);
  }

  /** The quoted stretches of the article's text. */
  public static Quotations of(Article article) {
    String text = article.text();
    List<Span> quoted = new ArrayList<>();
    List<Span> blocks = article.blockSpans();
    for (int b = 0; b < blocks.size(); b++) {
      Span block = blocks.get(b);
      if (article.blocks().get(b).kind() == BlockKind.QUOTE) {
        quoted.add(block);
        continue;
      }
      int open = -1;
      for (int i = block.start(); i < block.end(); i++) {
        char c = text.charAt(i);
        if (open < 0 && (c == '\u201c' || c == '"')) {
          open = i;
        } else if (open >= 0 && (c == '\u201d' || c == '"')) {
          quoted.add(new Span(open, i + 1));
          open = -1;
        }
      }
      if (open >= 0) {
        quoted.add(new Span(open, block.end()));
      }
    }
    return new Quotations(quoted);
  }

  /** Whether the offset lies inside a quotation. */
  public boolean contains(int offset) {
    for (Span span : spans) {
      if (span.start() <= offset && offset < span.end()) {
        return true;
      }
    }
    return false;
  }
}
