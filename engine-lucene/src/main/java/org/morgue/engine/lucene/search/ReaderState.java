package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Sort;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.DatedSeries;
import org.morgue.search.DayCounts;

/**
 * What searches read from one index reader and keep until the reader changes: the facet and story
 * ordinals and the columns held in memory, the merged field infos, the range of publication days and,
 * counted on first use, the whole archive's facet, day and story counts, each story's first article
 * in each sort (what browsing everything grouped by story lists), the name suggestions and the
 * actors' types.
 *
 * <p>Invariant: everything here was read from {@link #reader()} and is only ever combined with a
 * searcher over that same reader (ordinals and doc ids mean nothing in another reader).
 *
 * <p>Cost: building one reads the ordinals of the segments new since the last reader (the others
 * come from the columns cache) and merges every segment's field infos, which costs more than
 * highlighting a hit, hence once per reader; the publication range comes from the points' bounds,
 * nothing is read per document. The whole-archive counts are one pass over every article the first
 * time they are asked for, then free until the reader changes; the stories' first articles one
 * grouping pass over every article per sort the first time that sort browses everything (see {@link
 * StoryFirsts}), then kept as one bit per article per sort; the suggestions one walk over the
 * facet ordinals the first time; an actor's type a few term lookups the first time a search narrowed
 * by actor type lists it. Thread-safe.
 */
final class ReaderState {
  private final IndexReader reader;
  private final IndexColumns columns;
  private final FieldInfos fieldInfos;
  private final DayCounts.DayRange days;
  private final Object wholeArchiveLock = new Object();
  private MatchCounts wholeArchive; // guarded by wholeArchiveLock
  private DatedSeries wholeArchiveDays; // guarded by wholeArchiveLock
  private long wholeArchiveStories; // guarded by wholeArchiveLock
  private final Map<Sort, DocSetQuery> wholeArchiveFirsts = new HashMap<>(); // guarded by wholeArchiveLock
  private SuggestionList suggestions; // guarded by this
  private final ActorTypeLookup actorTypes;

  private ReaderState(IndexReader reader, IndexColumns columns, FieldInfos fieldInfos, DayCounts.DayRange days) {
    this.reader = reader;
    this.actorTypes = new ActorTypeLookup(reader);
    this.columns = columns;
    this.fieldInfos = fieldInfos;
    this.days = days;
  }

  /** Reads a reader's state; {@code segmentSearchers} (null for none) read new segments' columns side by side. */
  static ReaderState read(IndexReader reader, FacetsConfig facets, SegmentColumnsCache columnsCache,
      ExecutorService segmentSearchers) throws IOException {
    IndexColumns columns = IndexColumns.of(new DefaultSortedSetDocValuesReaderState(reader, facets), columnsCache,
        segmentSearchers);
    return new ReaderState(reader, columns, FieldInfos.getMergedFieldInfos(reader), readDayRange(reader));
  }

  /** The reader all of this was read from. */
  IndexReader reader() {
    return reader;
  }

  /** The facet ordinals' columns held in memory. */
  IndexColumns columns() {
    return columns;
  }

  /** The facet ordinals' labels and ranges by dimension. */
  SortedSetDocValuesReaderState facets() {
    return columns.state();
  }

  /** The type the archive gives each actor name, read per name on first use. */
  ActorTypeLookup actorTypes() {
    return actorTypes;
  }

  /** Every segment's field infos merged, which the highlighter would otherwise merge for every page. */
  FieldInfos fieldInfos() {
    return fieldInfos;
  }

  /** The first and last publication day in the index. */
  DayCounts.DayRange days() {
    return days;
  }

  /**
   * Facet and day counts over the whole archive, counted on first use: browsing everything, the page
   * most visits start with, then costs what its page of hits costs.
   */
  MatchCounts wholeArchiveCounts(IndexSearcher searcher) throws IOException {
    synchronized (wholeArchiveLock) {
      if (wholeArchive == null) {
        Object[] counted = searcher.search(MatchAllDocsQuery.INSTANCE, new MultiCollectorManager(
            new MatchCountsCollectorManager(columns, days), new StoryCountCollectorManager(columns)));
        wholeArchiveStories = (Long) counted[1];
        wholeArchive = (MatchCounts) counted[0];
      }
      return wholeArchive;
    }
  }

  /** How many distinct stories the archive's articles are versions of, counted with {@link #wholeArchiveCounts}. */
  long wholeArchiveStories(IndexSearcher searcher) throws IOException {
    synchronized (wholeArchiveLock) {
      wholeArchiveCounts(searcher);
      return wholeArchiveStories;
    }
  }

  /**
   * Each story's first article in {@code sort} over the whole archive, as a query matching those
   * articles: browsing everything grouped by story searches it as it would every article.
   */
  DocSetQuery wholeArchiveFirsts(IndexSearcher searcher, Sort sort) throws IOException {
    synchronized (wholeArchiveLock) {
      DocSetQuery firsts = wholeArchiveFirsts.get(sort);
      if (firsts == null) {
        StoryFirsts found = searcher.search(MatchAllDocsQuery.INSTANCE,
            StoryFirsts.manager(reader, columns, MatchOrder.of(sort)));
        firsts = new DocSetQuery(reader, found.docsBySegment());
        wholeArchiveFirsts.put(sort, firsts);
      }
      return firsts;
    }
  }

  /** Every article's publication days, oldest first, for the timeline's archive counts: sorted once per reader. */
  DatedSeries wholeArchiveDays(IndexSearcher searcher) throws IOException {
    synchronized (wholeArchiveLock) {
      if (wholeArchiveDays == null) {
        wholeArchiveDays = wholeArchiveCounts(searcher).days().allSeries();
      }
      return wholeArchiveDays;
    }
  }

  /** Actor, theme and source names by frequency over the whole index, for completions. */
  synchronized SuggestionList suggestions() throws IOException {
    if (suggestions == null) {
      suggestions = SuggestionList.build(facets(), reader);
    }
    return suggestions;
  }

  private static DayCounts.DayRange readDayRange(IndexReader reader) throws IOException {
    byte[] first = PointValues.getMinPackedValue(reader, ArchiveSchema.PUBLISHED);
    byte[] last = PointValues.getMaxPackedValue(reader, ArchiveSchema.PUBLISHED);
    if (first == null || last == null) {
      return DayCounts.DayRange.NONE;
    }
    return new DayCounts.DayRange(LongPoint.decodeDimension(first, 0), LongPoint.decodeDimension(last, 0));
  }
}
