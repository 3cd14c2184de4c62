package org.morgue.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.Article;
import org.morgue.indexer.enrich.actor.ActorExtractor;
import org.morgue.indexer.enrich.hedge.HedgeDetector;
import org.morgue.indexer.enrich.quote.SpeakerLinker;
import org.morgue.article.text.SentenceSplitter;
import org.morgue.indexer.enrich.theme.ThemeClassifier;
import org.morgue.indexer.story.CopyDetection;

/**
 * Runs every measurement over the annotated sets (and the copy detection over eval/copies) in {@code eval/} under a repository root. The
 * layout of that folder, and each set's source, licence and split, are in {@code eval/README.md}.
 */
public final class Evaluation {
  /** The Reuters stories from this file name on are the held-out test part; earlier ones are dev. */
  static final String REUTERS_TEST_FROM = "reut-00027.xml";
  /** The seed articles, full of hedged claims: where they rank in the sample archive is reported. */
  static final List<String> SEED_ARTICLES =
      List.of("trump-escalates-venezuela-crackdown", "us-military-kill-claims-raise-the-stakes");

  private final Path root;
  private final ActorExtractor actors;
  private final ThemeClassifier themes;
  private final HedgeDetector hedges;

  /** @param root the repository root, which holds {@code eval/} and {@code corpus/} */
  public Evaluation(Path root, ActorExtractor actors, ThemeClassifier themes, HedgeDetector hedges) {
    this.root = root;
    this.actors = actors;
    this.themes = themes;
    this.hedges = hedges;
  }

  /** The evaluation with the enrichments that ship with Morgue. */
  public static Evaluation standard(Path root) {
    return new Evaluation(root, ActorExtractor.fromResources(), ThemeClassifier.fromResources(),
        HedgeDetector.fromResources());
  }

