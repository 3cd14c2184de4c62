package org.morgue.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.morgue.article.Actor;
import org.morgue.article.ActorType;
import org.morgue.article.Article;
import org.morgue.indexer.enrich.actor.ActorExtractor;

/**
 * The actor extractor against hand-listed actors, article by article. Overall, an extracted actor
 * is right when it names a gold actor, whatever the type; per type, name and type must both agree.
 * An actor names a gold actor when its canonical name, or the words of one of its mentions, is one
 * of the gold actor's names: annotators write a name as the text has it ("Eisenhower", "Defense
 * Department") where the gazetteer's canonical form differs ("Dwight D. Eisenhower"), and the
 * extractor found that actor all the same. A gold actor counts once however many extracted actors name it, so two actors for one
 * company ("Ropak Corp" and "Ropak") cost precision.
 */
public final class ActorEvaluation {
  private final ActorExtractor extractor;

  public ActorEvaluation(ActorExtractor extractor) {
    this.extractor = extractor;
  }

  /**
   * The result on a set of articles.
   *
   * @param overall names, any type
   * @param byType per actor type, name and type
   * @param placesAndPeople places and people, name and type: the target
   * @param disagreements per article, the missed and the extra actors, for a person to read
   */
  public record Result(Score overall, Map<ActorType, Score> byType, Score placesAndPeople, List<String> disagreements) {}

  /** Extracts the actors of each annotated article and compares. */
  public Result evaluate(List<ActorGold> gold, List<Article> articles) {
    Score overall = Score.EMPTY;
    Map<ActorType, Score> byType = new EnumMap<>(ActorType.class);
    for (ActorType type : ActorType.values()) {
      byType.put(type, Score.EMPTY);
    }
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      ActorGold annotated = gold.get(i);
      List<Actor> extracted = extractor.extract(articles.get(i));
      overall = overall.plus(score(annotated.actors(), extracted));
      for (ActorType type : ActorType.values()) {
        byType.merge(type, score(
            annotated.actors().stream().filter(e -> e.type() == type).toList(),
            extracted.stream().filter(a -> a.type() == type).toList()), Score::plus);
      }
      List<String> missed = annotated.actors().stream()
          .filter(e -> extracted.stream().noneMatch(a -> a.type() == e.type() && names(e, a)))
          .map(e -> e.names().get(0) + " (" + e.type().id() + ")").toList();
      List<String> extra = extracted.stream()
          .filter(a -> annotated.actors().stream().noneMatch(e -> e.type() == a.type() && names(e, a)))
          .map(a -> a.name() + " (" + a.type().id() + ")").toList();
      if (!missed.isEmpty() || !extra.isEmpty()) {
        disagreements.add(annotated.article() + "\n    missed " + String.join(", ", missed)
            + "\n    extra  " + String.join(", ", extra));
      }
    }
    Score placesAndPeople = byType.get(ActorType.PLACE).plus(byType.get(ActorType.PERSON));
    return new Result(overall, Map.copyOf(byType), placesAndPeople, List.copyOf(disagreements));
  }

  /** Whether the extracted actor is the gold one, by its canonical name or its words in the text. */
  static boolean names(ActorGold.Entry gold, Actor actor) {
    return gold.matches(actor.name()) || actor.mentions().stream().anyMatch(m -> gold.matches(m.text()));
  }

  private static Score score(List<ActorGold.Entry> gold, List<Actor> extracted) {
    int found = (int) gold.stream().filter(e -> extracted.stream().anyMatch(a -> names(e, a))).count();
    return new Score(found, extracted.size(), gold.size());
  }

}
