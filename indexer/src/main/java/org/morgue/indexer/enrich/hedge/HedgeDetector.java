package org.morgue.indexer.enrich.hedge;

import org.morgue.indexer.enrich.text.Quotations;
import org.morgue.article.text.SentenceSplitter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.morgue.article.Article;
import org.morgue.article.BlockKind;
import org.morgue.article.Cue;
import org.morgue.article.CueKind;
import org.morgue.article.HedgeLevel;
import org.morgue.article.Hedging;
import org.morgue.article.Span;

/**
 * Finds hedges, boosters and attributions sentence by sentence with the {@link HedgeLexicon}, and
 * rolls the hedges up into a score and a level. Thread-safe and immutable.
 *
 * <p>A hedge is what {@code eval/hedging/guidelines.md} calls one: a word that makes a claim
 * uncertain, a guess, a belief, or second-hand and not vouched for. The lexicon and the hand rules
 * (a modal verb is one only in its possibility sense, which {@link ModalSense} decides from the words
 * around it) propose candidates; the {@link CueSense} model, trained on the annotated dev sentences,
 * decides each in its context. Without a model the rules decide alone.
 *
 * <p>The score is the share of the article's sentences that hold at least one hedge: attributions
 * and boosters are found and shown, and never move it. The level is {@link HedgeLevel#LOW} below
 * {@value #MEDIUM_FROM}, {@link HedgeLevel#HIGH} from {@value #HIGH_FROM}, else
 * {@link HedgeLevel#MEDIUM}; docs/enrichment.md says how the thresholds split the sample archive.
 *
 * <p>An article the archive holds only the headline of gets no level: its cues are found and shown,
 * but one line of headline says nothing of how sure the writing is, and "low" on its card and in the
 * hedging facet told a journalist it was mostly stated as fact (a user trial).
 */
public final class HedgeDetector {
  /** The lowest score that is {@link HedgeLevel#MEDIUM}. */
  public static final double MEDIUM_FROM = 0.05;
  /** The lowest score that is {@link HedgeLevel#HIGH}. */
  public static final double HIGH_FROM = 0.15;

  // Words that put a capitalised "May" in a date in a title-case headline ("Deal Expected In May").
  // Grammar rather than vocabulary, so it lives with the rule that uses it.
  private static final Set<String> DATE_WORDS =
      Set.of("in", "since", "until", "till", "during", "from", "of", "on", "by", "early", "late", "mid",
          "last", "next", "this", "before", "after", "through");
  // Words that say an expectation came true or did not ("the effects which were anticipated have been
  // fully realized", "anticipated heavy traffic failed to materialize"): a forecast in a sentence
  // holding one is a fact about the past, no guess (eval/hedging/guidelines.md).
  private static final Set<String> FULFILMENT_WORDS =
      Set.of("realized", "realised", "materialize", "materialized", "materialise", "materialised", "fulfilled");
  // Words that make a heading a section's label ("What the minister said", "How officials say it
  // happened") rather than a claim. Grammar rather than vocabulary, as the date words above.
  private static final Set<String> QUESTION_WORDS = Set.of("what", "how", "why", "who", "whom", "whose", "when",
      "where", "which", "whether");
  private static final String FORECAST = "forecast";
  /**
   * The lexicon category of words that are a hedge only when the cue-sense model says so, written
   * "candidate:CLASS"; a found cue carries the class, the model reads "candidate".
   */
  static final String CANDIDATE = "candidate";
  private static final String CANDIDATE_PREFIX = CANDIDATE + ":";

  private final HedgeLexicon lexicon;
  private final SentenceSplitter sentences;
  private final Optional<CueSense> sense;

  public HedgeDetector(HedgeLexicon lexicon, SentenceSplitter sentences) {
    this(lexicon, sentences, Optional.empty());
  }

  /**
   * @param sense the model that decides each candidate hedge's sense; without one, the hand rules
   *     decide alone (a modal by {@link ModalSense}, every other lexicon hedge is one)
   */
  public HedgeDetector(HedgeLexicon lexicon, SentenceSplitter sentences, Optional<CueSense> sense) {
    this.lexicon = lexicon;
    this.sentences = sentences;
    this.sense = sense;
  }

  /** The detector with the lexicon and the cue-sense model that ship with Morgue. */
  public static HedgeDetector fromResources() {
    return new HedgeDetector(HedgeLexicon.fromResources(), SentenceSplitter.fromResources(), CueSense.fromResources());
  }

  /** The same lexicon and sentences with another cue-sense model, or none (the rules alone). */
  public HedgeDetector withSense(Optional<CueSense> other) {
    return new HedgeDetector(lexicon, sentences, other);
  }

