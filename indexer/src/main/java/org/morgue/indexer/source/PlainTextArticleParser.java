package org.morgue.indexer.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

/**
 * Parses Morgue's plain-text article layout, the layout of the seed articles:
 *
 * <ul>
 *   <li>the headline on the first line, alone in a file that holds no text of the article (a
 *       catalogue card's headline, kept with an empty body as a JSON Lines record with a title alone is);
 *   <li>blocks separated by blank lines, the first of them the lede;
 *   <li>bullet lines ("  • ..."): the first list is the key points, later ones list items;
 *   <li>a heading is a single short line that does not end like a sentence;
 *   <li>a pull quote is a short paragraph (at most two sentences) that closes a section, right
 *       before a heading, after an ordinary paragraph.
 * </ul>
 *
 * The layout has no id, date or source, so the caller supplies them.
 */
public final class PlainTextArticleParser {
  private static final Pattern BULLET = Pattern.compile("^\\s*[•\\u2022*\\-]\\s+");
  /**
   * The rest of a word: letters, figures, apostrophes and hyphens, with a point or comma only inside a
   * figure ("8.7", "1,204"). Runs of letters are matched possessively, without a step of recursion a
   * letter: as an alternation repeated a letter at a time, a "word" of 9,000 letters overflowed the
   * stack and ended the whole run.
   */
  private static final String WORD_REST = "[\\p{L}\\p{N}'’\\-]*+(?:[.,](?=\\p{N})[\\p{L}\\p{N}'’\\-]*+)*";

