package org.morgue.engine.lucene.search;

import org.morgue.indexer.TestFiles;

import org.morgue.search.SearchHit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.indexer.SeedArticles;
import org.morgue.article.Article;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.RecordingSink;

/** Related coverage: the other seed article on Venezuela ranks above Reuters and Brown wire copy. */
class RelatedArticlesTest {
  @TempDir static Path tmp;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void indexSeedAndWireArticles() throws Exception {
    RecordingSink sink = new RecordingSink();
    ArticleFiles files = ArticleFiles.standard();
    for (String name : List.of("formats/reuters/reut2-sample.sgm", "formats/brown/ca01", "jsonl/articles.jsonl")) {
      files.read(resource(name), sink);
    }
    List<Article> articles = sink.articles;
    articles.add(SeedArticles.article(SeedArticles.CRACKDOWN));
    articles.add(SeedArticles.article(SeedArticles.KILL_CLAIMS));
    ArticleEnricher enricher = ArticleEnricher.standard();
    Path index = tmp.resolve("index");
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      for (int i = 0; i < articles.size(); i++) {
        writer.put(enricher.enrich(articles.get(i)), "f" + i);
      }
      writer.commit(Map.of());
    }
    searcher = ArchiveSearcher.open(index);
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  private static Path resource(String name) throws URISyntaxException {
    return TestFiles.path("/" + name);
  }

  @Test
  void theOtherVenezuelaStoryIsMostRelated() throws Exception {
    List<SearchHit> related = searcher.related(SeedArticles.CRACKDOWN, 5).orElseThrow();
    assertFalse(related.isEmpty());
    assertEquals(SeedArticles.KILL_CLAIMS, related.get(0).article().article().id());
  }

  @Test
  void theArticleItselfIsNeverListed() throws Exception {
    List<SearchHit> related = searcher.related(SeedArticles.CRACKDOWN, ArchiveSearcher.MAX_RELATED).orElseThrow();
    assertTrue(related.stream().noneMatch(hit -> hit.article().article().id().equals(SeedArticles.CRACKDOWN)));
    assertTrue(related.size() <= ArchiveSearcher.MAX_RELATED);
  }

  @Test
  void sizeBoundsTheList() throws Exception {
    assertEquals(1, searcher.related(SeedArticles.CRACKDOWN, 1).orElseThrow().size());
    assertEquals(List.of(), searcher.related(SeedArticles.CRACKDOWN, 0).orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> searcher.related(SeedArticles.CRACKDOWN, 21));
  }

  @Test
  void anUnknownArticleHasNoAnswer() throws Exception {
    assertTrue(searcher.related("no-such-article", 5).isEmpty());
  }
}
