package org.morgue.indexer.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

/**
 * Turns the HTML of an article body into blocks in reading order: {@code <h2>}–{@code <h6>} are
 * headings, {@code <p>} paragraphs, {@code <li>} list items, {@code <blockquote>} quotes, and the
 * first paragraph is the lede. Text standing loose between blocks (feeds often send {@code text<br>
 * text} without any {@code <p>}) becomes a paragraph of its own.
 *
 * <p>The caller strips boilerplate first ({@link HtmlBoilerplate}); this class only reads.
 */
final class HtmlBlockReader {
  private static final Map<String, BlockKind> BLOCK_TAGS = Map.ofEntries(
      Map.entry("h2", BlockKind.HEADING),
      Map.entry("h3", BlockKind.HEADING),
      Map.entry("h4", BlockKind.HEADING),
      Map.entry("h5", BlockKind.HEADING),
      Map.entry("h6", BlockKind.HEADING),
      Map.entry("p", BlockKind.PARAGRAPH),
      Map.entry("li", BlockKind.LIST_ITEM),
      Map.entry("dd", BlockKind.PARAGRAPH),
      Map.entry("pre", BlockKind.PARAGRAPH),
      Map.entry("blockquote", BlockKind.QUOTE));

  /**
   * The blocks of an article body.
   *
   * @param body the element holding the text, already stripped of boilerplate
   * @param title the headline, so that an {@code <h1>} repeating it is not read as body text
   */
  List<Block> read(Element body, String title) {
    List<Block> blocks = new ArrayList<>();
    StringBuilder loose = new StringBuilder();
    String normalisedTitle = collapse(title);
    // NodeTraversor walks iteratively: deeply nested pages cannot overflow the stack.
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode text) {
          loose.append(text.getWholeText());
          return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element element) || node == body) {
          return FilterResult.CONTINUE;
        }
        if (element.normalName().equals("br") || element.isBlock()) {
          flushLoose(loose, blocks);
        }
        String name = element.normalName();
        if (name.equals("h1")) {
          String text = collapse(element.text());
          if (!text.equals(normalisedTitle)) {
            add(blocks, BlockKind.HEADING, text);
          }
          return FilterResult.SKIP_ENTIRELY;
        }
        BlockKind kind = BLOCK_TAGS.get(name);
        if (kind == null) {
          return FilterResult.CONTINUE;
        }
        add(blocks, kind, collapse(element.text()));
        return FilterResult.SKIP_ENTIRELY;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element element && element.isBlock()) {
          flushLoose(loose, blocks);
        }
        return FilterResult.CONTINUE;
      }
    }, body);
    flushLoose(loose, blocks);
    return withLede(blocks);
  }

  private static void flushLoose(StringBuilder loose, List<Block> blocks) {
    add(blocks, BlockKind.PARAGRAPH, collapse(loose.toString()));
    loose.setLength(0);
  }

  private static void add(List<Block> blocks, BlockKind kind, String text) {
    if (!text.isEmpty()) {
      blocks.add(new Block(kind, text));
    }
  }

  /** The first paragraph sums up the story, whatever headings stand before it. */
  private static List<Block> withLede(List<Block> blocks) {
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).kind() == BlockKind.PARAGRAPH) {
        blocks.set(i, new Block(BlockKind.LEDE, blocks.get(i).text()));
        break;
      }
    }
    return List.copyOf(blocks);
  }

  /** Collapses runs of white space, including the non-breaking spaces pages pad text with. */
  static String collapse(String text) {
    return text.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
  }
}
