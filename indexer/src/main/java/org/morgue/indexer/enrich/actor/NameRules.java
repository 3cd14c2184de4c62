package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.ActorType;

/**
 * Finds actors that are in no gazetteer by the words around their names: a role title before a
 * person ("Gov. Greg Abbott", "President Nicolás Maduro", "Ms. Rivera") and a legal-form suffix
 * after a company ("Acme Corp", "Globex, Inc."). Both need an explicit cue, which keeps precision
 * high: a capitalised word is never an actor just because it is capitalised, so sentence-initial
 * words and Title Case headlines yield nothing here.
 */
final class NameRules {
  /**
   * How a married woman named by her husband's name begins: "Mrs. Ralph H. Molvar" is her canonical
   * name, not his.
   */
  static final String WIFE = "Mrs. ";

  /** The most name words a rule takes, so a run of capitalised words does not become one name. */
  private static final int MAX_NAME_WORDS = 4;

  private final Map<String, List<List<String>>> titlesByFirstToken;
  private final Set<String> companySuffixes;
  private final Set<String> particles;
  private final Set<String> notNames;
  /** The capitalised words of the titles, which can also be a surname: "King", "Bishop", "Judge". */
  private final Set<String> titleWords;
  private final GivenNames givenNames;
  private final Surnames surnames;
  private final Set<String> roleNouns;

  NameRules(List<String> titles, List<String> companySuffixes, List<String> particles, List<String> notNames,
      GivenNames givenNames, Surnames surnames, Set<String> roleNouns) {
    this.givenNames = givenNames;
    this.surnames = surnames;
    this.roleNouns = Set.copyOf(roleNouns);
    Map<String, List<List<String>>> byFirst = new HashMap<>();
    Set<String> notNameWords = new HashSet<>(notNames);
    Set<String> titleWordsSeen = new HashSet<>();
    for (String title : titles) {
      List<String> tokens = Token.split(title, 0, title.length()).stream().map(Token::key).toList();
      byFirst.computeIfAbsent(tokens.get(0), first -> new ArrayList<>()).add(tokens);
      // A title word is no name word: "Mr. President" is no person called President. It may only
      // close a name as its surname (see isClosingTitleWord).
      tokens.stream().filter(t -> Character.isUpperCase(t.charAt(0))).forEach(notNameWords::add);
      // A one-word title spelled out can be a surname too; an abbreviation ("Gov", "Dr") cannot.
      if (tokens.size() == 1 && tokens.get(0).length() > 3 && Character.isUpperCase(tokens.get(0).charAt(0))) {
        titleWordsSeen.add(tokens.get(0));
      }
    }
    this.titleWords = Set.copyOf(titleWordsSeen);
    Map<String, List<List<String>>> sorted = new HashMap<>();
    byFirst.forEach(
        (first, list) ->
            sorted.put(first, list.stream().sorted(Comparator.comparingInt(t -> -t.size())).toList()));
    this.titlesByFirstToken = Map.copyOf(sorted);
    this.companySuffixes = Set.copyOf(companySuffixes);
    this.particles = Set.copyOf(particles);
    this.notNames = Set.copyOf(notNameWords);
  }

  /** Whether a capitalised word is a function word, title, month or the like that names no one. */
  boolean isNotName(String word) {
    return notNames.contains(word);
  }

  /** Whether the word is a given name and rarely anything else ("Alfred"; not "Urban", "Bill"). */
  boolean isPlainGivenName(String word) {
    return givenNames.isGivenName(word);
  }

