package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.AccentFolding;
import org.morgue.indexer.enrich.text.DataFile;
import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.morgue.article.ActorType;

/**
 * Known actors and every alias they go by, loaded from tab-separated data files:
 * {@code canonical name <TAB> type <TAB> alias|alias|~contextual alias <TAB> role}, the last two
 * columns optional; the role says what a person is ("President of Venezuela"). The canonical name is an
 * alias too. Aliases are indexed by their first token, longest first, so finding the longest alias
 * starting at a token is one hash lookup and a few token comparisons. Tokens are compared with their
 * accents folded ({@link AccentFolding}): "Malaga" and "Málaga", "Nicolas Maduro" and "Nicolás Maduro"
 * are one alias, and the actor keeps its canonical name as the file writes it.
 */
public final class Gazetteer {
  private static final String COUNTRIES = "countries.tsv";
  private static final Set<ActorType> SEARCHED_BY_ALIAS = Set.of(ActorType.PERSON, ActorType.ORGANISATION, ActorType.GROUP);
  /** An alias in capitals, dotted or not ("UK", "U.S.S.R.", "EPA"): a place's or government's too. */
  private static final Pattern ACRONYM = Pattern.compile("(?:\\p{Lu}\\.?){2,6}");

  private final Map<String, List<GazetteerEntry>> byFirstToken;
  private final Set<ActorKey> actors;
  private final Map<ActorKey, String> fileOf;
  private final Map<ActorKey, String> roleOf;
  /** Each person's, organisation's and group's one-word aliases as written; see {@link #aliasesOf}. */
  private final Map<ActorKey, List<String>> aliasesOf;

  private Gazetteer(Map<String, List<GazetteerEntry>> byFirstToken, Set<ActorKey> actors, Map<ActorKey, String> fileOf,
      Map<ActorKey, String> roleOf, Map<ActorKey, List<String>> aliasesOf) {
    this.byFirstToken = byFirstToken;
    this.actors = actors;
    this.fileOf = fileOf;
    this.roleOf = roleOf;
    this.aliasesOf = aliasesOf;
  }

