package org.morgue.indexer.enrich.actor;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.morgue.article.ActorType;
import org.morgue.indexer.enrich.text.AccentFolding;
import org.morgue.indexer.enrich.text.DataFile;
import org.morgue.indexer.enrich.text.Token;

/**
 * Reads a capital that the gazetteers take for its government's metonym as the city, where the text
 * puts something in it: after a preposition of place ("in Washington", "flew to Moscow") and as a
 * dateline opening a block ("Washington -- Thousands of seats ..."). Elsewhere the capital stays the
 * government ("Washington said", "tell Moscow bluntly we won't be pushed around"). Annotators of 1961
 * news copy list "the conference in Washington" as a place, and so would a reader looking for what
 * happened there; {@code actor/capital-places.tsv} names each capital's city.
 */
final class CapitalPlaces {
  /** The lower-case words after which a capital is where something is, goes or comes from. */
  private static final Set<String> PREPOSITIONS =
      Set.of("in", "at", "to", "into", "from", "near", "outside", "toward", "towards");

  private final Map<List<String>, ActorKey> cityOf;

  private CapitalPlaces(Map<List<String>, ActorKey> cityOf) {
    this.cityOf = Map.copyOf(cityOf);
  }

  /** Reads {@code metonym <TAB> city} lines. */
  static CapitalPlaces load(DataFile file) {
    Map<List<String>, ActorKey> cityOf = new HashMap<>();
    for (DataFile.Line line : file.lines()) {
      String[] columns = line.text().split("\t", -1);
      if (columns.length != 2 || columns[0].isBlank() || columns[1].isBlank()) {
        throw new IllegalStateException(file.where(line) + ": expected 'metonym<TAB>city', got '" + line.text() + "'");
      }
      String metonym = columns[0].strip();
      cityOf.put(Token.split(metonym, 0, metonym.length()).stream().map(token -> AccentFolding.fold(token.key())).toList(),
          new ActorKey(columns[1].strip(), ActorType.PLACE));
    }
    return new CapitalPlaces(cityOf);
  }

  /** The cities this reads capitals as, which the country inference places in their countries. */
  Set<String> cities() {
    return Set.copyOf(cityOf.values().stream().map(ActorKey::name).toList());
  }

  /**
   * The match as this reads it: the city where a government's capital stands after a preposition of
   * place or opens a block as its dateline, the match itself otherwise.
   */
  TokenMatch read(TokenMatch match, Segment segment) {
    if (match.actor().type() != ActorType.GOVERNMENT) {
      return match;
    }
    List<Token> tokens = segment.tokens();
    // accents folded as the gazetteer matched them: "in Bogota" is the city however it is spelled
    ActorKey city = cityOf.get(
        tokens.subList(match.first(), match.end()).stream().map(token -> AccentFolding.fold(token.key())).toList());
    if (city == null) {
      return match;
    }
    boolean placed = match.first() > 0 && tokens.get(match.first() - 1).word()
        && PREPOSITIONS.contains(tokens.get(match.first() - 1).key().toLowerCase(Locale.ROOT));
    boolean dateline = !segment.headline() && match.first() == 0
        && (match.end() == tokens.size() || isDash(tokens.get(match.end())));
    return placed || dateline || modifier(tokens, match) ? new TokenMatch(city, match.first(), match.end()) : match;
  }

  /** Articles before a capital that modifies the words after it. */
  private static final Set<String> ARTICLES = Set.of("the", "a", "an");
  /** Nouns after a capital that make it the government still: "the Havana regime". */
  private static final Set<String> GOVERNING = Set.of("government", "regime", "administration", "leadership",
      "authorities", "leaders", "rulers");

  /**
   * Whether the capital modifies what follows it, after an article: "the Havana American Legion
   * post", "a Moscow subway station" are in the city; "the Havana regime" stays the government.
   */
  private static boolean modifier(List<Token> tokens, TokenMatch match) {
    if (match.first() == 0 || match.end() >= tokens.size()) {
      return false;
    }
    Token before = tokens.get(match.first() - 1);
    Token after = tokens.get(match.end());
    return before.word() && ARTICLES.contains(before.key().toLowerCase(Locale.ROOT)) && after.word()
        && !GOVERNING.contains(after.key().toLowerCase(Locale.ROOT));
  }

  private static boolean isDash(Token token) {
    return token.key().equals("-") || token.key().equals("\u2014");
  }
}
