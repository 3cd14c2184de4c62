package org.morgue.article.text;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What changed between two versions of an article: the headline, and the body sentence by sentence
 * in reading order (see {@link VersionDiff}).
 *
 * @param title the two headlines
 * @param sentences every sentence of both bodies once, in the reading order of the two merged: a
 *     sentence both have, then what the newer one dropped before what it added in its place
 */
public record ArticleDiff(Title title, List<Sentence> sentences) {
  public ArticleDiff {
    Objects.requireNonNull(title, "title");
    sentences = List.copyOf(sentences);
  }

  /** How many sentences changed this way. */
  public int count(Change change) {
    return (int) sentences.stream().filter(sentence -> sentence.change() == change).count();
  }

  /** What happened to a sentence, or to a run of words inside a changed sentence. */
  public enum Change {
    /** In both versions, as written. */
    SAME,
    /** Only in the newer version. */
    ADDED,
    /** Only in the older version. */
    REMOVED,
    /** Rewritten: a removed sentence and the added one that replaces it (sentences only, never words). */
    CHANGED;

    /** The name used in the API, e.g. {@code added}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The two headlines, and whether they differ. */
  public record Title(String from, String to) {
    public Title {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    public boolean changed() {
      return !from.equals(to);
    }
  }

  /**
   * One sentence of the comparison.
   *
   * @param change same, added, removed or changed
   * @param from the sentence in the older version; empty when added
   * @param to the sentence in the newer version; empty when removed
   * @param words for a changed sentence, its words as runs kept, removed and added, in reading order
   *     (joined by single spaces they read as both sentences); empty otherwise
   */
  public record Sentence(Change change, String from, String to, List<Word> words) {
    public Sentence {
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      words = List.copyOf(words);
    }

    static Sentence same(String text) {
      return new Sentence(Change.SAME, text, text, List.of());
    }

    static Sentence added(String text) {
      return new Sentence(Change.ADDED, "", text, List.of());
    }

    static Sentence removed(String text) {
      return new Sentence(Change.REMOVED, text, "", List.of());
    }

    /** The sentence's text: the newer version's, or the older one's when it was removed. */
    public String text() {
      return change == Change.REMOVED ? from : to;
    }
  }

  /** A run of words of a changed sentence: kept ({@link Change#SAME}), removed or added. */
  public record Word(Change change, String text) {
    public Word {
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(text, "text");
      if (change == Change.CHANGED) {
        throw new IllegalArgumentException("a run of words is kept, removed or added");
      }
    }
  }
}