  /**
   * Loads the gazetteer files. An alias listed for two different actors, or a canonical name listed
   * with two types, is an error in the data and fails naming both places.
   */
  static Gazetteer load(List<DataFile> files) {
    Map<List<String>, String> aliasOwner = new HashMap<>();
    Map<String, ActorType> typeOf = new HashMap<>();
    Map<String, List<GazetteerEntry>> index = new HashMap<>();
    Map<ActorKey, String> fileOf = new HashMap<>();
    Map<ActorKey, String> roleOf = new HashMap<>();
    Map<ActorKey, List<String>> aliasesOf = new HashMap<>();
    for (DataFile file : files) {
      for (DataFile.Line line : file.lines()) {
        String[] columns = line.text().split("\t", -1);
        if (columns.length < 2 || columns.length > 4 || columns[0].isBlank()) {
          throw new IllegalStateException(
              file.where(line) + ": expected 'name<TAB>type<TAB>aliases<TAB>role', got '" + line.text() + "'");
        }
        String name = columns[0].strip();
        ActorType type;
        try {
          type = ActorType.fromId(columns[1]);
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(file.where(line) + ": " + e.getMessage(), e);
        }
        ActorType earlier = typeOf.putIfAbsent(name, type);
        if (earlier != null && earlier != type) {
          throw new IllegalStateException(
              file.where(line) + ": '" + name + "' is " + earlier.id() + " elsewhere, " + type.id() + " here");
        }
        ActorKey actor = new ActorKey(name, type);
        fileOf.putIfAbsent(actor, file.path());
        if (columns.length == 4 && !columns[3].isBlank()) {
          roleOf.put(actor, columns[3].strip());
        }
        List<String> aliases = new ArrayList<>();
        aliases.add(name);
        if (columns.length >= 3) {
          for (String alias : columns[2].split("\\|")) {
            if (!alias.isBlank()) {
              aliases.add(alias.strip());
            }
          }
        }
        for (String alias : aliases) {
          boolean contextual = alias.startsWith("~");
          String written = contextual ? alias.substring(1).strip() : alias;
          List<Token> split = Token.split(written, 0, written.length());
          List<String> tokens = split.stream().map(token -> AccentFolding.fold(token.key())).toList();
          if (tokens.isEmpty() || !split.get(0).word()) {
            throw new IllegalStateException(file.where(line) + ": alias '" + alias + "' must start with a word");
          }
          String owner = aliasOwner.putIfAbsent(tokens, name + " (" + file.where(line) + ")");
          if (owner != null) {
            if (owner.startsWith(name + " (")) {
              // the same alias twice for one actor: an alias equal to the canonical name, or spelled
              // with and without accents ("Nicolas Maduro"); a search still finds it by either
              if (!contextual && !written.equals(name) && searchedBy(type, written)) {
                List<String> words = aliasesOf.computeIfAbsent(actor, key -> new ArrayList<>());
                if (!words.contains(written)) {
                  words.add(written);
                }
              }
              continue;
            }
            throw new IllegalStateException(
                file.where(line) + ": alias '" + written + "' of '" + name + "' already names " + owner);
          }
          index
              .computeIfAbsent(tokens.get(0), first -> new ArrayList<>())
              .add(new GazetteerEntry(tokens, actor, contextual, file.path()));
          if (!contextual && !written.equals(name) && searchedBy(type, written)) {
            aliasesOf.computeIfAbsent(actor, key -> new ArrayList<>()).add(written);
          }
        }
      }
    }
    Map<String, List<GazetteerEntry>> sorted = new HashMap<>();
    Comparator<GazetteerEntry> longestFirst = Comparator.comparingInt(e -> -e.tokens().size());
    index.forEach((first, entries) -> sorted.put(first, entries.stream().sorted(longestFirst).toList()));
    Set<ActorKey> actors = new HashSet<>();
    typeOf.forEach((name, type) -> actors.add(new ActorKey(name, type)));
    aliasesOf.replaceAll((actor, aliases) -> List.copyOf(aliases));
    return new Gazetteer(Map.copyOf(sorted), Set.copyOf(actors), Map.copyOf(fileOf), Map.copyOf(roleOf),
        Map.copyOf(aliasesOf));
  }

  /**
   * The actor's other one-word names, as the gazetteer writes them ("FDR", "F.D.R.", "Ike"), which a
   * search by that word should find it by; none for an unlisted actor. Of places and governments only
   * their acronyms ("UK", "USSR", "EPA"): their other aliases are mostly demonyms ("American") and
   * metonyms ("Washington", "the White House"), by which a one-word search would find every article
   * naming the country. One word only, without a space or hyphen: the words of a longer alias ("Roosevelt
   * administration") would each find the actor, as "Roosevelt" would every U.S. government's article.
   */
  List<String> aliasesOf(ActorKey actor) {
    return aliasesOf.getOrDefault(actor, List.of());
  }

  /** Whether a search by the alias should find an actor of the type: see {@link #aliasesOf}. */
  private static boolean searchedBy(ActorType type, String alias) {
    boolean oneWord = alias.indexOf(' ') < 0 && alias.indexOf('-') < 0;
    return oneWord && (SEARCHED_BY_ALIAS.contains(type) || ACRONYM.matcher(alias).matches());
  }

  /** How many actors the gazetteer knows. */
  int size() {
    return actors.size();
  }

  /** Every actor the gazetteer knows. */
  Set<ActorKey> actors() {
    return actors;
  }

  /** The gazetteer file that lists the actor, such as {@code /org/morgue/indexer/enrich/actor/us-presidents.tsv}, if any does. */
  Optional<String> fileOf(ActorKey actor) {
    return Optional.ofNullable(fileOf.get(actor));
  }

