package org.morgue.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.EnrichedArticle;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.RecordingSink;

/**
 * A small archive (the two seed articles and the 44 Brown press reports) beside one import of
 * several megabytes, the State of the Union addresses of 1790 to 1899 run together: a text that holds
 * nearly every word. Each engine's related coverage is tested on it (RelatedBesideAGiantTextTest).
 */
public final class GiantTextArchive {
  /** The giant text's id. */
  public static final String GIANT = "addresses-1790-1899";
  /** The shipped corpus, a sibling of every module that runs these tests. */
  private static final Path CORPUS = Path.of("..", "corpus", "articles");

  private GiantTextArchive() {}

  /** The 46 small articles, then the giant, enriched as the standard enricher does. */
  public static List<EnrichedArticle> articles() throws IOException {
    ArticleFiles files = ArticleFiles.standard();
    RecordingSink sink = new RecordingSink();
    for (String name : List.of("seed-articles/trump-escalates-venezuela-crackdown.txt",
        "seed-articles/us-military-kill-claims-raise-the-stakes.txt", "brown-press-reportage/brown-press-reportage.jsonl")) {
      files.read(CORPUS.resolve(name), sink);
    }
    List<Article> articles = new ArrayList<>(sink.articles);
    RecordingSink addresses = new RecordingSink();
    files.read(CORPUS.resolve("state-of-the-union/state-of-the-union-1790-1849.jsonl"), addresses);
    files.read(CORPUS.resolve("state-of-the-union/state-of-the-union-1850-1899.jsonl"), addresses);
    List<Block> blocks = addresses.articles.stream().flatMap(a -> a.blocks().stream()).toList();
    Article giant = new Article(GIANT, "State of the Union addresses, 1790-1899", blocks, Optional.empty(), "an import",
        Optional.empty(), List.of(), "test");
    assertTrue(giant.textLength() > 4_000_000, "a text of megabytes: " + giant.textLength());
    articles.add(giant);
    ArticleEnricher enricher = ArticleEnricher.standard();
    return articles.stream().map(enricher::enrich).toList();
  }

  /** The related list of an article, as ids: what an engine answers. */
  @FunctionalInterface
  public interface RelatedIds {
    List<String> of(String id) throws IOException;
  }

  /**
   * Fails unless no small article's related list is led by the giant, and the giant is among the first
   * five of at most three of them.
   */
  public static void assertTheGiantLeadsNoList(List<String> small, RelatedIds related) throws IOException {
    assertEquals(46, small.size());
    List<String> ledByTheGiant = new ArrayList<>();
    int inTopFive = 0;
    for (String id : small) {
      List<String> list = related.of(id);
      if (list.getFirst().equals(GIANT)) {
        ledByTheGiant.add(id);
      }
      inTopFive += list.contains(GIANT) ? 1 : 0;
    }
    assertEquals(List.of(), ledByTheGiant, "lists the giant text leads");
    assertTrue(inTopFive <= 3, "the giant text is among the first five of " + inTopFive + " of 46 lists");
  }
}
