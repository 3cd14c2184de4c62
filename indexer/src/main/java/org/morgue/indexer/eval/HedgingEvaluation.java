package org.morgue.indexer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.morgue.indexer.article.Article;
import org.morgue.indexer.article.Block;
import org.morgue.indexer.article.BlockKind;
import org.morgue.indexer.article.Cue;
import org.morgue.indexer.article.CueKind;
import org.morgue.indexer.enrich.HedgeDetector;

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
   * @param disagreements each sentence where the two differ, for a person to read
   */
  public record Result(Score sentences, Score cues, List<String> disagreements) {}

  /** Runs the detector over every sentence and compares. */
  public Result evaluate(List<HedgedSentence> gold) {
    Score sentences = Score.EMPTY;
    Score cueScore = Score.EMPTY;
    List<String> disagreements = new ArrayList<>();
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
        Optional<Cue> match = predicted.stream()
            .filter(p -> p.text().toLowerCase(Locale.ROOT).contains(anchor)).findFirst();
        if (match.isPresent()) {
          correct++;
          predicted.remove(match.get());
        } else {
          missed.add(cue.anchor());
        }
      }
      cueScore = cueScore.plus(new Score(correct, predictedCount, expected));
      if (!missed.isEmpty() || !predicted.isEmpty()) {
        StringBuilder line = new StringBuilder(sentence.source()).append(": ").append(sentence.sentence());
        missed.forEach(m -> line.append("\n    missed ").append(m));
        predicted.forEach(p -> line.append("\n    extra  ").append(p.text()).append(" (").append(p.category()).append(')'));
        disagreements.add(line.toString());
      }
    }
    return new Result(sentences, cueScore, List.copyOf(disagreements));
  }
}
