package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.morgue.engine.lucene.index.ArchiveSchema;

/**
 * Lucene's UnifiedHighlighter over a page of hits whose bodies the searcher has already read with the
 * rest of each hit: the stock one reads every body from stored fields a second time.
 */
final class HitHighlighter extends UnifiedHighlighter {
  private final Map<Integer, String> bodies;

  /**
   * @param fieldInfos the searcher's merged field infos, which the stock highlighter would merge again
   *     for every page of hits
   * @param bodies the body of every hit to highlight, by Lucene doc id
   */
  HitHighlighter(Builder builder, FieldInfos fieldInfos, Map<Integer, String> bodies) {
    super(builder);
    this.fieldInfos = fieldInfos;
    this.bodies = Map.copyOf(bodies);
  }

  /**
   * The formatter's snippet for each doc's body, in the order given (null where there is no passage):
   * the objects the formatter made, where {@code highlight} would turn them into strings.
   */
  Object[] highlightBodies(Query query, int[] docs, int maxPassages) throws IOException {
    return highlightFieldsAsObjects(new String[] {ArchiveSchema.BODY}, query, docs, new int[] {maxPassages})
        .get(ArchiveSchema.BODY);
  }

  @Override
  protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
      throws IOException {
    List<CharSequence[]> values = new ArrayList<>();
    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
      CharSequence[] docValues = new CharSequence[fields.length];
      for (int i = 0; i < fields.length; i++) {
        if (!fields[i].equals(ArchiveSchema.BODY)) {
          throw new IllegalArgumentException("only the body is read ahead, not " + fields[i]);
        }
        String body = bodies.get(doc);
        if (body == null) {
          throw new IllegalStateException("doc " + doc + " was not read before highlighting");
        }
        docValues[i] = body;
      }
      values.add(docValues);
    }
    return values;
  }
}
