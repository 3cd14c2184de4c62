package org.morgue.indexer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.morgue.indexer.article.ActorType;

/**
 * Everything one evaluation run measured, the targets of the enrichment issue checked on the
 * held-out parts, and the table {@code morgue eval} prints.
 */
public record EvaluationReport(
    HedgingEvaluation.Result hedgingDev,
    HedgingEvaluation.Result hedgingTest,
    ActorEvaluation.Result actorsDev,
    ActorEvaluation.Result actorsTest,
    ReutersTagEvaluation.Result reutersDev,
    ReutersTagEvaluation.Result reutersTest,
    ReutersTagEvaluation.Result reutersAll,
    Optional<Speed> speed) {

  /** Hedged-sentence F1 on unseen news text. */
  public static final double HEDGED_SENTENCE_F1 = 0.75;
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
    if (hedgingTest.sentences().f1() < HEDGED_SENTENCE_F1) {
      missed.add(String.format(Locale.ROOT, "hedged-sentence F1 on test %.2f < %.2f",
          hedgingTest.sentences().f1(), HEDGED_SENTENCE_F1));
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
        String.format(Locale.ROOT, "F1 >= %.2f", HEDGED_SENTENCE_F1));
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
    speed.ifPresent(s -> out.append(String.format(Locale.ROOT,
        "%nSpeed, one core, MB/s of article text (%d articles, %.2f MB per pass): actors %.2f, themes %.2f,"
            + " hedging %.2f, all three %.2f%n",
        s.articles(), s.megabytes(), s.actors(), s.themes(), s.hedging(), s.all())));
    List<String> missed = missedTargets();
    out.append(missed.isEmpty() ? "\nAll targets met on the held-out test parts.\n"
        : "\nTargets missed on the held-out test parts:\n  - " + String.join("\n  - ", missed) + "\n");
    return out.toString();
  }

  /** Every disagreement with the gold, set by set, for a person to read. */
  public String details() {
    StringBuilder out = new StringBuilder();
    section(out, "hedging, dev", hedgingDev.disagreements());
    section(out, "hedging, test", hedgingTest.disagreements());
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
