package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.morgue.engine.lucene.index.ArchiveSchema;

/**
 * Each story's first match in a request's order, found in the one pass that visits the matches:
 * what a search grouped by story lists. A story's first match is its match that sorts first by the
 * request's sort, ties broken by id as everywhere ({@link MatchOrder}); the stories' order is their
 * first matches' order. A page after a cursor holds the stories whose first match sorts after the
 * cursor, so a story whose first match was on an earlier page never shows again, even when its later
 * matches sort after the cursor.
 *
 * <p>How: every match is offered with its story (the reader's story ordinal, from
 * {@link IndexColumns}), score and sorted value. The first match of a story seen becomes its
 * candidate; a later match replaces the candidate when it sorts before it. Only the candidate's
 * values are kept, in primitive arrays indexed by a candidate number, and a per-story table (blocks
 * of {@value #BLOCK} ints, allocated when a story in them first matches) points from story to
 * candidate. Each slice of segments that Lucene searches side by side keeps its own; {@link
 * CollectorManager#reduce} folds them together, keeping the earlier candidate of a story seen in
 * several. The page is then chosen from the candidates with a heap of the page's size.
 *
 * <p>Cost, per search: every match is visited and scored (as any search with facets does); per
 * match, a few array reads, plus one doc-values read of the id when a story gets a new candidate.
 * Memory: 16 bytes per matching story (24 when sorted by a field: doc, story, score, id ordinal,
 * field value), plus 1 KB per block of {@value #BLOCK} stories that holds a match, plus 4 bytes per
 * {@value #BLOCK} stories in the index, per slice: a query matching a million stories holds about
 * 28 MB while it runs; one matching a hundred, a few hundred KB. Nothing is boxed per match. Choosing
 * the page visits every candidate once. Not thread-safe: one per slice, as collectors are.
 */
final class StoryFirsts {
  /** Stories per block of the story-to-candidate table. */
  private static final int BLOCK = 256;

  private final List<LeafReaderContext> leaves;
  private final IndexColumns columns;
  private final MatchOrder order;
  /** Per story, its candidate + 1 (0: none yet), in blocks allocated on first use. */
  private final int[][] candidateOf;
  /** Per segment, its ids for comparing ids across segments; made on first use. */
  private final SortedSetDocValues[] idLookups;

  private int size;
  private int[] docs = new int[16];
  private int[] stories = new int[16];
  private float[] scores = new float[16];
  private int[] idOrds = new int[16];
  /** The sorted field's values; null when the order has no field. */
  private long[] values;
  private long matches;

  private StoryFirsts(IndexReader reader, IndexColumns columns, MatchOrder order) {
    this.leaves = reader.leaves();
    this.columns = columns;
    this.order = order;
    this.candidateOf = new int[(columns.storyCount() + BLOCK - 1) / BLOCK][];
    this.idLookups = new SortedSetDocValues[leaves.size()];
    this.values = order.hasField() ? new long[16] : null;
  }

  /** Collects the first match of every story among a search's matches, in {@code order}. */
  static CollectorManager<Collector, StoryFirsts> manager(IndexReader reader, IndexColumns columns,
      MatchOrder order) {
    return new CollectorManager<>() {
      @Override
      public Collector newCollector() {
        return new Collector(new StoryFirsts(reader, columns, order));
      }

      @Override
      public StoryFirsts reduce(Collection<Collector> collectors) throws IOException {
        Iterator<Collector> all = collectors.iterator();
        StoryFirsts firsts = all.hasNext() ? all.next().firsts : new StoryFirsts(reader, columns, order);
        while (all.hasNext()) {
          firsts.addAll(all.next().firsts);
        }
        return firsts;
      }
    };
  }

  /** How many articles matched. */
  long matches() {
    return matches;
  }

  /** How many distinct stories matched. */
  int stories() {
    return size;
  }

