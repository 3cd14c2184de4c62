package org.morgue.indexer.enrich.quote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.morgue.article.Actor;
import org.morgue.article.ActorType;
import org.morgue.article.Article;
import org.morgue.article.Cue;
import org.morgue.article.CueKind;
import org.morgue.article.Hedging;
import org.morgue.article.Mention;
import org.morgue.article.Span;

/**
 * Who each attribution credits: links the words of saying the hedge detector found ("said", "according
 * to", "told reporters") to the actor whose statement they report, so an archive can be searched by who
 * is quoted. Thread-safe and immutable.
 *
 * <p>Rules over the words around the verb, as a reader finds the speaker: the actor named just before it
 * ("Pittston Co said", "Kennedy, who spoke in Denver, said", "a Pittston spokesman said"), just after it
 * ("said John Smith", "according to the Commerce Department"), or a pronoun or a description there ("he
 * said", "the company said") for the actor it stands for, the last one named before. A passive ("was
 * told", "was reported") credits nobody but its "by". Only people, organisations, government bodies and
 * groups speak; a place never does. docs/enrichment.md gives the figures against eval/quotes.
 */
public final class SpeakerLinker {
  /** Words that may stand between a speaker and the verb without changing who speaks. */
  private static final Pattern FILLER = Pattern.compile(
      "(?:\\s+|[>)]|\\([^()]{0,40}\\)|\\b(?:has|have|had|also|later|then|today|yesterday|tonight|again|earlier|further|publicly"
          + "|previously|formally|officially|recently|flatly|firmly|repeatedly|once|often|simply|only|first|finally"
          + "|still|however|jointly|separately|last (?:night|week|month|year)|this (?:week|morning|afternoon|evening)"
          + "|(?:on |last |early |late )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?: (?:night|morning|afternoon|evening))?"
          + "|in (?:a|an|its|his|her|their) (?:written |brief |prepared )?(?:statement|interview|letter|report"
          + "|speech|filing|release|announcement|telephone interview|television interview)),?)$");
  /** Who speaks for an organisation without being named: "a Pittston spokesman said". */
  private static final Pattern ROLE_BEFORE = Pattern.compile(
      "\\.?(?:'s?)?\\s+(?:chief |top |senior |other |two |three |several )?(?:spokes(?:man|men|woman|women|person|persons|people)|officials?|executives?"
          + "|sources?|lawyers?|attorneys?|representatives?|aides?|officers?|members?|authorities|management|subsidiary"
          + "|unit|division)\\s*$");
  /** What a speaker wrote or issued: "Smith's statement said", "the company's report says". */
  private static final Pattern PAPER_BEFORE = Pattern.compile(
      "(?:'s?)\\s+(?:(?:written|brief|prepared|annual|latest|new|formal|official) )?(?:statement|report|letter"
          + "|announcement|release|filing|presentments?|findings|resolution|decision|ruling)\\s*$");
  /** "... a spokesman for Pittston", "an official of the department", after a verb or "according to". */
  private static final Pattern ROLE_OF = Pattern.compile(
      "^\\s*(?:a|an|the|one|two|three|several|other)?\\s*(?:[a-z-]+ ){0,2}(?:spokes(?:man|men|woman|women|person|persons|people)|officials?"
          + "|executives?|sources?|lawyers?|attorneys?|representatives?|aides?|officers?|statement|report)"
          + "\\s+(?:for|of|at|from|with|by)\\s+(?:the\\s+)?$");
  /** Up to three title words before an inverted speaker's name: "said Sen. John Smith". */
  private static final Pattern TITLES = Pattern.compile("^\\s*(?:(?:the\\s+)?[A-Z][a-z]*\\.?\\s+){0,3}$");
  private static final Pattern PERSON_PRONOUN = Pattern.compile("\\b(?:he|she|He|She)\\s*$");
  private static final Pattern PERSON_PRONOUN_AFTER = Pattern.compile("^\\s*(?:he|she)\\b");
  private static final Pattern THING_PRONOUN = Pattern.compile("\\b(?:it|It)\\s*$");
  /** A preposition before a name makes it no subject: "In a filing with the SEC, the group said". */
  private static final Pattern PREPOSITION_BEFORE = Pattern.compile(
      "\\b(?:with|to|by|from|of|in|for|at|on|against|under|about|into|over|than|between|among)\\s+(?:the\\s+)?$",
      Pattern.CASE_INSENSITIVE);
  /** A role and a person after an inverted body: "said E.F. Hutton Group analyst Michael Levine". */
  private static final Pattern ROLE_THEN_PERSON = Pattern.compile("^\\s*(?:'s\\s+)?(?:[a-z-]+\\s+){1,3}$");
  /** Nouns that stand for whichever company, firm or group the article is about. */
  private static final Set<String> GENERIC_BODY_NOUNS = Set.of("company", "firm", "bank", "group", "corporation",
      "concern", "utility", "airline");
  /** A body named by what it is: "the company said", "The jury said", "hospital officials said". */
  private static final Pattern BODY_NOUN = Pattern.compile(
      "(?:\\b(?:the|The|its|Its)\\s+(?:[a-z]+\\s+)?|^\\s*|\\b)(?i:(company|firm|bank|group|corporation|concern|utility|airline|agency"
          + "|ministry|department|court|jury|board|union|council|committee|commission|government|administration"
          + "|newspaper|paper|party|club|team|league|association|institute|university|college|school|church"
          + "|hospital|office|bureau|army|navy|police|legislature|senate|house|assembly|cabinet))"
          + "(?:(?:'s?)?\\s+(?:spokes(?:man|men|woman|women|person|persons|people)|officials?|executives?|sources?|lawyers?|representatives?"
          + "|members?|authorities|statement|report|announcement|resolution|decision|ruling))?\\s*$");
  /** A body described in a sentence before its pronoun: "The jury did not elaborate, but it added". */
  private static final Pattern DESCRIBED = Pattern.compile(
      "^\\s*(?:the|The)\\s+(company|firm|bank|group|corporation|concern|utility|airline|agency|ministry|department|court"
          + "|jury|board|union|council|committee|commission|government|administration|newspaper|party|club|team|league"
          + "|association|institute|university|college|school|church|hospital|bureau|army|navy|police|legislature"
          + "|senate|assembly|cabinet)\\b");
  /** A person before a body they work for: "Analyst Rosemarie Morbelli of Ingalls and Snyder said". */
  private static final Pattern OF_BODY = Pattern.compile(
      ",?\\s+(?:(?:a|an|the)\\s+)?(?:[a-z-]+\\s+){0,3}(?:of|for|at|with)\\s+(?:the\\s+)?$");
  private static final Pattern AND = Pattern.compile("\\s*,?\\s+and\\s+(?:his|her|their)?\\s*(?:[a-z-]+\\s+){0,3},?\\s*$");
  private static final Pattern PASSIVE = Pattern.compile(
      "\\b(?:is|are|was|were|be|been|being|am)\\s+(?:\\w+ly\\s+)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BY = Pattern.compile(
      "^\\s+(?:(?:today|yesterday|later|earlier|(?:on |last )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?: night)?)\\s+)?by\\s+(?:the\\s+)?$");
  /** Verbs of saying that may come before their speaker: "... the plan," said Smith. */
  private static final Set<String> INVERTIBLE = Set.of("said", "says", "added", "declared", "asserted", "insisted",
      "insists", "stated", "warned", "acknowledged", "explained", "explains", "wrote", "writes", "noted", "argued",
      "argues");
  /** "the state Board of Education, which said": the name before a relative pronoun. */
  private static final Pattern RELATIVE = Pattern.compile(",\\s*(?:which|who)\\s*$");
  /** "the group, led by Mutual Shares Corp, said": the leader speaks. */
  private static final Pattern LED_BY = Pattern.compile("\\b(?:led|headed)\\s+by\\s+(?:the\\s+)?$");
  /** Attributions that credit no one by themselves, or whose speaker another cue beside them names. */
  private static final Set<String> CREDIT_NOBODY = Set.of("in a statement", "people familiar with",
      "sources familiar with", "those familiar with", "a person familiar with");
  /**
   * How much of the text before a verb the rules that end there read, in characters: a role, a
   * pronoun or a title is a few words, and reading whole long sentences again for each made linking
   * cost a fifth of all enrichment.
   */
  private static final int TAIL = 120;
  /** How far back a pronoun's or a description's actor may be named, in characters. */
  private static final int REFERENCE_REACH = 1500;
  /** The widest aside skipped between a speaker and the verb: "Smith, who ..., said". */
  private static final int ASIDE_WORDS = 20;

