package org.morgue.indexer.enrich;

import java.util.List;
import org.morgue.indexer.article.Article;
import org.morgue.indexer.article.HedgeLevel;
import org.morgue.indexer.article.Hedging;

/** Finds hedges, boosters and attributions. PLACEHOLDER: replaced by the lexicon-based detector. */
public final class HedgeDetector {
  /** The detector with the lexicon that ships with Morgue. */
  public static HedgeDetector fromResources() {
    return new HedgeDetector();
  }

  /** The article's cues, sentence by sentence, and its overall score and level. */
  public Hedging detect(Article article) {
    return new Hedging(0, HedgeLevel.LOW, 0, 0, List.of(), List.of());
  }
}
