package org.morgue.indexer.enrich.hedge;

import java.util.List;
import java.util.Set;
import org.morgue.indexer.enrich.hedge.HedgeDetector.Word;

/**
 * Whether a modal verb ("may", "might", "could") is used in its possibility sense, the only sense
 * that hedges ("the leader may have been killed", "this could change the threat"), decided from the
 * words a rule can see around it. Not hedges: ability ("could not agree", "could see the fire"),
 * permission ("visitors may enter", "you may write"), purpose ("so that we may live"), concession
 * ("whatever the cost may be"), a wish, a request or a question opening a sentence ("May I say",
 * "Could we"), a hope ("it is hoped that the bill may pass"), a denial ("nothing could be more
 * unwise"), what can be done ("could be used"; "may be achieved only by", unless a source is
 * reported), and the unreal condition itself ("if we could"). Relative clauses that say what may be
 * done to something ("the limit which the court may fix", "the remedy that may be applied"), advice
 * ("Congress may well consider"), inversions ("much less could it"), "otherwise", ranges ("could
 * receive up to ten years") and a mandative or purpose "that" ("important that ... may",
 * "laid before you, that you may judge") are not guesses either, nor a restrictive relative clause
 * with an active verb, which says what a kind of thing or person does ("every move that might improve it").
 *
 * <p>Rules rather than a part-of-speech tagger: the cues that decide the sense are a handful of
 * function words next to the modal. OpenNLP's English tagger deciding the participle after "be" did
 * worse on the dev set than the word endings here (docs/enrichment.md), at a cost on every sentence.
 */
final class ModalSense {
  /** The lexicon category of the modals this class rules on. */
  static final String CATEGORY = "modal";