  /** Measures quality on every set; speed too when {@code speed} gives the warm-up and timed periods. */
  public EvaluationReport run(Optional<Duration> speed) throws IOException {
    Path eval = root.resolve("eval");
    HedgingEvaluation hedging = new HedgingEvaluation(hedges);
    List<HedgedSentence> test = HedgedSentence.read(eval.resolve("hedging/test.tsv"));
    List<HedgedSentence> test2 = HedgedSentence.read(eval.resolve("hedging/test2.tsv"));
    List<HedgedSentence> heldOut = new ArrayList<>(test);
    heldOut.addAll(test2);
    EvaluationReport.Parts<HedgingEvaluation.Result> hedgingParts = new EvaluationReport.Parts<>(
        hedging.evaluate(HedgedSentence.read(eval.resolve("hedging/dev.tsv"))), hedging.evaluate(test),
        hedging.evaluate(test2), hedging.evaluate(heldOut));
    HedgingEvaluation.Result test3 = hedging.evaluate(HedgedSentence.read(eval.resolve("hedging/test3.tsv")));
    HedgingEvaluation.Result test4 = hedging.evaluate(HedgedSentence.read(eval.resolve("hedging/test4.tsv")));
    HedgingEvaluation.Result test5 = hedging.evaluate(HedgedSentence.read(eval.resolve("hedging/test5.tsv")));
    HedgingEvaluation.Result dev8 = hedging.evaluate(HedgedSentence.read(eval.resolve("hedging/dev8.tsv")));

    SentenceBoundaryEvaluation.Result sentences = new SentenceBoundaryEvaluation(SentenceSplitter.fromResources())
        .evaluate(SentenceBoundaryEvaluation.read(eval.resolve("sentences/brown-boundaries.txt")));
    EvalArticles articles = new EvalArticles(root);
    HedgingDistribution levels = HedgingDistribution.of(articles.all("corpus/articles"), hedges, SEED_ARTICLES);
    List<ActorGold> gold = ActorGold.read(eval.resolve("actors/gold.tsv"));
    ActorEvaluation actorEvaluation = new ActorEvaluation(actors);
    EvaluationReport.Parts<ActorEvaluation.Result> actorParts = new EvaluationReport.Parts<>(
        evaluateActors(actorEvaluation, articles, gold, Set.of(Split.DEV)),
        evaluateActors(actorEvaluation, articles, gold, Set.of(Split.TEST)),
        evaluateActors(actorEvaluation, articles, gold, Set.of(Split.TEST2)),
        evaluateActors(actorEvaluation, articles, gold, Set.of(Split.TEST, Split.TEST2)));
    Map<String, Set<String>> quoted = QuoteEvaluation.read(eval.resolve("quotes/gold.tsv"));
    QuoteEvaluation quoteEvaluation = new QuoteEvaluation(actors, hedges);
    EvaluationReport.Parts<QuoteEvaluation.Result> quoteParts = new EvaluationReport.Parts<>(
        evaluateQuotes(quoteEvaluation, articles, gold, quoted, Set.of(Split.DEV)),
        evaluateQuotes(quoteEvaluation, articles, gold, quoted, Set.of(Split.TEST)),
        evaluateQuotes(quoteEvaluation, articles, gold, quoted, Set.of(Split.TEST2)),
        evaluateQuotes(quoteEvaluation, articles, gold, quoted, Set.of(Split.TEST, Split.TEST2)));

    List<Article> reuters = articles.all("eval/reuters-acq");
    List<Article> reutersDev = new ArrayList<>();
    List<Article> reutersTest = new ArrayList<>();
    for (Article story : reuters) {
      String file = Path.of(story.origin().split("#")[0]).getFileName().toString();
      (file.compareTo(REUTERS_TEST_FROM) < 0 ? reutersDev : reutersTest).add(story);
    }
    ReutersTagEvaluation tags = new ReutersTagEvaluation(actors, themes, eval.resolve("reuters-codes.tsv"));

    Optional<EvaluationReport.Speed> measured = Optional.empty();
    if (speed.isPresent()) {
      List<Article> all = new ArrayList<>(reuters);
      all.addAll(articles.all("corpus/articles/seed-articles"));
      all.addAll(articles.all("corpus/articles/brown-press-reportage"));
      SpeedMeasurement timer = new SpeedMeasurement(all, speed.get(), speed.get());
      SpeakerLinker speakers = new SpeakerLinker();
      measured = Optional.of(new EvaluationReport.Speed(all.size(), timer.megabytes(),
          timer.megabytesPerSecond(actors::extract), timer.megabytesPerSecond(themes::classify),
          timer.megabytesPerSecond(hedges::detect),
          // All three as indexing runs them: with the attributions linked to the actors they quote.
          timer.megabytesPerSecond(a -> List.of(speakers.link(a, actors.extract(a), hedges.detect(a)), themes.classify(a)))));
    }
    CopySet.Labelled copySet = CopySet.read(root);
    CopyEvaluation copies = new CopyEvaluation(CopyDetection.STANDARD);
    List<EvaluationReport.Takes> takes = new ArrayList<>();
    for (Split split : List.of(Split.DEV, Split.TEST)) {
      for (FirstTakes.Kind kind : FirstTakes.Kind.values()) {
        for (boolean takesFirst : List.of(false, true)) {
          FirstTakes.Part part = FirstTakes.of(copySet.articles(split), copySet.storyOf(), split, kind, takesFirst);
          takes.add(new EvaluationReport.Takes(split, kind, takesFirst, part.takes(),
              copies.evaluate(part.articles(), part.pairs())));
        }
      }
    }
    EvaluationReport.Copies copyParts = new EvaluationReport.Copies(CopyDetection.STANDARD,
        copies.evaluate(copySet.articles(Split.DEV), copySet.pairs(Split.DEV)),
        copies.evaluate(copySet.articles(Split.TEST), copySet.pairs(Split.TEST)), takes);
    return new EvaluationReport(hedgingParts, test3, test4, test5, dev8, levels, sentences, actorParts, quoteParts,
        tags.evaluate(reutersDev), tags.evaluate(reutersTest), tags.evaluate(reuters), copyParts, measured);
  }

  private static QuoteEvaluation.Result evaluateQuotes(QuoteEvaluation evaluation, EvalArticles articles,
      List<ActorGold> gold, Map<String, Set<String>> quoted, Set<Split> splits) throws IOException {
    List<ActorGold> part = gold.stream().filter(g -> splits.contains(g.split())).toList();
    List<Article> texts = new ArrayList<>();
    for (ActorGold annotated : part) {
      texts.add(EvalArticles.firstBlocks(articles.one(annotated.article()), annotated.blocks()));
    }
    return evaluation.evaluate(part, texts, quoted);
  }

  private static ActorEvaluation.Result evaluateActors(
      ActorEvaluation evaluation, EvalArticles articles, List<ActorGold> gold, Set<Split> splits) throws IOException {
    List<ActorGold> part = gold.stream().filter(g -> splits.contains(g.split())).toList();
    List<Article> texts = new ArrayList<>();
    for (ActorGold annotated : part) {
      texts.add(EvalArticles.firstBlocks(articles.one(annotated.article()), annotated.blocks()));
    }
    return evaluation.evaluate(part, texts);
  }
}
