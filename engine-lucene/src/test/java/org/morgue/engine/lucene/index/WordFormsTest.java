package org.morgue.engine.lucene.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped lists of words searched as one: each form has one meaning, nothing chains (the two
 * engines apply a rule once, so "a => b" beside "b => c" would leave a and b apart), and a prefix
 * finds the forms it begins.
 */
class WordFormsTest {
  private static final WordForms FORMS = ArchiveSchema.wordForms();

  @Test
  void everyFormIsWrittenOneWayAndNothingChains() {
    Map<String, String> target = new HashMap<>();
    for (String rule : FORMS.rules()) {
      String[] sides = rule.split("=>");
      for (String form : sides[0].split(",")) {
        String before = target.put(form.strip(), sides[1].strip());
        assertTrue(before == null || before.equals(sides[1].strip()), form + " is written two ways");
      }
    }
    Set<String> american = new HashSet<>();
    for (String rule : FORMS.spellingRules()) {
      String[] sides = rule.split("=>");
      String british = sides[0].strip();
      assertEquals(british, british.toLowerCase(java.util.Locale.ROOT), "folded: " + rule);
      assertTrue(target.put(british, sides[1].strip()) == null, british + " is in both lists, or twice");
      american.add(sides[1].strip());
    }
    for (String word : american) {
      assertTrue(!target.containsKey(word) || FORMS.rules().stream().anyMatch(rule -> rule.endsWith("=> " + word)),
          word + " is written as another word by a second rule");
    }
    assertTrue(FORMS.spellingRules().size() > 600, "the shipped British spellings: " + FORMS.spellingRules().size());
  }

  @Test
  void aPrefixFindsTheFormsItBeginsThatTheIndexHoldsAsAnotherWord() {
    assertTrue(FORMS.formsStartingWith("qaid").containsAll(List.of("qaida")));
    assertTrue(FORMS.formsStartingWith("organis").containsAll(List.of("organise", "organisation", "organised")));
    assertTrue(FORMS.formsStartingWith("qaeda").isEmpty(), "the indexed form is held as itself");
    assertTrue(FORMS.formsStartingWith("zzz").isEmpty());
  }
}
