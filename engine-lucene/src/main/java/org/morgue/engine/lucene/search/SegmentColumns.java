package org.morgue.engine.lucene.search;

import org.morgue.search.DayCounts;
import org.morgue.search.TimelineCounts;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.morgue.article.DatePrecision;
import org.morgue.article.HedgeLevel;
import org.morgue.article.PublishedOrder;
import org.morgue.engine.lucene.index.ArchiveSchema;

/**
 * What every search counts for each match, read from one segment's doc values into arrays: the
 * facet ordinals (where each document's start, and the ordinals), the publication day and the story
 * (its ordinal among the segment's story ids). Counting a match is then a few array reads, where the
 * doc values cost a decode per value; on a million articles with fourteen facet values each that
 * was most of a faceted search.
 *
 * <p>Segments never change once written, so one copy serves every reader that shares the segment;
 * deletions need no care because the matches counted never include a deleted article.
 */
final class SegmentColumns {
  /** The day of an article without a publication date. */
  static final int NO_DAY = Integer.MIN_VALUE;
  /** The hedging level of an article hedged at level low, or with no level. */
  static final byte HEDGED_LOW = 0;
  /** The hedging level of an article hedged at level medium. */
  static final byte HEDGED_MEDIUM = 1;
  /** The hedging level of an article hedged at level high. */
  static final byte HEDGED_HIGH = 2;

  private static final DatePrecision[] PRECISIONS = DatePrecision.values();

  private final int[] starts;
  private final int[] ordinals;
  private final int valueCount;
  private final int[] days;
  /** Each document's date precision, as {@link DatePrecision#ordinal()}: a byte per article. */
  private final byte[] precisions;
  /** Each document's hedging level, {@link #HEDGED_LOW} to {@link #HEDGED_HIGH}: a byte per article. */
  private final byte[] hedges;
  /** Each document's story, as the ordinal of its story id among the segment's. */
  private final int[] stories;
  private final int storyCount;

  private SegmentColumns(int[] starts, int[] ordinals, int valueCount, int[] days, byte[] precisions, byte[] hedges,
      int[] stories, int storyCount) {
    this.starts = starts;
    this.ordinals = ordinals;
    this.valueCount = valueCount;
    this.days = days;
    this.precisions = precisions;
    this.hedges = hedges;
    this.stories = stories;
    this.storyCount = storyCount;
  }