  /**
   * Four words in a row and then the end of a sentence: the least an article's body
   * contains ("Mayor Jane Smith resigned.", a brief; six words refused it, a librarian's trial of
   * session 39). A figure counts as a word ("in 1961.", "by 3-1.", "at 8.7 metres.", "rose 5%."),
   * since briefs end on scores and years, but at least three of the words, and more than half, must
   * be words of letters ({@link #LETTERS}), so that a table of figures or scores is no sentence.
   */
  private static final Pattern PROSE = Pattern.compile(
      "(?:[\\p{L}\\p{N}]" + WORD_REST + "[,;:%]?\\s+){3}[\\p{L}\\p{N}]" + WORD_REST + "%?[.!?]");
  private static final Pattern LETTERS = Pattern.compile("\\p{L}[\\p{L}'’\\-]*[,;:.!?]?");
  private static final int MAX_HEADING_LENGTH = 120;
  /**
   * The longest line kept as a headline alone: a longer one with nothing after it is a paragraph
   * whose headline is missing, not a headline whose text is.
   */
  private static final int MAX_HEADLINE_ALONE = 200;
  /** A word of a headline, once the quotes and marks around it are off ("‘We", "fight,’", "U.S."). */
  private static final Pattern HEADLINE_WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’.\\-]*");
  private static final Pattern AROUND_WORD = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}.]+$");
  private static final int MAX_QUOTE_LENGTH = 240;

  /**
   * Parses one article.
   *
   * @param text the file's text
   * @param id the article's id
   * @param source the publication or collection
   * @param origin where the text came from, for error messages
   * @throws MalformedArticleException when there is no headline, a lone line is no headline, or the
   *     body has no sentence
   */
  public Article parse(String text, String id, String source, String origin)
      throws MalformedArticleException {
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (normalised.isEmpty()) {
      throw new MalformedArticleException(SkipReason.EMPTY, origin, "the file is empty");
    }
    int firstBreak = normalised.indexOf('\n');
    String title = collapse(firstBreak < 0 ? normalised : normalised.substring(0, firstBreak));
    String rest = firstBreak < 0 ? "" : normalised.substring(firstBreak + 1);
    List<Block> blocks = blocks(rest);
    if (blocks.isEmpty()) {
      // Kept, as a JSON Lines record with a title and no body is (the format warns): a librarian's
      // trial found the one kept and the other refused, for the same catalogue entry.
      requireHeadline(title, origin);
      return new Article(id, title, List.of(), Optional.empty(), source, Optional.empty(), List.of(), origin);
    }
    if (blocks.stream().noneMatch(block -> hasSentence(block.text()))) {
      // A .txt file of codes, a word list or a table is not an article, whatever its extension.
      throw new MalformedArticleException(SkipReason.NO_TEXT, origin, "no sentences (four words or more ending in '.', '!' or '?'): not an article in the plain-text layout");
    }
    return new Article(id, title, blocks, Optional.empty(), source, Optional.empty(), List.of(), origin);
  }

  /**
   * Refuses a lone line that is no headline: a paragraph that lost its headline, or a line of codes or
   * figures ("1.2.3", a version file) that a .txt extension does not make an article. A headline has
   * two words or more, most of them words of letters.
   */
  private static void requireHeadline(String line, String origin) throws MalformedArticleException {
    if (line.length() > MAX_HEADLINE_ALONE) {
      throw new MalformedArticleException(SkipReason.NO_TEXT, origin, "one line of " + line.length()
          + " characters and no text after it: too long for a headline alone (at most " + MAX_HEADLINE_ALONE
          + "); put the headline on line 1 and the text after a blank line");
    }
    String[] words = line.split(" ");
    long letters = Arrays.stream(words).map(word -> AROUND_WORD.matcher(word).replaceAll(""))
        .filter(word -> HEADLINE_WORD.matcher(word).matches()).count();
    if (letters < 2 || letters * 2 <= words.length) {
      throw new MalformedArticleException(SkipReason.NO_TEXT, origin, "one line, '" + line + "', and no text after it:"
          + " a headline alone is kept, but this is no headline (two words or more, most of them of letters);"
          + " not an article in the plain-text layout");
    }
  }

  private static boolean hasSentence(String text) {
    java.util.regex.Matcher prose = PROSE.matcher(text);
    while (prose.find()) {
      // The sentence's last words, up to eight, judged together: four alone would make "1,204 votes to
      // 87." a table. A fixed reach keeps the check linear on a long text with no full stop.
      String[] before = text.substring(Math.max(0, prose.start() - 80), prose.start()).split("\\s+");
      List<String> words = new ArrayList<>(Arrays.asList(prose.group().split("\\s+")));
      for (int i = before.length - 1; i > 0 && words.size() < 8 && !before[i].matches(".*[.!?]"); i--) {
        words.add(0, before[i]);
      }
      long letters = words.stream().filter(word -> LETTERS.matcher(word).matches()).count();
      if (letters >= 3 && letters * 2 > words.size()) {
        return true;
      }
    }
    return false;
  }

  private List<Block> blocks(String body) {
    List<Block> blocks = new ArrayList<>();
    boolean seenKeyPoints = false;
    for (String chunk : BlankLineParagraphs.split(body)) {
      List<String> lines = chunk.lines().filter(line -> !line.isBlank()).toList();
      if (lines.stream().allMatch(line -> BULLET.matcher(line).find())) {
        boolean keyPoints = !seenKeyPoints && blocks.size() == 1;
        for (String line : lines) {
          String item = collapse(BULLET.matcher(line).replaceFirst(""));
          blocks.add(new Block(keyPoints ? BlockKind.KEY_POINT : BlockKind.LIST_ITEM, item));
        }
        seenKeyPoints |= keyPoints;
        continue;
      }
      String paragraph = collapse(String.join(" ", lines));
      BlockKind kind;
      if (blocks.isEmpty()) {
        kind = BlockKind.LEDE;
      } else if (lines.size() == 1 && looksLikeHeading(paragraph)) {
        kind = BlockKind.HEADING;
      } else {
        kind = BlockKind.PARAGRAPH;
      }
      blocks.add(new Block(kind, paragraph));
    }
    return markPullQuotes(blocks);
  }

  private static boolean looksLikeHeading(String line) {
    if (line.length() > MAX_HEADING_LENGTH) {
      return false;
    }
    char last = line.charAt(line.length() - 1);
    return ".!?:;,\"”’)".indexOf(last) < 0;
  }

  /** A pull quote is only recognisable by where it stands, so it is found after the first pass. */
  private static List<Block> markPullQuotes(List<Block> blocks) {
    List<Block> marked = new ArrayList<>(blocks);
    for (int i = 1; i + 1 < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (block.kind() == BlockKind.PARAGRAPH
          && blocks.get(i - 1).kind() == BlockKind.PARAGRAPH
          && blocks.get(i + 1).kind() == BlockKind.HEADING
          && block.text().length() <= MAX_QUOTE_LENGTH
          && sentenceCount(block.text()) <= 2) {
        marked.set(i, new Block(BlockKind.QUOTE, block.text()));
      }
    }
    return marked;
  }

  private static int sentenceCount(String text) {
    return text.split("(?<=[.!?])\\s+").length;
  }

  private static String collapse(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
