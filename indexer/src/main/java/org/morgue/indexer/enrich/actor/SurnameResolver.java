package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.morgue.article.ActorType;

/**
 * Resolves surnames within one article: once "President Nicolás Maduro" is named, a later
 * "Maduro" is the same person, and so is "Mr. Maduro" wherever it stands. A surname that two
 * people named in the article share resolves to neither; one that is a gazetteer alias keeps the
 * gazetteer's reading ("Washington" stays the U.S. government even after "George Washington").
 */
final class SurnameResolver {
  private final Gazetteer gazetteer;
  private final NameRules rules;
  private final Set<String> nameSuffixes;

  SurnameResolver(Gazetteer gazetteer, NameRules rules, List<String> nameSuffixes) {
    this.gazetteer = gazetteer;
    this.rules = rules;
    this.nameSuffixes = Set.copyOf(nameSuffixes);
  }

  /** The mentions with titled surnames merged into full names and bare surnames added. */
  List<Found> resolve(List<Segment> segments, List<Found> found) {
    Map<List<String>, ActorKey> bySurname = new HashMap<>();
    Set<List<String>> ambiguous = new HashSet<>();
    Map<ActorKey, Integer> firstFullMention = new HashMap<>();
    for (Found mention : found) {
      if (mention.actor().type() != ActorType.PERSON) {
        continue;
      }
      List<String> surname = surname(mention.actor().name());
      if (surname.isEmpty()) {
        continue;
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
          : bySurname.get(List.of(name));
      resolved.add(full == null ? mention : new Found(full, mention.start(), mention.end(), mention.weight()));
    }
    for (Segment segment : segments) {
      addBareSurnames(segment, bySurname, firstFullMention, resolved);
    }
    return resolved;
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
        || gazetteer.isAlias(word)) {
      return List.of();
    }
    String before = words.get(last - 1).key();
    return last >= 2 && rules.isParticle(before) ? List.of(before, word) : List.of(word);
  }
}
