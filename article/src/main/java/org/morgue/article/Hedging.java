package org.morgue.article;

import java.util.List;
import java.util.Optional;

/**
 * How sure the article's writing is.
 *
 * @param score the article's hedging score (its definition is documented with the hedge lexicon)
 * @param level the score bucketed into low, medium or high; empty when the article is its headline
 *     alone, which is too little writing to judge how sure it is (a headline with no hedge said "low"
 *     on the card, the reader and in the hedging facet: a user trial)
 * @param sentences how many sentences the article has
 * @param hedgedSentences how many of them carry at least one hedge cue
 * @param sentenceSpans where each sentence lies in the article text, by sentence index
 * @param cues every hedge, booster and attribution, in text order
 */
public record Hedging(
    double score,
    Optional<HedgeLevel> level,
    int sentences,
    int hedgedSentences,
    List<Span> sentenceSpans,
    List<Cue> cues) {
  public Hedging {
    level = level == null ? Optional.empty() : level;
    sentenceSpans = List.copyOf(sentenceSpans);
    cues = List.copyOf(cues);
  }
}
