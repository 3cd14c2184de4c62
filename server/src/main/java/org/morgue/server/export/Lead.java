package org.morgue.server.export;

import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

/** An article's first paragraph: the abstract of a RIS record and the summary of a feed entry. */
final class Lead {
  private Lead() {}

  /**
   * The lede, else the first paragraph that is not an address's salutation ("To the Congress:"), else
   * the first paragraph, else the first block of any kind, else empty.
   */
  static String of(Article article) {
    String salutation = null;
    for (Block block : article.blocks()) {
      if (block.kind() == BlockKind.LEDE || block.kind() == BlockKind.PARAGRAPH) {
        if (salutation == null && Block.isSalutation(block.text())) {
          salutation = block.text().strip();
          continue;
        }
        return block.text().strip();
      }
    }
    if (salutation != null) {
      return salutation;
    }
    return article.blocks().isEmpty() ? "" : article.blocks().get(0).text().strip();
  }
}