  /** The actors with the attributions that credit them; the list's order and everything else kept. */
  public List<Actor> link(Article article, List<Actor> actors, Hedging hedging) {
    List<Named> named = new ArrayList<>();
    for (int i = 0; i < actors.size(); i++) {
      Actor actor = actors.get(i);
      if (actor.type() == ActorType.PLACE) {
        continue;
      }
      for (Mention mention : actor.mentions()) {
        named.add(new Named(i, actor.type(), mention.start(), mention.end()));
      }
    }
    if (named.isEmpty()) {
      return actors;
    }
    named.sort(Comparator.comparingInt(Named::start));
    Scan scan = new Scan(article.text(), named, actors);
    Map<Integer, List<Mention>> quotes = new HashMap<>();
    for (Cue cue : hedging.cues()) {
      if (cue.kind() != CueKind.ATTRIBUTION || cue.sentence() < 0 || cue.sentence() >= hedging.sentenceSpans().size()) {
        continue;
      }
      for (Named who : scan.speakers(cue, hedging.sentenceSpans().get(cue.sentence()))) {
        List<Mention> credited = quotes.computeIfAbsent(who.actor(), k -> new ArrayList<>());
        if (credited.isEmpty() || credited.get(credited.size() - 1).start() != cue.start()) {
          credited.add(new Mention(cue.start(), cue.end(), cue.text()));
        }
        scan.spoke(who, cue.end());
      }
    }
    if (quotes.isEmpty()) {
      return actors;
    }
    List<Actor> linked = new ArrayList<>(actors);
    quotes.forEach((index, found) -> linked.set(index, actors.get(index).withQuotes(found)));
    return List.copyOf(linked);
  }

