package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.DataFile;
import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.ActorType;

/**
 * Finds organisations, government bodies and places in no gazetteer by the head word that ends
 * their name: "Allen Elementary School", "Fulton County Grand Jury", "State Federation of Women's
 * Clubs", "House Committee on Revenue and Taxation", "Fulton County" (keywords and their types in
 * {@code actor/name-keywords.tsv}), and sports teams named as a place and a plural ("Baltimore
 * Orioles", "Kansas City Athletics"; {@code actor/place-plurals.txt} lists the plurals that end
 * place names instead).
 *
 * <p>It runs before the gazetteer pass, so the place inside "Kansas City Athletics" or
 * "Philadelphia Transportation Co." does not take the name apart; but where a gazetteer alias
 * covers the head word ("Department of Defense", "Republican Party") the gazetteer's actor wins.
 */
final class KeywordNames {
  /** The most tokens one name takes, so a run of capitalised words does not become one name. */
  private static final int MAX_TOKENS = 10;

  /** Lower-case words inside a name: "College of Law", "Committee on Revenue and Taxation". */
  private static final Set<String> CONNECTORS = Set.of("of", "on", "for", "and", "&", "de", "the");

  /** Words that open a tail after the head word ("University of Chicago"). */
  private static final Set<String> TAIL_OPENERS = Set.of("of", "on", "for");

  /** Abbreviations whose full stop a name runs through: "St. Lawrence River", "Mt. Vernon". */
  private static final Set<String> ABBREVIATIONS = Set.of("St", "Mt", "Ft", "Pt");

  private final Map<String, Optional<ActorType>> keywords;
  private final Set<String> lowerCaseKeywords;
  private final Set<String> companySuffixes;
  private final Set<String> notNameStarts;
  private final Set<String> placePlurals;
  private final Gazetteer gazetteer;

  /**
   * @param keywords each head word, with its actor type, or empty for names that are no actor
   * @param companySuffixes the legal forms among them ("Inc", "Co"), which may follow "and" alone
   * @param notNameStarts capitalised words that open a sentence but no name ("The", "In")
   * @param placePlurals plurals that end place names rather than team names ("Falls", "Springs")
   */
  KeywordNames(Map<String, Optional<ActorType>> keywords, Set<String> companySuffixes, Set<String> notNameStarts,
      Set<String> placePlurals, Gazetteer gazetteer) {
    this.keywords = Map.copyOf(keywords);
    this.companySuffixes = Set.copyOf(companySuffixes);
    this.notNameStarts = Set.copyOf(notNameStarts);
    this.placePlurals = Set.copyOf(placePlurals);
    this.lowerCaseKeywords = Set.copyOf(keywords.keySet().stream()
        .filter(k -> Character.isLowerCase(k.charAt(0))).toList());
    this.gazetteer = gazetteer;
  }

