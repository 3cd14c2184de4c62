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
 * unwise"), what can be done ("could be used"), and the unreal condition itself ("if we could").
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
      "not", "never", "hardly", "scarcely", "barely", "only", "no", "see", "hear", "feel", "smell", "taste",
      "afford", "manage", "tell", "understand", "read", "remember", "recall", "imagine", "find", "get", "do",
      "count", "rely", "walk", "run", "reach", "buy", "sell", "pay", "hire", "choose", "vote", "say", "think",
      "ask", "hope", "expect", "make", "use", "go", "come", "stand", "bear", "help", "answer", "speak");
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
      Set.of("whatever", "whoever", "whichever", "wherever", "however", "whatsoever", "whenever", "ever", "although");
  // An unreal or open condition: "if we could", "I wish they might", "imagine what we could do".
  private static final Set<String> CONDITIONS =
      Set.of("if", "unless", "wish", "wished", "whether", "though", "imagine");
  // A hope or a prayer: "it is hoped that the plan may succeed", "we pray that we may be worthy".
  private static final Set<String> HOPES =
      Set.of("hope", "hopes", "hoped", "hoping", "trust", "pray", "prayer", "wish", "wishes");
  // "Nothing could be more unwise", "no government could have prevented it": a denial, not a guess.
  private static final Set<String> NEGATIVE_SUBJECTS =
      Set.of("no", "nothing", "none", "nobody", "neither", "nor", "never", "anything");
  // How far back a hope is looked for: its clause can be long ("the hope that by the continuance of
  // methods of friendly negotiation much may be accomplished").
  private static final int HOPE_REACH = 15;
  // "so that our men, in the services or out of them, may know": the purpose spans a parenthesis.
  private static final int PURPOSE_REACH = 10;
  private static final Set<String> NEGATIONS = Set.of("no", "not", "never");
  private static final List<String> PARTICIPLE_ENDINGS = List.of("ed", "en", "id", "wn", "ne", "ght", "lt", "pt", "ft", "de");
  // How far back a clause-opening word is looked for.
  private static final int REACH = 6;

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
    if (FIRST_PERSON.contains(previous) && SPEECH_ACTS.contains(next)) {
      return false;
    }
    if (inPurposeClause(words, at) || inClauseOpenedBy(words, at, text, CONCESSIVE) || afterHope(words, at, text)) {
      return false;
    }
    switch (verb) {
      case "could" -> {
        if (ABILITY_AFTER_COULD.contains(next) || inClauseOpenedBy(words, at, text, CONDITIONS)
            || inClauseOpenedBy(words, at, text, NEGATIVE_SUBJECTS)) {
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
            && !isRecommendation(words, at);
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
   * "could be used", "might be avoided", "could be promptly settled": what can be done, a passive
   * participle after "be", perhaps with an adverb between. "we could be facing" stays a possibility.
   */
  private static boolean isFeasibility(List<Word> words, int at) {
    int sentence = words.get(at).sentence();
    if (!folded(words, at + 1, sentence).equals("be")) {
      return false;
    }
    int i = at + 2;
    while (isAdverb(folded(words, i, sentence))) {
      i++;
    }
    return isParticiple(folded(words, i, sentence));
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
        return true;
      }
    }
    return false;
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
  private static boolean inPurposeClause(List<Word> words, int at) {
    int sentence = words.get(at).sentence();
    for (int i = at - 1; i >= Math.max(0, at - PURPOSE_REACH); i--) {
      if (words.get(i).sentence() != sentence) {
        return false;
      }
      if (words.get(i).folded().equals("that")) {
        String before = folded(words, i - 1, sentence);
        return before.equals("so") || before.equals("order");
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
