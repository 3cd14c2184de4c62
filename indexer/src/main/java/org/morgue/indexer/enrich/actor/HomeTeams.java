package org.morgue.indexer.enrich.actor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.ActorType;
import org.morgue.indexer.enrich.text.Token;

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
      "edged", "whipped", "blanked", "vs", "versus", "over");

  /** Nouns before "to" or "with" that make the home after them a team: "loss to", "game with". */
  private static final Set<String> BEFORE_TO_WITH = Set.of("loss", "losses", "lost", "bowed", "fell", "game",
      "games", "opener", "series", "meeting", "tie", "doubleheader");

  /** Words after a home that make it a team: its players, its results. */
  private static final Set<String> AFTER = Set.of("catcher", "pitcher", "pitchers", "halfback", "quarterback",
      "fullback", "end", "tackle", "guard", "coach", "manager", "players", "player", "team", "club", "squad",
      "scoring", "lineup", "outfielder", "infielder", "shortstop", "won", "lost", "beat", "defeated", "scored",
      "rallied", "victory", "defeat", "win", "eleven", "five", "nine", "fans");

  /** Countries name national sides and bodies, not the clubs looked for here. */
  private static final String COUNTRIES = "countries.tsv";

  private final Gazetteer gazetteer;

  HomeTeams(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** The mentions, with the homes that name a team read as that team, on a sports page. */
  List<Found> resolve(List<Found> found, List<Segment> segments, boolean sportsPage) {
    if (!sportsPage) {
      return found;
    }
    List<ActorKey> fullTeams = found.stream().map(Found::actor)
        .filter(actor -> actor.type() == ActorType.ORGANISATION).distinct().toList();
    List<Found> resolved = new ArrayList<>(found.size());
    for (Found mention : found) {
      resolved.add(mention.actor().type() == ActorType.PLACE && !isCountry(mention.actor())
          && playsAt(mention, segments) ? new Found(team(mention.actor(), fullTeams), mention.start(), mention.end(),
              mention.weight()) : mention);
    }
    return resolved;
  }

  private boolean isCountry(ActorKey place) {
    return gazetteer.fileOf(place).map(file -> file.endsWith(COUNTRIES)).orElse(false);
  }

  /** The team named in full from this home ("Kansas City Athletics"), or the home's name as a team. */
  private static ActorKey team(ActorKey home, List<ActorKey> organisations) {
    Optional<ActorKey> full = organisations.stream()
        .filter(team -> team.name().startsWith(home.name() + " ") && team.name().endsWith("s")).findFirst();
    return full.orElse(new ActorKey(home.name(), ActorType.ORGANISATION));
  }

  /** Whether the words around the mention say a team plays: "loss to Kansas City", "Detroit won". */
  private static boolean playsAt(Found mention, List<Segment> segments) {
    for (Segment segment : segments) {
      List<Token> tokens = segment.tokens();
      if (tokens.isEmpty() || mention.start() < tokens.get(0).start()
          || mention.end() > tokens.get(tokens.size() - 1).end()) {
        continue;
      }
      int first = -1;
      int end = -1;
      for (int k = 0; k < tokens.size(); k++) {
        if (tokens.get(k).start() == mention.start()) {
          first = k;
        }
        if (tokens.get(k).end() == mention.end()) {
          end = k + 1;
          break;
        }
      }
      if (first < 0 || end < 0) {
        return false;
      }
      String before = first > 0 ? lower(tokens.get(first - 1)) : "";
      String twoBefore = first > 1 ? lower(tokens.get(first - 2)) : "";
      String after = end < tokens.size() ? lower(tokens.get(end)) : "";
      boolean possessive = after.equals("'") && end + 2 < tokens.size() && tokens.get(end + 1).key().equals("s");
      String afterPossessive = possessive ? lower(tokens.get(end + 2)) : "";
      return BEFORE.contains(before)
          || ((before.equals("to") || before.equals("with")) && BEFORE_TO_WITH.contains(twoBefore))
          || AFTER.contains(after) || AFTER.contains(afterPossessive);
    }
    return false;
  }

  private static String lower(Token token) {
    return token.key().toLowerCase(Locale.ROOT);
  }
}