  /**
   * Reads {@code keyword <TAB> type} lines; the company suffixes are organisation keywords too, and
   * the two word lists are one word a line.
   */
  static KeywordNames load(DataFile file, List<String> companySuffixes, DataFile notNameStarts, DataFile placePlurals,
      Gazetteer gazetteer) {
    Map<String, Optional<ActorType>> keywords = new HashMap<>();
    companySuffixes.forEach(suffix -> keywords.put(suffix, Optional.of(ActorType.ORGANISATION)));
    for (DataFile.Line line : file.lines()) {
      String[] columns = line.text().split("\t", -1);
      if (columns.length != 2) {
        throw new IllegalStateException(file.where(line) + ": expected 'keyword<TAB>type', got '" + line.text() + "'");
      }
      try {
        String type = columns[1].strip();
        keywords.put(columns[0].strip(), type.equals("none") ? Optional.empty() : Optional.of(ActorType.fromId(type)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(file.where(line) + ": " + e.getMessage(), e);
      }
    }
    return new KeywordNames(keywords, Set.copyOf(companySuffixes), Set.copyOf(notNameStarts.words()),
        Set.copyOf(placePlurals.words()), gazetteer);
  }

  /** The head words that end an organisation's name, company suffixes included ("Bank", "Corp"). */
  Set<String> organisationHeads() {
    Set<String> heads = new java.util.HashSet<>();
    keywords.forEach((word, type) -> {
      if (type.equals(Optional.of(ActorType.ORGANISATION)) && Character.isUpperCase(word.charAt(0))) {
        heads.add(word);
      }
    });
    return Set.copyOf(heads);
  }

  /** The names in the segment's tokens; marks the tokens it uses as covered. */
  List<TokenMatch> find(String text, Segment segment) {
    List<Token> tokens = segment.tokens();
    boolean[] covered = segment.covered();
    List<TokenMatch> found = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      int end = runEnd(tokens, covered, i);
      if (end == i) {
        i++;
        continue;
      }
      for (int[] part : parts(tokens, i, end)) {
        name(text, tokens, part[0], part[1]).ifPresent(named -> {
          for (int k = named.first(); k < named.end(); k++) {
            covered[k] = true;
          }
          // A name with no actor is a street, a building or a law: its words are set aside, not found.
          named.actor().ifPresent(actor -> found.add(new TokenMatch(actor, named.first(), named.end())));
        });
      }
      i = end;
    }
    return found;
  }

  /**
   * The end of the run of capitalised words starting at {@code at}: name words, glued hyphens and
   * possessives ("Times-Picayune", "Women's") and connectors followed by a capitalised word.
   */
  private int runEnd(List<Token> tokens, boolean[] covered, int at) {
    if (covered[at] || !tokens.get(at).capitalised()) {
      return at;
    }
    int end = at + 1;
    int k = at + 1;
    // A name an earlier pass found (a bracketed company) is no part of a longer one.
    while (k < tokens.size() && k - at < MAX_TOKENS && !covered[k]) {
      Token token = tokens.get(k);
      if (token.capitalised()) {
        k++;
        end = k;
      } else if (glued(tokens, k) && (token.key().equals("-") ? tokens.get(k + 1).capitalised()
          : token.key().equals("'") && tokens.get(k + 1).key().equals("s"))) {
        k += 2; // "Times-Picayune", "Women's"
        end = k;
      } else if (isLowerCaseKeyword(token) && tokens.get(k - 1).capitalised()) {
        end = k + 1; // "Fortier High school": 1961 news copy often sets the head word in lower case
        break;
      } else if (token.key().equals(".") && !token.spaceBefore()
          && (tokens.get(k - 1).initial() || ABBREVIATIONS.contains(tokens.get(k - 1).key()))
          && k + 1 < tokens.size() && tokens.get(k + 1).capitalised()) {
        k++; // "U.S. Bankruptcy Court": the full stop of an initial inside the name
      } else if (CONNECTORS.contains(token.key()) && k + 1 < tokens.size() && tokens.get(k + 1).capitalised()) {
        k++;
      } else {
        break;
      }
    }
    return end;
  }

  private static boolean glued(List<Token> tokens, int k) {
    return !tokens.get(k).spaceBefore() && k + 1 < tokens.size() && !tokens.get(k + 1).spaceBefore()
        && tokens.get(k + 1).word();
  }

  /**
   * Splits a run at "and" unless it joins one company's name: "Allen Elementary School and Fortier
   * High School" are two names, "Committee on Revenue and Taxation" one. An "and" joins a company's
   * name ("Baltimore and Ohio Railroad", "British and Commonwealth Shipping Co Plc", "Blyth &
   * Company") when no head word stands before it and an organisation's head word after it ends a
   * name of its own, or is a company suffix; bodies and places stay apart ("Atlanta and Fulton
   * County", "Assembly and Council"), since "and" lists them far more often than it names one.
   */
  private List<int[]> parts(List<Token> tokens, int start, int end) {
    List<int[]> parts = new ArrayList<>();
    int from = start;
    boolean inTail = false;
    for (int k = start; k < end; k++) {
      String key = tokens.get(k).key();
      if (key.equals("of") && !inTail && ofStartsAnotherName(tokens, from, k, end)) {
        parts.add(new int[] {from, k});
        from = k + 1;
        continue;
      }
      inTail |= TAIL_OPENERS.contains(key);
      if ((key.equals("and") || key.equals("&")) && !inTail && !joinsCompanyName(tokens, from, k, end)
          && !knownAcross(tokens, from, k)) {
        parts.add(new int[] {from, k});
        from = k + 1;
      } else if (key.equals("'") && k + 2 < end && !inTail && hasKeyword(tokens, from, k)) {
        parts.add(new int[] {from, k}); // "McLean Industries Inc's United States Lines Inc"
        from = k + 2;
        inTail = false;
      }
    }
    parts.add(new int[] {from, end});
    return parts;
  }

  /**
   * Whether the "of" at {@code at} separates two names rather than opening a name's tail: a company
   * named with its legal form is followed by its seat ("Hoechst AG of West Germany", "Wyrough and
   * Loser Inc of Trenton") unless the tail ends in a legal form or head word of its own ("Occidental
   * Life Insurance Co of Australia Ltd"); and words with no head word before "of" are a person or a
   * place, not the start of the company named after it ("Larry Eckenfelder of Prudential-Bache
   * Securities").
   */
  private boolean ofStartsAnotherName(List<Token> tokens, int from, int at, int end) {
    if (!hasKeyword(tokens, at + 1, end)) {
      return at > from && companySuffixes.contains(tokens.get(at - 1).key());
    }
    return !hasKeyword(tokens, from, at);
  }

  /** Whether the "and" at {@code at} joins one company's name, as {@link #parts} says. */
  private boolean joinsCompanyName(List<Token> tokens, int from, int at, int end) {
    if (hasKeyword(tokens, from, at)) {
      return false;
    }
    for (int k = at + 1; k < end; k++) {
      if (isKeyword(tokens.get(k))) {
        String head = tokens.get(k).key();
        return keywords.get(head).equals(Optional.of(ActorType.ORGANISATION))
            && (k > at + 1 || companySuffixes.contains(head));
      }
    }
    return false;
  }

  /** Whether a gazetteer alias starting before {@code at} runs past it: "Securities and Exchange Commission". */
  private boolean knownAcross(List<Token> tokens, int from, int at) {
    for (int k = from; k < at; k++) {
      Optional<GazetteerEntry> known = gazetteer.longestMatch(tokens, k, false, false, Set.of());
      if (known.isPresent() && k + known.get().tokens().size() > at) {
        return true;
      }
    }
    return false;
  }

  private boolean hasKeyword(List<Token> tokens, int from, int to) {
    for (int k = from; k < to; k++) {
      if (isKeyword(tokens.get(k))) {
        return true;
      }
    }
    return false;
  }

  private boolean isKeyword(Token token) {
    return (token.capitalised() || lowerCaseKeywords.contains(token.key())) && keywords.containsKey(token.key());
  }

  private boolean isLowerCaseKeyword(Token token) {
    return token.word() && lowerCaseKeywords.contains(token.key());
  }

  /** A name found in {@code tokens[first, end)}: the actor it names, or none for a street or a law. */
  private record Named(int first, int end, Optional<ActorKey> actor) {}

  /** The keyword-headed name or team name in {@code tokens[start, end)}, if there is one. */
  private Optional<Named> name(String text, List<Token> tokens, int start, int end) {
    int first = start;
    while (first < end && (notNameStarts.contains(tokens.get(first).key()) || !tokens.get(first).capitalised())) {
      first++;
    }
    if (first >= end) {
      return Optional.empty();
    }
    int head = -1;
    for (int k = first; k < end; k++) {
      if (isKeyword(tokens.get(k))
          && (k + 1 == end || TAIL_OPENERS.contains(tokens.get(k + 1).key()) || tokens.get(k + 1).capitalised())) {
        head = k;
        if (k + 1 < end && TAIL_OPENERS.contains(tokens.get(k + 1).key())) {
          break; // what follows is the tail: "College of Law"
        }
      }
    }
    if (head < 0) {
      return team(text, tokens, first, end);
    }
    int last = head + 1 < end && TAIL_OPENERS.contains(tokens.get(head + 1).key()) ? end : head + 1;
    if (last == head + 1 && head == first) {
      return Optional.empty(); // a head word alone ("Court", "Union") names nothing in particular
    }
    if (oneWord(tokens, first, last)) {
      return Optional.empty(); // "Major-League" is an adjective, not a league
    }
    if (!tokens.get(head).capitalised()
        && gazetteer.longestMatch(tokens, first, false, false, Set.of()).isPresent()) {
      return Optional.empty(); // "a Texas school" is a school in Texas, not one named "Texas school"
    }
    for (int k = first; k <= head; k++) {
      Optional<GazetteerEntry> known = gazetteer.longestMatch(tokens, k, false, false, Set.of());
      if (known.isPresent() && k + known.get().tokens().size() > head) {
        return Optional.empty(); // the gazetteer knows it: "Department of Defense", "Republican Party"
      }
    }
    Optional<ActorType> type = keywords.get(tokens.get(head).key());
    String written = NameRules.canonical(text, tokens, first, last);
    // One name across the archive: "Fortier High school" (1961) and "Fortier High School" are one actor.
    String name = tokens.get(head).capitalised() || last != head + 1 ? written
        : written.substring(0, written.length() - tokens.get(head).key().length())
            + Character.toUpperCase(tokens.get(head).key().charAt(0)) + tokens.get(head).key().substring(1);
    return Optional.of(new Named(first, last, type.map(t -> new ActorKey(name, t))));
  }

  /** Whether the tokens are glued together with no space, as one hyphenated word is. */
  private static boolean oneWord(List<Token> tokens, int first, int last) {
    for (int k = first + 1; k < last; k++) {
      if (tokens.get(k).spaceBefore()) {
        return false;
      }
    }
    return true;
  }

  /** A known place and a capitalised plural closing the run: "Baltimore Orioles", "Texas Rangers". */
  private Optional<Named> team(String text, List<Token> tokens, int first, int end) {
    Optional<GazetteerEntry> place = gazetteer.longestMatch(tokens, first, false, false, Set.of());
    if (place.isEmpty() || place.get().actor().type() != ActorType.PLACE
        || first + place.get().tokens().size() != end - 1
        || !NameRules.canonical(text, tokens, first, end - 1).equals(place.get().actor().name())) {
      return Optional.empty(); // "American Republics", "French Chambers": a demonym, not a home town
    }
    String plural = tokens.get(end - 1).key();
    if (plural.length() < 4 || !plural.endsWith("s") || plural.endsWith("ss") || placePlurals.contains(plural)
        || !Character.isLowerCase(plural.charAt(1))) {
      return Optional.empty();
    }
    return Optional.of(new Named(first, end,
        Optional.of(new ActorKey(NameRules.canonical(text, tokens, first, end), ActorType.ORGANISATION))));
  }
}
