package org.morgue.engine.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.RecordingSink;
import org.morgue.search.SearchEngine;

/**
 * The embedded engine's RelatedBesideAGiantTextTest on a cluster: the two seed articles and the 44
 * Brown press reports beside the State of the Union addresses of 1790 to 1899 as one import. Without
 * the length weight the cluster's more_like_this let that text lead 8 of the 46 lists.
 */
class RelatedBesideAGiantTextTest {
  static final Path CORPUS = Path.of("..", "corpus", "articles");
  static final String GIANT = "addresses-1790-1899";
  static SearchEngine engine;
  static List<String> small = new ArrayList<>();

  @BeforeAll
  static void indexTheSmallArchiveAndTheGiant() throws Exception {
    ArticleFiles files = ArticleFiles.standard();
    RecordingSink sink = new RecordingSink();
    for (String name : List.of("seed-articles/trump-escalates-venezuela-crackdown.txt",
        "seed-articles/us-military-kill-claims-raise-the-stakes.txt", "brown-press-reportage/brown-press-reportage.jsonl")) {
      files.read(CORPUS.resolve(name), sink);
    }
    List<Article> articles = new ArrayList<>(sink.articles);
    articles.stream().map(Article::id).forEach(small::add);
    RecordingSink addresses = new RecordingSink();
    files.read(CORPUS.resolve("state-of-the-union/state-of-the-union-1790-1849.jsonl"), addresses);
    files.read(CORPUS.resolve("state-of-the-union/state-of-the-union-1850-1899.jsonl"), addresses);
    List<Block> blocks = addresses.articles.stream().flatMap(a -> a.blocks().stream()).toList();
    articles.add(new Article(GIANT, "State of the Union addresses, 1790-1899", blocks, Optional.empty(), "an import",
        Optional.empty(), List.of(), "test"));
    ArchiveIndex archive = TestCluster.newArchive("related-giant", EngineParityTest.WITHOUT_REPLICAS);
    ArticleEnricher enricher = ArticleEnricher.standard();
    try (OpenSearchStore store = OpenSearchStore.open(archive)) {
      for (int i = 0; i < articles.size(); i++) {
        store.put(enricher.enrich(articles.get(i)), "f" + i);
      }
      store.commit(Map.of());
    }
    engine = OpenSearchEngine.open(archive);
  }

  @AfterAll
  static void close() throws Exception {
    engine.close();
  }

  @Test
  void theGiantTextLeadsNoSmallArticlesList() throws Exception {
    assertEquals(46, small.size());
    List<String> ledByTheGiant = new ArrayList<>();
    int inTopFive = 0;
    for (String id : small) {
      List<String> related = engine.related(id, 5).orElseThrow().stream().map(hit -> hit.article().article().id()).toList();
      if (related.getFirst().equals(GIANT)) {
        ledByTheGiant.add(id);
      }
      inTopFive += related.contains(GIANT) ? 1 : 0;
    }
    assertEquals(List.of(), ledByTheGiant, "lists the giant text leads");
    assertTrue(inTopFive <= 3, "the giant text is among the first five of " + inTopFive + " of 46 lists");
    assertEquals(SeedArticles.KILL_CLAIMS, engine.related(SeedArticles.CRACKDOWN, 5).orElseThrow().getFirst().article().article().id());
  }
}