  private static String titleCase(String word) {
    return word.isEmpty() ? word : word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether the word is a given name, plain or ambiguous ("Glen", "Carol"). */
  boolean isAnyGivenName(String word) {
    return givenNames.isGivenName(word) || givenNames.isAmbiguousGivenName(word);
  }

  /** Whether the word opens a role title ("President", "Gov"), or is one in the plural ("Presidents"). */
  boolean isTitleWord(String word) {
    return titleWords.contains(word)
        || (word.endsWith("s") && titleWords.contains(word.substring(0, word.length() - 1)));
  }

  /** Whether the word is a lower-case name particle such as "de", "van" or "bin". */
  boolean isParticle(String word) {
    return particles.contains(word);
  }

  /**
   * The names the rules find among the tokens not yet {@code covered} by a gazetteer match; marks
   * the tokens it uses as covered.
   */
  List<TokenMatch> find(String text, List<Token> tokens, boolean[] covered) {
    List<TokenMatch> found = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (covered[i]) {
        continue;
      }
      int afterTitle = titleEnd(tokens, i, covered);
      if (afterTitle > i) {
        int end = nameEnd(tokens, afterTitle, covered);
        if (end > afterTitle) {
          ActorKey wife = new ActorKey(WIFE + canonical(text, tokens, afterTitle, end), ActorType.PERSON);
          if (isCouple(tokens, i, covered)) {
            found.add(new TokenMatch(wife, afterTitle, end));
            found.add(new TokenMatch(person(text, tokens, afterTitle, end), afterTitle, end).cover(covered));
          } else {
            found.add(new TokenMatch(isWife(tokens, i) ? wife : person(text, tokens, afterTitle, end), afterTitle, end)
                .cover(covered));
          }
          i = end - 1;
        }
        continue;
      }
      if (!tokens.get(i).capitalised()) {
        continue; // every rule below starts at a capitalised word; most words are not
      }
      int couple = sharedSurnameEnd(tokens, i, covered);
      if (couple > i) {
        String surname = canonical(text, tokens, couple - 1, couple);
        ActorKey first = new ActorKey(canonical(text, tokens, i, i + 1) + " " + surname, ActorType.PERSON);
        found.add(new TokenMatch(first, i, i + 1).cover(covered));
        found.add(new TokenMatch(person(text, tokens, i + 2, couple), i + 2, couple).cover(covered));
        i = couple - 1;
        continue;
      }
      int named = Math.max(Math.max(middleInitialNameEnd(tokens, i, covered), appositiveNameEnd(tokens, i, covered)),
          Math.max(Math.max(givenNameEnd(tokens, i, covered), initialsNameEnd(tokens, i, covered)),
              Math.max(Math.max(roleNounNameEnd(tokens, i, covered), kinNameEnd(tokens, i, covered)),
              surnamePairEnd(tokens, i, covered))));
      if (named > i && namesAPlace(tokens, named)) {
        i = named - 1; // "a Lloyd Center restaurant": the words name the place, not a person
        continue;
      }
      if (named > i) {
        found.add(new TokenMatch(person(text, tokens, i, named), i, named).cover(covered));
        i = named - 1;
        continue;
      }
      if (companySuffixes.contains(tokens.get(i).key()) && tokens.get(i).capitalised()) {
        companyEnding(text, tokens, i, covered).ifPresent(m -> found.add(m.cover(covered)));
      }
    }
    return found;
  }

  /**
   * Lower-case nouns of places that a name before them names, as a modifier: "the Beverly Hilton
   * ballroom"; and of laws, which are named as streets are ("Jim Crow laws", as "Sherman Act").
   */
  private static final Set<String> PLACE_NOUNS = Set.of("restaurant", "ballroom", "hotel", "motel", "store",
      "shop", "lobby", "auditorium", "theater", "theatre", "mall", "plant", "gymnasium", "clubhouse", "law", "laws");

  /** Ordinal words, which open a unit's name or a numbered point, never a person's: "Ninth Infantry", "V. Second,". */
  static final Set<String> ORDINALS = Set.of("First", "Second", "Third", "Fourth", "Fifth", "Sixth",
      "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth",
      "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth", "Twentieth");

  /** Whether the word after a name found without a title is a place or law noun the name modifies. */
  private static boolean namesAPlace(List<Token> tokens, int after) {
    return after < tokens.size() && tokens.get(after).word() && PLACE_NOUNS.contains(tokens.get(after).key());
  }

  /**
   * Whether "Mrs." stands at {@code at}: society copy names a married woman by her husband's name,
   * and "Mrs. Ralph H. Molvar" is not Ralph H. Molvar, so the title stays in her name.
   */
  private static boolean isWife(List<Token> tokens, int at) {
    return tokens.get(at).key().equals("Mrs");
  }