  /** One article's text and named actors, and who spoke last, as the attributions are read in order. */
  private static final class Scan {
    private final String text;
    private final List<Named> named;
    private final List<Actor> actors;
    private Named lastPerson;
    private Named lastBody;
    /** Where each last spoke: the end of the words that credited them, which a pronoun is counted from. */
    private int lastPersonSpoke;
    private int lastBodySpoke;
    /** One matcher per rule over the whole text, read in regions: no copy of the text for each look. */
    private final Map<Pattern, Matcher> matchers = new HashMap<>();

    Scan(String text, List<Named> named, List<Actor> actors) {
      this.text = text;
      this.named = named;
      this.actors = actors;
    }

    /** The rule's matcher over {@code [start, end)} of the text; its offsets are the text's. */
    private Matcher region(Pattern rule, int start, int end) {
      return matchers.computeIfAbsent(rule, r -> r.matcher(text)).region(start, end);
    }

    void spoke(Named who, int at) {
      if (who.type() == ActorType.PERSON) {
        lastPerson = who;
        lastPersonSpoke = at;
      } else {
        lastBody = who;
        lastBodySpoke = at;
      }
    }

    List<Named> speakers(Cue cue, Span sentence) {
      String words = cue.text().toLowerCase(Locale.ROOT);
      if (CREDIT_NOBODY.contains(words) || words.contains("accused")) {
        return List.of();
      }
      int from = Math.max(sentence.start(), 0);
      int to = Math.min(sentence.end(), text.length());
      if (cue.start() < from || cue.end() > to) {
        return List.of();
      }
      if (words.startsWith("according to")) {
        return list(after(cue.end(), to, false));
      }
      if (region(PASSIVE, Math.max(from, cue.start() - TAIL), cue.start()).find()
          && !words.startsWith("quoted")) {
        return list(byAgent(cue.end(), to));
      }
      Optional<Named> subject = before(from, cue.start());
      if (subject.isPresent()) {
        List<Named> speakers = new ArrayList<>(2);
        speakers.add(subject.get());
        // "Kenneth Thomas and his father, C.A. Thomas, said": both speak.
        coordinated(from, subject.get()).ifPresent(speakers::add);
        return speakers;
      }
      String verb = words.contains(" ") ? words.substring(0, words.indexOf(' ')) : words;
      if (INVERTIBLE.contains(verb) && !words.contains(" ")) {
        if (PERSON_PRONOUN_AFTER.matcher(text.substring(cue.end(), to)).lookingAt()) {
          return list(person(cue.start())); // "No, said he"
        }
        return list(after(cue.end(), to, true));
      }
      return List.of();
    }

