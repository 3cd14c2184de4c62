package org.morgue.indexer.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits text into paragraphs at blank lines, the convention of plain text, of a JSON body and of
 * Atom's text content: a single line end of any kind (LF, CR LF, CR, NEL, LS, PS) joins two lines
 * of one paragraph, and a line with nothing but spaces on it is blank.
 */
final class BlankLineParagraphs {
  private static final Pattern LINE_END = Pattern.compile("\\R");
  /**
   * On text whose line ends are all LF. {@code \R\s*\R} on the text as written matched the CR and
   * the LF of one Windows line end separately, so every line of such a text was a paragraph.
   */
  private static final Pattern BLANK_LINE = Pattern.compile("\n\\s*\n");

  private BlankLineParagraphs() {}

  /** The paragraphs of the text in order, their line ends LF, none of them blank. */
  static List<String> split(String text) {
    List<String> paragraphs = new ArrayList<>();
    for (String chunk : BLANK_LINE.split(LINE_END.matcher(text).replaceAll("\n"))) {
      if (!chunk.isBlank()) {
        paragraphs.add(chunk);
      }
    }
    return paragraphs;
  }
}
