package org.morgue.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.morgue.article.Actor;
import org.morgue.article.ActorType;
import org.morgue.article.Mention;

/** How an extracted actor is matched to a hand-listed one, on names from the dev Brown sample A37. */
class ActorEvaluationTest {
  private static final Actor EISENHOWER = new Actor("Dwight D. Eisenhower", ActorType.PERSON, Optional.empty(),
      List.of(new Mention(1204, 1214, "Eisenhower")), 0.4);

  @Test
  void aGoldNameWrittenAsTheTextHasItMatchesTheActorThatMentionsIt() {
    assertTrue(ActorEvaluation.names(new ActorGold.Entry(List.of("Eisenhower"), ActorType.PERSON), EISENHOWER));
    assertTrue(ActorEvaluation.names(new ActorGold.Entry(List.of("dwight d. eisenhower."), ActorType.PERSON), EISENHOWER));
  }

  @Test
  void aNameTheActorNeitherHasNorMentionsDoesNotMatch() {
    assertFalse(ActorEvaluation.names(new ActorGold.Entry(List.of("Eisenhower Administration"), ActorType.GOVERNMENT),
        EISENHOWER));
    assertFalse(ActorEvaluation.names(new ActorGold.Entry(List.of("Ike"), ActorType.PERSON), EISENHOWER));
  }
}