  /** One word of the text: where it is, its lower-case form with straight apostrophes, its sentence. */
  record Word(int start, int end, String surface, String folded, int sentence) {}

  /**
   * A candidate hedge: a lexicon hedge, or a modal the rules take in another sense; what the rules
   * decided; and its context as {@link CueSense} reads it.
   */
  public record Candidate(Cue cue, boolean rule, List<String> features) {}

  /**
   * A cue the lexicon found, over words {@code first..last}; {@code rule} false for a candidate or a
   * modal the rules reject; {@code category} the lexicon category the model reads.
   */
  private record Found(Cue cue, int first, int last, boolean rule, String category) {}

  /** The article's words and sentences, and every cue the lexicon finds in them. */
  private record Scan(String text, List<Span> spans, List<Word> words, List<Found> found) {}

  /** The article's cues, sentence by sentence, and its overall score and level. */
  public Hedging detect(Article article) {
    Scan scan = scan(article);
    List<Cue> cues = new ArrayList<>();
    for (Found found : scan.found()) {
      if (found.cue().kind() != CueKind.HEDGE) {
        cues.add(found.cue());
      } else if (sense.isPresent() ? sense.get().isHedge(features(scan, found)) : found.rule()) {
        cues.add(found.cue());
      }
    }
    return rollUp(scan.spans(), cues, !article.body().isBlank());
  }

  /** Every candidate hedge of the article with its context: what {@link CueSense} is trained on. */
  public List<Candidate> candidates(Article article) {
    Scan scan = scan(article);
    List<Candidate> candidates = new ArrayList<>();
    for (Found found : scan.found()) {
      if (found.cue().kind() == CueKind.HEDGE) {
        candidates.add(new Candidate(found.cue(), found.rule(), features(scan, found)));
      }
    }
    return candidates;
  }

  private static List<String> features(Scan scan, Found found) {
    return CueContext.features(scan.words(), found.first(), found.last(), found.category(), found.rule(),
        found.cue().quoted(), scan.text());
  }

  private Scan scan(Article article) {
    String text = article.text();
    List<Span> spans = sentences.split(article);
    List<Word> words = words(text, spans);
    Quotations quotations = Quotations.of(article);
    List<Found> found = new ArrayList<>();
    // Candidates and modals the rules take in another sense, by their first word: proposed to the model,
    // never claiming their words, so a longer or later phrase over them still wins.
    Map<Integer, Found> rejected = new TreeMap<>();
    // Words already claimed by a cue or an ignore entry. Context words are never claimed, so "said"
    // stays an attribution when "[said] [she] would" keeps the "would" from being a hedge.
    boolean[] claimed = new boolean[words.size()];
    for (int at = 0; at < words.size(); at++) {
      if (claimed[at]) {
        continue;
      }
      // Phrases come longest first: the first that matches with its cue starting here wins.
      for (HedgeLexicon.Phrase phrase : lexicon.cuesStartingWith(words.get(at).folded())) {
        int start = at - phrase.cueFrom();
        if (start < 0 || !matches(phrase, words, start, text) || anyClaimed(phrase, start, claimed)) {
          continue;
        }
        int last = start + phrase.cueTo() - 1;
        boolean hedge = phrase.kind().filter(kind -> kind == CueKind.HEDGE).isPresent();
        boolean modal = hedge && phrase.category().equals(ModalSense.CATEGORY);
        // A candidate, or a modal in another sense by the rules: only the cue-sense model can make it a hedge.
        boolean candidate = hedge && phrase.category().startsWith(CANDIDATE_PREFIX);
        if (candidate || modal && !ModalSense.isPossibility(words, at, text)) {
          rejected.putIfAbsent(at, new Found(cue(phrase, words, at, last, text, quotations), at, last, false,
              candidate ? CANDIDATE : phrase.category()));
          continue;
        }
        for (int i = at; i <= last; i++) {
          claimed[i] = true;
        }
        if (phrase.kind().isPresent()) {
          found.add(new Found(cue(phrase, words, at, last, text, quotations), at, last, true, phrase.category()));
        }
        break;
      }
    }
    found.removeIf(f -> isForecast(f.cue()) && fulfilled(words, f.cue()));
    found.removeIf(f -> f.cue().kind() == CueKind.ATTRIBUTION && inSectionLabel(article, text, f.cue()));
    for (Found modal : rejected.values()) {
      boolean free = true;
      for (int i = modal.first(); i <= modal.last(); i++) {
        free &= !claimed[i];
      }
      if (free) {
        found.add(modal);
      }
    }
    found.sort(Comparator.comparingInt(f -> f.cue().start()));
    return new Scan(text, spans, words, found);
  }