  /**
   * Whether a couple is named at {@code at}: "Mrs." after a title and "and" ("Mr. and Mrs. Jerry
   * Chase", "Dr. and Mrs. Lyle Ellis", "Brig. Gen. and Mrs. Robert F. McDermott"), where the name is
   * the husband's and the wife is a person of her own.
   */
  private boolean isCouple(List<Token> tokens, int at, boolean[] covered) {
    int and = at - 1;
    if (!isWife(tokens, at) || and < 1 || !tokens.get(and).key().equals("and")) {
      return false;
    }
    for (int start = Math.max(0, and - 4); start < and; start++) {
      if (titleEnd(tokens, start, covered) == and) {
        return true;
      }
    }
    return false;
  }

  /** The index after the longest title starting at {@code at}, or {@code at} if none does. */
  private int titleEnd(List<Token> tokens, int at, boolean[] covered) {
    List<List<String>> candidates = titlesByFirstToken.get(tokens.get(at).key());
    if (candidates == null || !tokens.get(at).word()) {
      return at;
    }
    for (List<String> title : candidates) {
      int end = at + title.size();
      if (end > tokens.size()) {
        continue;
      }
      boolean same = true;
      for (int k = 0; k < title.size() && same; k++) {
        same = !covered[at + k] && title.get(k).equals(tokens.get(at + k).key());
      }
      if (same) {
        return end;
      }
    }
    return at;
  }

  /**
   * The index after the person name starting at {@code at}: capitalised words, initials ("D."),
   * particles inside the name ("de", "al-"), a closing "Jr." and a title word as the surname
   * ("Coretta Scott King"); {@code at} if there is no name.
   */
  private int nameEnd(List<Token> tokens, int at, boolean[] covered) {
    int end = at;
    int words = 0;
    boolean endsInInitial = false;
    int shouted = 0;
    String first = "";
    int k = at;
    while (k < tokens.size() && words < MAX_NAME_WORDS && !covered[k]) {
      Token token = tokens.get(k);
      boolean gluedDot = k + 1 < tokens.size()
          && tokens.get(k + 1).key().equals(".") && !tokens.get(k + 1).spaceBefore();
      if (token.capitalised() && isGluedApostropheName(tokens, k)) {
        k += 2; // "O'Rourke", "D'Amato": the capitalised word after the apostrophe is read next
      } else if (words >= 1 && isBracketedNickname(tokens, k, covered)) {
        k += 3; // "George Herman (Babe) Ruth", "Joseph (Joey) Glimco": the surname is read next
      } else if (token.initial() && gluedDot) {
        k += 2;
        end = k;
        // "King George V.": a regnal number, not an initial, may end a name.
        endsInInitial = !(words >= 1 && REGNAL.contains(token.key()));
      } else if (isNameWord(token)) {
        words++;
        shouted += token.allCaps() && token.key().length() > 2 ? 1 : 0;
        if (words == 1) {
          first = token.key();
        }
        k++;
        end = k;
        endsInInitial = false;
      } else if ((words >= 2 || (words >= 1 && endsInInitial)) && isClosingTitleWord(tokens, k)) {
        k++; // "Coretta Scott King", "Clinton B. King,": a title word as the surname
        end = k;
        endsInInitial = false;
        break;
      } else if (end > at && (particles.contains(token.key()) || isGluedHyphen(tokens, k))) {
        k++; // kept only if a name word follows
      } else {
        break;
      }
    }
    // A name that stops at an initial lost its surname: "[former Senator Henry M.] Scoop Jackson",
    // where an editor's bracket cuts it. "Henry M." names nobody, so no name is read. Two words in
    // capitals in running text are a heading ("INTERNATIONAL AFFAIRS I. FOREIGN POLICY"), unless
    // the first is a given name ("JOHN J. INGALLS" signing a letter).
    boolean heading = shouted >= 2 && !isAnyGivenName(titleCase(first));
    return words == 0 || endsInInitial || heading ? at : end;
  }