  /**
   * Reads every document's ordinals of the facet field {@code field}, its publication day, its
   * hedging level (taken from the ordinals while they are read) and its story.
   *
   * @throws IllegalStateException when an article has no story id (an index written before stories)
   */
  static SegmentColumns read(LeafReader segment, String field) throws IOException {
    SortedSetDocValues lookup = DocValues.getSortedSet(segment, field);
    long mediumOrd = lookup.lookupTerm(new BytesRef(
        FacetsConfig.pathToString(ArchiveSchema.FACET_HEDGING, new String[] {HedgeLevel.MEDIUM.id()})));
    long highOrd = lookup.lookupTerm(new BytesRef(
        FacetsConfig.pathToString(ArchiveSchema.FACET_HEDGING, new String[] {HedgeLevel.HIGH.id()})));
    SortedSetDocValues values = DocValues.getSortedSet(segment, field);
    int maxDoc = segment.maxDoc();
    byte[] hedges = new byte[maxDoc];
    int[] starts = new int[maxDoc + 1];
    int[] ordinals = new int[Math.max(16, maxDoc * 8)];
    int size = 0;
    int next = 0;
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      // Documents without facets (none in practice) start and end where the next one starts.
      while (next <= doc) {
        starts[next++] = size;
      }
      int count = values.docValueCount();
      if (size + count > ordinals.length) {
        ordinals = ArrayUtil.grow(ordinals, size + count);
      }
      for (int i = 0; i < count; i++) {
        long ord = values.nextOrd();
        if (ord == highOrd) {
          hedges[doc] = HEDGED_HIGH;
        } else if (ord == mediumOrd) {
          hedges[doc] = HEDGED_MEDIUM;
        }
        ordinals[size++] = Math.toIntExact(ord);
      }
    }
    while (next <= maxDoc) {
      starts[next++] = size;
    }
    int[] days = new int[maxDoc];
    java.util.Arrays.fill(days, NO_DAY);
    NumericDocValues published = DocValues.getNumeric(segment, ArchiveSchema.PUBLISHED_ORDER);
    for (int doc = published.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = published.nextDoc()) {
      days[doc] = Math.toIntExact(PublishedOrder.day(published.longValue()));
    }
    // Absent for an article dated to the day, as most are.
    byte[] precisions = new byte[maxDoc];
    NumericDocValues precision = DocValues.getNumeric(segment, ArchiveSchema.PUBLISHED_PRECISION);
    for (int doc = precision.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = precision.nextDoc()) {
      precisions[doc] = (byte) precision.longValue();
    }
    SortedDocValues storyIds = DocValues.getSorted(segment, ArchiveSchema.STORY);
    int[] stories = new int[maxDoc];
    int withStory = 0;
    for (int doc = storyIds.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = storyIds.nextDoc()) {
      stories[doc] = storyIds.ordValue();
      withStory++;
    }
    if (withStory != maxDoc) {
      throw new IllegalStateException("an article has no story id: the index predates stories; index it again");
    }
    return new SegmentColumns(starts, ArrayUtil.copyOfSubArray(ordinals, 0, size),
        Math.toIntExact(values.getValueCount()), days, precisions, hedges, stories, storyIds.getValueCount());
  }

  /** How many distinct facet values the segment has: its ordinals run from 0 to this, exclusive. */
  int valueCount() {
    return valueCount;
  }

  /** Adds one to {@code counts[ordinal]} for each of the document's facet ordinals. */
  void countOrdinals(int doc, int[] counts) {
    int end = starts[doc + 1];
    for (int i = starts[doc]; i < end; i++) {
      counts[ordinals[i]]++;
    }
  }

  /** Adds {@code weight} to {@code weights[ordinal]} for each of the document's facet ordinals. */
  void addWeight(int doc, double weight, double[] weights) {
    int end = starts[doc + 1];
    for (int i = starts[doc]; i < end; i++) {
      weights[ordinals[i]] += weight;
    }
  }

  /**
   * Counts the facet ordinals and days of a batch of documents. A match's values are in memory no
   * cache holds, so each document costs a few waits on memory; read one document at a time, the
   * waits follow one another, but a batch's loads are independent, so the processor overlaps them:
   * first every document's range and day, then the first ordinal of each, then the counting.
   *
   * @param docs the documents, in {@code docs[0..size)}
   * @param ends scratch space as long as {@code docs}
   */
  void countBatch(int[] docs, int[] ends, int size, int[] counts, TimelineCounts dayCounts) {
    int[] starts = this.starts;
    int[] ordinals = this.ordinals;
    int[] days = this.days;
    for (int i = 0; i < size; i++) {
      int doc = docs[i];
      int day = days[doc];
      if (day != NO_DAY) {
        byte hedge = hedges[doc];
        dayCounts.add(day, PRECISIONS[precisions[doc]], hedge == HEDGED_MEDIUM, hedge == HEDGED_HIGH);
      }
      ends[i] = starts[doc + 1];
      docs[i] = starts[doc];
    }
    int touched = 0;
    for (int i = 0; i < size; i++) {
      if (docs[i] < ends[i]) {
        touched += ordinals[docs[i]];
      }
    }
    this.touched = touched;
    for (int i = 0; i < size; i++) {
      for (int at = docs[i], end = ends[i]; at < end; at++) {
        counts[ordinals[at]]++;
      }
    }
  }

  /** Keeps the loads that bring a batch's ordinals into the cache from being optimised away. */
  @SuppressWarnings("unused")
  private int touched;

  /** The document's publication day (days since 1970-01-01), or {@link #NO_DAY}. */
  int day(int doc) {
    return days[doc];
  }

  /**
   * Adds one to {@code counts[toGlobal[ordinal]]} for every ordinal of every document {@code docs}
   * lists; {@code toGlobal} is null where segment and index ordinals are the same.
   */
  void countOrdinals(DocIdSetIterator docs, int[] toGlobal, int[] counts) throws IOException {
    if (toGlobal == null) {
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        countOrdinals(doc, counts);
      }
      return;
    }
    int[] segmentCounts = new int[valueCount];
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      countOrdinals(doc, segmentCounts);
    }
    addMapped(segmentCounts, toGlobal, counts);
  }

  /** Adds counts kept by segment ordinals to counts kept by the index's. */
  static void addMapped(int[] segmentCounts, int[] toGlobal, int[] counts) {
    if (toGlobal == null) {
      for (int ord = 0; ord < segmentCounts.length; ord++) {
        counts[ord] += segmentCounts[ord];
      }
      return;
    }
    for (int ord = 0; ord < segmentCounts.length; ord++) {
      counts[toGlobal[ord]] += segmentCounts[ord];
    }
  }

  /** Adds sums kept by segment ordinals to sums kept by the index's, as {@link #addMapped(int[], int[], int[])} does counts. */
  static void addMapped(double[] segmentSums, int[] toGlobal, double[] sums) {
    for (int ord = 0; ord < segmentSums.length; ord++) {
      sums[toGlobal == null ? ord : toGlobal[ord]] += segmentSums[ord];
    }
  }

  /** The document's hedging level, {@link #HEDGED_LOW} to {@link #HEDGED_HIGH}. */
  byte hedge(int doc) {
    return hedges[doc];
  }

  /** How much of the document's publication date its source gave. */
  DatePrecision precision(int doc) {
    return PRECISIONS[precisions[doc]];
  }

  /** The document's story: the ordinal of its story id among the segment's. */
  int story(int doc) {
    return stories[doc];
  }

  /** How many distinct story ids the segment has: its story ordinals run from 0 to this, exclusive. */
  int storyCount() {
    return storyCount;
  }

  /** Heap used. */
  long bytes() {
    return 4L * (starts.length + ordinals.length + days.length + stories.length) + hedges.length + precisions.length;
  }
}
