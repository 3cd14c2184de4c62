package org.morgue.indexer.enrich.actor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.morgue.article.ActorType;

/**
 * A listed person named with more or less of a middle name than the list gives: "Nikita S.
 * Khrushchev" is Nikita Khrushchev, "John Fitzgerald Kennedy" and "Dwight David Eisenhower" are John
 * F. Kennedy and Dwight D. Eisenhower. The name rules found each as a person of its own, so the actor
 * filter split one man's coverage (a journalist's trial, session 38). A person the gazetteer does not
 * list becomes the listed one whose given name and surname are the same and whose middle names agree
 * word for word or by initial, or who has none where the text has some, or some where the text has
 * none; two such listed people ("John Adams", "John Quincy Adams") leave the name as it is.
 */
final class ListedPersonVariants {
  /** Listed people by given name and surname, lower-cased. */
  private final Map<String, List<List<String>>> byEnds = new HashMap<>();
  private final Map<List<String>, ActorKey> byWords = new HashMap<>();
  private final Gazetteer gazetteer;

  ListedPersonVariants(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    for (ActorKey actor : gazetteer.actors()) {
      if (actor.type() != ActorType.PERSON) {
        continue;
      }
      List<String> words = words(actor.name());
      if (words.size() < 2) {
        continue;
      }
      byEnds.computeIfAbsent(ends(words), k -> new ArrayList<>()).add(words);
      byWords.put(words, actor);
    }
  }

  /** The mentions with each unlisted variant of a listed person's name made that person. */
  List<Found> resolve(List<Found> found) {
    Map<ActorKey, Optional<ActorKey>> decided = new HashMap<>();
    List<Found> resolved = new ArrayList<>(found.size());
    for (Found mention : found) {
      ActorKey actor = mention.actor();
      Optional<ActorKey> listed = actor.type() != ActorType.PERSON || gazetteer.actors().contains(actor) ? Optional.empty()
          : decided.computeIfAbsent(actor, this::listed);
      resolved.add(listed.map(person -> new Found(person, mention.start(), mention.end(), mention.weight())).orElse(mention));
    }
    return resolved;
  }

  private Optional<ActorKey> listed(ActorKey person) {
    List<String> words = words(person.name());
    if (words.size() < 2) {
      return Optional.empty();
    }
    List<List<String>> candidates = byEnds.getOrDefault(ends(words), List.of()).stream()
        .filter(listed -> middlesAgree(words.subList(1, words.size() - 1), listed.subList(1, listed.size() - 1)))
        .toList();
    return candidates.size() == 1 ? Optional.of(byWords.get(candidates.get(0))) : Optional.empty();
  }

  private static boolean middlesAgree(List<String> text, List<String> listed) {
    if (text.isEmpty() || listed.isEmpty()) {
      return true;
    }
    if (text.size() != listed.size()) {
      return false;
    }
    for (int i = 0; i < text.size(); i++) {
      String a = text.get(i);
      String b = listed.get(i);
      boolean initial = a.length() == 1 || b.length() == 1;
      if (!(a.equals(b) || (initial && a.charAt(0) == b.charAt(0)))) {
        return false;
      }
    }
    return true;
  }

  private static String ends(List<String> words) {
    return words.get(0) + " " + words.get(words.size() - 1);
  }

  /** A name's words, lower-cased, without full stops: "Nikita S. Khrushchev" is nikita, s, khrushchev. */
  private static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    for (String word : name.split("\\s+")) {
      String bare = word.replace(".", "").toLowerCase(Locale.ROOT);
      if (!bare.isEmpty()) {
        words.add(bare);
      }
    }
    return words;
  }
}