  /** Roman numerals of one letter that number a monarch or a pope: "George V.", "Pius X.". */
  private static final Set<String> REGNAL = Set.of("I", "V", "X");

  /**
   * Whether the title word at {@code k} ends a name as its surname, after two name words: "Coretta
   * Scott King", "Martin Luther King could have stopped". A capitalised word after it means the
   * title opens a name of its own ("Tony Blair Prime Minister"), so it does not.
   */
  private boolean isClosingTitleWord(List<Token> tokens, int k) {
    Token token = tokens.get(k);
    if (!titleWords.contains(token.key())) {
      return false;
    }
    return k + 1 >= tokens.size() || !tokens.get(k + 1).capitalised();
  }

  /**
   * The end of a name with a middle initial, "James P. Mitchell" or "William S. Pfaff Jr.", which
   * names a person without any title before it; {@code at} if there is none. A given name, a
   * capital and a glued full stop, then a surname: few other things are written that way.
   */
  private int middleInitialNameEnd(List<Token> tokens, int at, boolean[] covered) {
    if (at + 3 >= tokens.size() || !isNameWord(tokens.get(at)) || !tokens.get(at + 1).initial()) {
      return at;
    }
    Token dot = tokens.get(at + 2);
    if (!dot.key().equals(".") || dot.spaceBefore() || !isNameWord(tokens.get(at + 3))
        || covered[at + 1] || covered[at + 3]) {
      return at;
    }
    return nameEnd(tokens, at, covered);
  }

  /**
   * Whether the word at {@code at} is the surname of a name with a middle initial before it, "Carroll
   * V. Newsom": a name word, an initial and a glued full stop, none of them claimed. The gazetteer
   * leaves such a word to these rules, or it would take the surname for an actor of its own (Gavin
   * Newsom) and cut the name short ("Carroll V."). An initial after another initial ("U.S. Congress")
   * is no middle initial.
   */
  boolean endsMiddleInitialName(List<Token> tokens, int at, boolean[] covered) {
    if (at < 3 || !isNameWord(tokens.get(at))) {
      return false;
    }
    Token dot = tokens.get(at - 1);
    return dot.key().equals(".") && !dot.spaceBefore() && tokens.get(at - 2).initial()
        && isNameWord(tokens.get(at - 3)) && !covered[at - 1] && !covered[at - 2] && !covered[at - 3];
  }

  /**
   * The end of a name that starts with a given name, "Jack Fisher" or "Audrey Knecht"; {@code at}
   * if there is none. A given name that is often an ordinary word too ("Bill", "Will", "Grace")
   * counts only where a sentence does not start, since capitals there say nothing.
   */
  private int givenNameEnd(List<Token> tokens, int at, boolean[] covered) {
    if (afterSaint(tokens, at)) {
      return at; // "St. Jude Children's", "St. Clair Flats": a saint's name names a place or a church
    }
    if (at + 1 < tokens.size() && !covered[at + 1] && isClosingTitleWord(tokens, at + 1)
        && givenNames.isGivenName(tokens.get(at).key()) && !notNames.contains(tokens.get(at).key())) {
      return at + 2; // "Stephen Bishop", "Carole King": a plain given name and a title word as the surname
    }
    if (at + 1 >= tokens.size() || covered[at + 1]
        || !(isNameWord(tokens.get(at + 1)) || isBracketedNickname(tokens, at + 1, covered))) {
      return at;
    }
    String first = tokens.get(at).key();
    boolean ambiguous = !givenNames.isGivenName(first) && givenNames.isAmbiguousGivenName(first);
    boolean given = givenNames.isGivenName(first) || ambiguous;
    if (!given || notNames.contains(first)) {
      return at;
    }
    int end = nameEnd(tokens, at, covered);
    if (ambiguous && startsSentence(tokens, at) && !(end == at + 2 && closesOpeningName(tokens, end))) {
      return at; // "Will Congress act?", "Grace Abounding": a word, where a sentence opens
    }
    return end >= at + 2 ? end : at;
  }

