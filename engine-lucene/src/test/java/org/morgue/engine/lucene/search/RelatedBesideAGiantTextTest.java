package org.morgue.engine.lucene.search;

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
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.RecordingSink;
import org.morgue.search.SearchHit;

/**
 * Related coverage in a small archive (the two seed articles and the 44 Brown press reports) beside
 * one import of several megabytes, the State of the Union addresses of 1790 to 1899 run together: a
 * text that holds nearly every word. Before related coverage weighed length, it led 13 of the 46 lists.
 */
class RelatedBesideAGiantTextTest {
  static final Path CORPUS = Path.of("..", "corpus", "articles");
  static final String GIANT = "addresses-1790-1899";
  @TempDir static Path tmp;
  static ArchiveSearcher searcher;
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
    RecordingSink addresses = new RecordingSink();
    files.read(CORPUS.resolve("state-of-the-union").resolve("state-of-the-union-1790-1849.jsonl"), addresses);
    files.read(CORPUS.resolve("state-of-the-union").resolve("state-of-the-union-1850-1899.jsonl"), addresses);
    List<Block> blocks = addresses.articles.stream().flatMap(a -> a.blocks().stream()).toList();
    Article giant = new Article(GIANT, "State of the Union addresses, 1790-1899", blocks, Optional.empty(), "an import",
        Optional.empty(), List.of(), "test");
    assertTrue(giant.textLength() > 4_000_000, "a text of megabytes: " + giant.textLength());
    articles.add(giant);
    ArticleEnricher enricher = ArticleEnricher.standard();
    Path index = tmp.resolve("index");
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      for (int i = 0; i < articles.size(); i++) {
        writer.put(enricher.enrich(articles.get(i)), "f" + i);
      }
      writer.commit(Map.of());
    }
    articles.stream().map(Article::id).filter(id -> !id.equals(GIANT)).forEach(small::add);
    searcher = ArchiveSearcher.open(index);
  }

  @AfterAll
  static void close() throws Exception {
    searcher.close();
  }

  @Test
  void theGiantTextLeadsNoSmallArticlesList() throws Exception {
    assertEquals(46, small.size());
    List<String> ledByTheGiant = new ArrayList<>();
    int inTopFive = 0;
    for (String id : small) {
      List<String> related = searcher.related(id, 5).orElseThrow().stream().map(RelatedBesideAGiantTextTest::id).toList();
      if (related.getFirst().equals(GIANT)) {
        ledByTheGiant.add(id);
      }
      inTopFive += related.contains(GIANT) ? 1 : 0;
    }
    assertEquals(List.of(), ledByTheGiant, "lists the giant text leads");
    assertTrue(inTopFive <= 3, "the giant text is among the first five of " + inTopFive + " of 46 lists");
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