  private static Cue cue(HedgeLexicon.Phrase phrase, List<Word> words, int first, int last, String text,
      Quotations quotations) {
    Word from = words.get(first);
    String category = phrase.category().startsWith(CANDIDATE_PREFIX)
        ? phrase.category().substring(CANDIDATE_PREFIX.length()) : phrase.category();
    return new Cue(phrase.kind().orElseThrow(), category, text.substring(from.start(), words.get(last).end()),
        from.start(), words.get(last).end(), from.sentence(), quotations.contains(from.start()));
  }

  /**
   * Whether the cue stands in a heading (the title or a section heading) that names a section rather
   * than states a claim: "What the minister said", "What Officials Said About Taxes", "The report
   * says". A verb of saying there credits no claim to anyone, so it is no attribution (the guidelines'
   * "a claim credited to a source"). A heading opening with a question word is such a label, and so is
   * one the verb of saying ends; "Minister says cuts may come" states a claim and keeps its attribution.
   */
  private static boolean inSectionLabel(Article article, String text, Cue cue) {
    Optional<Span> heading = headingAt(article, cue.start());
    if (heading.isEmpty()) {
      return false;
    }
    String line = text.substring(heading.get().start(), heading.get().end());
    int firstWordEnd = endOfWord(line, 0);
    String firstWord = line.substring(0, firstWordEnd).toLowerCase(Locale.ROOT);
    boolean nothingAfter = text.substring(cue.end(), heading.get().end()).codePoints().noneMatch(HedgeDetector::isWordChar);
    return QUESTION_WORDS.contains(firstWord) || nothingAfter;
  }

