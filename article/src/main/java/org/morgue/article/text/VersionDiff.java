package org.morgue.article.text;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.morgue.article.Article;
import org.morgue.article.Span;
import org.morgue.article.text.ArticleDiff.Change;
import org.morgue.article.text.ArticleDiff.Sentence;
import org.morgue.article.text.ArticleDiff.Word;

/**
 * Compares two versions of an article (two copies of one wire story) sentence by sentence, in the
 * sentences {@link SentenceSplitter} finds, so a reader sees the correction line a paper added, the
 * paragraphs it cut, or the one figure a re-issue changed. Thread-safe and immutable.
 *
 * <p>The body's sentences are aligned by a longest-common-subsequence diff (Myers', from
 * java-diff-utils). A removed sentence followed by an added one that shares at least half of its
 * words (of the longer of the two, ignoring case) is one changed sentence, with its own word-level
 * diff; any other removed or added sentence stands alone. Sentences are compared with their runs of
 * white space made single spaces: re-flowed text is not a change.
 */
public final class VersionDiff {
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private final SentenceSplitter splitter;

  public VersionDiff(SentenceSplitter splitter) {
    this.splitter = splitter;
  }

  /** What changed from the older version to the newer. */
  public ArticleDiff compare(Article from, Article to) {
    List<String> before = bodySentences(from);
    List<String> after = bodySentences(to);
    Patch<String> patch = DiffUtils.diff(before, after);
    List<Sentence> sentences = new ArrayList<>();
    int kept = 0; // the next sentence of `before` not yet listed
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      int at = delta.getSource().getPosition();
      for (; kept < at; kept++) {
        sentences.add(Sentence.same(before.get(kept)));
      }
      pair(delta.getSource().getLines(), delta.getTarget().getLines(), sentences);
      kept = at + delta.getSource().size();
    }
    for (; kept < before.size(); kept++) {
      sentences.add(Sentence.same(before.get(kept)));
    }
    return new ArticleDiff(new ArticleDiff.Title(normalised(from.title()), normalised(to.title())), sentences);
  }

  /**
   * The body's sentences, without the headline (the diff shows that on its own), white space made
   * single spaces.
   */
  private List<String> bodySentences(Article article) {
    String text = article.text();
    List<String> sentences = new ArrayList<>();
    for (Span block : article.blockSpans()) {
      for (Span sentence : splitter.split(text, block)) {
        sentences.add(normalised(text.substring(sentence.start(), sentence.end())));
      }
    }
    return sentences;
  }

  /**
   * One place where the versions differ: each removed sentence becomes a changed one with the first
   * added sentence after the last pairing that is like it (the added ones it passes are listed
   * first, as added), else stays removed; added sentences left over follow.
   */
  private static void pair(List<String> removed, List<String> added, List<Sentence> out) {
    int next = 0; // the next added sentence not yet listed
    for (String old : removed) {
      int match = -1;
      for (int i = next; i < added.size() && match < 0; i++) {
        if (alike(old, added.get(i))) {
          match = i;
        }
      }
      if (match < 0) {
        out.add(Sentence.removed(old));
        continue;
      }
      for (; next < match; next++) {
        out.add(Sentence.added(added.get(next)));
      }
      String now = added.get(match);
      out.add(new Sentence(Change.CHANGED, old, now, words(old, now)));
      next = match + 1;
    }
    for (; next < added.size(); next++) {
      out.add(Sentence.added(added.get(next)));
    }
  }

  /** Whether two sentences share at least half the words of the longer one. */
  static boolean alike(String a, String b) {
    List<String> first = words(a);
    List<String> second = words(b);
    Map<String, Integer> counts = new HashMap<>();
    for (String word : first) {
      counts.merge(word.toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    int shared = 0;
    for (String word : second) {
      String key = word.toLowerCase(Locale.ROOT);
      Integer left = counts.get(key);
      if (left != null && left > 0) {
        counts.put(key, left - 1);
        shared++;
      }
    }
    return shared > 0 && 2 * shared >= Math.max(first.size(), second.size());
  }

  /** The word-level diff of a changed sentence: runs of kept, removed and added words in reading order. */
  private static List<Word> words(String from, String to) {
    List<String> before = words(from);
    List<String> after = words(to);
    List<Word> runs = new ArrayList<>();
    int kept = 0;
    for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
      int at = delta.getSource().getPosition();
      run(Change.SAME, before.subList(kept, at), runs);
      run(Change.REMOVED, delta.getSource().getLines(), runs);
      run(Change.ADDED, delta.getTarget().getLines(), runs);
      kept = at + delta.getSource().size();
    }
    run(Change.SAME, before.subList(kept, before.size()), runs);
    return runs;
  }

  private static void run(Change change, List<String> words, List<Word> runs) {
    if (!words.isEmpty()) {
      runs.add(new Word(change, String.join(" ", words)));
    }
  }

  private static List<String> words(String sentence) {
    return sentence.isEmpty() ? List.of() : List.of(WHITE_SPACE.split(sentence));
  }

  private static String normalised(String text) {
    return WHITE_SPACE.matcher(text.strip()).replaceAll(" ");
  }
}
