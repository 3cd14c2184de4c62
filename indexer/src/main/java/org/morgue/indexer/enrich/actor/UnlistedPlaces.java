package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.ActorType;

/**
 * Finds towns in no gazetteer by the way news copy places them: before a known state, province or
 * country after a comma ("at Scott Field in Belleville, Ill.", "Lugano, Switzerland"), after a street
 * address ("of 734 Hartford Avenue, Providence,"), and in a
 * dateline opening a block ("Plainfield -- James P. Mitchell said ...", or "Plainfield" set as a
 * block of its own before one starting with the dash). The state or country that
 * follows is already an actor, so the story's country is inferred from it as usual.
 */
final class UnlistedPlaces {
  /** The most words a town's name takes. */
  private static final int MAX_WORDS = 3;

  /** How far into a block a dateline's dash may come ("Miami, Fla., March 17 --"). */
  private static final int DATELINE_TOKENS = 10;

  private final NameRules rules;

  UnlistedPlaces(NameRules rules) {
    this.rules = rules;
  }

  /**
   * The towns in a segment, given the gazetteer matches found in it; marks the tokens it uses as
   * covered.
   */
  List<TokenMatch> find(String text, Segment segment, List<TokenMatch> known) {
    List<Token> tokens = segment.tokens();
    boolean[] covered = segment.covered();
    List<TokenMatch> found = new ArrayList<>();
    found.addAll(datelineTowns(text, tokens, covered));
    if (segment.headline()) {
      return found;
    }
    found.addAll(addressTowns(text, tokens, covered));
    for (TokenMatch match : known) {
      if (match.actor().type() != ActorType.PLACE || match.first() < 2
          || !tokens.get(match.first() - 1).key().equals(",")) {
        continue;
      }
      int end = match.first() - 1;
      int first = nameStart(tokens, end, covered);
      if (first == end || !placedByContext(tokens, first, match)) {
        continue;
      }
      found.add(new TokenMatch(new ActorKey(NameRules.canonical(text, tokens, first, end), ActorType.PLACE), first, end)
          .cover(covered));
    }
    return found;
  }

  /** The street words that end a street address ("734 Hartford Avenue", "12 DeSoto St."). */
  private static final Set<String> STREETS = Set.of("Street", "St", "Avenue", "Ave", "Av", "Road", "Rd", "Boulevard",
      "Blvd", "Drive", "Dr", "Lane", "Ln", "Circle", "Court", "Ct", "Place", "Pl", "Terrace", "Way", "Parkway",
      "Highway");

  /** How many tokens a street address may hold between its number and its street word. */
  private static final int ADDRESS_TOKENS = 4;

  /**
   * The towns after a street address, as local news places everyone it names: "John Pezza, 69, of 734
   * Hartford Avenue, Providence, complained", "of 12 DeSoto St., Providence, on". A house number, a
   * street word, a comma, then one to three capitalised words closed by punctuation.
   */
  private List<TokenMatch> addressTowns(String text, List<Token> tokens, boolean[] covered) {
    List<TokenMatch> found = new ArrayList<>();
    int number = -ADDRESS_TOKENS - 1; // the last house number seen; most text has none near
    for (int k = 0; k < tokens.size(); k++) {
      if (Character.isDigit(tokens.get(k).key().charAt(0))) {
        number = k;
        continue;
      }
      if (k - number > ADDRESS_TOKENS || !tokens.get(k).capitalised() || !STREETS.contains(tokens.get(k).key())) {
        continue;
      }
      int comma = k + 1;
      if (comma < tokens.size() && tokens.get(comma).key().equals(".") && !tokens.get(comma).spaceBefore()) {
        comma++;
      }
      if (comma >= tokens.size() || !tokens.get(comma).key().equals(",")) {
        continue;
      }
      int first = comma + 1;
      int end = first;
      while (end < tokens.size() && end - first < MAX_WORDS && !covered[end] && isTownWord(tokens.get(end))) {
        end++;
      }
      if (end == first || (end < tokens.size() && tokens.get(end).word())) {
        continue; // no name, or a name that runs on into words ("Providence Journal reported")
      }
      found.add(new TokenMatch(new ActorKey(NameRules.canonical(text, tokens, first, end), ActorType.PLACE), first, end)
          .cover(covered));
      k = end;
    }
    return found;
  }

  /** A word of a town's name: a name word in lower case after its capital, so no "NW" of a street's quarter. */
  private boolean isTownWord(Token token) {
    return rules.isNameWord(token) && token.key().length() > 2 && !token.allCaps();
  }

  /** The first token of the name of capitalised words ending before {@code end}; {@code end} if none. */
  private int nameStart(List<Token> tokens, int end, boolean[] covered) {
    int first = end;
    while (first > 0 && end - first < MAX_WORDS && !covered[first - 1] && rules.isNameWord(tokens.get(first - 1))) {
      first--;
    }
    return first;
  }

