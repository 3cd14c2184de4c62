package org.morgue.server.export;

import java.util.List;
import java.util.regex.Pattern;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

/** An article's first paragraph: the abstract of a RIS record and the summary of a feed entry. */
final class Lead {
  /** A paragraph that goes on from a dateline before it, as the Brown clippings write one: "-- The jury said ...". */
  private static final Pattern AFTER_A_DATELINE = Pattern.compile("^\\s*(?:--|\u2014|\u2013)");
  /** A few words with no sentence's end: a dateline ("Santa Barbara"), a kicker or a heading ("The nation"). */
  private static final Pattern NOT_A_SENTENCE = Pattern.compile("^\\S+(?:\\s+\\S+){0,5}$");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;\"\u201d'\u2019)]$");

  private Lead() {}

  /**
   * The lede, else the first paragraph that is not an address's salutation ("To the Congress:"), else
   * the first paragraph, else the first block of any kind, else empty. A dateline kept as a paragraph
   * of its own stays with the paragraph it heads ("Santa Barbara -- The present recovery ..."), and a
   * few words that are no sentence give way to the paragraph after them: an abstract of "Santa Barbara"
   * or "The nation" says nothing.
   */
  static String of(Article article) {
    List<Block> paragraphs = article.blocks().stream()
        .filter(block -> block.kind() == BlockKind.LEDE || block.kind() == BlockKind.PARAGRAPH).toList();
    String salutation = null;
    for (int i = 0; i < paragraphs.size(); i++) {
      String text = paragraphs.get(i).text().strip();
      if (salutation == null && Block.isSalutation(text)) {
        salutation = text;
        continue;
      }
      if (i + 1 < paragraphs.size()) {
        String next = paragraphs.get(i + 1).text().strip();
        if (AFTER_A_DATELINE.matcher(next).find()) {
          return text + " " + next;
        }
        if (NOT_A_SENTENCE.matcher(text).matches() && !SENTENCE_END.matcher(text).find()) {
          return next;
        }
      }
      return text;
    }
    if (salutation != null) {
      return salutation;
    }
    return article.blocks().isEmpty() ? "" : article.blocks().get(0).text().strip();
  }
}