  /**
   * The first {@code n} stories whose first match sorts after {@code after} (null: from the first),
   * in order, as the field docs of their first matches, with the sort values a collector would give.
   */
  FieldDoc[] page(FieldDoc after, int n) throws IOException {
    if (n <= 0) {
      return new FieldDoc[0];
    }
    Cursor cursor = after == null ? null : new Cursor(after);
    // The worst kept candidate on top, so a better one replaces it.
    PriorityQueue<Integer> kept = new PriorityQueue<>(Math.min(n, Math.max(1, size)) + 1, (a, b) -> compare(b, a));
    try {
      for (int i = 0; i < size; i++) {
        if (cursor != null && !cursor.before(i)) {
          continue;
        }
        if (kept.size() < n) {
          kept.add(i);
        } else if (compare(i, kept.peek()) < 0) {
          kept.poll();
          kept.add(i);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    FieldDoc[] page = new FieldDoc[kept.size()];
    for (int at = page.length - 1; at >= 0; at--) {
      int i;
      try {
        i = kept.poll();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      BytesRef id = BytesRef.deepCopyOf(idOf(leafOf(i), idOrds[i]));
      float score = scores[i];
      page[at] = new FieldDoc(docs[i], score, order.sortValues(values == null ? 0L : values[i], score, id));
    }
    return page;
  }

  /** Each segment's first matches as a set of its docs, indexed by the segment's ord. */
  FixedBitSet[] docsBySegment() {
    FixedBitSet[] sets = new FixedBitSet[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      sets[leaf.ord] = new FixedBitSet(leaf.reader().maxDoc());
    }
    for (int i = 0; i < size; i++) {
      LeafReaderContext leaf = leaves.get(leafOf(i));
      sets[leaf.ord].set(docs[i] - leaf.docBase);
    }
    return sets;
  }

  /**
   * Offers a match of {@code story}, doc {@code doc} of {@code segment}; keeps it if it is the story's
   * first so far.
   */
  private void offer(int story, int doc, float score, long value, Segment segment) throws IOException {
    matches++;
    int[] block = candidateOf[story / BLOCK];
    if (block == null) {
      block = candidateOf[story / BLOCK] = new int[BLOCK];
    }
    int candidate = block[story % BLOCK] - 1;
    if (candidate < 0) {
      block[story % BLOCK] = add(story, segment.docBase + doc, score, value, segment.idOrd(doc)) + 1;
      return;
    }
    int c = order.compare(value, score, values == null ? 0L : values[candidate], scores[candidate]);
    if (c == 0) {
      c = compareIds(segment.ord, segment.idOrd(doc), leafOf(candidate), idOrds[candidate]);
    }
    if (c < 0) {
      set(candidate, story, segment.docBase + doc, score, value, segment.idOrd(doc));
    }
  }

  /** Folds another slice's candidates in, keeping the earlier of two for one story. */
  private void addAll(StoryFirsts other) throws IOException {
    matches += other.matches;
    for (int j = 0; j < other.size; j++) {
      int story = other.stories[j];
      long value = other.values == null ? 0L : other.values[j];
      int[] block = candidateOf[story / BLOCK];
      if (block == null) {
        block = candidateOf[story / BLOCK] = new int[BLOCK];
      }
      int candidate = block[story % BLOCK] - 1;
      if (candidate < 0) {
        block[story % BLOCK] = add(story, other.docs[j], other.scores[j], value, other.idOrds[j]) + 1;
        continue;
      }
      int c = order.compare(value, other.scores[j], values == null ? 0L : values[candidate], scores[candidate]);
      if (c == 0) {
        c = compareIds(other.leafOf(j), other.idOrds[j], leafOf(candidate), idOrds[candidate]);
      }
      if (c < 0) {
        set(candidate, story, other.docs[j], other.scores[j], value, other.idOrds[j]);
      }
    }
  }

  private int add(int story, int doc, float score, long value, int idOrd) {
    if (size == docs.length) {
      int grown = ArrayUtil.oversize(size + 1, Integer.BYTES);
      docs = ArrayUtil.growExact(docs, grown);
      stories = ArrayUtil.growExact(stories, grown);
      scores = ArrayUtil.growExact(scores, grown);
      idOrds = ArrayUtil.growExact(idOrds, grown);
      if (values != null) {
        values = ArrayUtil.growExact(values, grown);
      }
    }
    set(size, story, doc, score, value, idOrd);
    return size++;
  }

  private void set(int candidate, int story, int doc, float score, long value, int idOrd) {
    docs[candidate] = doc;
    stories[candidate] = story;
    scores[candidate] = score;
    idOrds[candidate] = idOrd;
    if (values != null) {
      values[candidate] = value;
    }
  }

  /** Negative when candidate {@code a} sorts before {@code b}. */
  private int compare(int a, int b) {
    int c = order.compare(values == null ? 0L : values[a], scores[a], values == null ? 0L : values[b], scores[b]);
    if (c != 0) {
      return c;
    }
    try {
      return compareIds(leafOf(a), idOrds[a], leafOf(b), idOrds[b]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compares two ids given as ordinals in their segments: ordinals within one, the bytes across two. */
  private int compareIds(int leafA, int ordA, int leafB, int ordB) throws IOException {
    if (leafA == leafB) {
      return Integer.compare(ordA, ordB);
    }
    // Each segment has its own look-up, so the two byte refs are not one reused buffer.
    return idOf(leafA, ordA).compareTo(idOf(leafB, ordB));
  }

  private BytesRef idOf(int leaf, int ord) throws IOException {
    return lookup(leaf).lookupOrd(ord);
  }

  private SortedSetDocValues lookup(int leaf) throws IOException {
    if (idLookups[leaf] == null) {
      idLookups[leaf] = DocValues.getSortedSet(leaves.get(leaf).reader(), ArchiveSchema.ID);
    }
    return idLookups[leaf];
  }

  private int leafOf(int candidate) {
    return ReaderUtil.subIndex(docs[candidate], leaves);
  }

  /** Where a cursor is in the order: its field value, score and id. */
  private final class Cursor {
    private final long value;
    private final float score;
    private final BytesRef id;
    /** Per segment, twice the id's ordinal if the segment has it, else one less than twice where it would be. */
    private final long[] idPlaces;

    Cursor(FieldDoc after) {
      this.value = order.value(after);
      this.score = order.score(after);
      this.id = order.id(after);
      this.idPlaces = new long[leaves.size()];
      java.util.Arrays.fill(idPlaces, Long.MIN_VALUE);
    }

    /** Whether the cursor sorts before candidate {@code i}. */
    boolean before(int i) throws IOException {
      int c = order.compare(value, score, values == null ? 0L : values[i], scores[i]);
      if (c != 0) {
        return c < 0;
      }
      int leaf = leafOf(i);
      if (idPlaces[leaf] == Long.MIN_VALUE) {
        long ord = lookup(leaf).lookupTerm(id);
        idPlaces[leaf] = ord >= 0 ? 2 * ord : 2 * (-ord - 1) - 1;
      }
      return 2L * idOrds[i] > idPlaces[leaf];
    }
  }

  /** One segment's doc ids, read in increasing doc order; the last read kept. */
  private static final class Segment {
    private final int ord;
    private final int docBase;
    private final SortedSetDocValues ids;
    private int lastDoc = -1;
    private int lastOrd;

    Segment(LeafReaderContext context) throws IOException {
      this.ord = context.ord;
      this.docBase = context.docBase;
      this.ids = DocValues.getSortedSet(context.reader(), ArchiveSchema.ID);
    }

    int idOrd(int doc) throws IOException {
      if (doc != lastDoc) {
        if (!ids.advanceExact(doc)) {
          throw new IllegalStateException("an article has no id");
        }
        lastOrd = Math.toIntExact(ids.nextOrd());
        lastDoc = doc;
      }
      return lastOrd;
    }
  }

  /** Offers one slice's matches. */
  static final class Collector implements org.apache.lucene.search.Collector {
    private final StoryFirsts firsts;

    private Collector(StoryFirsts firsts) {
      this.firsts = firsts;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      StoryFirsts firsts = this.firsts;
      IndexColumns columns = firsts.columns;
      MatchOrder.FieldValues values = firsts.order.values(context.reader());
      Segment segment = new Segment(context);
      int ord = context.ord;
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) {
          this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
          firsts.offer(columns.story(ord, doc), doc, scorer.score(), values.value(doc), segment);
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }
}
