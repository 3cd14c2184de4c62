package org.morgue.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.morgue.article.Actor;
import org.morgue.article.Article;
import org.morgue.article.Mention;
import org.morgue.indexer.enrich.actor.ActorExtractor;
import org.morgue.indexer.enrich.hedge.HedgeDetector;
import org.morgue.indexer.enrich.quote.SpeakerLinker;

/**
 * Who each article quotes, against {@code eval/quotes/gold.tsv}: the actors the extractor found and the
 * {@link SpeakerLinker} credited with a statement, against the listed actors the annotators marked as
 * quoted. A quoted actor is right when it names a quoted gold actor, as {@link ActorEvaluation#names}
 * decides; a gold actor the extractor never found is missed here too, so this is the facet a reader
 * gets, end to end.
 */
final class QuoteEvaluation {
  private final ActorExtractor actors;
  private final HedgeDetector hedges;
  private final SpeakerLinker speakers = new SpeakerLinker();

  QuoteEvaluation(ActorExtractor actors, HedgeDetector hedges) {
    this.actors = actors;
    this.hedges = hedges;
  }

  /** The result on one part: quoted actors, and per article what was missed and what was extra. */
  record Result(Score quoted, List<String> disagreements) {}

  /** The first names of the quoted actors, by article, from the gold file. */
  static Map<String, Set<String>> read(Path file) throws IOException {
    Map<String, Set<String>> quoted = new HashMap<>();
    String article = null;
    int number = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t");
      if (fields[0].equals("@")) {
        if (fields.length < 3) {
          throw new IllegalArgumentException(file + ":" + number + ": expected @<TAB>file<TAB>part");
        }
        article = fields[1];
        quoted.put(article, new HashSet<>());
      } else if (article == null) {
        throw new IllegalArgumentException(file + ":" + number + ": a quoted actor before any article line");
      } else {
        quoted.get(article).add(fields[0].strip());
      }
    }
    return quoted;
  }

  /** Compares each article's quoted actors; {@code texts} are the gold articles' scored texts, in order. */
  Result evaluate(List<ActorGold> gold, List<Article> texts, Map<String, Set<String>> quoted) {
    Score score = Score.EMPTY;
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      ActorGold annotated = gold.get(i);
      Set<String> names = quoted.get(annotated.article());
      if (names == null) {
        continue; // an article the quote annotators were not given
      }
      List<ActorGold.Entry> wanted = annotated.actors().stream().filter(e -> names.contains(e.names().get(0))).toList();
      Article article = texts.get(i);
      List<Actor> found = speakers.link(article, actors.extract(article), hedges.detect(article)).stream()
          .filter(Actor::quoted).toList();
      int correct = (int) wanted.stream().filter(e -> found.stream().anyMatch(a -> ActorEvaluation.names(e, a))).count();
      score = score.plus(new Score(correct, found.size(), wanted.size()));
      List<String> missed = wanted.stream().filter(e -> found.stream().noneMatch(a -> ActorEvaluation.names(e, a)))
          .map(e -> e.names().get(0)).toList();
      List<String> extra = found.stream().filter(a -> wanted.stream().noneMatch(e -> ActorEvaluation.names(e, a)))
          .map(a -> a.name() + " (" + String.join(", ", a.quotes().stream().map(QuoteEvaluation::where).toList()) + ")")
          .toList();
      if (!missed.isEmpty() || !extra.isEmpty()) {
        disagreements.add(annotated.article() + "\n    missed " + String.join(", ", missed)
            + "\n    extra  " + String.join(", ", extra));
      }
    }
    return new Result(score, List.copyOf(disagreements));
  }

  private static String where(Mention quote) {
    return quote.text() + " @" + quote.start();
  }
}
