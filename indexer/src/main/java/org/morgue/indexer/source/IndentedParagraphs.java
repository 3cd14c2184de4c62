package org.morgue.indexer.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits 1980s wire copy into paragraphs. Teletype bodies wrap at a fixed width and mark a new
 * paragraph only by indenting its first line a few spaces (or, less often, by a blank line), so
 * line breaks alone say nothing; the wrapped lines of one paragraph are joined with single spaces.
 */
final class IndentedParagraphs {
  private IndentedParagraphs() {}

  /** The paragraphs of the text, each on one line, with control characters removed. */
  static List<String> split(String text) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : text.split("\\R")) {
      // Teletype framing (&#2; start-of-text, &#3; end-of-text, stray DELs) is not part of the story.
      String line = raw.replaceAll("[\\p{Cntrl}&&[^\\t]]", "");
      boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
      if (line.isBlank() || indented) {
        flush(current, paragraphs);
      }
      if (!line.isBlank()) {
        if (!current.isEmpty()) {
          current.append(' ');
        }
        current.append(line.strip());
      }
    }
    flush(current, paragraphs);
    return paragraphs;
  }

  private static void flush(StringBuilder current, List<String> paragraphs) {
    if (!current.isEmpty()) {
      paragraphs.add(current.toString());
      current.setLength(0);
    }
  }
}
