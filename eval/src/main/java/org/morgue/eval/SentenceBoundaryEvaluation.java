package org.morgue.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.article.Span;
import org.morgue.article.text.SentenceSplitter;

/**
 * The sentence splitter against paragraphs whose sentence boundaries are known (the Brown Corpus
 * marks every sentence; {@code eval/sentences/brown-boundaries.txt}): each paragraph's sentences are joined
 * with a space and split again, and the boundaries found are compared with the true ones.
 */
public final class SentenceBoundaryEvaluation {
  private final SentenceSplitter splitter;

  public SentenceBoundaryEvaluation(SentenceSplitter splitter) {
    this.splitter = splitter;
  }

  /**
   * The result on one set.
   *
   * @param boundaries sentence boundaries inside paragraphs: found against true
   * @param disagreements each paragraph where the two differ, for a person to read
   */
  public record Result(Score boundaries, List<String> disagreements) {}

  /** Reads paragraphs (one sentence a line, a blank line between paragraphs, {@code #} comments). */
  public static List<List<String>> read(Path file) throws IOException {
    List<List<String>> paragraphs = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          paragraphs.add(List.copyOf(current));
          current.clear();
        }
      } else {
        current.add(line.strip());
      }
    }
    if (!current.isEmpty()) {
      paragraphs.add(List.copyOf(current));
    }
    return paragraphs;
  }

  /** Splits every paragraph and compares its boundaries with the true ones. */
  public Result evaluate(List<List<String>> paragraphs) {
    Score score = Score.EMPTY;
    List<String> disagreements = new ArrayList<>();
    for (List<String> sentences : paragraphs) {
      String text = String.join(" ", sentences);
      Set<Integer> expected = new HashSet<>();
      int at = 0;
      for (int i = 0; i < sentences.size(); i++) {
        if (i > 0) {
          expected.add(at);
        }
        at += sentences.get(i).length() + 1;
      }
      Article article = new Article("eval", "", List.of(new Block(BlockKind.PARAGRAPH, text)),
          Optional.empty(), "eval", Optional.empty(), List.of(), "eval");
      List<Span> spans = splitter.split(article);
      int offset = article.text().indexOf(text);
      Set<Integer> predicted = new HashSet<>();
      for (int i = 1; i < spans.size(); i++) {
        predicted.add(spans.get(i).start() - offset);
      }
      Set<Integer> correct = new HashSet<>(predicted);
      correct.retainAll(expected);
      score = score.plus(new Score(correct.size(), predicted.size(), expected.size()));
      if (!predicted.equals(expected)) {
        StringBuilder line = new StringBuilder(text);
        expected.stream().filter(b -> !predicted.contains(b)).sorted()
            .forEach(b -> line.append("\n    missed before: ").append(text, b, Math.min(text.length(), b + 30)));
        predicted.stream().filter(b -> !expected.contains(b)).sorted()
            .forEach(b -> line.append("\n    extra before:  ").append(text, b, Math.min(text.length(), b + 30)));
        disagreements.add(line.toString());
      }
    }
    return new Result(score, List.copyOf(disagreements));
  }
}
