package org.morgue.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.article.Cue;
import org.morgue.article.CueKind;
import org.morgue.indexer.enrich.hedge.HedgeDetector;

/**
 * The hedge detector against annotated sentences. A sentence is hedged when it has at least one
 * hedge cue; attributions and boosters do not make a sentence hedged. Each sentence is detected on
 * its own, as the one paragraph of an article.
 */
public final class HedgingEvaluation {
  private final HedgeDetector detector;

  public HedgingEvaluation(HedgeDetector detector) {
    this.detector = detector;
  }

  /**
   * The result on one set.
   *
   * @param sentences hedged sentences: predicted hedged against annotated hedged
   * @param cues hedge cues: a predicted hedge matches a gold one whose anchor its text contains
   * @param byWord the hedge cues word by word, most frequent first: where the detector is right and
   *     where it is wrong
   * @param disagreements each sentence where the two differ, for a person to read
   */
  public record Result(Score sentences, Score cues, List<CueWord> byWord, List<String> disagreements) {}

  /**
   * The confusion of one cue word: gold cues found, predicted cues the gold lacks, gold cues missed.
   * A found or missed cue is keyed by the annotator's words, an extra one by the detector's.
   */
  public record CueWord(String word, int found, int extra, int missed) {
    /** How often the word came up at all. */
    public int total() {
      return found + extra + missed;
    }
  }

  /** Runs the detector over every sentence and compares. */
  public Result evaluate(List<HedgedSentence> gold) {
    Score sentences = Score.EMPTY;
    Score cueScore = Score.EMPTY;
    List<String> disagreements = new ArrayList<>();
    Map<String, int[]> byWord = new TreeMap<>();
    for (HedgedSentence sentence : gold) {
      Article article = new Article("eval", "", List.of(new Block(BlockKind.PARAGRAPH, sentence.sentence())),
          Optional.empty(), "eval", Optional.empty(), List.of(), "eval");
      List<Cue> predicted = new ArrayList<>(detector.detect(article).cues().stream()
          .filter(cue -> cue.kind() == CueKind.HEDGE).toList());
      boolean hedged = !predicted.isEmpty();
      sentences = sentences.plus(new Score(hedged && sentence.hedged() ? 1 : 0, hedged ? 1 : 0, sentence.hedged() ? 1 : 0));
      int predictedCount = predicted.size();
      int expected = 0;
      int correct = 0;
      List<String> missed = new ArrayList<>();
      for (HedgedSentence.GoldCue cue : sentence.cues()) {
        if (!cue.kind().equals("hedge")) {
          continue;
        }
        expected++;
        String anchor = cue.anchor().toLowerCase(Locale.ROOT);
        // Either may hold the other: "who asked not to be named" against "asked not to be named",
        // "expected" against "is expected to".
        Optional<Cue> match = predicted.stream()
            .filter(p -> overlaps(p.text().toLowerCase(Locale.ROOT), anchor)).findFirst();
        if (match.isPresent()) {
          correct++;
          predicted.remove(match.get());
          count(byWord, anchor, 0);
        } else {
          missed.add(cue.anchor());
          count(byWord, anchor, 2);
        }
      }
      predicted.forEach(p -> count(byWord, p.text().toLowerCase(Locale.ROOT), 1));
      cueScore = cueScore.plus(new Score(correct, predictedCount, expected));
      if (!missed.isEmpty() || !predicted.isEmpty()) {
        StringBuilder line = new StringBuilder(sentence.source()).append(": ").append(sentence.sentence());
        missed.forEach(m -> line.append("\n    missed ").append(m));
        predicted.forEach(p -> line.append("\n    extra  ").append(p.text()).append(" (").append(p.category()).append(')'));
        disagreements.add(line.toString());
      }
    }
    List<CueWord> words = byWord.entrySet().stream()
        .map(e -> new CueWord(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
        .sorted(Comparator.comparingInt(CueWord::total).reversed().thenComparing(CueWord::word))
        .toList();
    return new Result(sentences, cueScore, words, List.copyOf(disagreements));
  }

  private static boolean overlaps(String predicted, String anchor) {
    return predicted.contains(anchor) || anchor.contains(predicted);
  }

  private static void count(Map<String, int[]> byWord, String word, int column) {
    byWord.computeIfAbsent(word.strip(), w -> new int[3])[column]++;
  }
}