    private static List<Named> list(Optional<Named> speaker) {
      return speaker.map(List::of).orElse(List.of());
    }

    /** The agent of a passive verb of saying: "was announced Saturday by John F. Tims". */
    private Optional<Named> byAgent(int at, int to) {
      for (Named candidate : named) {
        if (candidate.start() >= at && candidate.start() < to) {
          return BY.matcher(text.substring(at, candidate.start())).matches() ? Optional.of(candidate) : Optional.empty();
        }
      }
      return Optional.empty();
    }

    /** The speaker named, or referred to, right before the verb, past fillers and an aside. */
    private Optional<Named> before(int from, int at) {
      int end = stripFillers(from, at);
      int base = Math.max(from, end - TAIL);
      Optional<Named> direct = endingAt(from, end, false);
      if (direct.isPresent()) {
        Optional<Named> employee = employee(from, direct.get());
        if (employee.isPresent() || !objectOfPreposition(from, direct.get())) {
          return Optional.of(employee.orElse(direct.get()));
        }
      }
      Matcher role = region(ROLE_BEFORE, base, end);
      if (role.find()) {
        Optional<Named> body = endingAt(from, role.start(), true);
        if (body.isPresent()) {
          return body;
        }
      }
      Matcher paper = region(PAPER_BEFORE, base, end);
      if (paper.find()) {
        Optional<Named> writer = endingAt(from, paper.start(), false);
        if (writer.isPresent()) {
          return writer;
        }
      }
      Matcher relative = region(RELATIVE, base, end);
      if (relative.find()) {
        Optional<Named> antecedent = endingAt(from, stripFillers(from, relative.start()), false);
        if (antecedent.isPresent()) {
          return antecedent;
        }
      }
      Optional<Named> referred = referredTo(from, end);
      if (referred.isPresent()) {
        return referred;
      }
      return aside(from, text.substring(from, end));
    }