  /** Whether the actor is a country (listed in {@code countries.tsv}), not a region, state or city. */
  boolean isCountry(ActorKey actor) {
    String file = fileOf.get(actor);
    return file != null && file.endsWith(COUNTRIES);
  }

  /** What the gazetteer says the actor is ("President of Venezuela (2013-)"), if it says. */
  Optional<String> roleOf(ActorKey actor) {
    return Optional.ofNullable(roleOf.get(actor));
  }

  /** Whether some alias of a known actor is exactly this word, e.g. "Washington" or "Trump". */
  boolean isAlias(String word) {
    List<GazetteerEntry> entries = byFirstToken.get(AccentFolding.fold(word));
    return entries != null && entries.stream().anyMatch(e -> e.tokens().size() == 1);
  }

  /**
   * The listed person whose one-word alias is exactly this word ("Trump" is Donald Trump's, "Leavitt"
   * Karoline Leavitt's); empty when the word is no alias or names a place, body or company
   * ("Washington" is the U.S. government's).
   */
  Optional<ActorKey> personAliased(String word) {
    return byFirstToken.getOrDefault(AccentFolding.fold(word), List.of()).stream()
        .filter(e -> e.tokens().size() == 1 && !e.contextual())
        .map(GazetteerEntry::actor)
        .filter(actor -> actor.type() == ActorType.PERSON)
        .findFirst();
  }

  /**
   * The longest alias that starts at {@code tokens[at]}, if any.
   *
   * @param headline whether the tokens are a Title Case headline, where an alias word written in
   *     lower case ("Trump administration") also matches the word capitalised ("Trump Administration")
   * @param shouting whether the text is mostly upper case, where a one-word acronym alias ("US",
   *     "WHO") is as likely an ordinary word and is not matched
   * @param filesNamed the gazetteer files whose actors the article has already named, which decide
   *     whether contextual aliases count
   */
  Optional<GazetteerEntry> longestMatch(
      List<Token> tokens, int at, boolean headline, boolean shouting, Set<String> filesNamed) {
    Token first = tokens.get(at);
    if (!first.word()) {
      return Optional.empty();
    }
    List<GazetteerEntry> entries = byFirstToken.get(AccentFolding.fold(first.key()));
    if (entries == null) {
      return Optional.empty();
    }
    for (GazetteerEntry entry : entries) {
      List<String> alias = entry.tokens();
      if (at + alias.size() > tokens.size()) {
        continue;
      }
      if (entry.contextual() && !filesNamed.contains(entry.file())) {
        continue;
      }
      if (shouting && alias.size() == 1 && first.allCaps()) {
        continue;
      }
      if (matches(alias, tokens, at, headline) && endsAtWordBoundary(alias, tokens, at)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  private static boolean matches(List<String> alias, List<Token> tokens, int at, boolean headline) {
    for (int k = 1; k < alias.size(); k++) {
      String want = alias.get(k);
      String got = AccentFolding.fold(tokens.get(at + k).key());
      if (!want.equals(got) && !(headline && isCapitalisedForm(got, want))) {
        return false;
      }
    }
    return true;
  }

  /**
   * An alias ending in punctuation ("U.S.") must not end inside a longer abbreviation ("U.S.S.R."),
   * so the token after it may not be a letter glued to it.
   */
  private static boolean endsAtWordBoundary(List<String> alias, List<Token> tokens, int at) {
    int next = at + alias.size();
    if (next >= tokens.size()) {
      return true;
    }
    Token after = tokens.get(next);
    Token last = tokens.get(next - 1);
    return last.word() || after.spaceBefore() || !after.word();
  }

  private static boolean isCapitalisedForm(String got, String want) {
    return !want.isEmpty()
        && Character.isLowerCase(want.charAt(0))
        && got.length() == want.length()
        && Character.toUpperCase(want.charAt(0)) == got.charAt(0)
        && got.regionMatches(1, want, 1, want.length() - 1);
  }
}
