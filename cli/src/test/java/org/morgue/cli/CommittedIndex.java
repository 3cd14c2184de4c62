package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.morgue.article.EnrichedArticle;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.engine.lucene.search.ArchiveSearcher;

/**
 * What an index folder holds as of its last commit, read the way a fresh process would after a
 * crash: the live article ids in index order and the commit's metadata. Empty when there is no index.
 */
record CommittedIndex(List<String> ids, int numDocs, Map<String, String> commitData) {
  static CommittedIndex of(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return new CommittedIndex(List.of(), 0, Map.of());
    }
    try (Directory directory = FSDirectory.open(folder)) {
      if (!DirectoryReader.indexExists(directory)) {
        return new CommittedIndex(List.of(), 0, Map.of());
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        List<String> ids = new ArrayList<>();
        for (var leaf : reader.leaves()) {
          StoredFields stored = leaf.reader().storedFields();
          var live = leaf.reader().getLiveDocs();
          for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            if (live == null || live.get(doc)) {
              ids.add(stored.document(doc, Set.of(ArchiveSchema.ID)).get(ArchiveSchema.ID));
            }
          }
        }
        return new CommittedIndex(List.copyOf(ids), reader.numDocs(), reader.getIndexCommit().getUserData());
      }
    }
  }

  /** The distinct ids; fails when an id is in the index twice or the count disagrees with numDocs. */
  Set<String> distinctIds() {
    Set<String> distinct = new HashSet<>(ids);
    assertEquals(ids.size(), distinct.size(), "no article is in the index twice");
    assertEquals(numDocs, ids.size(), "numDocs counts every live article");
    return distinct;
  }

  /**
   * Opens the folder as the server does and reads every article back in full (stored source,
   * enrichments), failing on any that cannot be loaded or whose headline is not "Clipping number N"
   * for its file article-N.
   */
  void assertEveryArticleReadable(Path folder) throws IOException {
    if (ids.isEmpty()) {
      return;
    }
    try (ArchiveSearcher searcher = ArchiveSearcher.open(folder)) {
      assertEquals(numDocs, searcher.articleCount());
      for (String id : ids) {
        EnrichedArticle article = searcher.article(id).orElseThrow(() -> new AssertionError("cannot load " + id));
        int number = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
        assertEquals("Clipping number " + number, article.article().title(), id);
        assertTrue(!article.article().blocks().isEmpty(), id + " has its text");
      }
    }
  }
}