    /**
     * "Smith, who joined Pittston in 1980, said", "Thomas Rotelli, head of Rhode Island Incinerator
     * Service, Inc., said": the speaker before the aside, the leftmost one named right before one of its
     * last three commas.
     */
    private Optional<Named> aside(int from, String left) {
      String trimmed = left.stripTrailing();
      if (!trimmed.endsWith(",")) {
        return Optional.empty();
      }
      int close = from + trimmed.length() - 1;
      Optional<Named> found = Optional.empty();
      int open = close;
      for (int commas = 0; commas < 3; commas++) {
        open = text.lastIndexOf(',', open - 1);
        if (open < from) {
          break;
        }
        String between = text.substring(open + 1, close);
        if (between.strip().split("\\s+").length > ASIDE_WORDS
            || between.chars().anyMatch(c -> c == '"' || c == '\u201c' || c == '\u201d')) {
          break;
        }
        Optional<Named> leader = endingAt(from, close, false)
            .filter(n -> LED_BY.matcher(text.substring(Math.max(from, n.start() - 20), n.start())).find());
        if (leader.isPresent() && text.substring(open + 1, close).strip().matches("(?s)(?:led|headed) by .*")) {
          return leader;
        }
        int subjectEnd = stripFillers(from, open);
        Optional<Named> subject = endingAt(from, subjectEnd, false).filter(n -> !objectOfPreposition(from, n));
        if (subject.isEmpty()) {
          subject = referredTo(from, subjectEnd);
        }
        if (subject.isPresent()) {
          found = subject;
        }
      }
      return found;
    }

    private boolean objectOfPreposition(int from, Named name) {
      if (name.start() < from) {
        return false;
      }
      int start = Math.max(from, name.start() - 30);
      return !region(LED_BY, start, name.start()).find() && region(PREPOSITION_BEFORE, start, name.start()).find();
    }

    /** The person named just before a body they speak for: "Analyst Rosemarie Morbelli of Ingalls and Snyder". */
    private Optional<Named> employee(int from, Named body) {
      if (body.type() == ActorType.PERSON) {
        return Optional.empty();
      }
      int base = Math.max(from, body.start() - TAIL);
      Matcher of = region(OF_BODY, base, body.start());
      if (!of.find()) {
        return Optional.empty();
      }
      return endingAt(from, of.start(), false).filter(n -> n.type() == ActorType.PERSON);
    }

    /** The first of two speakers joined by "and" before the verb. */
    private Optional<Named> coordinated(int from, Named second) {
      if (second.start() < from) {
        return Optional.empty(); // a pronoun's speaker, named in an earlier sentence
      }
      int base = Math.max(from, second.start() - TAIL);
      Matcher and = region(AND, base, second.start());
      if (!and.find()) {
        return Optional.empty();
      }
      return endingAt(from, and.start(), false).filter(n -> n.type() == second.type() && n.actor() != second.actor());
    }

    /** "he said", "it said", "the company said": the one who spoke last, or else was named last, of that kind. */
    private Optional<Named> referredTo(int from, int end) {
      int base = Math.max(from, end - TAIL);
      Matcher person = region(PERSON_PRONOUN, base, end);
      if (person.find()) {
        return person(person.start());
      }
      Matcher thing = region(THING_PRONOUN, base, end);
      if (thing.find()) {
        // "The jury did not elaborate, but it added": the body the sentence described before "it".
        Matcher described = DESCRIBED.matcher(text.substring(from, thing.start()));
        if (described.find()) {
          Optional<Named> body = describedAs(from + described.start(), described.group(1).toLowerCase(Locale.ROOT));
          if (body.isPresent()) {
            return body;
          }
        }
        // "it" is mostly no actor ("it tells you the whole story", "what it says"): only the body that
        // has just spoken goes on speaking as "it" ("Computer Terminal said ... it said it would").
        int at = thing.start();
        return lastBody != null && lastBodySpoke <= at && at - lastBodySpoke <= REFERENCE_REACH / 2
            ? Optional.of(lastBody) : Optional.empty();
      }
      Matcher body = region(BODY_NOUN, base, end);
      if (body.find()) {
        return describedAs(body.start(), body.group(1).toLowerCase(Locale.ROOT));
      }
      return Optional.empty();
    }