  /**
   * Whether what follows a two-word name opening a sentence makes it a person's, as sports and
   * society copy open sentences with one: "Bill Kunkel, Bob Hartman and Ed Keegan did", "Whitey Herzog,
   * performing in right", "Dick Carroll and his accordion held over": a comma, or "and" before a
   * lower-case word or a capitalised one.
   */
  private static boolean closesOpeningName(List<Token> tokens, int end) {
    if (end >= tokens.size()) {
      return false;
    }
    Token next = tokens.get(end);
    return next.key().equals(",") || next.key().equals("and");
  }

  /** Words before a name that make it a town: "of Newton and Joe Chapman of Sulphur Springs". */
  private static final Set<String> PLACE_PREPOSITIONS = Set.of("of", "in", "at", "from", "near", "to");

  /**
   * The end of two given names that share the surname after the second, as local and society copy
   * names a couple or siblings: "Milton and Rosella Lovett of Cranston", "John and Mary Smith,";
   * {@code at} if there is none. The first must be a plain given name; the second a given name, or
   * any name word where "of" or a comma closes the surname, so "Lewis and Clark expedition" is no one;
   * and no preposition of place before the first, where it is a town ("of Newton and Joe Chapman").
   */
  private int sharedSurnameEnd(List<Token> tokens, int at, boolean[] covered) {
    int surname = at + 3;
    if (surname >= tokens.size() || !tokens.get(at + 1).key().equals("and")
        || !givenNames.isGivenName(tokens.get(at).key()) || notNames.contains(tokens.get(at).key())
        || (at > 0 && (tokens.get(at - 1).capitalised() || PLACE_PREPOSITIONS.contains(tokens.get(at - 1).key())))
        || covered[at + 1] || covered[at + 2] || covered[surname]
        || !isNameWord(tokens.get(at + 2)) || !isNameWord(tokens.get(surname))) {
      return at;
    }
    String second = tokens.get(at + 2).key();
    boolean secondGiven = givenNames.isGivenName(second) || givenNames.isAmbiguousGivenName(second);
    Token after = surname + 1 < tokens.size() ? tokens.get(surname + 1) : null;
    if (after != null && after.capitalised()) {
      return at;
    }
    boolean closed = after == null || after.key().equals(",") || after.key().equals("of");
    return secondGiven || closed ? surname + 1 : at;
  }

  /**
   * The end of a name of two words or more after a lower-case role noun, as sports and arts copy
   * writes them with no title: "catcher Johnny Blanchard", "violinists Yehudi Menuhin, Isaac Stern",
   * "conductor Earl Bernard Murray", and opening a sentence as wire copy writes them ("Analyst Rosemarie
   * Morbelli of Ingalls and Snyder said"); {@code at} if there is none.
   */
  private int roleNounNameEnd(List<Token> tokens, int at, boolean[] covered) {
    if (at == 0 || covered[at] || !isNameWord(tokens.get(at))) {
      return at;
    }
    String before = tokens.get(at - 1).key();
    if (!tokens.get(at - 1).word()) {
      return at;
    }
    if (Character.isUpperCase(before.charAt(0))) {
      return openingRoleNameEnd(tokens, at, covered);
    }
    boolean role = roleNouns.contains(before)
        || (before.endsWith("s") && roleNouns.contains(before.substring(0, before.length() - 1)));
    if (!role) {
      return at;
    }
    int end = nameEnd(tokens, at, covered);
    return end >= at + 2 ? end : at;
  }

  /** The words that close a wire source's name after an opening role noun. */
  private static final Set<String> SOURCE_CLOSERS = Set.of("of", "said", "says", "told");