  /** The span of the title or the section heading holding this offset; empty in running text. */
  private static Optional<Span> headingAt(Article article, int offset) {
    Span title = article.titleSpan();
    if (offset >= title.start() && offset < title.end()) {
      return Optional.of(title);
    }
    List<Span> spans = article.blockSpans();
    for (int i = 0; i < spans.size(); i++) {
      Span span = spans.get(i);
      if (offset >= span.start() && offset < span.end()) {
        return article.blocks().get(i).kind() == BlockKind.HEADING ? Optional.of(span) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean isForecast(Cue cue) {
    return cue.kind() == CueKind.HEDGE && FORECAST.equals(cue.category());
  }

  /**
   * Whether the cue's sentence says an expectation was borne out or not (see {@link
   * #FULFILMENT_WORDS}). Only the words of that sentence are read, not another pass over the article.
   */
  private static boolean fulfilled(List<Word> words, Cue cue) {
    int low = 0;
    int high = words.size() - 1;
    while (low < high) { // the first word starting at or after the cue
      int middle = (low + high) >>> 1;
      if (words.get(middle).start() < cue.start()) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    for (int i = low; i >= 0 && words.get(i).sentence() == cue.sentence(); i--) {
      if (FULFILMENT_WORDS.contains(words.get(i).folded())) {
        return true;
      }
    }
    for (int i = low + 1; i < words.size() && words.get(i).sentence() == cue.sentence(); i++) {
      if (FULFILMENT_WORDS.contains(words.get(i).folded())) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyClaimed(HedgeLexicon.Phrase phrase, int at, boolean[] claimed) {
    for (int i = at + phrase.cueFrom(); i < at + phrase.cueTo(); i++) {
      if (claimed[i]) {
        return true;
      }
    }
    return false;
  }

  private static Hedging rollUp(List<Span> spans, List<Cue> cues, boolean measured) {
    int sentenceCount = spans.size();
    if (sentenceCount == 0) {
      return new Hedging(0, Optional.empty(), 0, 0, spans, cues);
    }
    boolean[] hedged = new boolean[sentenceCount];
    for (Cue cue : cues) {
      if (cue.kind() == CueKind.HEDGE) {
        hedged[cue.sentence()] = true;
      }
    }
    int hedgedCount = 0;
    for (boolean h : hedged) {
      hedgedCount += h ? 1 : 0;
    }
    double score = (double) hedgedCount / sentenceCount;
    return new Hedging(score, measured ? Optional.of(level(score)) : Optional.empty(), sentenceCount, hedgedCount,
        spans, cues);
  }

  /** The level a score falls into. */
  public static HedgeLevel level(double score) {
    if (score >= HIGH_FROM) {
      return HedgeLevel.HIGH;
    }
    return score >= MEDIUM_FROM ? HedgeLevel.MEDIUM : HedgeLevel.LOW;
  }

  private static List<Word> words(String text, List<Span> spans) {
    List<Word> words = new ArrayList<>();
    int sentence = 0;
    int at = 0;
    int length = text.length();
    while (at < length) {
      int c = text.codePointAt(at);
      if (!isWordChar(c)) {
        at += Character.charCount(c);
        continue;
      }
      int start = at;
      int end = endOfWord(text, at);
      while (sentence < spans.size() - 1 && start >= spans.get(sentence).end()) {
        sentence++;
      }
      String surface = text.substring(start, end);
      words.add(new Word(start, end, surface,
          surface.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2010', '-'), sentence));
      at = end;
    }
    return words;
  }

  /**
   * Where the word starting at {@code at} ends: a run of letters and digits, then any number of
   * joiners (apostrophes, hyphens) each followed by another such run; a joiner with no letter or
   * digit after it is not part of the word. The scanner the {@code [\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*}
   * pattern describes, without a regex engine's cost on every word of every article. So "couldn't"
   * and "would-be" are one word each, and "would" does not match inside "would-be".
   */
  private static int endOfWord(String text, int at) {
    int end = skipWordChars(text, at);
    while (end < text.length() && isJoiner(text.charAt(end))) {
      int next = skipWordChars(text, end + 1);
      if (next == end + 1) {
        break;
      }
      end = next;
    }
    return end;
  }

  private static int skipWordChars(String text, int at) {
    while (at < text.length()) {
      int c = text.codePointAt(at);
      if (!isWordChar(c)) {
        break;
      }
      at += Character.charCount(c);
    }
    return at;
  }

  /** Whether a code point is a letter or a number ({@code \p{L}} or {@code \p{N}}). */
  private static boolean isWordChar(int c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  private static boolean isJoiner(char c) {
    return c == '\'' || c == '\u2019' || c == '-' || c == '\u2010';
  }

  private static boolean matches(HedgeLexicon.Phrase phrase, List<Word> words, int at, String text) {
    List<HedgeLexicon.Slot> pattern = phrase.words();
    if (at + pattern.size() > words.size()) {
      return false;
    }
    Word first = words.get(at);
    for (int i = 0; i < pattern.size(); i++) {
      Word word = words.get(at + i);
      if (!pattern.get(i).matches(word.folded()) || word.sentence() != first.sentence()) {
        return false;
      }
      // Words of a phrase are separated by spaces only: "sources, said" is not "sources said".
      if (i > 0 && !text.substring(words.get(at + i - 1).end(), word.start()).isBlank()) {
        return false;
      }
      boolean inCue = i >= phrase.cueFrom() && i < phrase.cueTo();
      if (inCue && word.folded().equals("may") && isMonthOrName(words, text, at + i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether "may" at this word is the month or a name rather than the modal. Lower-case "may" is
   * always the modal. A capitalised one followed by a number is a date ("May 5", "May 1961"). In
   * ordinary prose a capitalised "May" after the first word of a sentence is a name or the month;
   * in a title-case headline, where every word is capitalised, only a date word before it ("In
   * May") makes it the month.
   */
  private static boolean isMonthOrName(List<Word> words, String text, int at) {
    Word may = words.get(at);
    if (may.surface().equals("may")) {
      return false;
    }
    Word next = at + 1 < words.size() ? words.get(at + 1) : null;
    if (next != null && next.sentence() == may.sentence() && Character.isDigit(next.surface().charAt(0))) {
      return true;
    }
    Word previous = at > 0 ? words.get(at - 1) : null;
    boolean sentenceStart = previous == null || previous.sentence() != may.sentence();
    if (sentenceStart) {
      return false;
    }
    if (isTitleCase(words, text, may.sentence(), at)) {
      return DATE_WORDS.contains(previous.folded());
    }
    return true;
  }

  /**
   * Whether the sentence around {@code at} is a title-case headline: no closing full stop, question
   * or exclamation mark, and most of its longer words capitalised. The punctuation test keeps
   * name-heavy prose ("On Friday, Theresa May spoke to Parliament.") out.
   */
  private static boolean isTitleCase(List<Word> words, String text, int sentence, int at) {
    int from = at;
    while (from > 0 && words.get(from - 1).sentence() == sentence) {
      from--;
    }
    int to = at;
    while (to + 1 < words.size() && words.get(to + 1).sentence() == sentence) {
      to++;
    }
    String after = text.substring(words.get(to).end(), Math.min(text.length(), words.get(to).end() + 3));
    if (after.matches("(?s)[\"'\u2019\u201d)]*[.!?].*")) {
      return false;
    }
    int capitalised = 0;
    int counted = 0;
    for (int i = from; i <= to; i++) {
      String surface = words.get(i).surface();
      if (surface.length() >= 4) {
        counted++;
        capitalised += Character.isUpperCase(surface.charAt(0)) ? 1 : 0;
      }
    }
    return counted >= 3 && capitalised * 10 >= counted * 7;
  }
}
