package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.AccentFolding;
import org.morgue.indexer.enrich.text.DataFile;
import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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
  private static final Set<String> CONNECTORS = Set.of("of", "on", "for", "and", "&", "de");

  /** Legal forms that may stand before or inside a company's name, not only at its end. */
  private static final Set<String> LEADING_FORMS = Set.of("AB");

  /** Court officers whose title "District" opens ("District Judge", "District Attorney"). */
  private static final Set<String> DISTRICT_OFFICERS = Set.of("Judge", "Judges", "Attorney", "Attorneys");

  /** Words that open a tail after the head word ("University of Chicago"). */
  private static final Set<String> TAIL_OPENERS = Set.of("of", "on", "for");

  /**
   * Abbreviations whose full stop a name runs through: "St. Lawrence River", "Mt. Vernon", "Uncas
   * Mfg. Co.".
   */
  private static final Set<String> ABBREVIATIONS = Set.of("St", "Mt", "Ft", "Pt", "Mfg", "Bros", "Assn", "Natl", "Intl");

  /**
   * Organisation head words of schools, hospitals and churches: a board named after one is that
   * institution's body, not a government's ("New York University Board of Trustees"); a service or
   * corps is not ("Marine-Hospital Service", "Hospital Corps").
   */
  private static final Set<String> INSTITUTIONS =
      Set.of("University", "College", "School", "Academy", "Institute", "Seminary", "Hospital", "Church");

  private final Map<String, Optional<ActorType>> keywords;
  private final Set<String> lowerCaseKeywords;
  private final Set<String> companySuffixes;
  private final Set<String> notNameStarts;
  private final Set<String> placePlurals;
  private final Set<String> industryHeads;
  private final Set<String> placeIndustryHeads;
  private final Gazetteer gazetteer;
  /** Whether a word is a given name: after a name's possessive, it opens a person's name. */
  private final Predicate<String> givenName;

  /**
   * @param keywords each head word, with its actor type, or empty for names that are no actor
   * @param companySuffixes the legal forms among them ("Inc", "Co"), which may follow "and" alone
   * @param notNameStarts capitalised words that open a sentence but no name ("The", "In")
   * @param placePlurals plurals that end place names rather than team names ("Falls", "Springs")
   * @param industryHeads words of a trade that end a company's name when they end the run of
   *     capitalised words ("General Electric", "Union Oil", "United Steel Workers")
   * @param placeIndustryHeads trade words too ordinary to name a company unless a known place opens
   *     the name ("Tennessee Gas", not "Natural Gas")
   */
  KeywordNames(Map<String, Optional<ActorType>> keywords, Set<String> companySuffixes, Set<String> notNameStarts,
      Set<String> placePlurals, Set<String> industryHeads, Set<String> placeIndustryHeads, Gazetteer gazetteer,
      Predicate<String> givenName) {
    this.givenName = givenName;
    Map<String, Optional<ActorType>> folded = new HashMap<>();
    keywords.forEach((word, type) -> folded.put(AccentFolding.fold(word), type));
    this.keywords = Map.copyOf(folded);
    this.industryHeads = folded(industryHeads);
    this.placeIndustryHeads = folded(placeIndustryHeads);
    this.companySuffixes = folded(companySuffixes);
    this.notNameStarts = folded(notNameStarts);
    this.placePlurals = folded(placePlurals);
    this.lowerCaseKeywords = Set.copyOf(this.keywords.keySet().stream()
        .filter(k -> Character.isLowerCase(k.charAt(0))).toList());
    this.gazetteer = gazetteer;
  }

  /**
   * Reads {@code keyword <TAB> type} lines; the company suffixes are organisation keywords too, and
   * the two word lists are one word a line.
   */
  static KeywordNames load(DataFile file, List<String> companySuffixes, DataFile notNameStarts, DataFile placePlurals,
      DataFile industryHeads, Gazetteer gazetteer, Predicate<String> givenName) {
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
    Set<String> industry = new java.util.HashSet<>();
    Set<String> placeIndustry = new java.util.HashSet<>();
    for (String word : industryHeads.words()) {
      if (word.startsWith("@")) {
        placeIndustry.add(word.substring(1));
      } else {
        industry.add(word);
      }
    }
    return new KeywordNames(keywords, Set.copyOf(companySuffixes), Set.copyOf(notNameStarts.words()),
        Set.copyOf(placePlurals.words()), industry, placeIndustry, gazetteer, givenName);
  }

  /**
   * The word lists are looked up as the gazetteers are, accents folded on both sides: "Théâtre" is
   * the head word "Theatre".
   */
  private static Set<String> folded(Set<String> words) {
    return Set.copyOf(words.stream().map(AccentFolding::fold).toList());
  }

  private static boolean listed(Set<String> words, String word) {
    return words.contains(AccentFolding.fold(word));
  }

  /** The actor type of a head word's names (empty for names that are no actor); null for no head word. */
  private Optional<ActorType> headType(String word) {
    return keywords.get(AccentFolding.fold(word));
  }

  /** The head words of places and of names that are no actor ("River", "County", "Avenue", "Hotel"). */
  Set<String> placeAndNoActorHeads() {
    Set<String> heads = new java.util.HashSet<>();
    keywords.forEach((word, type) -> {
      if (type.isEmpty() || type.get() == ActorType.PLACE) {
        heads.add(word);
      }
    });
    return Set.copyOf(heads);
  }

  /** Capitalised words that open a sentence but no name ("The", "In"). */
  Set<String> notNameStarts() {
    return notNameStarts;
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
      int firm = firmEnd(tokens, covered, i);
      if (firm > i) {
        for (int k = i; k < firm; k++) {
          covered[k] = true;
        }
        found.add(new TokenMatch(
            new ActorKey(NameRules.canonical(text, tokens, i, firm), ActorType.ORGANISATION), i, firm));
        i = firm;
        continue;
      }
      int end = runEnd(tokens, covered, i);
      if (end == i) {
        i++;
        continue;
      }
      if (unionLocal(tokens, covered, end)) {
        for (int k = i; k <= end; k++) {
          covered[k] = true;
        }
        found.add(new TokenMatch(
            new ActorKey(NameRules.canonical(text, tokens, i, end + 1), ActorType.ORGANISATION), i, end + 1));
        i = end + 1;
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
      } else if (token.key().equals("(") && k + 3 < tokens.size() && tokens.get(k + 1).capitalised()
          && tokens.get(k + 2).key().equals(")") && listed(companySuffixes, tokens.get(k + 3).key())) {
        k += 3; // "Industrial Equity (Pacific) Ltd": a bracketed word inside a company's name
        end = k;
      } else if (token.key().equals("'") && !token.spaceBefore() && tokens.get(k - 1).key().endsWith("s")
          && k + 1 < tokens.size() && tokens.get(k + 1).spaceBefore() && tokens.get(k + 1).capitalised()
          && !placeEndsAt(tokens, at, k)) {
        k++; // "Baseball Writers' Association": a plural possessive inside the name, not a place's
      } else if (isLowerCaseKeyword(token) && tokens.get(k - 1).capitalised()) {
        end = k + 1; // "Fortier High school": 1961 news copy often sets the head word in lower case
        break;
      } else if (token.key().equals(".") && !token.spaceBefore()
          && (tokens.get(k - 1).initial() || ABBREVIATIONS.contains(tokens.get(k - 1).key()))
          && k + 1 < tokens.size() && tokens.get(k + 1).capitalised()) {
        k++; // "U.S. Bankruptcy Court": the full stop of an initial inside the name
      } else if (CONNECTORS.contains(token.key()) && k + 1 < tokens.size() && tokens.get(k + 1).capitalised()
          && !DATES.contains(tokens.get(k + 1).key())) {
        k++;
      } else if (TAIL_OPENERS.contains(token.key()) && isKeyword(tokens.get(k - 1)) && k + 2 < tokens.size()
          && tokens.get(k + 1).key().equals("the") && tokens.get(k + 2).capitalised()) {
        k += 2; // "Garden of the Gods Club", "Society for the Prevention of ...", not "Pearson of the Angels"
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
          && !knownAcross(tokens, from, k) && !savingsAndLoan(tokens, k)) {
        parts.add(new int[] {from, k});
        from = k + 1;
      } else if (key.equals("'") && k + 2 < end && tokens.get(k + 1).key().equals("s")
          && ((!inTail && (hasKeyword(tokens, from, k) || knownPlace(tokens, from, k)))
              || (inTail && knownPlace(tokens, k - 1, k) && HEADS_OF.contains(tokens.get(k + 2).key()))
              || (inTail && givenName.test(tokens.get(k + 2).key())))) {
        // ... and so does a person's given name: "the Museum of Modern Art's Alfred Barr"
        // "University of Chicago's Chancellor Lawrence A. Kimpton": a place's possessive before the title
        // of the body's head ends a tail too, where "Commission on America's Urban Families" goes on
        parts.add(new int[] {from, k}); // "McLean Industries Inc's United States Lines Inc", "Sweden's ..."
        from = k + 2;
        inTail = false;
      }
    }
    parts.add(new int[] {from, end});
    return parts;
  }

  /**
   * Whether the "and" at {@code at} is the one of "Savings and Loan", which names a kind of bank, not
   * two bodies: "Bay View Federal Savings and Loan Association" is one.
   */
  private static boolean savingsAndLoan(List<Token> tokens, int at) {
    return at > 0 && at + 1 < tokens.size() && tokens.get(at - 1).key().equals("Savings")
        && tokens.get(at + 1).key().equals("Loan");
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
    if (at == from + 2 && tokens.get(from).key().equals("Our") && tokens.get(from + 1).key().equals("Lady")) {
      return false; // "Our Lady of Fatima Hospital"
    }
    if (!hasKeyword(tokens, from, at) && endsInIndustryHead(tokens, at + 1, end)) {
      return true; // "Sandy Keplinger of Staub Manufacturing"
    }
    if (!hasKeyword(tokens, at + 1, end)) {
      return at > from && listed(companySuffixes, tokens.get(at - 1).key());
    }
    if (at == from + 1 && end > at + 2 && !givenName.test(tokens.get(from).key())
        && endsInGovernmentHead(tokens, at + 1, end)) {
      return false; // "Port of New York Authority": one word, no one's name, before a body's name ("of Police" is none)
    }
    return !hasKeyword(tokens, from, at);
  }

  /** Whether the capitalised words {@code tokens[from, end)} end in a government body's head word. */
  private boolean endsInGovernmentHead(List<Token> tokens, int from, int end) {
    return end > from && isKeyword(tokens.get(end - 1))
        && headType(tokens.get(end - 1).key()).equals(Optional.of(ActorType.GOVERNMENT));
  }

  /** Whether the "and" at {@code at} joins one company's name, as {@link #parts} says. */
  private boolean joinsCompanyName(List<Token> tokens, int from, int at, int end) {
    // An ampersand joins even after a head word: "Harris Trust & Savings Bank" is one bank.
    if (!tokens.get(at).key().equals("&") && hasKeyword(tokens, from, at)) {
      return false;
    }
    for (int k = at + 1; k < end; k++) {
      if (isKeyword(tokens.get(k))) {
        String head = tokens.get(k).key();
        return headType(head).equals(Optional.of(ActorType.ORGANISATION))
            && (k > at + 1 || listed(companySuffixes, head));
      }
    }
    return false;
  }

  /** Whether the capitalised words {@code tokens[from, end)} end in a trade word ("Staub Manufacturing"). */
  private boolean endsInIndustryHead(List<Token> tokens, int from, int end) {
    if (end - from < 2) {
      return false;
    }
    String last = tokens.get(end - 1).key();
    if (!listed(industryHeads, last) && !listed(placeIndustryHeads, last)) {
      return false;
    }
    for (int k = from; k < end; k++) {
      if (tokens.get(k).word() && !tokens.get(k).capitalised()) {
        return false;
      }
    }
    return true;
  }

  /** Whether a known place ends right before {@code to}: "Los Angeles' Wrigley Field". */
  private boolean placeEndsAt(List<Token> tokens, int from, int to) {
    for (int k = from; k < to; k++) {
      if (knownPlace(tokens, k, to)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code tokens[from, to)} is one known place: "Sweden" in "Sweden's Wallenberg group". */
  private boolean knownPlace(List<Token> tokens, int from, int to) {
    Optional<GazetteerEntry> known = gazetteer.longestMatch(tokens, from, false, false, Set.of());
    return known.isPresent() && known.get().actor().type() == ActorType.PLACE
        && from + known.get().tokens().size() == to;
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
    return (token.capitalised() || listed(lowerCaseKeywords, token.key())) && listed(keywords.keySet(), token.key());
  }

  private boolean isLowerCaseKeyword(Token token) {
    return token.word() && listed(lowerCaseKeywords, token.key());
  }

  /** A name found in {@code tokens[first, end)}: the actor it names, or none for a street or a law. */
  private record Named(int first, int end, Optional<ActorKey> actor) {}

  /** The keyword-headed name or team name in {@code tokens[start, end)}, if there is one. */
  private Optional<Named> name(String text, List<Token> tokens, int start, int end) {
    int first = start;
    while (first < end && (listed(notNameStarts, tokens.get(first).key()) || !tokens.get(first).capitalised())
        && !(tokens.get(first).key().equals("Our") && first + 1 < end && tokens.get(first + 1).key().equals("Lady"))) {
      first++; // but "Our Lady of Fatima Hospital" keeps its first word
    }
    if (first >= end) {
      return Optional.empty();
    }
    int head = -1;
    // A head word that ends the run heads the whole name, even after a head word with a tail: "Garden
    // of the Gods Club" is a club, not a garden.
    boolean actorHeadEnds = isKeyword(tokens.get(end - 1)) && headType(tokens.get(end - 1).key()).isPresent();
    for (int k = first; k < end; k++) {
      if (isKeyword(tokens.get(k)) && !districtOfficer(tokens, k, end)
          && (k + 1 == end || TAIL_OPENERS.contains(tokens.get(k + 1).key()) || tokens.get(k + 1).capitalised()
              || possessiveEnd(tokens, k + 1, end))) {
        head = k;
        if (k + 1 < end && TAIL_OPENERS.contains(tokens.get(k + 1).key()) && !actorHeadEnds) {
          break; // what follows is the tail: "College of Law"
        }
      }
    }
    int word = first + 1;
    while (word < end && !tokens.get(word).spaceBefore()) {
      word++;
    }
    word = possessiveEnd(tokens, word - 2, word) ? word - 2 : word;
    if (head < 0 && word > first && pressCompound(tokens, first, word)) {
      return Optional.of(new Named(first, word, // "Journal-American", "Journal-Bulletin's": a newspaper
          Optional.of(new ActorKey(NameRules.canonical(text, tokens, first, word), ActorType.ORGANISATION))));
    }
    if (head < 0) {
      Optional<Named> company = industryName(text, tokens, first, end);
      return company.isPresent() ? company : team(text, tokens, first, end);
    }
    Optional<ActorType> headType = headType(tokens.get(head).key());
    if (headType.equals(Optional.of(ActorType.PLACE)) && head + 2 == end && head > first
        && TOWN_HEADS.contains(tokens.get(head).key()) && teamPlural(tokens.get(end - 1).key())) {
      // "Green Bay Packers", "Long Island Indians": a place named by its head word, then a plural
      return Optional.of(new Named(first, end,
          Optional.of(new ActorKey(NameRules.canonical(text, tokens, first, end), ActorType.ORGANISATION))));
    }
    if (!tokens.get(head).capitalised()
        && ((head == first + 1 && sentenceStart(tokens, first)) || demonymLike(tokens.get(head - 1).key()))) {
      return Optional.empty(); // "Public school children", "the Hawaiian group": no name
    }
    int last = head + 1 < end && TAIL_OPENERS.contains(tokens.get(head + 1).key()) ? end : head + 1;
    if (last == head + 1 && numberAfter(tokens, last)) {
      last += 3; // "Beaverton School District No. 48": the body's number is part of its name
    }
    if (LEADING_FORMS.contains(tokens.get(head).key()) && head + 1 < end && tokens.get(head + 1).capitalised()) {
      last = end; // "AB Investor", "Forvaltnings AB Providentia": the Swedish legal form may lead
    }
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
    Optional<ActorType> type = headType;
    if (tokens.get(head).key().equals("Board") && institutionBefore(tokens, first, head)) {
      type = Optional.of(ActorType.ORGANISATION); // "New York University Board of Trustees"
    }
    if ((tokens.get(head).key().equals("Committee") && publicBodyBefore(tokens, first, head, PUBLIC_BODIES))
        || (tokens.get(head).key().equals("Council") && publicBodyBefore(tokens, first, head, PUBLIC_COUNCILS))) {
      // "Senate Foreign Relations Committee", "Warwick School Committee", "Central Falls City Council"
      type = Optional.of(ActorType.GOVERNMENT);
    }
    if (last == end && type.isPresent() && type.get() != ActorType.PLACE && end + 1 < tokens.size()
        && tokens.get(end).key().equals(",") && tokens.get(end + 1).capitalised()
        && listed(companySuffixes, tokens.get(end + 1).key())) {
      last = end + 2; // "Rhode Island Incinerator Service, Inc.": a company, its legal form after a comma
      type = Optional.of(ActorType.ORGANISATION);
    }
    String written = NameRules.canonical(text, tokens, first, last);
    // One name across the archive: "Fortier High school" (1961) and "Fortier High School" are one actor.
    String name = tokens.get(head).capitalised() || last != head + 1 ? written
        : written.substring(0, written.length() - tokens.get(head).key().length())
            + Character.toUpperCase(tokens.get(head).key().charAt(0)) + tokens.get(head).key().substring(1);
    return Optional.of(new Named(first, last, type.map(t -> new ActorKey(name, t))));
  }

  /** Newspaper words that make a hyphenated name a newspaper: "Journal-American", "Times-Picayune". */
  private static final Set<String> PRESS = Set.of("Journal", "Times", "Tribune", "Herald", "Bulletin", "Gazette",
      "Democrat", "Dispatch", "News", "Press", "Record", "Courier", "Chronicle", "Examiner",
      "Inquirer", "Register", "Ledger", "Telegram", "Observer", "Mirror", "Constitution");

  /** Whether a hyphenated capitalised word has a newspaper word among its parts, and two parts. */
  private static boolean pressCompound(List<Token> tokens, int first, int end) {
    boolean press = false;
    int parts = 0;
    for (int k = first; k < end; k++) {
      Token token = tokens.get(k);
      if (token.word()) {
        if (!token.capitalised()) {
          return false;
        }
        parts++;
        press |= PRESS.contains(token.key());
      } else if (!token.key().equals("-")) {
        return false;
      }
    }
    return press && parts >= 2;
  }

  /**
   * Place head words that end the names of home towns ("Green Bay Packers", "Long Island Indians");
   * not counties ("Fulton County Commissioners") nor canals ("Panama Canal Treaties").
   */
  private static final Set<String> TOWN_HEADS = Set.of("Bay", "Island", "Lake", "Valley");

  /**
   * Whether the head word at {@code at} is "District" before a court officer's title: "Federal
   * District Judge William A. Bootle", "County District Attorney" name the officer, not a district.
   */
  private static boolean districtOfficer(List<Token> tokens, int at, int end) {
    return tokens.get(at).key().equals("District") && at + 1 < end
        && DISTRICT_OFFICERS.contains(tokens.get(at + 1).key());
  }

  /** Whether "No." and a number stand at {@code at}, numbering the body named before them. */
  private static boolean numberAfter(List<Token> tokens, int at) {
    return at + 2 < tokens.size() && tokens.get(at).key().equals("No") && tokens.get(at + 1).key().equals(".")
        && !tokens.get(at + 1).spaceBefore() && tokens.get(at + 2).word()
        && tokens.get(at + 2).key().chars().allMatch(Character::isDigit);
  }

  /** Whether {@code tokens[at, end)} is just a possessive "'s": "Warwick School Committee's". */
  private static boolean possessiveEnd(List<Token> tokens, int at, int end) {
    return at >= 0 && at + 2 == end && tokens.get(at).key().equals("'") && tokens.get(at + 1).key().equals("s");
  }

  /** Whether a word reads as a people's adjective: "Hawaiian", "Samoan", "Japanese". */
  private static boolean demonymLike(String word) {
    return word.endsWith("an") || word.endsWith("ese");
  }

  /** Whether the token at {@code at} opens a sentence of the segment. */
  private static boolean sentenceStart(List<Token> tokens, int at) {
    if (at == 0) {
      return true;
    }
    String before = tokens.get(at - 1).key();
    return before.equals(".") || before.equals("!") || before.equals("?") || before.equals("\"") || before.equals("--");
  }

  /**
   * Words that make a committee a public body's: a legislature's ("Senate Foreign Relations
   * Committee"), a mayor's ("Mayor Wagner's Baseball Committee"), a town's elected school board
   * ("Warwick School Committee"). Other committees are a party's or a club's.
   */
  private static final Set<String> PUBLIC_BODIES =
      Set.of("Senate", "House", "Assembly", "Congressional", "Legislative", "Mayor", "Governor", "School",
          // a legislature's standing committees, named without their chamber ("the Rules Committee")
          "Rules", "Appropriations", "Armed", "Ways", "Judiciary", "Finance");

  /** Words before "Council" that make it a government's: "Central Falls City Council", "Legislative Council". */
  private static final Set<String> PUBLIC_COUNCILS = Set.of("City", "Town", "County", "Legislative", "Municipal");

  /** Titles of a body's head, which a possessive names the body before: "the University of Chicago's Chancellor". */
  private static final Set<String> HEADS_OF = Set.of("Chancellor", "President", "Dean", "Provost", "Rector",
      "Chairman", "Director", "Coach", "Secretary", "Treasurer");

  /** Words after a connector that end a name rather than continue it: "City Council on July 10". */
  private static final Set<String> DATES = Set.of("January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep",
      "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

  private static boolean publicBodyBefore(List<Token> tokens, int first, int head, Set<String> bodies) {
    for (int k = first; k < head; k++) {
      if (bodies.contains(tokens.get(k).key())) {
        return true;
      }
    }
    return false;
  }

  private boolean institutionBefore(List<Token> tokens, int first, int head) {
    for (int k = first; k < head; k++) {
      if (INSTITUTIONS.contains(tokens.get(k).key())) {
        return true;
      }
    }
    return false;
  }

  /** Whether a word is a team's plural name: "Orioles", "Packers", "Sox". */
  private boolean teamPlural(String plural) {
    if (plural.equals("Sox")) {
      return true;
    }
    return plural.length() >= 4 && plural.endsWith("s") && !plural.endsWith("ss") && !listed(placePlurals, plural)
        && Character.isUpperCase(plural.charAt(0)) && Character.isLowerCase(plural.charAt(1));
  }

  /**
   * A company named by its trade, with no legal form: capitalised words ending in a trade word
   * ("General Electric", "Union Oil", "United Steel Workers", "United Steel Workers of America"), or,
   * for the more ordinary trade words, a known place and the word ("Tennessee Gas"). Two words
   * where the first is a known place or demonym are not a company ("American Workers").
   */
  private Optional<Named> industryName(String text, List<Token> tokens, int first, int end) {
    int headAt = -1;
    for (int k = first + 1; k < end; k++) {
      String word = tokens.get(k).key();
      if ((listed(industryHeads, word) || listed(placeIndustryHeads, word))
          && (k + 1 == end || tokens.get(k + 1).key().equals("of"))) {
        headAt = k;
        break;
      }
    }
    if (headAt < 0) {
      return Optional.empty();
    }
    Optional<GazetteerEntry> place = gazetteer.longestMatch(tokens, first, false, false, Set.of());
    boolean placeFirst = place.isPresent() && place.get().actor().type() == ActorType.PLACE;
    String head = tokens.get(headAt).key();
    if (!listed(industryHeads, head)
        && !(placeFirst && first + place.get().tokens().size() == headAt && headAt - first >= 1)) {
      return Optional.empty();
    }
    if (listed(industryHeads, head) && placeFirst && headAt == first + 1) {
      return Optional.empty();
    }
    if (oneWord(tokens, first, headAt + 1)) {
      return Optional.empty();
    }
    for (int k = first; k < headAt; k++) {
      if (tokens.get(k).word() && !tokens.get(k).capitalised()) {
        return Optional.empty(); // "Secretary of Commerce and Industries": an office, not a company
      }
    }
    return Optional.of(new Named(first, end,
        Optional.of(new ActorKey(NameRules.canonical(text, tokens, first, end), ActorType.ORGANISATION))));
  }

  /**
   * Whether the run of capitalised words ending before {@code end} names a union local by the number
   * at {@code end}: "decertify Local 1565", "Fire Fighters Local 798".
   */
  private static boolean unionLocal(List<Token> tokens, boolean[] covered, int end) {
    if (end >= tokens.size() || covered[end] || !tokens.get(end - 1).key().equals("Local")) {
      return false;
    }
    String number = tokens.get(end).key();
    return !number.isEmpty() && number.chars().allMatch(Character::isDigit);
  }

  /**
   * The end of a firm named after its partners, or {@code at} if none starts there: capitalised
   * words listed with commas and joined by an ampersand ("Eppler, Guerin & Turner", "Standard &
   * Poor"), or by "and" before a legal form ("Prescott, Ball and Turben Inc"), and the capitalised
   * words after them ("Holman & Son Funeral Home"). No known place is among the partners, and no head
   * word follows (a name with a head word is the run's to read).
   */
  private int firmEnd(List<Token> tokens, boolean[] covered, int at) {
    if (at + 2 >= tokens.size()) {
      return at;
    }
    String next = tokens.get(at + 1).key();
    if ((!next.equals(",") && !next.equals("&")) || !partner(tokens.get(at))) {
      return at; // the common case, answered before any lookup
    }
    int k = at;
    int commas = 0;
    while (true) {
      if (k >= tokens.size() || covered[k] || !partner(tokens.get(k))
          || (k == at && listed(notNameStarts, tokens.get(k).key()))) {
        return at;
      }
      if (k + 1 < tokens.size() && tokens.get(k + 1).key().equals(",")) {
        commas++;
        k += 2;
        continue;
      }
      break;
    }
    if (k + 2 >= tokens.size()) {
      return at;
    }
    String joiner = tokens.get(k + 1).key();
    int last = k + 2;
    if (joiner.equals("&") && commas > 0 && !covered[k + 1] && last < tokens.size() && !covered[last]
        && listed(companySuffixes, tokens.get(last).key())) {
      // "Dillon, Read & Co.": the partners and "the company", whose "Dillon" had been a Treasury Secretary
      return claimedOrPlace(tokens, covered, at, last + 1) ? at : last + 1;
    }
    if (covered[k + 1] || last >= tokens.size() || covered[last] || !partner(tokens.get(last))) {
      return at;
    }
    int end = last + 1;
    if (joiner.equals("and")) {
      if (commas == 0 || end >= tokens.size() || !listed(companySuffixes, tokens.get(end).key())) {
        return at;
      }
      end++;
    } else if (!joiner.equals("&")) {
      return at;
    } else if (end < tokens.size() && listed(companySuffixes, tokens.get(end).key())) {
      end++;
    }
    while (end < tokens.size() && tokens.get(end).capitalised() && end - at < MAX_TOKENS) {
      if (listed(keywords.keySet(), tokens.get(end).key())) {
        return at; // "Harris Trust & Savings Bank", "Smith & Jones Building": the run's to read
      }
      end++; // "Holman & Son Funeral Home"
    }
    return claimedOrPlace(tokens, covered, at, end) ? at : end;
  }

  /** Whether a word of the partners is claimed already or a known place ("Texas & Pacific" are places, not partners). */
  private boolean claimedOrPlace(List<Token> tokens, boolean[] covered, int at, int end) {
    for (int p = at; p < end; p++) {
      if (covered[p]) {
        return true;
      }
      if (tokens.get(p).capitalised() && !listed(companySuffixes, tokens.get(p).key())) {
        Optional<GazetteerEntry> known = gazetteer.longestMatch(tokens, p, false, false, Set.of());
        if (known.isPresent() && known.get().actor().type() == ActorType.PLACE) {
          return true;
        }
      }
    }
    return false;
  }

  /** A one-word partner's name in a firm's name: capitalised, no head word. */
  private boolean partner(Token token) {
    return token.capitalised() && token.key().length() >= 2 && !listed(keywords.keySet(), token.key());
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
    if (place.isEmpty() || place.get().actor().type() != ActorType.PLACE) {
      return Optional.empty();
    }
    int afterPlace = first + place.get().tokens().size();
    if (afterPlace == end - 2 && tokens.get(afterPlace).capitalised() && !teamPlural(tokens.get(afterPlace).key())
        && tokens.get(afterPlace).spaceBefore() && tokens.get(end - 1).spaceBefore()) {
      afterPlace++; // "Chicago White Sox", "Boston Red Sox": one word between the town and the plural
    }
    if (afterPlace != end - 1 || !AccentFolding.fold(NameRules.canonical(text, tokens, first,
        first + place.get().tokens().size())).equals(AccentFolding.fold(place.get().actor().name()))) {
      return Optional.empty(); // "American Republics", "French Chambers": a demonym, not a home town
    }
    if (!teamPlural(tokens.get(end - 1).key())) {
      return Optional.empty();
    }
    return Optional.of(new Named(first, end,
        Optional.of(new ActorKey(NameRules.canonical(text, tokens, first, end), ActorType.ORGANISATION))));
  }
}
