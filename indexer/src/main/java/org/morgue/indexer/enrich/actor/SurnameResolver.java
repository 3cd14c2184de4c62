package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.morgue.article.ActorType;

/**
 * Resolves surnames within one article: once "President Nicolás Maduro" is named, a later
 * "Maduro" is the same person, and so is "Mr. Maduro" wherever it stands. A surname that two
 * people named in the article share resolves to neither. One that is the gazetteer's alias of a
 * place or body keeps the gazetteer's reading ("Washington" stays the U.S. government even after
 * "George Washington"); one that is a listed person's alias is the article's own person after that
 * person's full name, unless the article names the listed one too (then two people share it): Brown
 * A25's "Jerome Leavitt ... Leavitt said" had been Karoline Leavitt, and in an article naming Eric
 * Trump but never Donald Trump, "Trump" is Eric Trump. A listed person's surname alone names no one
 * in full, so it does not count as naming the listed person.
 */
final class SurnameResolver {
  private static final Pattern WORD_BEFORE = Pattern.compile("(\\S+)\\s+$");
  private final Gazetteer gazetteer;
  private final NameRules rules;
  private final Set<String> nameSuffixes;

  SurnameResolver(Gazetteer gazetteer, NameRules rules, List<String> nameSuffixes) {
    this.gazetteer = gazetteer;
    this.rules = rules;
    this.nameSuffixes = Set.copyOf(nameSuffixes);
  }

  /** The mentions with titled surnames merged into full names and bare surnames added. */
  List<Found> resolve(String text, List<Segment> segments, List<Found> found) {
    Map<List<String>, ActorKey> bySurname = new HashMap<>();
    Set<List<String>> ambiguous = new HashSet<>();
    Map<ActorKey, Integer> firstFullMention = new HashMap<>();
    for (Found mention : found) {
      if (mention.actor().type() != ActorType.PERSON) {
        continue;
      }
      List<String> surname = surname(mention.actor().name());
      if (surname.isEmpty() || surname.equals(List.of(text.substring(mention.start(), mention.end())))) {
        continue; // the gazetteer's "Leavitt" alone does not name Karoline Leavitt in full
      }
      firstFullMention.merge(mention.actor(), mention.start(), Math::min);
      ActorKey earlier = bySurname.putIfAbsent(surname, mention.actor());
      if (earlier != null && !earlier.equals(mention.actor())) {
        ambiguous.add(surname);
      }
    }
    ambiguous.forEach(bySurname::remove);
    Map<String, ActorKey> wives = wivesBySurname(found);
    if (bySurname.isEmpty() && wives.isEmpty()) {
      return found;
    }
    List<Found> resolved = new ArrayList<>(found.size());
    for (Found mention : found) {
      String name = mention.actor().name();
      ActorKey full = mention.actor().type() != ActorType.PERSON ? null
          : name.startsWith(NameRules.WIFE) ? wives.get(name.substring(NameRules.WIFE.length()))
          : bySurname.containsKey(List.of(name)) ? bySurname.get(List.of(name))
          : articlePersonForListedSurname(text, mention, found, bySurname, firstFullMention, wives);
      resolved.add(full == null ? mention : new Found(full, mention.start(), mention.end(), mention.weight()));
    }
    for (Segment segment : segments) {
      addBareSurnames(segment, bySurname, firstFullMention, resolved);
    }
    return resolved;
  }

  /**
   * The article's own person a listed person's surname alone stands for ("Leavitt" after "Jerome
   * Leavitt"), or null: the surname is unambiguous in the article only when the listed person is not
   * named in full there too. After "Mrs." it is the wife named in full, if one is ("Mr. and Mrs.
   * Richard B. McConnell ... Mrs. McConnell's niece") once she is named; after "Miss", "Ms." or a title of office no one of
   * the article's.
   */
  private ActorKey articlePersonForListedSurname(String text, Found mention, List<Found> found,
      Map<List<String>, ActorKey> bySurname, Map<ActorKey, Integer> firstFullMention, Map<String, ActorKey> wives) {
    String word = text.substring(mention.start(), mention.end());
    if (!gazetteer.personAliased(word).map(mention.actor()::equals).orElse(false)
        || firstFullMention.containsKey(mention.actor())) {
      return null;
    }
    Matcher before = WORD_BEFORE.matcher(text.substring(Math.max(0, mention.start() - 40), mention.start()));
    if (before.find()) {
      String title = before.group(1);
      String bare = title.endsWith(".") ? title.substring(0, title.length() - 1) : title;
      if (bare.equals("Mrs")) {
        // only after she is named: "J. Hampton Monroe, and Mrs. Monroe" is not the later "Mrs. Walter Monroe"
        ActorKey wife = wives.get(word);
        return wife != null && found.stream().anyMatch(m -> m.actor().equals(wife) && m.start() < mention.start())
            ? wife : null;
      }
      if (bare.equals("Miss") || bare.equals("Ms")
          || (!bare.equals("Mr") && !bare.equals("Dr") && (rules.isTitleWord(title) || rules.isTitleWord(bare)))) {
        return null; // "Sen. McConnell", "Vice President Biden": the office may be what names the listed one
      }
    }
    ActorKey own = bySurname.get(List.of(word));
    return own == null || mention.start() < firstFullMention.get(own) ? null : own;
  }