  /**
   * The end of a name after a capitalised role noun opening a sentence, as wire copy writes a source:
   * "Analyst Rosemarie Morbelli of Ingalls and Snyder said". Stricter than the lower-case form, since
   * a capital opens every sentence: one role noun, not itself after a role ("Assistant Prosecutor"),
   * no word in capitals (headings), and "of" or a verb of saying after the name, so "Communist Pathet
   * Lao forces" and "Assistant Prosecutor Fred Lewis, who" (a role of two words) name no one here.
   */
  private int openingRoleNameEnd(List<Token> tokens, int at, boolean[] covered) {
    Token role = tokens.get(at - 1);
    if (!startsSentence(tokens, at - 1) || role.allCaps() || tokens.get(at).allCaps()
        || !roleNouns.contains(role.key().toLowerCase(java.util.Locale.ROOT))
        || roleNouns.contains(tokens.get(at).key().toLowerCase(java.util.Locale.ROOT))) {
      return at;
    }
    int end = nameEnd(tokens, at, covered);
    if (end < at + 2 || end >= tokens.size() || !SOURCE_CLOSERS.contains(tokens.get(end).key())) {
      return at;
    }
    for (int k = at; k < end; k++) {
      if (tokens.get(k).allCaps()) {
        return at;
      }
    }
    return end;
  }

  /** Words for kin that society copy and obituaries follow with a given name alone: "his wife, Nori". */
  private static final Set<String> KIN = Set.of("wife", "husband", "widow", "widower", "son", "sons", "daughter",
      "daughters", "brother", "brothers", "sister", "sisters", "mother", "father", "children", "grandson",
      "granddaughter");

  /**
   * The end of a given name standing alone after a word for kin and a comma: "a daughter, Sheila,",
   * "his widow, Alice;"; {@code at} if there is none. A surname after it is left to the other rules.
   */
  private int kinNameEnd(List<Token> tokens, int at, boolean[] covered) {
    if (at < 2 || covered[at] || !tokens.get(at - 1).key().equals(",") || !KIN.contains(tokens.get(at - 2).key())) {
      return at;
    }
    String name = tokens.get(at).key();
    if (!(givenNames.isGivenName(name) || givenNames.isAmbiguousGivenName(name)) || notNames.contains(name)
        || (at + 1 < tokens.size() && tokens.get(at + 1).capitalised())) {
      return at;
    }
    return at + 1;
  }

  /**
   * The end of two census surnames that stand alone as a name, "Horton Smith of Detroit", "Darnell
   * Somerville"; {@code at} if there is none. The first must be no English word ("Meadow Park",
   * "Central Falls" are surnames too), and no capitalised word may stand either side, where the pair is
   * part of a longer name ("Horton Smith Trophy", "Fulton Tax Commissioner").
   */
  private int surnamePairEnd(List<Token> tokens, int at, boolean[] covered) {
    int end = at + 2;
    if (end > tokens.size() || covered[at] || covered[at + 1] || afterSaint(tokens, at)
        || PLACE_SURNAMES.contains(tokens.get(at + 1).key()) || PLACE_OPENERS.contains(tokens.get(at).key())) {
      return at;
    }
    Token first = tokens.get(at);
    Token second = tokens.get(at + 1);
    if (!isNameWord(first) || !isNameWord(second) || first.allCaps() || second.allCaps()
        || !surnames.isSurnameOnly(first.key()) || !surnames.isSurname(second.key())
        || isTitleWord(first.key()) || isTitleWord(second.key())) {
      return at;
    }
    if ((at > 0 && tokens.get(at - 1).capitalised() && !startsSentence(tokens, at))
        || (end < tokens.size() && tokens.get(end).capitalised())) {
      return at;
    }
    return end;
  }

  /** Surnames that are words for places too, and close a place's name after a surname: "Drury Lane". */
  private static final Set<String> PLACE_SURNAMES = Set.of("Lane", "Hill", "Hills", "Green", "Wood", "Woods",
      "Field", "Fields", "Park", "Ford", "Brooks", "Banks", "Lake", "Rivers", "Mills", "Hall", "Stone", "Street",
      "Grove", "Dale", "Cross", "West", "North", "South", "East", "Church", "Bay", "Island");

  /**
   * Surnames that are also the Spanish, Portuguese or Italian words that open a building's or a
   * place's name, and open no person's pair: "Palacio Monroe" is a palace in Rio.
   */
  private static final Set<String> PLACE_OPENERS = Set.of("Palacio", "Palazzo", "Casa", "Puerto", "Porto", "Rio",
      "San", "Santa", "Santo", "Villa");

