package org.morgue.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

/**
 * Makes a copy of a real article with one of the edits a wire story meets on its way through the
 * papers (issue #20), drawing every choice from a seeded {@link Random}. A copy's id is the
 * original's with {@code ~} and the edit's id appended.
 *
 * <p>An article of fewer than {@link #MIN_PARAGRAPHS} paragraphs is edited by sentence instead (a
 * Reuters story is often two or three long paragraphs), so "the last paragraphs" are never the whole
 * story.
 *
 * <p>Public for the bench module, whose generated corpora hold such copies (the cost of story
 * detection at scale); the edits are defined here once.
 */
public final class CopyEditor {
  static final int MIN_PARAGRAPHS = 4;
  private static final Pattern NUMBER = Pattern.compile("\\b\\d{1,9}(?:[.,]\\d+)?\\b");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"'\u201d]?)\\s+(?=[\"'\u201c]?[A-Z])");
  private static final List<String> DATELINES = List.of("WASHINGTON (Morgue Wire) -", "NEW YORK, (AP) -",
      "LONDON (Reuters) -", "From our wire services:", "By The Associated Press");
  private static final List<String> UPDATES = List.of(
      "Officials did not immediately respond to requests for comment on Tuesday.",
      "The figures were revised later in the day after new information was released.",
      "A spokesman said further details would be made public in the coming days.",
      "The statement was issued after markets closed, and analysts said they were still studying it.");

  /** The edits, each one kind of copy. */
  public enum Edit {
    /** A paper's new headline and its dateline or credit line at the top. */
    HEADLINE,
    /** The last paragraphs cut, keeping half to 85% of them. */
    TRIM,
    /** One figure changed. */
    FIGURE,
    /** One figure changed and a correction line added at the end. */
    CORRECTION,
    /** A re-issue: one paragraph after the first rewritten (its first half kept, a new sentence added). */
    REISSUE,
    /** A paper's run of it: new headline and dateline, the ending cut and a figure changed. */
    PAPER;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Random random;

  public CopyEditor(Random random) {
    this.random = random;
  }

  /** The edit a copy's id names; empty for an original. */
  static String editOf(String id) {
    int tilde = id.lastIndexOf('~');
    return tilde < 0 ? "" : id.substring(tilde + 1);
  }

  /** A copy of the article with the edit. */
  public Article copy(Article original, Edit edit) {
    List<String> units = units(original);
    String title = original.title();
    switch (edit) {
      case HEADLINE -> {
        title = headline(original);
        dateline(units);
      }
      case TRIM -> units = trim(units);
      case FIGURE -> changeFigure(units);
      case CORRECTION -> {
        Optional<String> note = changeFigure(units);
        units.add("Correction: an earlier version of this story gave a wrong figure"
            + note.map(n -> "; it is " + n).orElse("") + ".");
      }
      case REISSUE -> reissue(units);
      case PAPER -> {
        title = headline(original);
        dateline(units);
        units = trim(units);
        changeFigure(units);
      }
    }
    boolean byParagraph = original.blocks().size() >= MIN_PARAGRAPHS;
    List<Block> blocks = byParagraph ? units.stream().map(u -> new Block(BlockKind.PARAGRAPH, u)).toList()
        : List.of(new Block(BlockKind.PARAGRAPH, String.join(" ", units)));
    return new Article(original.id() + "~" + edit.id(), title, blocks, original.published(), original.source(),
        original.url(), original.authors(), original.origin() + "~" + edit.id(), original.metadata());
  }

  /** Paragraphs, or sentences for a short article: what edits cut and rewrite. */
  private static List<String> units(Article article) {
    if (article.blocks().size() >= MIN_PARAGRAPHS) {
      return new ArrayList<>(article.blocks().stream().map(Block::text).toList());
    }
    List<String> sentences = new ArrayList<>();
    for (Block block : article.blocks()) {
      sentences.addAll(List.of(SENTENCE_END.split(block.text().strip())));
    }
    return sentences;
  }

  private String headline(Article original) {
    String[] words = original.title().split("\\s+");
    int keep = Math.max(1, words.length / 2 + random.nextInt(Math.max(1, words.length / 2)));
    return "UPDATE: " + String.join(" ", List.of(words).subList(0, Math.min(keep, words.length)));
  }

  private void dateline(List<String> units) {
    units.set(0, DATELINES.get(random.nextInt(DATELINES.size())) + " " + units.get(0));
  }

  private List<String> trim(List<String> units) {
    double keep = 0.5 + 0.35 * random.nextDouble();
    int kept = Math.max(1, (int) Math.ceil(units.size() * keep));
    return new ArrayList<>(units.subList(0, Math.min(units.size(), kept)));
  }

  /** Changes one number in the text (or adds one where there is none); the new figure, said in words. */
  private Optional<String> changeFigure(List<String> units) {
    List<int[]> places = new ArrayList<>();
    for (int u = 0; u < units.size(); u++) {
      Matcher m = NUMBER.matcher(units.get(u));
      while (m.find()) {
        places.add(new int[] {u, m.start(), m.end()});
      }
    }
    if (places.isEmpty()) {
      int u = random.nextInt(units.size());
      String figure = String.valueOf(2 + random.nextInt(98));
      units.set(u, units.get(u) + " Some " + figure + " people were involved.");
      return Optional.of(figure);
    }
    int[] at = places.get(random.nextInt(places.size()));
    String unit = units.get(at[0]);
    String old = unit.substring(at[1], at[2]);
    String figure = String.valueOf(Math.max(0, Integer.parseInt(old.replaceAll("[.,].*", ""))
        + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(9))));
    units.set(at[0], unit.substring(0, at[1]) + figure + unit.substring(at[2]));
    return Optional.of(figure + ", not " + old);
  }

  /**
   * Rewrites one unit after the first: keeps the first half of its sentences (at least one) and adds a
   * new one. A one-unit story keeps its text and gains the sentence: a re-issue never drops the story.
   */
  private void reissue(List<String> units) {
    int u = units.size() == 1 ? 0 : 1 + random.nextInt(units.size() - 1);
    String[] sentences = SENTENCE_END.split(units.get(u).strip());
    int keep = units.size() == 1 ? sentences.length : Math.max(1, sentences.length / 2);
    List<String> rewritten = new ArrayList<>(List.of(sentences).subList(0, keep));
    rewritten.add(UPDATES.get(random.nextInt(UPDATES.size())));
    units.set(u, String.join(" ", rewritten));
  }
}