  /**
   * The wives named in full, by surname: "Mrs. Molvar" is "Mrs. Ralph H. Molvar" when the article
   * names one wife of that surname in full, and no one when it names two.
   */
  private Map<String, ActorKey> wivesBySurname(List<Found> found) {
    Map<String, ActorKey> wives = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (Found mention : found) {
      String name = mention.actor().name();
      if (mention.actor().type() != ActorType.PERSON || !name.startsWith(NameRules.WIFE)) {
        continue;
      }
      // "Mrs. Ralph H. Molvar Jr." is "Mrs. Molvar" too: the last word that is no "Jr." or "III"
      List<String> words = List.of(name.substring(NameRules.WIFE.length()).split(" "));
      int last = words.size() - 1;
      while (last > 0 && nameSuffixes.contains(words.get(last).replaceAll("[.,]+$", ""))) {
        last--;
      }
      if (last < 1) {
        continue;
      }
      String surname = words.get(last);
      ActorKey earlier = wives.putIfAbsent(surname, mention.actor());
      if (earlier != null && !earlier.equals(mention.actor())) {
        ambiguous.add(surname);
      }
    }
    ambiguous.forEach(wives::remove);
    return wives;
  }

  private void addBareSurnames(
      Segment segment, Map<List<String>, ActorKey> bySurname, Map<ActorKey, Integer> firstFullMention,
      List<Found> resolved) {
    List<Token> tokens = segment.tokens();
    boolean[] covered = segment.covered();
    for (int i = 0; i < tokens.size(); i++) {
      if (covered[i] || !tokens.get(i).word()) {
        continue;
      }
      for (int length = 2; length >= 1; length--) {
        if (i + length > tokens.size() || !segment.free(i, i + length)) {
          continue;
        }
        List<String> words = new ArrayList<>(length);
        for (int k = i; k < i + length; k++) {
          words.add(tokens.get(k).key());
        }
        ActorKey actor = bySurname.get(words);
        Token first = tokens.get(i);
        if (actor != null && first.start() > firstFullMention.get(actor)
            && (segment.headline() || !rules.namesAnother(tokens, i, i + length, true,
                k -> gazetteer.longestMatch(tokens, k, false, false, Set.of()).isPresent()))) {
          resolved.add(new Found(actor, first.start(), tokens.get(i + length - 1).end(), segment.weight()));
          for (int k = i; k < i + length; k++) {
            covered[k] = true;
          }
          i += length - 1;
          break;
        }
      }
    }
  }

  /**
   * The surname of a full name as token keys: the last word, with a lower-case particle before it
   * ("de Gaulle", "bin Laden"), ignoring "Jr." and the like; empty for a one-word name or a
   * surname that is a gazetteer alias or no name at all.
   */
  List<String> surname(String name) {
    if (name.startsWith(NameRules.WIFE)) {
      return List.of(); // a wife named by her husband's name: "Mr. Chase" is he, not she
    }
    List<Token> words = Token.split(name, 0, name.length()).stream().filter(Token::word).toList();
    int last = words.size() - 1;
    while (last > 0 && nameSuffixes.contains(words.get(last).key())) {
      last--;
    }
    if (last < 1) {
      return List.of();
    }
    String word = words.get(last).key();
    if (word.length() < 2
        || !Character.isUpperCase(word.charAt(0))
        || rules.isNotName(word)
        || (gazetteer.isAlias(word) && gazetteer.personAliased(word).isEmpty())) {
      return List.of();
    }
    String before = words.get(last - 1).key();
    return last >= 2 && rules.isParticle(before) ? List.of(before, word) : List.of(word);
  }
}
