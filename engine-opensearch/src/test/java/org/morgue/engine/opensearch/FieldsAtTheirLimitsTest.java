package org.morgue.engine.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;
import org.morgue.article.FieldLengths;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.search.Facet;
import org.morgue.search.SearchEngine;
import org.morgue.search.SearchRequest;
import org.morgue.search.SortOrder;

/**
 * An article whose id, source and author are as long as {@link FieldLengths} lets them be, in the
 * widest characters (4 bytes of UTF-8 each), is written to a cluster and found by its id and its
 * source: the limits keep the document id within OpenSearch's 512 bytes (an id of 8,000 such
 * characters, which the embedded engine took, was a 400 from the cluster) and every keyword under its
 * 32,766, as the server's OverLongFieldsTest shows for the embedded engine.
 */
class FieldsAtTheirLimitsTest {
  /** A newspaper emoji: one character, two Java chars, four bytes of UTF-8. */
  private static final String WIDE = "\uD83D\uDCF0";

  @Test
  void anArticleAtEveryLimitIsWrittenAndFoundByItsIdAndSource() throws Exception {
    String id = WIDE.repeat(FieldLengths.MAX_ID_BYTES / 4);
    String source = WIDE.repeat(FieldLengths.MAX_SOURCE);
    assertEquals(FieldLengths.MAX_ID_BYTES, id.getBytes(StandardCharsets.UTF_8).length, "the document id's bound");
    Article article = new Article(id, "Harbour tariffs",
        List.of(new Block(BlockKind.PARAGRAPH, "The harbour authority announced new tariffs on Tuesday.")),
        Optional.empty(), source, Optional.of("https://example.org/" + "u".repeat(FieldLengths.MAX_URL - 20)),
        List.of(WIDE.repeat(FieldLengths.MAX_AUTHOR)), "test");
    ArchiveIndex archive = TestCluster.newArchive("at-limits", EngineParityTest.WITHOUT_REPLICAS);
    try (OpenSearchStore store = OpenSearchStore.open(archive)) {
      store.put(ArticleEnricher.standard().enrich(article), "f1");
      store.commit(Map.of());
    }
    try (SearchEngine engine = OpenSearchEngine.open(archive)) {
      assertEquals(source, engine.article(id).orElseThrow().article().source());
      SearchRequest fromSource = new SearchRequest("", Map.of(Facet.SOURCE.id(), List.of(source)), Optional.empty(),
          Optional.empty(), SortOrder.NEWEST, 10, 0);
      assertEquals(1, engine.search(fromSource).total());
    }
  }
}
