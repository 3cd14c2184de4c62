package org.morgue.engine.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.morgue.indexer.GiantTextArchive.GIANT;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.EnrichedArticle;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.GiantTextArchive;
import org.morgue.indexer.SeedArticles;
import org.morgue.search.SearchHit;

/**
 * Related coverage in a small archive beside one import of several megabytes ({@link
 * GiantTextArchive}): a text that holds nearly every word. Before related coverage weighed length, it
 * led 13 of the 46 lists.
 */
class RelatedBesideAGiantTextTest {
  @TempDir static Path tmp;
  static ArchiveSearcher searcher;
  static List<String> small = new ArrayList<>();

  @BeforeAll
  static void indexTheSmallArchiveAndTheGiant() throws Exception {
    List<EnrichedArticle> articles = GiantTextArchive.articles();
    Path index = tmp.resolve("index");
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      for (int i = 0; i < articles.size(); i++) {
        writer.put(articles.get(i), "f" + i);
      }
      writer.commit(Map.of());
    }
    articles.stream().map(article -> article.article().id()).filter(id -> !id.equals(GIANT)).forEach(small::add);
    searcher = ArchiveSearcher.open(index);
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  @Test
  void theGiantTextLeadsNoSmallArticlesList() throws Exception {
    GiantTextArchive.assertTheGiantLeadsNoList(small,
        id -> searcher.related(id, 5).orElseThrow().stream().map(RelatedBesideAGiantTextTest::id).toList());
  }

  @Test
  void theSeedArticlesStillFindEachOtherFirst() throws Exception {
    assertEquals(SeedArticles.KILL_CLAIMS, id(searcher.related(SeedArticles.CRACKDOWN, 5).orElseThrow().getFirst()));
    assertEquals(SeedArticles.CRACKDOWN, id(searcher.related(SeedArticles.KILL_CLAIMS, 5).orElseThrow().getFirst()));
  }

  @Test
  void theGiantTextsOwnListIsStillMadeOfItsLikeliestArticles() throws Exception {
    assertEquals(5, searcher.related(GIANT, 5).orElseThrow().size());
  }

  private static String id(SearchHit hit) {
    return hit.article().article().id();
  }
}
