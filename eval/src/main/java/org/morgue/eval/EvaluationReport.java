package org.morgue.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.morgue.article.ActorType;
import org.morgue.article.HedgeLevel;

/**
 * Everything one evaluation run measured, the targets of the enrichment issue checked on the
 * held-out parts, and the table {@code morgue eval} prints.
 *
 * <p>Which held-out figure a target is checked on was decided before the part was measured: hedging
 * on the fourth part alone ({@code test4}, drawn and labelled on 2026-12-03 after the third had been
 * measured with the first cue-sense model and had informed its final settings), measured once with
 * the rules alone and once with the final model; actors on both actor held-out parts together,
 * because the second holds only 29 organisations, too few to decide a target of 0.85 on its own.
 * The fifth hedging part ({@code test5}, drawn and labelled on 2026-12-03) is the one the next change to
 * hedging is measured on: its figures are printed, its misses are not (neither here nor in
 * {@link #details()}), so nobody tunes on them. Dev part 8 ({@code dev8}, 2026-12-04) is random dev
 * text labelled as the held-out parts are and kept out of the cue-sense model's training: the
 * detector's figures on ordinary text that may be read and tuned on.
 */
public record EvaluationReport(
    Parts<HedgingEvaluation.Result> hedging,
    HedgingEvaluation.Result hedgingTest3,
    HedgingEvaluation.Result hedgingTest4,
    HedgingEvaluation.Result hedgingTest5,
    HedgingEvaluation.Result hedgingDev8,
    HedgingDistribution hedgingLevels,
    SentenceBoundaryEvaluation.Result sentenceBoundaries,
    Parts<ActorEvaluation.Result> actors,
    Parts<QuoteEvaluation.Result> quotes,
    ReutersTagEvaluation.Result reutersDev,
    ReutersTagEvaluation.Result reutersTest,
    ReutersTagEvaluation.Result reutersAll,
    Copies copies,
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
  /** Pairwise precision of "same story" on eval/copies (issue #20). */
  public static final double COPY_PRECISION = 0.95;
  /** Pairwise recall of the same. */
  public static final double COPY_RECALL = 0.95;
  /** Share of Reuters stories whose top theme is under the tagged topic's IPTC top level. */
  public static final double THEME_AGREEMENT = 0.8;

  /**
   * One measure on each part of a set.
   *
   * @param dev the part tuned on
   * @param test the first held-out part
   * @param test2 the second held-out part (2026-12-03)
   * @param heldOut both held-out parts together
   */
  public record Parts<T>(T dev, T test, T test2, T heldOut) {
    /** The same measure taken from each part. */
    <R> Parts<R> map(Function<T, R> measure) {
      return new Parts<>(measure.apply(dev), measure.apply(test), measure.apply(test2), measure.apply(heldOut));
    }
  }

  /**
   * Copy detection ("same story") on both parts of eval/copies, with the parameters measured.
   *
   * @param detection the parameters, chosen on dev
   * @param dev the part the parameters were chosen on
   * @param test the held-out part, measured once the parameters were fixed
   */
  public record Copies(org.morgue.indexer.story.CopyDetection detection, CopyEvaluation.Result dev,
      CopyEvaluation.Result test, List<Takes> takes) {}

  /**
   * First takes ({@link FirstTakes}) of one part's real articles, measured among those articles alone.
   *
   * @param split the part
   * @param kind bulletins or takes
   * @param takesFirst whether every take was indexed before its article (else after)
   * @param takes how many takes were made
   * @param result pairwise: a take and its article are the only copies
   */
  public record Takes(Split split, FirstTakes.Kind kind, boolean takesFirst, int takes, CopyEvaluation.Result result) {}

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
    Score hedged = hedgingTest4.sentences();
    if (hedged.precision() < HEDGED_SENTENCE_PRECISION || hedged.recall() < HEDGED_SENTENCE_RECALL) {
      missed.add(String.format(Locale.ROOT,
          "hedged sentences on test4: precision %.2f, recall %.2f (target precision >= %.2f and recall >= %.2f)",
          hedged.precision(), hedged.recall(), HEDGED_SENTENCE_PRECISION, HEDGED_SENTENCE_RECALL));
    }
    checkActors("Reuters PLACES on test", reutersTest.places(), missed);
    checkActors("places and people on the held-out actor sets", actors.heldOut().placesAndPeople(), missed);
    Score organisations = actors.heldOut().byType().get(ActorType.ORGANISATION);
    if (organisations.recall() < ORGANISATION_RECALL || organisations.precision() < ORGANISATION_PRECISION) {
      missed.add(String.format(Locale.ROOT,
          "organisations on the held-out actor sets: recall %.2f, precision %.2f (target recall >= %.2f at precision >= %.2f)",
          organisations.recall(), organisations.precision(), ORGANISATION_RECALL, ORGANISATION_PRECISION));
    }
    if (reutersTest.topTheme().recall() < THEME_AGREEMENT) {
      missed.add(String.format(Locale.ROOT, "theme agreement on Reuters test %.2f < %.2f",
          reutersTest.topTheme().recall(), THEME_AGREEMENT));
    }
    Score copyPairs = copies.test().pairs();
    if (copyPairs.precision() < COPY_PRECISION || copyPairs.recall() < COPY_RECALL) {
      missed.add(String.format(Locale.ROOT,
          "same story on eval/copies test: precision %.3f, recall %.3f (target precision >= %.2f and recall >= %.2f)",
          copyPairs.precision(), copyPairs.recall(), COPY_PRECISION, COPY_RECALL));
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
    out.append("P / R / F1 (correct, predicted, gold); test2 is the second held-out part (2026-12-03);"
        + " a target is checked on the column it names.\n\n");
    out.append("| enrichment | measure | dev | test | test2 | test + test2 | target |\n");
    out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
    row(out, "hedging", "hedged sentences", hedging.map(HedgingEvaluation.Result::sentences),
        "on test4, below");
    row(out, "hedging", "hedge cues", hedging.map(HedgingEvaluation.Result::cues), "");
    String actorTarget = String.format(Locale.ROOT, "R >= %.2f at P >= %.2f", ACTOR_RECALL, ACTOR_PRECISION);
    row(out, "actors", "places and people (gold)", actors.map(ActorEvaluation.Result::placesAndPeople),
        actorTarget + " on test + test2");
    row(out, "actors", "all actors, names (gold)", actors.map(ActorEvaluation.Result::overall), "");
    for (ActorType type : ActorType.values()) {
      String target = type == ActorType.ORGANISATION ? String.format(Locale.ROOT,
          "R >= %.2f at P >= %.2f on test + test2", ORGANISATION_RECALL, ORGANISATION_PRECISION) : "";
      row(out, "actors", type.id() + " (gold)", actors.map(result -> result.byType().get(type)), target);
    }
    row(out, "quotes", "quoted actors (eval/quotes)", quotes.map(QuoteEvaluation.Result::quoted), "");
    out.append("\n| enrichment | measure | dev | test | target |\n| --- | --- | --- | --- | --- |\n");
    out.append(String.format(Locale.ROOT, "| actors | Reuters PLACES countries | %s | %s | %s |%n",
        prf(reutersDev.places()), prf(reutersTest.places()), actorTarget));
    out.append(String.format(Locale.ROOT, "| themes | top theme under the Reuters topic's IPTC top level | %s | %s | >= %.2f |%n",
        agreement(reutersDev.topTheme()), agreement(reutersTest.topTheme()), THEME_AGREEMENT));
    out.append(String.format(Locale.ROOT, "| themes | any theme under it | %s | %s | |%n",
        agreement(reutersDev.anyTheme()), agreement(reutersTest.anyTheme())));
    out.append(String.format(Locale.ROOT, "%nAll 50 Reuters stories: PLACES recall %.2f (%d of %d), precision %.2f (%d of %d);"
            + " top-theme agreement %s.%n",
        reutersAll.places().recall(), reutersAll.places().correct(), reutersAll.places().expected(),
        reutersAll.places().precision(), reutersAll.places().correct(), reutersAll.places().predicted(),
        agreement(reutersAll.topTheme())));
    out.append("\n| enrichment | measure | test3 | test4 | test5 | target |\n| --- | --- | --- | --- | --- | --- |\n");
    out.append(String.format(Locale.ROOT, "| hedging | hedged sentences | %s | %s | %s | P >= %.2f and R >= %.2f on test4 |%n",
        prf(hedgingTest3.sentences()), prf(hedgingTest4.sentences()), prf(hedgingTest5.sentences()),
        HEDGED_SENTENCE_PRECISION, HEDGED_SENTENCE_RECALL));
    out.append(String.format(Locale.ROOT, "| hedging | hedge cues | %s | %s | %s | |%n", prf(hedgingTest3.cues()),
        prf(hedgingTest4.cues()), prf(hedgingTest5.cues())));
    out.append("\ntest3 and test4 are the third and fourth held-out hedging parts (2026-12-03); the hedging target is"
        + " checked on test4, the one no model setting was chosen on. test5 (2026-12-03) is the part the next change to"
        + " hedging is measured on: its misses are never printed.\n");
    out.append(String.format(Locale.ROOT, "%ndev8 (2026-12-04), random sentences of dev documents labelled as test2-test5 are,"
            + " never trained on (misses in --details): hedged sentences %s, hedge cues %s%n",
        prf(hedgingDev8.sentences()), prf(hedgingDev8.cues())));
    copyTable(out, copies);
    cueWords(out, "dev", hedging.dev().byWord());
    cueWords(out, "test", hedging.test().byWord());
    cueWords(out, "test2", hedging.test2().byWord());
    cueWords(out, "test3", hedgingTest3.byWord());
    cueWords(out, "test4", hedgingTest4.byWord());
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

  private static void copyTable(StringBuilder out, Copies copies) {
    var d = copies.detection();
    out.append(String.format(Locale.ROOT, "%nSame story (eval/copies; %d-word shingles, MinHash of %d hashes in %d bands of %d"
            + " rows, containment >= %.2f), pairs found through the band lookup:%n%n",
        d.shingleWords(), d.hashes(), d.bands(), d.rows(), d.minContainment()));
    out.append("| part | P / R / F1 (correct, decided, labelled copies) | articles | candidate pairs compared"
        + " (all pairs) | copies never a candidate | hard negatives decided copy | target |\n");
    out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
    copyRow(out, "dev", copies.dev(), "");
    copyRow(out, "test", copies.test(), String.format(Locale.ROOT, "P >= %.2f and R >= %.2f", COPY_PRECISION, COPY_RECALL));
    out.append(String.format(Locale.ROOT, "%nFirst takes (each real article's bulletin, its first sentence of running"
        + " text, %d to %d words, and its take, its first paragraphs, at least %d words, each under half the article;"
        + " among the part's real articles alone; not a target):%n%n", FirstTakes.Kind.BULLETIN.words, FirstTakes.MOST_BULLETIN_WORDS,
        FirstTakes.Kind.TAKE.words));
    out.append("| part, short copies, indexed | P / R / F1 (correct, decided, short copies) | articles | candidate pairs compared"
        + " (all pairs) | takes never a candidate |\n");
    out.append("| --- | --- | --- | --- | --- |\n");
    for (Takes t : copies.takes()) {
      CopyEvaluation.Result r = t.result();
      out.append(String.format(Locale.ROOT, "| %s, %ss, %s | %s | %d | %d (%d) | %d |%n", t.split().id(),
          t.kind().name().toLowerCase(Locale.ROOT), t.takesFirst() ? "before their articles" : "after their articles", prf3(r.pairs()), r.articles(),
          r.candidates(), r.allPairs(), r.missedByLookup()));
    }
  }

  private static void copyRow(StringBuilder out, String part, CopyEvaluation.Result r, String target) {
    out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d (%d) | %d | %d of %d | %s |%n", part,
        prf3(r.pairs()), r.articles(), r.candidates(), r.allPairs(), r.missedByLookup(), r.hardNegativesDecidedCopy(),
        r.hardNegatives(), target));
  }

  private static String prf3(Score s) {
    return String.format(Locale.ROOT, "%.3f / %.3f / %.3f (%d, %d, %d)",
        s.precision(), s.recall(), s.f1(), s.correct(), s.predicted(), s.expected());
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
    section(out, "hedging, dev", hedging.dev().disagreements());
    section(out, "hedging, test", hedging.test().disagreements());
    section(out, "hedging, test2", hedging.test2().disagreements());
    section(out, "hedging, test3", hedgingTest3.disagreements());
    section(out, "hedging, test4", hedgingTest4.disagreements());
    section(out, "hedging, dev8", hedgingDev8.disagreements());
    section(out, "sentence boundaries", sentenceBoundaries.disagreements());
    section(out, "actors, dev", actors.dev().disagreements());
    section(out, "actors, test", actors.test().disagreements());
    section(out, "actors, test2", actors.test2().disagreements());
    section(out, "quoted actors, dev", quotes.dev().disagreements());
    section(out, "Reuters PLACES, all", reutersAll.disagreements());
    section(out, "same story, eval/copies dev", copies.dev().disagreements());
    section(out, "same story, eval/copies test", copies.test().disagreements());
    for (Takes t : copies.takes()) {
      section(out, "first takes, " + t.split().id() + ", " + t.kind().name().toLowerCase(Locale.ROOT)
          + (t.takesFirst() ? "s, before" : "s, after"),
          t.result().disagreements());
    }
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<String> lines) {
    out.append("## ").append(title).append(" (").append(lines.size()).append(")\n");
    lines.forEach(line -> out.append(line).append('\n'));
    out.append('\n');
  }

  private static void row(StringBuilder out, String enrichment, String measure, Parts<Score> scores, String target) {
    out.append("| ").append(enrichment).append(" | ").append(measure).append(" | ").append(prf(scores.dev()))
        .append(" | ").append(prf(scores.test())).append(" | ").append(prf(scores.test2()))
        .append(" | ").append(prf(scores.heldOut())).append(" | ").append(target).append(" |\n");
  }

  private static String prf(Score s) {
    return String.format(Locale.ROOT, "%.2f / %.2f / %.2f (%d, %d, %d)",
        s.precision(), s.recall(), s.f1(), s.correct(), s.predicted(), s.expected());
  }

  private static String agreement(Score s) {
    return String.format(Locale.ROOT, "%.2f (%d of %d)", s.recall(), s.correct(), s.expected());
  }
}
