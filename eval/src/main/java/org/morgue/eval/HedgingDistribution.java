package org.morgue.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.morgue.article.Article;
import org.morgue.article.HedgeLevel;
import org.morgue.article.Hedging;
import org.morgue.indexer.enrich.hedge.HedgeDetector;

/**
 * How the hedging levels split a real archive: the score of every article of the sample corpus,
 * its quartiles, the articles per level, and where chosen articles rank. The thresholds are meant
 * to tell articles apart, so this is what they are judged by (docs/enrichment.md).
 *
 * @param articles how many articles were scored: those with a level, not those the archive holds only the
 *     headline of, which {@link HedgeDetector} does not measure
 * @param quantiles the score at the 10th, 25th, 50th, 75th and 90th percentile
 * @param perLevel how many articles fall in each level
 * @param ranks for each chosen article id, its rank by score (1 is the most hedged), score and level
 */
public record HedgingDistribution(int articles, double[] quantiles, Map<HedgeLevel, Integer> perLevel, List<Rank> ranks) {
  /** The percentiles reported. */
  public static final int[] PERCENTILES = {10, 25, 50, 75, 90};

  /** One chosen article's place in the archive. */
  public record Rank(String id, int rank, double score, HedgeLevel level, int hedgedSentences, int sentences) {}

  /** Scores every article and ranks those whose id is in {@code chosen}. */
  public static HedgingDistribution of(List<Article> corpus, HedgeDetector detector, List<String> chosen) {
    record Scored(String id, Hedging hedging) {}
    List<Scored> scored = new ArrayList<>();
    for (Article article : corpus) {
      Hedging hedging = detector.detect(article);
      if (hedging.level().isPresent()) {
        scored.add(new Scored(article.id(), hedging));
      }
    }
    scored.sort(Comparator.comparingDouble((Scored s) -> -s.hedging().score()).thenComparing(Scored::id));
    Map<HedgeLevel, Integer> perLevel = new EnumMap<>(HedgeLevel.class);
    for (HedgeLevel level : HedgeLevel.values()) {
      perLevel.put(level, 0);
    }
    scored.forEach(s -> perLevel.merge(s.hedging().level().orElseThrow(), 1, Integer::sum));
    double[] quantiles = new double[PERCENTILES.length];
    for (int i = 0; i < PERCENTILES.length && !scored.isEmpty(); i++) {
      // Ascending rank of the percentile, nearest-rank method.
      int ascending = (int) Math.ceil(PERCENTILES[i] / 100.0 * scored.size());
      quantiles[i] = scored.get(scored.size() - Math.max(1, ascending)).hedging().score();
    }
    List<Rank> ranks = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      Scored s = scored.get(i);
      if (chosen.contains(s.id())) {
        ranks.add(new Rank(s.id(), i + 1, s.hedging().score(), s.hedging().level().orElseThrow(), s.hedging().hedgedSentences(),
            s.hedging().sentences()));
      }
    }
    return new HedgingDistribution(scored.size(), quantiles, Map.copyOf(perLevel), List.copyOf(ranks));
  }
}