  // After "could": the modal states what someone was or is able to do.
  private static final Set<String> ABILITY_AFTER_COULD = Set.of(
      "not", "never", "neither", "hardly", "scarcely", "scarce", "barely", "only", "no", "best", "see", "hear", "feel", "smell", "taste",
      "afford", "manage", "tell", "understand", "read", "remember", "recall", "imagine", "find", "get", "do",
      "count", "rely", "walk", "run", "reach", "buy", "sell", "pay", "hire", "choose", "vote", "say", "think",
      "ask", "hope", "expect", "make", "use", "go", "come", "stand", "bear", "help", "answer", "speak");
  // "it could help", "this could find its level": a thing has no abilities, so the verb is what may
  // happen; "it could not", "it could only" still deny or limit.
  private static final Set<String> INANIMATE = Set.of("it", "this", "which");
  private static final Set<String> DEGREE = Set.of("not", "never", "neither", "hardly", "scarcely", "scarce", "barely",
      "only", "no", "best");
  // "you may" grants leave unless a verb of knowing or being follows ("you may find", "you may be").
  private static final Set<String> POSSIBILITY_AFTER_YOU = Set.of(
      "be", "have", "well", "find", "not", "know", "think", "notice", "wonder", "recall", "remember", "see", "hear",
      "need", "want", "wish", "feel", "also", "already", "even", "still");
  // "I may say", "we might add": the speaker's politeness, not doubt.
  private static final Set<String> SPEECH_ACTS = Set.of(
      "say", "add", "note", "mention", "remind", "point", "observe", "state", "remark", "suggest", "ask", "repeat",
      "quote", "refer", "call", "venture", "explain");
  private static final Set<String> FIRST_PERSON = Set.of("i", "we");
  // A concession: "whatever the cost may be", "however strong it might seem".
  private static final Set<String> CONCESSIVE =
      Set.of("whatever", "whoever", "whichever", "wherever", "however", "whatsoever", "whenever", "ever", "although",
          "though");
  // An unreal or open condition: "if we could", "I wish they might", "imagine what we could do".
  private static final Set<String> CONDITIONS =
      Set.of("if", "unless", "wish", "wished", "whether", "though", "imagine");
  // "hard to understand how anyone could", "difficult to see how they could have acted": a manner
  // or an ability wondered at, not a guess.
  private static final Set<String> COULD_OPENERS =
      Set.of("if", "unless", "wish", "wished", "whether", "though", "imagine", "how");
  // A subject pronoun right after the modal: an inversion, a question or a condition ("much less
  // could it allow", "might they not").
  private static final Set<String> SUBJECT_PRONOUNS = Set.of("i", "we", "you", "he", "she", "it", "they");
  // Relative words that open a clause whose object the modal's verb takes ("the limit which the
  // court may fix", "what they may do hereafter", "to which they may be entitled"): what may be
  // done, not a guess that something is so.
  private static final Set<String> OBJECT_RELATIVES = Set.of("which", "whom", "what", "whereby");
  // How many words the subject of such a clause may have.
  private static final int RELATIVE_SUBJECT = 6;
  // Words of which one must stand between such a relative word and the modal for a subject to be
  // there; without one ("which also may", "which in turn may") the relative word is the modal's own
  // subject.
  private static final Set<String> SUBJECT_OPENERS = Set.of("i", "we", "you", "he", "she", "it", "they", "the", "a",
      "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "some", "any",
      "each", "every");
  // "may well consider" (and "might well be made revisory", a passive): what the speaker recommends.
  private static final Set<String> RECOMMENDED = Set.of("consider");
  // A hope or a prayer: "it is hoped that the plan may succeed", "we pray that we may be worthy".
  private static final Set<String> HOPES =
      Set.of("hope", "hopes", "hoped", "hoping", "trust", "pray", "prayer", "wish", "wishes");
  // "Nothing could be more unwise", "no government could have prevented it": a denial, not a guess.
  private static final Set<String> NEGATIVE_SUBJECTS =
      Set.of("no", "nothing", "none", "nobody", "neither", "nor", "never", "anything");
  // How far back a hope is looked for: its clause can be long ("the hope that by the continuance of
  // methods of friendly negotiation much may be accomplished").
  private static final int HOPE_REACH = 20;
  // "so that our men, in the services or out of them, may know": the purpose spans a parenthesis.
  private static final int PURPOSE_REACH = 10;
  // "it is important that a common medium may be established": what is needed, not what is likely.
  private static final Set<String> MANDATIVE = Set.of("important", "necessary", "essential", "desirable", "requisite",
      "imperative", "vital", "indispensable", "expedient", "proper", "fitting", "advisable");
  // What opens the clause of a purpose "that" after a comma.
  private static final Set<String> PURPOSE_SUBJECTS = Set.of("i", "we", "you", "he", "she", "it", "they", "the",
      "our", "their", "his", "her", "its", "in", "by");
  // Subject relatives: "the remedy that may be applied", "an article which may be produced here".
  private static final Set<String> SUBJECT_RELATIVES = Set.of("which", "who", "whereby");
  // Verbs of saying or thinking between a relative word and the modal make it the claim of a source
  // ("the plant, which the company said could produce 500 tons"), not a relative clause of the modal.
  private static final Set<String> REPORTING = Set.of("said", "says", "say", "believe", "believes", "believed",
      "think", "thinks", "thought", "expect", "expects", "expected", "estimated", "estimates", "fear", "fears",
      "feared", "warned", "warns", "suggested", "argued", "claimed", "reported", "saying", "told", "stated",
      "announced", "added", "noted");
  // After a modal, words that do not make its clause an active one (see isCharacterizing).
  private static final Set<String> NOT_ACTIVE = Set.of("be", "have", "well", "not", "never", "also", "even", "still",
      "yet", "already", "seem", "appear", "become", "prove", "turn", "mean", "cause", "lead", "result");
  private static final Set<String> NEGATIONS = Set.of("no", "not", "never");
  private static final List<String> PARTICIPLE_ENDINGS = List.of("ed", "en", "id", "wn", "ne", "ght", "lt", "pt", "ft", "de");
  // How far back a clause-opening word is looked for.
  private static final int REACH = 8;

  private ModalSense() {}

