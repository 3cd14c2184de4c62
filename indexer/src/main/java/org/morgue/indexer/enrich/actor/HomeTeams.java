package org.morgue.indexer.enrich.actor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.morgue.article.ActorType;

/**
 * Teams named by their home alone on a sports page: "the Yankees and Detroit", "a 5-to-3 loss to Kansas
 * City", "Kansas City pitchers", "its important game with Arkansas", "against Bradley". The
 * gazetteers read such a name as the place; where the words around it say a team plays, it is the
 * team: the article's team named in full from that home ("Kansas City Athletics"), or the home's name
 * as an organisation ("Detroit"). A country's name stays the country ("the United States won"), and
 * outside a sports page every place stays a place.
 */
final class HomeTeams {
  /** Words before a home that make it a team: whom a team plays, beats or loses to. */
  private static final Set<String> BEFORE = Set.of("against", "beat", "beats", "beating", "defeated", "downed",
      "edged", "whipped", "blanked", "vs", "versus");

  /** Words before "to", "with" or "over" that make the home after them a team: "loss to", "victory over". */
  private static final Set<String> BEFORE_TO_WITH = Set.of("loss", "losses", "lost", "bowed", "fell", "game",
      "games", "opener", "series", "meeting", "tie", "doubleheader", "victory", "win", "triumph");

  /** Words after a home that make it a team: its players, its results. */
  private static final Set<String> AFTER = Set.of("catcher", "pitcher", "pitchers", "halfback", "quarterback",
      "fullback", "end", "tackle", "guard", "coach", "manager", "players", "player", "team", "club", "squad",
      "scoring", "lineup", "outfielder", "infielder", "shortstop", "won", "lost", "beat", "defeated", "scored",
      "rallied", "victory", "defeat", "win", "eleven", "five", "nine", "fans");

  private final Gazetteer gazetteer;

  HomeTeams(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /**
   * The mentions, with the homes that name a team read as that team, on a sports page; {@code
   * sportsPage} is asked only when a home stands where a team would.
   */
  List<Found> resolve(String text, List<Found> found, BooleanSupplier sportsPage) {
    List<Found> resolved = null;
    Boolean sports = null;
    Set<Integer> teamEnds = teamPluralEnds(text, found);
    for (int i = 0; i < found.size(); i++) {
      Found mention = found.get(i);
      if (mention.actor().type() != ActorType.PLACE
          || !(playsAt(text, mention) || listedWithATeam(text, mention, teamEnds))
          || gazetteer.isCountry(mention.actor())) {
        continue;
      }
      if (sports == null) {
        sports = sportsPage.getAsBoolean();
      }
      if (!sports) {
        return found;
      }
      if (resolved == null) {
        resolved = new ArrayList<>(found);
      }
      resolved.set(i, new Found(team(mention.actor(), found), mention.start(), mention.end(), mention.weight()));
    }
    return resolved == null ? found : resolved;
  }

  /** The team named in full from this home ("Kansas City Athletics"), or the home's name as a team. */
  private static ActorKey team(ActorKey home, List<Found> found) {
    Optional<ActorKey> full = found.stream().map(Found::actor)
        .filter(actor -> actor.type() == ActorType.ORGANISATION && actor.name().startsWith(home.name() + " ")
            && actor.name().endsWith("s"))
        .findFirst();
    return full.orElse(new ActorKey(home.name(), ActorType.ORGANISATION));
  }

  /**
   * Whether the words around the mention say a team plays: "loss to Kansas City", "Detroit won",
   * "Kansas City's victory". Read from the text itself, a word either side, since this is asked of
   * every place an article names.
   */
  private static boolean playsAt(String text, Found mention) {
    int beforeEnd = skipSpaceBack(text, mention.start());
    int beforeStart = wordStartBack(text, beforeEnd);
    String before = text.substring(beforeStart, beforeEnd).toLowerCase(Locale.ROOT);
    if (BEFORE.contains(before)) {
      return true;
    }
    if (before.equals("to") || before.equals("with") || before.equals("over")) {
      int twoEnd = skipSpaceBack(text, beforeStart);
      String twoBefore = text.substring(wordStartBack(text, twoEnd), twoEnd).toLowerCase(Locale.ROOT);
      if (BEFORE_TO_WITH.contains(twoBefore)) {
        return true;
      }
    }
    int afterStart = mention.end();
    if (text.startsWith("'s", afterStart) || text.startsWith("\u2019s", afterStart)) {
      afterStart += 2;
    }
    afterStart = skipSpace(text, afterStart);
    String after = text.substring(afterStart, wordEnd(text, afterStart)).toLowerCase(Locale.ROOT);
    return AFTER.contains(after);
  }

  /** Where the article's teams named by a plural end ("the Yankees"), Reuters' bracketed companies aside. */
  private static Set<Integer> teamPluralEnds(String text, List<Found> found) {
    Set<Integer> ends = new HashSet<>();
    for (Found mention : found) {
      if (mention.actor().type() == ActorType.ORGANISATION && mention.actor().name().endsWith("s")
          && text.charAt(mention.start()) != '<') {
        ends.add(mention.end());
      }
    }
    return ends;
  }

  /**
   * Whether a team's plural ({@code teamEnds}) stands just before the home, joined by "and" or a
   * comma: "the Yankees and Detroit, the Dodgers and Cincinnati" (standings list teams by plural and
   * by home alike).
   */
  private static boolean listedWithATeam(String text, Found mention, Set<Integer> teamEnds) {
    int beforeEnd = skipSpaceBack(text, mention.start());
    int joiner;
    if (beforeEnd > 0 && text.charAt(beforeEnd - 1) == ',') {
      joiner = beforeEnd - 1;
    } else if (text.startsWith("and", beforeEnd - 3) && wordStartBack(text, beforeEnd) == beforeEnd - 3) {
      joiner = beforeEnd - 3;
    } else {
      return false;
    }
    return teamEnds.contains(skipSpaceBack(text, joiner));
  }

  private static int skipSpaceBack(String text, int at) {
    int k = at;
    while (k > 0 && text.charAt(k - 1) == ' ') {
      k--;
    }
    return k;
  }

  private static int wordStartBack(String text, int end) {
    int k = end;
    while (k > 0 && Character.isLetter(text.charAt(k - 1))) {
      k--;
    }
    return k;
  }

  private static int skipSpace(String text, int at) {
    int k = at;
    while (k < text.length() && text.charAt(k) == ' ') {
      k++;
    }
    return k;
  }

  private static int wordEnd(String text, int start) {
    int k = start;
    while (k < text.length() && Character.isLetter(text.charAt(k))) {
      k++;
    }
    return k;
  }
}
