package org.morgue.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.morgue.article.ActorType;
import org.morgue.article.HedgeLevel;

/**
 * Everything one evaluation run measured, the targets of the enrichment issue checked on the
 * held-out parts, and the table {@code morgue eval} prints.
 */
public record EvaluationReport(
    HedgingEvaluation.Result hedgingDev,
    HedgingEvaluation.Result hedgingTest,
    HedgingDistribution hedgingLevels,
    SentenceBoundaryEvaluation.Result sentenceBoundaries,
    ActorEvaluation.Result actorsDev,
    ActorEvaluation.Result actorsTest,
    ReutersTagEvaluation.Result reutersDev,
    ReutersTagEvaluation.Result reutersTest,
    ReutersTagEvaluation.Result reutersAll,
    Optional<Speed> speed) {

  /** Hedged-sentence precision on unseen text annotated by eval/hedging/guidelines.md. */
  public static final double HEDGED_SENTENCE_PRECISION = 0.8;
  /** Hedged-sentence recall on the same. */
  public static final double HEDGED_SENTENCE_RECALL = 0.8;
  /** How many cue words the table lists. */
  static final int CUE_WORDS_SHOWN = 25;
  /** Recall of places and people. */
  public static final double ACTOR_RECALL = 0.9;
  /** Precision at that recall. */
  public static final double ACTOR_PRECISION = 0.8;
  /** Recall of organisations on the hand-listed actors (issue #14). */
  public static final double ORGANISATION_RECALL = 0.85;
  /** Precision at that recall. */
  public static final double ORGANISATION_PRECISION = 0.85;
  /** Share of Reuters stories whose top theme is under the tagged topic's IPTC top level. */
  public static final double THEME_AGREEMENT = 0.8;

  /**
   * Enrichment speed on one core.
   *
   * @param articles how many articles were enriched per pass
   * @param megabytes their size in MB of UTF-8 text
   */
  public record Speed(int articles, double megabytes, double actors, double themes, double hedging, double all) {}

  /** Each target the held-out parts miss, in words; empty when all are met. */
  public List<String> missedTargets() {
    List<String> missed = new ArrayList<>();
    Score hedged = hedgingTest.sentences();
    if (hedged.precision() < HEDGED_SENTENCE_PRECISION || hedged.recall() < HEDGED_SENTENCE_RECALL) {
      missed.add(String.format(Locale.ROOT,
          "hedged sentences on test: precision %.2f, recall %.2f (target precision >= %.2f and recall >= %.2f)",
          hedged.precision(), hedged.recall(), HEDGED_SENTENCE_PRECISION, HEDGED_SENTENCE_RECALL));
    }
    checkActors("Reuters PLACES on test", reutersTest.places(), missed);
    checkActors("places and people on the actor test set", actorsTest.placesAndPeople(), missed);
    Score organisations = actorsTest.byType().get(ActorType.ORGANISATION);
    if (organisations.recall() < ORGANISATION_RECALL || organisations.precision() < ORGANISATION_PRECISION) {
      missed.add(String.format(Locale.ROOT,
          "organisations on the actor test set: recall %.2f, precision %.2f (target recall >= %.2f at precision >= %.2f)",
          organisations.recall(), organisations.precision(), ORGANISATION_RECALL, ORGANISATION_PRECISION));
    }
    if (reutersTest.topTheme().recall() < THEME_AGREEMENT) {
      missed.add(String.format(Locale.ROOT, "theme agreement on Reuters test %.2f < %.2f",
          reutersTest.topTheme().recall(), THEME_AGREEMENT));
    }
    return missed;
  }

  private static void checkActors(String what, Score score, List<String> missed) {
    if (score.recall() < ACTOR_RECALL || score.precision() < ACTOR_PRECISION) {
      missed.add(String.format(Locale.ROOT, "%s: recall %.2f, precision %.2f (target recall >= %.2f at precision >= %.2f)",
          what, score.recall(), score.precision(), ACTOR_RECALL, ACTOR_PRECISION));
    }
  }

  /** The summary table, Markdown. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append("| enrichment | measure | dev P / R / F1 | test P / R / F1 | target (test) |\n");
    out.append("| --- | --- | --- | --- | --- |\n");
    row(out, "hedging", "hedged sentences", hedgingDev.sentences(), hedgingTest.sentences(),
        String.format(Locale.ROOT, "P >= %.2f and R >= %.2f", HEDGED_SENTENCE_PRECISION, HEDGED_SENTENCE_RECALL));
    row(out, "hedging", "hedge cues", hedgingDev.cues(), hedgingTest.cues(), "");
    String actorTarget = String.format(Locale.ROOT, "R >= %.2f at P >= %.2f", ACTOR_RECALL, ACTOR_PRECISION);
    row(out, "actors", "places and people (gold)", actorsDev.placesAndPeople(), actorsTest.placesAndPeople(), actorTarget);
    row(out, "actors", "all actors, names (gold)", actorsDev.overall(), actorsTest.overall(), "");
    for (ActorType type : ActorType.values()) {
      String target = type == ActorType.ORGANISATION
          ? String.format(Locale.ROOT, "R >= %.2f at P >= %.2f", ORGANISATION_RECALL, ORGANISATION_PRECISION) : "";
      row(out, "actors", type.id() + " (gold)", actorsDev.byType().get(type), actorsTest.byType().get(type), target);
    }
    row(out, "actors", "Reuters PLACES countries", reutersDev.places(), reutersTest.places(), actorTarget);
    out.append(String.format(Locale.ROOT, "| themes | top theme under the Reuters topic's IPTC top level | %s | %s | >= %.2f |%n",
        agreement(reutersDev.topTheme()), agreement(reutersTest.topTheme()), THEME_AGREEMENT));
    out.append(String.format(Locale.ROOT, "| themes | any theme under it | %s | %s | |%n",
        agreement(reutersDev.anyTheme()), agreement(reutersTest.anyTheme())));
    out.append(String.format(Locale.ROOT, "%nAll 50 Reuters stories: PLACES recall %.2f (%d of %d), precision %.2f (%d of %d);"
            + " top-theme agreement %s.%n",
        reutersAll.places().recall(), reutersAll.places().correct(), reutersAll.places().expected(),
        reutersAll.places().precision(), reutersAll.places().correct(), reutersAll.places().predicted(),
        agreement(reutersAll.topTheme())));
    cueWords(out, "dev", hedgingDev.byWord());
    cueWords(out, "test", hedgingTest.byWord());
    levels(out, hedgingLevels);
    Score boundaries = sentenceBoundaries.boundaries();
    out.append(String.format(Locale.ROOT, "%nSentence boundaries inside Brown paragraphs (eval/sentences/brown-boundaries.txt):"
        + " P / R / F1 %s%n", prf(boundaries)));
    speed.ifPresent(s -> out.append(String.format(Locale.ROOT,
        "%nSpeed, one core, MB/s of article text (%d articles, %.2f MB per pass): actors %.2f, themes %.2f,"
            + " hedging %.2f, all three %.2f%n",
        s.articles(), s.megabytes(), s.actors(), s.themes(), s.hedging(), s.all())));
    List<String> missed = missedTargets();
    out.append(missed.isEmpty() ? "\nAll targets met on the held-out test parts.\n"
        : "\nTargets missed on the held-out test parts:\n  - " + String.join("\n  - ", missed) + "\n");
    return out.toString();
  }

  private static void levels(StringBuilder out, HedgingDistribution levels) {
    out.append(String.format(Locale.ROOT, "%nHedging levels over the sample archive (%d articles; score = share of hedged"
        + " sentences): low %d, medium %d, high %d; score percentiles",
        levels.articles(), levels.perLevel().get(HedgeLevel.LOW), levels.perLevel().get(HedgeLevel.MEDIUM),
        levels.perLevel().get(HedgeLevel.HIGH)));
    for (int i = 0; i < HedgingDistribution.PERCENTILES.length; i++) {
      out.append(String.format(Locale.ROOT, " p%d %.3f", HedgingDistribution.PERCENTILES[i], levels.quantiles()[i]));
    }
    out.append('\n');
    for (HedgingDistribution.Rank rank : levels.ranks()) {
      out.append(String.format(Locale.ROOT, "  %s: rank %d of %d, score %.3f (%d of %d sentences), %s%n", rank.id(),
          rank.rank(), levels.articles(), rank.score(), rank.hedgedSentences(), rank.sentences(), rank.level().id()));
    }
  }

  private static void cueWords(StringBuilder out, String part, List<HedgingEvaluation.CueWord> words) {
    out.append(String.format(Locale.ROOT, "%nHedge cues by word, %s (found / extra / missed; the %d most frequent of %d):%n",
        part, Math.min(CUE_WORDS_SHOWN, words.size()), words.size()));
    List<String> cells = words.stream().limit(CUE_WORDS_SHOWN)
        .map(w -> String.format(Locale.ROOT, "%s %d/%d/%d", w.word(), w.found(), w.extra(), w.missed())).toList();
    out.append("  ").append(String.join(", ", cells)).append('\n');
  }

  /** Every disagreement with the gold, set by set, for a person to read. */
  public String details() {
    StringBuilder out = new StringBuilder();
    section(out, "hedging, dev", hedgingDev.disagreements());
    section(out, "hedging, test", hedgingTest.disagreements());
    section(out, "sentence boundaries", sentenceBoundaries.disagreements());
    section(out, "actors, dev", actorsDev.disagreements());
    section(out, "actors, test", actorsTest.disagreements());
    section(out, "Reuters PLACES, all", reutersAll.disagreements());
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<String> lines) {
    out.append("## ").append(title).append(" (").append(lines.size()).append(")\n");
    lines.forEach(line -> out.append(line).append('\n'));
    out.append('\n');
  }

  private static void row(StringBuilder out, String enrichment, String measure, Score dev, Score test, String target) {
    out.append("| ").append(enrichment).append(" | ").append(measure).append(" | ").append(prf(dev))
        .append(" | ").append(prf(test)).append(" | ").append(target).append(" |\n");
  }

  private static String prf(Score s) {
    return String.format(Locale.ROOT, "%.2f / %.2f / %.2f (%d, %d, %d)",
        s.precision(), s.recall(), s.f1(), s.correct(), s.predicted(), s.expected());
  }

  private static String agreement(Score s) {
    return String.format(Locale.ROOT, "%.2f (%d of %d)", s.recall(), s.correct(), s.expected());
  }
}