  /** Whether the modal at {@code at} expresses possibility. */
  static boolean isPossibility(List<Word> words, int at, String text) {
    Word modal = words.get(at);
    String verb = modal.folded();
    String next = folded(words, at + 1, modal.sentence());
    String previous = folded(words, at - 1, modal.sentence());
    if (previous.isEmpty()) {
      return false; // "May I say", "Could the Indians establish": a wish, a request or a question
    }
    if (next.equals("if") || next.equals("unless")) {
      return false; // "Congress could, if they thought proper, authorize": the condition of an ability
    }
    if (SUBJECT_PRONOUNS.contains(next) || next.equals("otherwise")
        || folded(words, at + 2, modal.sentence()).equals("otherwise")) {
      return false; // "much less could it allow"; "skills that might otherwise be wasted"
    }
    if (inObjectRelative(words, at, text) || isWellRecommendation(words, at) || isRange(words, at)
        || isCharacterizing(words, at, text) || isFeasibility(words, at) && inSubjectRelative(words, at, text)) {
      return false;
    }
    if (FIRST_PERSON.contains(previous) && SPEECH_ACTS.contains(next) || next.equals("like") || next.equals("care")) {
      return false; // "I may say", "we might add"; "you might like to meet"
    }
    if (inPurposeClause(words, at, text) || inClauseOpenedBy(words, at, text, CONCESSIVE) || afterHope(words, at, text)) {
      return false;
    }
    switch (verb) {
      case "could" -> {
        boolean ability = ABILITY_AFTER_COULD.contains(next) && !(INANIMATE.contains(previous) && !DEGREE.contains(next));
        if (ability || inClauseOpenedBy(words, at, text, COULD_OPENERS)
            || inClauseOpenedBy(words, at, text, NEGATIVE_SUBJECTS) || opensWithDenial(words, at)) {
          return false;
        }
        // "could give no protection": a denial.
        for (int i = at + 1; i <= at + 3; i++) {
          if (NEGATIONS.contains(folded(words, i, modal.sentence()))) {
            return false;
          }
        }
        return !isFeasibility(words, at) && (!FIRST_PERSON.contains(previous) && !previous.equals("you")
            || next.equals("be") || next.equals("well"));
      }
      case "may" -> {
        return (!previous.equals("you") || POSSIBILITY_AFTER_YOU.contains(next)) && !inAsClause(words, at, text)
            && !isRecommendation(words, at) && !(isFeasibility(words, at) && !reported(words, at));
      }
      case "might" -> {
        return !inClauseOpenedBy(words, at, text, CONDITIONS) && !isFeasibility(words, at) && !inAsClause(words, at, text);
      }
      default -> {
        return !inClauseOpenedBy(words, at, text, CONDITIONS) && !inAsClause(words, at, text);
      }
    }
  }