  /**
   * Whether "Town, Place" reads as a town in that place: after a lower-case word such as "in" or
   * "of" (not at a sentence start, where "Yesterday, Canada said" is written), and not before a
   * possessive or a hyphen ("Smith, Texas's senator", "Acme, Texas-based").
   */
  private boolean placedByContext(List<Token> tokens, int first, TokenMatch place) {
    boolean afterWord = first > 0 && tokens.get(first - 1).word() && !tokens.get(first - 1).capitalised();
    if (!afterWord) {
      return afterName(tokens, first) && (place.end() >= tokens.size() || endsSentence(tokens, place.end()));
    }
    if (place.end() >= tokens.size()) {
      return true;
    }
    Token next = tokens.get(place.end());
    if (next.word()) {
      // "in Troy, N. Y. He was": an abbreviated state ends the sentence, and the next one opens with a capital
      boolean stateEndsSentence = tokens.get(place.end() - 1).key().equals(".");
      return (stateEndsSentence || !next.capitalised()) && !next.key().equals("and") && !next.key().equals("or");
    }
    if (next.key().equals(",")) {
      // "Belleville, Ill., where" and "Miami, Fla., March 17": a town; "Washington, Dakota, Montana": a list
      return place.end() + 1 >= tokens.size() || !tokens.get(place.end() + 1).capitalised()
          || rules.isNotName(tokens.get(place.end() + 1).key());
    }
    return !next.key().equals("'") && !(next.key().equals("-") && !next.spaceBefore());
  }

  /**
   * "Ohio State University, Columbus, Ohio.": a town after a name and a comma, where the place after
   * it ends the sentence; a list of names ("Washington, Dakota, Montana") goes on.
   */
  private static boolean afterName(List<Token> tokens, int first) {
    return first >= 2 && tokens.get(first - 1).key().equals(",") && tokens.get(first - 2).capitalised();
  }

  private static boolean endsSentence(List<Token> tokens, int at) {
    String key = tokens.get(at).key();
    return key.equals(".") || key.equals(";");
  }

  /**
   * A town as a dateline: capitalised words opening a block or a sentence, then a dash within a few
   * tokens ("Plainfield -- James P. Mitchell", "Birmingham, Ala. -- (AP) -- The FBI"), or a block of
   * a few tokens of its own before one that opens with the dash ("Elburn, Ill." then "-- Farm ...").
   */
  private List<TokenMatch> datelineTowns(String text, List<Token> tokens, boolean[] covered) {
    List<TokenMatch> found = new ArrayList<>();
    for (int start = 0; start < tokens.size(); start++) {
      if (start == 0 || tokens.get(start - 1).key().equals(".")) {
        datelineTown(text, tokens, start, covered).ifPresent(found::add);
      }
    }
    return found;
  }

  private Optional<TokenMatch> datelineTown(String text, List<Token> tokens, int start, boolean[] covered) {
    int end = start;
    while (end < tokens.size() && end - start < MAX_WORDS && !covered[end] && rules.isNameWord(tokens.get(end))) {
      end++;
    }
    if (end == start) {
      return Optional.empty();
    }
    boolean wholeSegment = start == 0 && end == tokens.size() && dashOpens(text, tokens.get(end - 1).end());
    // Inside a block, only "Town, State. --" is a dateline: "Verification -- extraordinarily difficult"
    // and "Leading -- always -- with the example" open sentences of speeches with a dash.
    boolean comma = end < tokens.size() && tokens.get(end).key().equals(",");
    boolean closed = comma || (start == 0 && end < tokens.size()
        && (tokens.get(end).key().equals("-") || tokens.get(end).key().equals("\u2014")));
    boolean shortBlock = start == 0 && tokens.size() <= DATELINE_TOKENS
        && dashOpens(text, tokens.get(tokens.size() - 1).end());
    if (!(wholeSegment || (closed && (dashFollows(tokens, end) || shortBlock)))) {
      return Optional.empty();
    }
    return Optional.of(new TokenMatch(
        new ActorKey(NameRules.canonical(text, tokens, start, end), ActorType.PLACE), start, end).cover(covered));
  }

  /**
   * Whether the text after {@code at} opens with a dash: a dateline set as a block of its own, with
   * the story's first block starting "-- James P. Mitchell and ...".
   */
  private static boolean dashOpens(String text, int at) {
    int k = at;
    while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
      k++;
    }
    return text.startsWith("--", k) || text.startsWith("\u2014", k);
  }

  /** Whether a dash ("--" or an em dash) comes soon after {@code at}, before any lower-case word. */
  private static boolean dashFollows(List<Token> tokens, int at) {
    for (int k = at; k < tokens.size() && k < at + DATELINE_TOKENS; k++) {
      Token token = tokens.get(k);
      if (token.key().equals("\u2014") || (token.key().equals("-") && k + 1 < tokens.size()
          && tokens.get(k + 1).key().equals("-"))) {
        return true;
      }
      if (token.word() && !token.capitalised() && !Character.isDigit(token.key().charAt(0))) {
        return false;
      }
    }
    return false;
  }

}