  private static boolean afterSaint(List<Token> tokens, int at) {
    return at >= 2 && tokens.get(at - 1).key().equals(".") && tokens.get(at - 2).key().equals("St");
  }

  /** The end of a name written with initials before the surname, "E. M. Martin", "C.A. Thomas". */
  private int initialsNameEnd(List<Token> tokens, int at, boolean[] covered) {
    int k = at;
    while (k + 1 < tokens.size() && tokens.get(k).initial() && !covered[k]
        && tokens.get(k + 1).key().equals(".") && !tokens.get(k + 1).spaceBefore()) {
      k += 2;
    }
    if (k == at || k >= tokens.size() || covered[k] || !isNameWord(tokens.get(k)) || tokens.get(k).allCaps()) {
      return at;
    }
    if (k == at + 2 && (at == 0 || ORDINALS.contains(tokens.get(k).key()))) {
      return at; // "V. Second, what of ...": a numbered heading, not an initial, at a block's start or not
    }
    return nameEnd(tokens, at, covered);
  }

  /** Words that may open an appositive before its role noun: "X, the leader of Y", "Y, a Tyler lawyer". */
  private static final Set<String> APPOSITIVE_OPENERS = Set.of("the", "a", "an", "his", "her", "its", "their");

  /** How many words may stand between the comma and the role noun: "a 26-year-old Army Signal Corps veteran". */
  private static final int APPOSITIVE_MODIFIERS = 6;

  /**
   * The end of a name followed by an appositive that gives a person's role: "Dewey Lawrence, a Tyler
   * lawyer", "Wilford Woodruff, the president of the church"; {@code at} if there is none. The name
   * takes two words or more, since "Meanwhile, the spokesman said" and "Manila, the capital" are
   * written too, and does not start with a role ("Chairman Howard Smith").
   */
  private int appositiveNameEnd(List<Token> tokens, int at, boolean[] covered) {
    if (covered[at] || !isNameWord(tokens.get(at))) {
      return at;
    }
    int end = nameEnd(tokens, at, covered);
    if (end < at + 2 || end >= tokens.size() || !tokens.get(end).key().equals(",")
        || roleNouns.contains(tokens.get(at).key().toLowerCase(java.util.Locale.ROOT))) {
      return at; // one word ("Meanwhile, the spokesman") or a role ("Chairman Howard Smith, the ...")
    }
    int k = end + 1;
    if (k < tokens.size() && APPOSITIVE_OPENERS.contains(tokens.get(k).key())) {
      k++;
    }
    for (int seen = 0; k < tokens.size() && seen <= APPOSITIVE_MODIFIERS; k++, seen++) {
      Token token = tokens.get(k);
      if (token.word() && roleNouns.contains(token.key())) {
        return end;
      }
      if (!token.word() && !token.key().equals("-")) {
        return at;
      }
    }
    return at;
  }

  /** Words after a person's name that make it the name of a place or an institution. */
  private static final Set<String> NAMED_AFTER = Set.of("school", "high", "elementary", "junior", "county", "center",
      "centre", "memorial", "hall", "street", "avenue", "park", "bridge", "building", "university", "college",
      "hospital", "library", "airport", "boulevard", "square", "station", "institute", "foundation", "dam", "monument");

  /**
   * Whether a known person's name, at tokens {@code [at, end)}, is here part of another name: it runs
   * on into a longer one ("George Washington Carver", "Garland Byrd", "Kennedy Center"), it names a
   * school, a county or a building ("Jefferson high school"), or, a surname alone, it comes after
   * another given name ("Cyrus Vance" is not JD Vance, "Ted Kennedy" not John F. Kennedy). A title
   * before it ("Vice President Vance") or "Jr." after it keep it the person, and so does a name
   * after it that is an actor of its own ("Trump Venezuela policy": {@code known} says which tokens
   * start one).
   */
  boolean namesAnother(List<Token> tokens, int at, int end, boolean surnameAlone, java.util.function.IntPredicate known) {
    if (end < tokens.size()) {
      Token next = tokens.get(end);
      if (next.word() && next.spaceBefore() && NAMED_AFTER.contains(next.key().toLowerCase(Locale.ROOT))) {
        return true;
      }
      if (next.word() && next.spaceBefore() && isNameWord(next) && !next.allCaps() && !isTitleWord(next.key())
          && !next.key().equals("Jr") && !next.key().equals("Sr") && !known.test(end)) {
        return true;
      }
    }
    if (!surnameAlone || at == 0 || !tokens.get(at).spaceBefore()) {
      return false;
    }
    Token before = tokens.get(at - 1);
    return before.word() && isNameWord(before) && !before.allCaps() && !isTitleWord(before.key()) && !known.test(at - 1);
  }