  /**
   * "which the court may fix", "what they may do hereafter", "to which they may be entitled": a
   * relative word, then a short subject (no punctuation), then the modal. The relative word stands for
   * the object, so the clause says what may be done to something, not that something may be so.
   */
  private static boolean inObjectRelative(List<Word> words, int at, String text) {
    int sentence = words.get(at).sentence();
    for (int i = at - 2; i >= Math.max(0, at - 1 - RELATIVE_SUBJECT); i--) {
      Word word = words.get(i);
      if (word.sentence() != sentence || breaksClause(text, word.end(), words.get(i + 1).start())) {
        return false;
      }
      if (REPORTING.contains(word.folded())) {
        return false;
      }
      if (OBJECT_RELATIVES.contains(word.folded())) {
        if (word.folded().equals("what")) {
          return true; // "what they may do", "what further provision may become necessary"
        }
        for (int j = i + 1; j < at; j++) {
          if (opensSubject(words.get(j))) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  /**
   * "the remedy that may be applied", "which may be accomplished without more judges", "whereby the
   * interchange of messages may be regulated": a relative clause opened within a few words (or
   * "that" right before the modal), with no punctuation or verb of saying between. With a passive
   * after the modal, it says what can be done to something.
   */
  private static boolean inSubjectRelative(List<Word> words, int at, String text) {
    int sentence = words.get(at).sentence();
    if (folded(words, at - 1, sentence).equals("that")) {
      return true;
    }
    for (int i = at - 1; i >= Math.max(0, at - REACH); i--) {
      Word word = words.get(i);
      if (word.sentence() != sentence || breaksClause(text, word.end(), words.get(i + 1).start())
          || REPORTING.contains(word.folded())) {
        return false;
      }
      if (SUBJECT_RELATIVES.contains(word.folded())) {
        return true;
      }
    }
    return false;
  }

  /**
   * "every move that might improve it", "the hardy settler who may wish to", "a force that could
   * strike back": a restrictive relative clause ("that" or "who" right after its noun, no comma) with
   * an active verb says what such a thing or person does or can do, a class's trait rather than a
   * guess about an event. With "be" or "have" ("companies that could be interested", "that may have
   * been") the clause is left to the other rules.
   */
  private static boolean isCharacterizing(List<Word> words, int at, String text) {
    int sentence = words.get(at).sentence();
    String relative = folded(words, at - 1, sentence);
    if (!relative.equals("that") && !relative.equals("who")) {
      return false;
    }
    String noun = folded(words, at - 2, sentence);
    if (noun.isEmpty() || REPORTING.contains(noun) || breaksClause(text, words.get(at - 2).end(), words.get(at - 1).start())) {
      return false;
    }
    String next = folded(words, at + 1, sentence);
    return !next.isEmpty() && !NOT_ACTIVE.contains(next) && !isAdverb(next);
  }

  /** Whether this word can open a subject: a pronoun, a determiner or a capitalised name. */
  private static boolean opensSubject(Word word) {
    return SUBJECT_OPENERS.contains(word.folded()) || Character.isUpperCase(word.surface().charAt(0));
  }

  /**
   * "Congress may well consider", "the function might well be made revisory", "interest may well be
   * served by the grant": "well" and a verb of recommending or a passive participle, the speaker's
   * advice on what should be done.
   */
  private static boolean isWellRecommendation(List<Word> words, int at) {
    int sentence = words.get(at).sentence();
    if (!folded(words, at + 1, sentence).equals("well")) {
      return false;
    }
    String verb = folded(words, at + 2, sentence);
    if (RECOMMENDED.contains(verb)) {
      return true;
    }
    if (!verb.equals("be")) {
      return false;
    }
    int i = at + 3;
    while (isAdverb(folded(words, i, sentence))) {
      i++;
    }
    return isParticiple(folded(words, i, sentence));
  }

  /**
   * "could receive from 1 to 15 years in prison", "could receive up to 300 days of care": a verb and
   * then a range the law or a plan sets, a provision rather than a guess.
   */
  private static boolean isRange(List<Word> words, int at) {
    int sentence = words.get(at).sentence();
    String first = folded(words, at + 2, sentence);
    String second = folded(words, at + 3, sentence);
    return first.equals("up") && second.equals("to")
        || first.equals("from") && !second.isEmpty() && Character.isDigit(second.charAt(0));
  }

  /**
   * "No government, and especially a government of such limited powers, could have prevented it":
   * a sentence that opens with a negative subject denies, whatever stands between.
   */
  private static boolean opensWithDenial(List<Word> words, int at) {
    int sentence = words.get(at).sentence();
    int first = at;
    while (first > 0 && words.get(first - 1).sentence() == sentence) {
      first--;
    }
    String opener = words.get(first).folded();
    return first < at && (opener.equals("no") || opener.equals("nothing") || opener.equals("none")
        || opener.equals("nobody") || opener.equals("neither"));
  }

  /**
   * "could be used", "might be avoided", "could be promptly settled": what can be done, a passive
   * participle after "be", perhaps with an adverb between. "we could be facing" stays a possibility.
   */
  private static boolean isFeasibility(List<Word> words, int at) {
    int sentence = words.get(at).sentence();
    if (!folded(words, at + 1, sentence).equals("be")) {
      return false;
    }
    int i = at + 2;
    // "could be promptly and satisfactorily ascertained"
    while (isAdverb(folded(words, i, sentence))
        || folded(words, i, sentence).equals("and") && isAdverb(folded(words, i + 1, sentence))) {
      i++;
    }
    return isParticiple(folded(words, i, sentence));
  }

  /**
   * Whether a verb of saying or thinking comes before the modal in its sentence ("the company said it
   * may be acquired"): there the modal carries the source's guess about an event, so a passive after
   * "may" is no sign of what can be done.
   */
  private static boolean reported(List<Word> words, int at) {
    int sentence = words.get(at).sentence();
    for (int i = at - 1; i >= 0 && words.get(i).sentence() == sentence; i--) {
      if (REPORTING.contains(words.get(i).folded())) {
        return true;
      }
    }
    return false;
  }

  /** "may be most appropriately left", "may be advantageously employed": advice, not doubt. */
  private static boolean isRecommendation(List<Word> words, int at) {
    int sentence = words.get(at).sentence();
    if (!folded(words, at + 1, sentence).equals("be")) {
      return false;
    }
    int i = at + 2;
    if (!isAdverb(folded(words, i, sentence))) {
      return false;
    }
    while (isAdverb(folded(words, i, sentence))) {
      i++;
    }
    return isParticiple(folded(words, i, sentence));
  }

  private static boolean isAdverb(String word) {
    return word.length() > 3 && word.endsWith("ly") || word.equals("best") || word.equals("most") || word.equals("easily");
  }

  private static boolean isParticiple(String word) {
    return word.length() > 3 && PARTICIPLE_ENDINGS.stream().anyMatch(word::endsWith);
  }

  /** "as the evidence may warrant": a manner or comparison, not a guess. */
  private static boolean inAsClause(List<Word> words, int at, String text) {
    int sentence = words.get(at).sentence();
    for (int i = at - 1; i >= Math.max(0, at - 3); i--) {
      Word word = words.get(i);
      if (word.sentence() != sentence || breaksClause(text, word.end(), words.get(i + 1).start())) {
        return false;
      }
      if (word.folded().equals("as")) {
        return !isCausalAs(words, i, text);
      }
    }
    return false;
  }

  /**
   * ", as it may become indispensable", "and as it may involve": "as" opening a clause after a comma
   * or "and", with "it" or "there" for subject, gives a reason, not a manner ("as the evidence may
   * warrant"), and a reason can be a guess.
   */
  private static boolean isCausalAs(List<Word> words, int as, String text) {
    int sentence = words.get(as).sentence();
    String subject = folded(words, as + 1, sentence);
    if (!subject.equals("it") && !subject.equals("there")) {
      return false;
    }
    String before = folded(words, as - 1, sentence);
    return before.isEmpty() || before.equals("and")
        || text.substring(words.get(as - 1).end(), words.get(as).start()).indexOf(',') >= 0;
  }

  /** Whether a word of hoping or praying comes before the modal in its sentence, before any semicolon. */
  private static boolean afterHope(List<Word> words, int at, String text) {
    int sentence = words.get(at).sentence();
    for (int i = at - 1; i >= Math.max(0, at - HOPE_REACH); i--) {
      Word word = words.get(i);
      if (word.sentence() != sentence || text.substring(word.end(), words.get(i + 1).start()).indexOf(';') >= 0) {
        return false;
      }
      if (HOPES.contains(word.folded())) {
        return true;
      }
    }
    return false;
  }

  private static String folded(List<Word> words, int index, int sentence) {
    if (index < 0 || index >= words.size() || words.get(index).sentence() != sentence) {
      return "";
    }
    return words.get(index).folded();
  }

  /** "so that we may", "in order that they might", "that he might live". */
  private static boolean inPurposeClause(List<Word> words, int at, String text) {
    int sentence = words.get(at).sentence();
    for (int i = at - 1; i >= Math.max(0, at - PURPOSE_REACH); i--) {
      if (words.get(i).sentence() != sentence) {
        return false;
      }
      if (words.get(i).folded().equals("that")) {
        String before = folded(words, i - 1, sentence);
        // "laid before you, that you may be enabled to judge": a "that" after a comma, before a
        // pronoun or "the", opens a purpose ("My friends, that voice could be" is a demonstrative;
        // "so encouraging, Kern said, that a school may be set up" a result).
        boolean afterComma = i > 0 && text.substring(words.get(i - 1).end(), words.get(i).start()).indexOf(',') >= 0
            && PURPOSE_SUBJECTS.contains(folded(words, i + 1, sentence))
            && !REPORTING.contains(folded(words, i - 1, sentence));
        return before.equals("so") || before.equals("order") || MANDATIVE.contains(before) || afterComma;
      }
    }
    return false;
  }

  /**
   * Whether one of {@code openers} stands before the modal in its own clause: within a few words,
   * with no comma, semicolon or dash between, so "if the talks fail, the strike could spread" keeps
   * its hedge in the main clause.
   */
  private static boolean inClauseOpenedBy(List<Word> words, int at, String text, Set<String> openers) {
    int sentence = words.get(at).sentence();
    for (int i = at - 1; i >= Math.max(0, at - REACH); i--) {
      Word word = words.get(i);
      if (word.sentence() != sentence || breaksClause(text, word.end(), words.get(i + 1).start())) {
        return false;
      }
      if (openers.contains(word.folded())) {
        return true;
      }
    }
    return false;
  }

  private static boolean breaksClause(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == ',' || c == ';' || c == ':' || c == '\u2014' || c == '\u2013' || c == '(') {
        return true;
      }
    }
    return false;
  }
}