    /** The body a description stands for: the one the article is about, or the one of that name. */
    private Optional<Named> describedAs(int at, String noun) {
      if (GENERIC_BODY_NOUNS.contains(noun)) {
        return company(at);
      }
      // "the jury", "the navy", "hospital officials": the body of that name named last.
      return lastBefore(at, Integer.MAX_VALUE, type -> type != ActorType.PERSON,
          n -> actors.get(n.actor()).name().toLowerCase(Locale.ROOT).contains(noun));
    }

    private Optional<Named> person(int at) {
      // The one just quoted goes on speaking ("Smith said Jones was wrong. He said ..."), if recent.
      if (lastPerson != null && lastPersonSpoke <= at && at - lastPersonSpoke <= REFERENCE_REACH / 3) {
        return Optional.of(lastPerson);
      }
      return lastBefore(at, REFERENCE_REACH, type -> type == ActorType.PERSON, n -> true);
    }

    /** "the company", "the firm": the body that spoke last, or else the organisation or group named last. */
    private Optional<Named> company(int at) {
      if (lastBody != null && lastBodySpoke <= at && at - lastBodySpoke <= 2 * REFERENCE_REACH) {
        return Optional.of(lastBody);
      }
      return lastBefore(at, REFERENCE_REACH, type -> type == ActorType.ORGANISATION || type == ActorType.GROUP, n -> true);
    }

    /** The speaker named right after a verb or "according to": "said John Smith", "according to a spokesman for X". */
    private Optional<Named> after(int at, int to, boolean inverted) {
      for (Named candidate : named) {
        if (candidate.start() < at) {
          continue;
        }
        if (candidate.start() >= to) {
          break;
        }
        String gap = text.substring(at, candidate.start());
        if (gap.isBlank() || ROLE_OF.matcher(gap).matches() && candidate.type() != ActorType.PERSON
            || TITLES.matcher(gap).matches() && !gap.contains(",")
            || !inverted && gap.strip().matches("(?:the|a|an|<|\\()?")) {
          return Optional.of(inverted ? speakerFor(candidate, to).orElse(candidate) : candidate);
        }
        return Optional.empty();
      }
      return Optional.empty();
    }

    /** The person named after a body and a role: "E.F. Hutton Group analyst Michael Levine". */
    private Optional<Named> speakerFor(Named body, int to) {
      if (body.type() == ActorType.PERSON) {
        return Optional.empty();
      }
      for (Named candidate : named) {
        if (candidate.start() < body.end()) {
          continue;
        }
        if (candidate.start() >= to || candidate.type() != ActorType.PERSON) {
          return Optional.empty();
        }
        return ROLE_THEN_PERSON.matcher(text.substring(body.end(), candidate.start())).matches()
            ? Optional.of(candidate) : Optional.empty();
      }
      return Optional.empty();
    }

    private int stripFillers(int from, int at) {
      int end = at;
      while (end > from) {
        Matcher filler = region(FILLER, Math.max(from, end - 60), end);
        if (!filler.find() || filler.end() == filler.start()) {
          break;
        }
        end = filler.start();
      }
      return end;
    }

    private Optional<Named> endingAt(int from, int end, boolean bodiesOnly) {
      Named found = null;
      for (Named candidate : named) {
        if (candidate.start() >= end) {
          break;
        }
        if (candidate.end() == end && candidate.start() >= from && (!bodiesOnly || candidate.type() != ActorType.PERSON)
            && (found == null || candidate.start() < found.start())) {
          found = candidate;
        }
      }
      return Optional.ofNullable(found);
    }

    private Optional<Named> lastBefore(int at, int reach, Predicate<ActorType> kind, Predicate<Named> also) {
      Named found = null;
      for (Named candidate : named) {
        if (candidate.end() > at) {
          break;
        }
        if (at - candidate.end() <= reach && kind.test(candidate.type()) && also.test(candidate)) {
          found = candidate;
        }
      }
      return Optional.ofNullable(found);
    }
  }

  /** Where an actor that may speak is named. */
  private record Named(int actor, ActorType type, int start, int end) {}
}
