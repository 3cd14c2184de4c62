package org.morgue.indexer.enrich.hedge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.morgue.indexer.enrich.hedge.HedgeDetector.Word;

/**
 * The context of a candidate hedge cue as named features, for {@link CueSense}: the cue's words and
 * category, what the rules decided, the words around it, the shape of the verb after it, its subject,
 * negation, and whether its sentence reports, conditions or asks. The same features train the model
 * (the eval module's {@code CueSenseTraining}) and apply it, so both read them from here.
 */
final class CueContext {
  private static final int WINDOW = 3;
  private static final Set<String> SKIPPED = Set.of("not", "never", "also", "well", "still", "even", "only",
      "already", "yet", "ever", "just", "soon", "eventually", "then", "now", "hardly", "barely", "easily");
  private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "nothing", "neither", "hardly",
      "scarcely", "nobody", "none");
  private static final Set<String> REPORTING = Set.of("said", "says", "say", "saying", "told", "tells", "stated",
      "announced", "added", "noted", "reported", "claimed", "argued", "warned", "according", "believe", "believes",
      "believed", "think", "thinks", "thought", "expect", "expects", "expected", "fear", "fears", "feared");
  private static final Set<String> CONDITIONS = Set.of("if", "unless", "whether", "wish", "though", "although",
      "whatever", "however", "whoever", "hope", "hoped", "hopes", "that");
  private static final Set<String> IMPERSONAL = Set.of("it", "there", "this", "that", "which");
  private static final Set<String> SPEAKERS = Set.of("i", "we", "you");
  private static final Set<String> OTHERS = Set.of("he", "she", "they", "who");
  private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those", "its",
      "their", "his", "her", "our", "my", "your", "some", "any", "each", "every", "no");

  private CueContext() {}

  /**
   * Features of the cue spanning words {@code first..last} (inclusive) of one sentence.
   *
   * @param rule whether the hand rules take it for a hedge (a modal's sense by {@link ModalSense})
   * @param quoted whether the cue is inside a quotation
   */
  static List<String> features(List<Word> words, int first, int last, String category, boolean rule, boolean quoted,
      String text) {
    List<String> features = new ArrayList<>(24);
    int sentence = words.get(first).sentence();
    StringBuilder cue = new StringBuilder();
    for (int i = first; i <= last; i++) {
      cue.append(i > first ? " " : "").append(words.get(i).folded());
    }
    String head = words.get(first).folded();
    features.add("bias");
    features.add("cue=" + cue);
    features.add("head=" + head);
    features.add("cat=" + category);
    features.add("rule=" + rule);
    features.add("cat-rule=" + category + "_" + rule);
    for (int d = 1; d <= WINDOW; d++) {
      features.add("w-" + d + "=" + folded(words, first - d, sentence));
      features.add("w+" + d + "=" + folded(words, last + d, sentence));
    }
    String next = folded(words, last + 1, sentence);
    String previous = folded(words, first - 1, sentence);
    features.add("head+1=" + head + "_" + next);
    features.add("head+2=" + head + "_" + next + "_" + folded(words, last + 2, sentence));
    features.add("-1+head=" + previous + "_" + head);
    features.add("stem=" + stem(head));
    features.add("stem+1=" + stem(head) + "_" + next);
    for (int i = Math.max(0, first - WINDOW); i <= Math.min(words.size() - 1, last + WINDOW); i++) {
      if (words.get(i).sentence() == sentence && Character.isDigit(words.get(i).surface().charAt(0))) {
        features.add("number-near");
        break;
      }
    }
    for (int i = first - 1; i >= Math.max(0, first - WINDOW); i--) {
      if (words.get(i).sentence() == sentence && SPEAKERS.contains(words.get(i).folded())) {
        features.add("speaker-before");
        break;
      }
    }
    int verb = last + 1;
    while (verb < words.size() && words.get(verb).sentence() == sentence
        && (SKIPPED.contains(words.get(verb).folded()) || words.get(verb).folded().endsWith("ly"))) {
      verb++;
    }
    String after = folded(words, verb, sentence);
    features.add("verb=" + shape(after));
    if (after.equals("be") || after.equals("have")) {
      features.add("verb2=" + after + "_" + shape(folded(words, verb + 1, sentence)));
    }
    for (int i = last + 1; i <= last + WINDOW; i++) {
      String word = folded(words, i, sentence);
      if (NEGATIONS.contains(word) || word.endsWith("n't")) {
        features.add("neg-after");
        break;
      }
    }
    if (head.endsWith("n't")) {
      features.add("neg-cue");
    }
    features.add("subject=" + subject(words, first, sentence));
    boolean reported = false;
    boolean conditioned = false;
    int from = first;
    while (from > 0 && words.get(from - 1).sentence() == sentence) {
      from--;
      String word = words.get(from).folded();
      reported |= REPORTING.contains(word);
      conditioned |= CONDITIONS.contains(word) && !word.equals("that");
    }
    features.add("reported-before=" + reported);
    features.add("condition-before=" + conditioned);
    if (from == first) {
      features.add("opens-sentence");
    }
    int to = last;
    while (to + 1 < words.size() && words.get(to + 1).sentence() == sentence) {
      to++;
    }
    String end = text.substring(words.get(to).end(), Math.min(text.length(), words.get(to).end() + 3));
    if (end.contains("?")) {
      features.add("question");
    }
    if (quoted) {
      features.add("quoted");
    }
    if (Character.isUpperCase(words.get(first).surface().charAt(0)) && from != first) {
      features.add("capitalised");
    }
    return features;
  }

  private static String subject(List<Word> words, int first, int sentence) {
    int at = first - 1;
    while (at >= 0 && words.get(at).sentence() == sentence
        && (SKIPPED.contains(words.get(at).folded()) || words.get(at).folded().endsWith("ly"))) {
      at--;
    }
    String word = folded(words, at, sentence);
    if (word.equals("<s>")) {
      return "none";
    }
    if (IMPERSONAL.contains(word)) {
      return "impersonal";
    }
    if (SPEAKERS.contains(word)) {
      return "speaker";
    }
    if (OTHERS.contains(word)) {
      return "person";
    }
    if (DETERMINERS.contains(word)) {
      return "determiner";
    }
    return Character.isUpperCase(words.get(at).surface().charAt(0)) ? "name" : "word";
  }

  /** A crude stem, so "believes", "believed" and "believing" share what they learn. */
  private static String stem(String word) {
    for (String ending : new String[] {"ing", "ed", "es", "s", "d"}) {
      if (word.length() > ending.length() + 3 && word.endsWith(ending)) {
        return word.substring(0, word.length() - ending.length());
      }
    }
    return word;
  }

  /** A word's rough class by its ending: enough to tell "be", a participle, a gerund and a base verb apart. */
  private static String shape(String word) {
    if (word.equals("be") || word.equals("have") || word.equals("been") || word.equals("<s>")
        || word.equals("</s>")) {
      return word;
    }
    if (word.endsWith("ed") || word.endsWith("en")) {
      return "-ed";
    }
    if (word.endsWith("ing")) {
      return "-ing";
    }
    if (word.endsWith("s") && !word.endsWith("ss")) {
      return "-s";
    }
    return "other";
  }

  private static String folded(List<Word> words, int at, int sentence) {
    if (at < 0 || at >= words.size() || words.get(at).sentence() != sentence) {
      return at < 0 || at < words.size() && words.get(at).sentence() < sentence ? "<s>" : "</s>";
    }
    return words.get(at).folded();
  }
}
