package org.morgue.engine.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.morgue.indexer.GiantTextArchive.GIANT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.morgue.article.EnrichedArticle;
import org.morgue.indexer.GiantTextArchive;
import org.morgue.indexer.SeedArticles;
import org.morgue.search.SearchEngine;

/**
 * The embedded engine's RelatedBesideAGiantTextTest on a cluster ({@link GiantTextArchive}). Without
 * the length weight the cluster's more_like_this let the giant text lead 8 of the 46 lists.
 */
class RelatedBesideAGiantTextTest {
  static SearchEngine engine;
  static List<String> small = new ArrayList<>();

  @BeforeAll
  static void indexTheSmallArchiveAndTheGiant() throws Exception {
    List<EnrichedArticle> articles = GiantTextArchive.articles();
    ArchiveIndex archive = TestCluster.newArchive("related-giant", EngineParityTest.WITHOUT_REPLICAS);
    try (OpenSearchStore store = OpenSearchStore.open(archive)) {
      for (int i = 0; i < articles.size(); i++) {
        store.put(articles.get(i), "f" + i);
      }
      store.commit(Map.of());
    }
    articles.stream().map(article -> article.article().id()).filter(id -> !id.equals(GIANT)).forEach(small::add);
    engine = OpenSearchEngine.open(archive);
  }

  @AfterAll
  static void close() throws Exception {
    engine.close();
  }

  @Test
  void theGiantTextLeadsNoSmallArticlesList() throws Exception {
    GiantTextArchive.assertTheGiantLeadsNoList(small,
        id -> engine.related(id, 5).orElseThrow().stream().map(hit -> hit.article().article().id()).toList());
    assertEquals(SeedArticles.KILL_CLAIMS, engine.related(SeedArticles.CRACKDOWN, 5).orElseThrow().getFirst().article().article().id());
  }
}
