package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.morgue.article.ActorType;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.ActorTypes;

/**
 * The type a reader's archive gives each actor name ({@link ActorTypes#mostGiven}), from the number
 * of live articles holding each {@link ArchiveSchema#ACTOR_TYPED} pair: a segment without deletions
 * answers with the term's document frequency, one with deletions by walking the term's postings.
 * Asked only for the names a search narrowed by type lists, and kept per name until the reader
 * changes. Thread-safe.
 */
final class ActorTypeLookup {
  private final IndexReader reader;
  private final Map<String, Optional<ActorType>> known = new ConcurrentHashMap<>();

  ActorTypeLookup(IndexReader reader) {
    this.reader = reader;
  }

  /** The type most live articles give this canonical name; empty when none gives it one. */
  Optional<ActorType> of(String canonicalName) {
    return known.computeIfAbsent(canonicalName, this::read);
  }

  private Optional<ActorType> read(String canonicalName) {
    Map<ActorType, Long> articles = new EnumMap<>(ActorType.class);
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(ArchiveSchema.ACTOR_TYPED);
        if (terms == null) {
          continue;
        }
        TermsEnum pairs = terms.iterator();
        for (ActorType type : ActorType.values()) {
          if (pairs.seekExact(new BytesRef(ActorTypes.typedName(type, canonicalName)))) {
            articles.merge(type, live(leaf.reader(), pairs), Long::sum);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ActorTypes.mostGiven(articles);
  }

  private static long live(LeafReader segment, TermsEnum pair) throws IOException {
    Bits liveDocs = segment.getLiveDocs();
    if (liveDocs == null) {
      return pair.docFreq();
    }
    long count = 0;
    PostingsEnum docs = pair.postings(null, PostingsEnum.NONE);
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      if (liveDocs.get(doc)) {
        count++;
      }
    }
    return count;
  }
}
