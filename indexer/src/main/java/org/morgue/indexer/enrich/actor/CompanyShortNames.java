package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.ActorType;

/**
 * Resolves a company's short name within one article: once "Ionic Industries Inc" or "Nobel
 * Industrier Sweden AB" is named, an organisation found as "Ionic" or "Nobel Industrier" is the same
 * company. The full name ends in a legal form, and the short name is its first words and those of no
 * other organisation named, so "American" is neither "American Express Co" nor "American Nursery
 * Products Inc" when both are named. Gazetteer actors keep their names: "NATO" is not "NATO Council".
 */
final class CompanyShortNames {
  private final Gazetteer gazetteer;
  private final Set<String> companySuffixes;

  CompanyShortNames(Gazetteer gazetteer, List<String> companySuffixes) {
    this.gazetteer = gazetteer;
    this.companySuffixes = Set.copyOf(companySuffixes);
  }

  /** The mentions with each short company name replaced by the full name it starts. */
  List<Found> resolve(List<Found> found) {
    Set<ActorKey> organisations = new HashSet<>();
    found.stream().map(Found::actor).filter(a -> a.type() == ActorType.ORGANISATION).forEach(organisations::add);
    if (organisations.size() < 2) {
      return found;
    }
    // Each organisation is tokenised and resolved once, not once per mention: a long address names
    // hundreds of organisations hundreds of times.
    Map<ActorKey, List<String>> words = new HashMap<>();
    organisations.forEach(o -> words.put(o, words(o.name())));
    Map<ActorKey, Optional<ActorKey>> fullNames = new HashMap<>();
    organisations.forEach(o -> fullNames.put(o, fullName(o, words)));
    List<Found> resolved = new ArrayList<>(found.size());
    for (Found mention : found) {
      Optional<ActorKey> full = fullNames.getOrDefault(mention.actor(), Optional.empty());
      resolved.add(full.map(f -> new Found(f, mention.start(), mention.end(), mention.weight())).orElse(mention));
    }
    return resolved;
  }

  private Optional<ActorKey> fullName(ActorKey shortName, Map<ActorKey, List<String>> organisations) {
    if (gazetteer.actors().contains(shortName)) {
      return Optional.empty();
    }
    List<String> words = organisations.get(shortName);
    List<ActorKey> longer = organisations.entrySet().stream()
        .filter(o -> !o.getKey().equals(shortName))
        .filter(o -> o.getValue().size() > words.size() && o.getValue().subList(0, words.size()).equals(words))
        .map(Map.Entry::getKey)
        .toList();
    if (longer.size() != 1 || gazetteer.actors().contains(longer.get(0))) {
      return Optional.empty();
    }
    List<String> full = organisations.get(longer.get(0));
    return companySuffixes.contains(full.get(full.size() - 1)) ? Optional.of(longer.get(0)) : Optional.empty();
  }

  private static List<String> words(String name) {
    return Token.split(name, 0, name.length()).stream().filter(Token::word).map(Token::key).toList();
  }
}