  /** Whether a sentence or a quotation starts at the token, where every word is capitalised. */
  static boolean startsSentence(List<Token> tokens, int at) {
    if (at == 0) {
      return true;
    }
    String before = tokens.get(at - 1).key();
    return before.equals(".") || before.equals("?") || before.equals("!") || before.equals("\"")
        || before.equals("\u201c") || before.equals(":") || before.equals("-") || before.equals("\u2014");
  }

  /** Whether the token can be a word of a name: capitalised, longer than an initial, and no not-name. */
  boolean isNameWord(Token token) {
    return token.capitalised() && token.key().length() > 1 && !notNames.contains(token.key());
  }

  private static boolean isGluedApostropheName(List<Token> tokens, int k) {
    return k + 2 < tokens.size()
        && tokens.get(k + 1).key().equals("'")
        && !tokens.get(k + 1).spaceBefore()
        && tokens.get(k + 2).capitalised()
        && !tokens.get(k + 2).spaceBefore();
  }

  /**
   * Whether a nickname in brackets stands at {@code k} inside a name, "(Babe)" in "George Herman
   * (Babe) Ruth", as sports and crime copy write them: one name word between the brackets and a name
   * word after them, none claimed.
   */
  private boolean isBracketedNickname(List<Token> tokens, int k, boolean[] covered) {
    return k + 3 < tokens.size()
        && tokens.get(k).key().equals("(") && isNameWord(tokens.get(k + 1)) && tokens.get(k + 2).key().equals(")")
        && isNameWord(tokens.get(k + 3))
        && !covered[k] && !covered[k + 1] && !covered[k + 2] && !covered[k + 3];
  }

  private static boolean isGluedHyphen(List<Token> tokens, int k) {
    return tokens.get(k).key().equals("-")
        && !tokens.get(k).spaceBefore()
        && k + 1 < tokens.size()
        && !tokens.get(k + 1).spaceBefore();
  }

  private static ActorKey person(String text, List<Token> tokens, int first, int end) {
    return new ActorKey(canonical(text, tokens, first, end), ActorType.PERSON);
  }

  /** A company name ending in the legal-form suffix at {@code suffix}, e.g. "Globex, Inc.". */
  private Optional<TokenMatch> companyEnding(
      String text, List<Token> tokens, int suffix, boolean[] covered) {
    int k = suffix - 1;
    if (k >= 0 && tokens.get(k).key().equals(",")) {
      k--;
    }
    int first = -1;
    int words = 0;
    while (k >= 0 && !covered[k] && words < MAX_NAME_WORDS) {
      Token token = tokens.get(k);
      if (isNameWord(token)) {
        first = k;
        words++;
      } else if (!token.key().equals("&") && !(isGluedHyphen(tokens, k) && first == k + 1)) {
        break; // "&" and a glued hyphen ("Massey-Ferguson, Ltd.") stay inside the name
      }
      k--;
    }
    if (first < 0) {
      return Optional.empty();
    }
    String name = canonical(text, tokens, first, suffix).replaceAll(",$", "") + " " + tokens.get(suffix).key();
    return Optional.of(
        new TokenMatch(new ActorKey(name, ActorType.ORGANISATION), first, suffix + 1));
  }

  /** The words as written, with spacing collapsed and curly apostrophes made straight. */
  static String canonical(String text, List<Token> tokens, int first, int end) {
    return text.substring(tokens.get(first).start(), tokens.get(end - 1).end())
        .replaceAll("\\s+", " ")
        .replace('\u2019', '\'');
  }
}
