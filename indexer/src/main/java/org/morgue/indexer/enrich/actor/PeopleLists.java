package org.morgue.indexer.enrich.actor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.morgue.article.ActorType;
import org.morgue.indexer.enrich.text.Token;

/**
 * Finds the people of a list that names someone already found: "Smoky Burgess, Gino Cimoli, Bill
 * Virdon, Bob Clemente and Dick Groat", "Bill Kunkel, Bob Hartman and Ed Keegan did the mound
 * chores". Sports and society copy list people by the dozen, many by nicknames no list of given
 * names holds ("Smoky", "Gino") or by a given name that opens the sentence, where a capital says
 * nothing ("Bill"); a list whose other items are people makes them people too. An item is two or
 * three name words that no pass has claimed, between commas, "and" or the list's ends.
 */
final class PeopleLists {
  /** The fewest and most words of a listed name. */
  private static final int MIN_WORDS = 2;
  private static final int MAX_WORDS = 3;

  /** Words that put a place, not a person, after them: "make their home at Sands Point, L. I.". */
  private static final Set<String> PLACE_WORDS = Set.of("in", "at", "near", "from", "to", "of", "on");

  private final NameRules rules;

  PeopleLists(NameRules rules) {
    this.rules = rules;
  }

  /** The unclaimed names of lists in which a person of {@code found} stands; marks their tokens covered. */
  List<TokenMatch> find(String text, Segment segment, List<TokenMatch> found) {
    List<Token> tokens = segment.tokens();
    boolean[] covered = segment.covered();
    List<TokenMatch> people = found.stream().filter(m -> m.actor().type() == ActorType.PERSON).toList();
    List<TokenMatch> listed = new ArrayList<>();
    for (TokenMatch person : people) {
      collect(text, tokens, covered, person.first(), -1, listed);
      collect(text, tokens, covered, person.end(), 1, listed);
    }
    return listed;
  }

  /**
   * Walks the list from a person's edge {@code at} in {@code direction}, taking each unclaimed name
   * until an item is something else.
   */
  private void collect(String text, List<Token> tokens, boolean[] covered, int at, int direction,
      List<TokenMatch> listed) {
    int k = direction > 0 ? at : at - 1;
    while (true) {
      int separator = k;
      if (!isSeparator(tokens, separator)) {
        return;
      }
      if (separator + direction >= 0 && separator + direction < tokens.size()
          && tokens.get(separator).key().equals(",") && tokens.get(separator + direction).key().equals("and")) {
        separator += direction; // ", and"
      }
      int first = separator + direction;
      int words = 0;
      int beyond = first;
      while (beyond >= 0 && beyond < tokens.size() && words < MAX_WORDS && !covered[beyond]
          && rules.isNameWord(tokens.get(beyond))) {
        words++;
        beyond += direction;
      }
      // A lower-case word may follow the last item, after "and" ("and Ed Keegan did the mound
      // chores"), but not an item after a comma alone: "Edward W. Roos, West Orange public safety
      // commissioner" describes him, it lists no one.
      boolean closed = beyond < 0 || beyond >= tokens.size() || isSeparator(tokens, beyond)
          || !tokens.get(beyond).word()
          || (!tokens.get(beyond).capitalised() && (direction < 0
              ? !PLACE_WORDS.contains(tokens.get(beyond).key())
              : tokens.get(separator).key().equals("and")));
      if (words < MIN_WORDS || !closed) {
        return; // not a name: the list ends here, or a found person walks on from it
      }
      int start = direction > 0 ? first : beyond + 1;
      int end = direction > 0 ? beyond : first + 1;
      if (!personLike(tokens, start, end)) {
        return;
      }
      ActorKey person = new ActorKey(NameRules.canonical(text, tokens, start, end), ActorType.PERSON);
      listed.add(new TokenMatch(person, start, end).cover(covered));
      k = beyond;
    }
  }

  /** Whether the item could be a person's name: no title ("Presidents Roosevelt and Truman") and no ordinal. */
  private boolean personLike(List<Token> tokens, int start, int end) {
    if (rules.isTitleWord(tokens.get(start).key())) {
      return false;
    }
    for (int k = start; k < end; k++) {
      if (NameRules.ORDINALS.contains(tokens.get(k).key())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSeparator(List<Token> tokens, int k) {
    return k >= 0 && k < tokens.size() && (tokens.get(k).key().equals(",") || tokens.get(k).key().equals("and"));
  }
}
