package org.morgue.indexer.enrich.actor;

import org.morgue.indexer.enrich.text.DataFile;
import org.morgue.indexer.enrich.text.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves role words that refer back to a person named earlier in the article ("the president"
 * after "Donald Trump"), from {@code actor/role-references.tsv}: each role words belong to one
 * gazetteer file, and resolve only when the article names exactly one actor from it.
 */
final class RoleReferences {
  private record Reference(List<String> words, String file) {}

  private final List<Reference> references;
  private final Gazetteer gazetteer;

  private RoleReferences(List<Reference> references, Gazetteer gazetteer) {
    this.references = List.copyOf(references);
    this.gazetteer = gazetteer;
  }

  /** Reads {@code words <TAB> file} lines; the file is relative to the folder of {@code data}. */
  static RoleReferences load(DataFile data, Gazetteer gazetteer) {
    String folder = data.path().substring(0, data.path().lastIndexOf('/') + 1);
    List<Reference> references = new ArrayList<>();
    for (DataFile.Line line : data.lines()) {
      String[] columns = line.text().split("\t", -1);
      if (columns.length != 2) {
        throw new IllegalStateException(data.where(line) + ": expected 'words<TAB>file', got '" + line.text() + "'");
      }
      String words = columns[0].strip();
      references.add(new Reference(Token.split(words, 0, words.length()).stream().map(Token::key).toList(),
          folder + columns[1].strip()));
    }
    return new RoleReferences(references, gazetteer);
  }

  /** The mentions, plus one for every role reference that resolves. */
  List<Found> resolve(List<Segment> segments, List<Found> found) {
    List<Found> all = new ArrayList<>(found);
    for (Reference reference : references) {
      Set<ActorKey> named = new HashSet<>();
      Map<ActorKey, Integer> firstMention = new HashMap<>();
      for (Found mention : found) {
        if (gazetteer.fileOf(mention.actor()).filter(reference.file()::equals).isPresent()) {
          named.add(mention.actor());
          firstMention.merge(mention.actor(), mention.start(), Math::min);
        }
      }
      if (named.size() != 1) {
        continue;
      }
      ActorKey actor = named.iterator().next();
      for (Segment segment : segments) {
        addReferences(segment, reference.words(), actor, firstMention.get(actor), all);
      }
    }
    return all;
  }

  private static void addReferences(Segment segment, List<String> words, ActorKey actor, int after, List<Found> all) {
    List<Token> tokens = segment.tokens();
    boolean[] covered = segment.covered();
    for (int i = 0; i + words.size() <= tokens.size(); i++) {
      boolean same = tokens.get(i).start() > after;
      for (int k = 0; k < words.size() && same; k++) {
        same = !covered[i + k] && tokens.get(i + k).key().equals(words.get(k));
      }
      if (same) {
        int end = i + words.size();
        all.add(new Found(actor, tokens.get(i).start(), tokens.get(end - 1).end(), segment.weight()));
        for (int k = i; k < end; k++) {
          covered[k] = true;
        }
        i = end - 1;
      }
    }
  }
}
