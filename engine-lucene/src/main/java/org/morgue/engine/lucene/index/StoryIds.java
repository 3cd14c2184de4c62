package org.morgue.engine.lucene.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;

/** Reads the story id an article's document is filed under, from its {@link ArchiveSchema#STORY} doc value. */
public final class StoryIds {
  private StoryIds() {}

  /** The story id of a document of the reader (a top-level doc id). */
  public static String of(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues stories = DocValues.getSorted(leaf.reader(), ArchiveSchema.STORY);
    if (!stories.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("an article has no story id: the index predates stories");
    }
    return stories.lookupOrd(stories.ordValue()).utf8ToString();
  }
}
