package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * Keeps each segment's {@link SegmentColumns} for as long as the segment is open, so a refresh
 * after a live update reads only the new segments, not the whole index again.
 */
final class SegmentColumnsCache {
  private final String field;
  private final Map<IndexReader.CacheKey, SegmentColumns> segments = new ConcurrentHashMap<>();

  /** A cache of the columns of segments whose facets are in the sorted-set doc values field {@code field}. */
  SegmentColumnsCache(String field) {
    this.field = field;
  }

  /** The segment's columns, read on first use. */
  SegmentColumns of(LeafReader segment) throws IOException {
    IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
    if (helper == null) {
      // A reader that cannot say when it closes is not cached: it would never be let go.
      return SegmentColumns.read(segment, field);
    }
    IndexReader.CacheKey key = helper.getKey();
    SegmentColumns cached = segments.get(key);
    if (cached != null) {
      return cached;
    }
    try {
      return segments.computeIfAbsent(key, k -> {
        helper.addClosedListener(segments::remove);
        try {
          return SegmentColumns.read(segment, field);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Heap held by every cached segment. */
  long bytes() {
    return segments.values().stream().mapToLong(SegmentColumns::bytes).sum();
  }
}
