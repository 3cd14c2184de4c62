package org.morgue.indexer.enrich.actor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.morgue.article.ActorType;

/**
 * A person the article names in full, named again by a shorter form of the same name: Brown A39
 * introduces "Mickey Charles Mantle" and "George Herman (Babe) Ruth", then writes "Mickey Mantle" and
 * "Babe Ruth". The name rules found each form as a person of its own, which split one man in the actor
 * facet and, since two people then shared the surname, left every later bare "Mantle" unresolved
 * (SurnameResolver runs after this). A shorter name is the longer one when its words appear in the
 * longer one in order (an initial may stand for a name: "R. Maris") and the two end on the same
 * word: "Walter Monroe" is not "Walter D. Monroe Jr", whose "Jr" may be his son's mark. Two
 * longer names a shorter one fits leave it alone, as does a name the gazetteer lists (that is
 * ListedPersonVariants' to read) and a wife named by her husband's name.
 */
final class ArticlePersonVariants {
  private final Gazetteer gazetteer;

  ArticlePersonVariants(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** The mentions with each shorter form of a longer name of the article made that person. */
  List<Found> resolve(List<Found> found) {
    Set<ActorKey> people = new LinkedHashSet<>();
    for (Found mention : found) {
      ActorKey actor = mention.actor();
      if (actor.type() == ActorType.PERSON && !actor.name().startsWith(NameRules.WIFE)) {
        people.add(actor);
      }
    }
    if (people.size() < 2) {
      return found;
    }
    // Each name's words once, by its last word: only names ending on the same word can shorten one
    // another, and a long text names many people (comparing every pair, splitting the names
    // again each time, halved the extractor's speed).
    Map<ActorKey, List<String>> wordsOf = new HashMap<>();
    Map<String, List<ActorKey>> byLastWord = new HashMap<>();
    for (ActorKey person : people) {
      List<String> words = words(person.name());
      if (!words.isEmpty()) {
        wordsOf.put(person, words);
        byLastWord.computeIfAbsent(words.getLast(), k -> new ArrayList<>()).add(person);
      }
    }
    Map<ActorKey, ActorKey> longer = new HashMap<>();
    for (ActorKey shorter : people) {
      List<String> words = wordsOf.get(shorter);
      if (words == null || words.size() < 2 || gazetteer.actors().contains(shorter)) {
        continue;
      }
      List<ActorKey> fits = byLastWord.get(words.getLast()).stream()
          .filter(other -> {
            List<String> otherWords = wordsOf.get(other);
            return otherWords.size() > words.size() && shortens(words, otherWords);
          })
          .toList();
      if (fits.size() == 1) {
        longer.put(shorter, fits.get(0));
      }
    }
    if (longer.isEmpty()) {
      return found;
    }
    List<Found> resolved = new ArrayList<>(found.size());
    for (Found mention : found) {
      ActorKey full = longer.get(mention.actor());
      resolved.add(full == null ? mention : new Found(full, mention.start(), mention.end(), mention.weight()));
    }
    return resolved;
  }

  /**
   * Whether the shorter name's words appear in the longer one's in order and both end on the same word;
   * the first need not be the first ("David Thompson" is "G. David Thompson").
   */
  private static boolean shortens(List<String> shorter, List<String> longer) {
    if (!shorter.getLast().equals(longer.getLast())) {
      return false;
    }
    int k = 0;
    for (String word : shorter.subList(0, shorter.size() - 1)) {
      while (k < longer.size() - 1 && !agree(word, longer.get(k))) {
        k++;
      }
      if (k == longer.size() - 1) {
        return false;
      }
      k++;
    }
    return true;
  }

  private static boolean agree(String a, String b) {
    return a.equals(b) || (a.length() == 1 && b.length() > 1 && b.charAt(0) == a.charAt(0));
  }

  /**
   * A name's words, lower-cased, without full stops or the brackets of a nickname: "George Herman
   * (Babe) Ruth" is george, herman, babe, ruth.
   */
  private static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    for (String word : name.split("\\s+")) {
      String bare = word.replaceAll("[.()]", "").toLowerCase(Locale.ROOT);
      if (!bare.isEmpty()) {
        words.add(bare);
      }
    }
    return words;
  }
}
