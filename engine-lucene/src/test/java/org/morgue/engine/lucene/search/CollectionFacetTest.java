package org.morgue.engine.lucene.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.EnrichedArticle;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.SeedArticles;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.search.Facet;
import org.morgue.search.FacetCount;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.SortOrder;

/**
 * The collection facet: memberships handed to the store at write time are filtered by, counted
 * sideways like any facet, replaced whole when an article is put again, and never suggested.
 */
class CollectionFacetTest {
  static final String SOTU_1962 = "sotu-1962";
  static final String SOTU_2019 = "sotu-2019";
  static final String COLLECTION = Facet.COLLECTION.id();

  @TempDir static Path tmp;
  static Path index;
  static ArchiveWriter writer;
  static ArchiveSearcher searcher;
  static Map<String, EnrichedArticle> articles;

  @BeforeAll
  static void writeSeedAndDatedArticlesIntoCollections() throws IOException {
    ArticleEnricher enricher = ArticleEnricher.standard();
    articles = Map.of(
        SeedArticles.CRACKDOWN, enricher.enrich(SeedArticles.article(SeedArticles.CRACKDOWN)),
        SeedArticles.KILL_CLAIMS, enricher.enrich(SeedArticles.article(SeedArticles.KILL_CLAIMS)),
        SOTU_1962, enricher.enrich(ArchiveSearcherTest.dated(SOTU_1962, "State of the Union, 1962",
            LocalDate.of(1962, 1, 11), "The Congress must act on trade at once. Our economy may grow.")),
        SOTU_2019, enricher.enrich(ArchiveSearcherTest.dated(SOTU_2019, "State of the Union, 2019",
            LocalDate.of(2019, 2, 5), "We are strong. Our economy is booming and wages are rising.")));
    index = tmp.resolve("index");
    writer = ArchiveWriter.open(index);
    writer.put(articles.get(SeedArticles.CRACKDOWN), Set.of("venezuela", "reading-list"), "a");
    writer.put(articles.get(SeedArticles.KILL_CLAIMS), Set.of("venezuela"), "b");
    writer.put(articles.get(SOTU_1962), Set.of("speeches", "reading-list"), "c");
    // In no collection: it must count nowhere in the facet and match no collection filter.
    writer.put(articles.get(SOTU_2019), "d");
    writer.commit(Map.of());
    searcher = ArchiveSearcher.open(index);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
    writer.close();
  }

  @Test
  void aCollectionFilterMatchesExactlyItsMembers() throws Exception {
    assertEquals(List.of(SeedArticles.CRACKDOWN, SeedArticles.KILL_CLAIMS), ids(search("", "venezuela")));
    assertEquals(List.of(SOTU_1962, SeedArticles.CRACKDOWN), ids(search("", "reading-list")));
    assertEquals(List.of(SOTU_1962, SeedArticles.CRACKDOWN, SeedArticles.KILL_CLAIMS), ids(search("", "venezuela", "speeches")),
        "values of one facet are OR'd");
    assertEquals(List.of(SOTU_1962), ids(search("title:union", "reading-list")), "the text still narrows");
  }

  @Test
  void idsAreKeptAsGivenNotFolded() throws Exception {
    assertEquals(0, search("", "Venezuela").total(), "ids are case-sensitive keys, not names");
  }

  @Test
  void otherCollectionsAreCountedSideways() throws Exception {
    // Every collection's count over all articles, most first, ties by id; the article in none adds none.
    List<FacetCount> all = List.of(new FacetCount("reading-list", 2), new FacetCount("venezuela", 2),
        new FacetCount("speeches", 1));
    assertEquals(all, search("").facets().get(COLLECTION));
    // Ticking one still lists the others with the counts they would have if ticked instead.
    assertEquals(all, search("", "speeches").facets().get(COLLECTION));
    // Other facets count only the ticked collection's members.
    assertEquals(List.of(new FacetCount("1962", 1)), search("", "speeches").facets().get(Facet.YEAR.id()));
    // With text, sideways counts are over the text's matches.
    assertEquals(List.of(new FacetCount("venezuela", 2), new FacetCount("reading-list", 1)),
        search("venezuela", "reading-list").facets().get(COLLECTION));
  }

  @Test
  void collectionIdsAreNeverSuggested() throws Exception {
    for (String prefix : List.of("read", "venez", "speech")) {
      assertTrue(searcher.suggest(prefix, 20).stream().noneMatch(s -> s.facet().equals(COLLECTION)
              || s.value().equals("reading-list") || s.value().equals("speeches")),
          prefix + ": " + searcher.suggest(prefix, 20));
    }
  }

  @Test
  void puttingAnArticleAgainReplacesItsMemberships() throws Exception {
    Path other = tmp.resolve("replaced");
    try (ArchiveWriter replacing = ArchiveWriter.open(other)) {
      replacing.put(articles.get(SeedArticles.CRACKDOWN), Set.of("venezuela", "reading-list"), "a");
      replacing.put(articles.get(SeedArticles.KILL_CLAIMS), Set.of("venezuela"), "b");
      replacing.commit(Map.of());
      try (ArchiveSearcher replaced = ArchiveSearcher.open(other)) {
        replacing.put(articles.get(SeedArticles.CRACKDOWN), Set.of("archive-2025"), "a2");
        replacing.put(articles.get(SeedArticles.KILL_CLAIMS), "b2");
        replacing.commit(Map.of());
        replaced.refresh();
        assertEquals(List.of(new FacetCount("archive-2025", 1)),
            replaced.search(request("", Map.of())).facets().get(COLLECTION));
        assertEquals(0, replaced.search(request("", Map.of(COLLECTION, List.of("venezuela")))).total());
        assertEquals(0, replaced.search(request("", Map.of(COLLECTION, List.of("reading-list")))).total());
        assertEquals(List.of(SeedArticles.CRACKDOWN),
            ids(replaced.search(request("", Map.of(COLLECTION, List.of("archive-2025"))))));
      }
    }
  }

  @Test
  void aBlankCollectionIdIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> writer.put(articles.get(SOTU_2019), Set.of(" "), "e"));
    assertTrue(e.getMessage().contains(SOTU_2019), e.getMessage());
  }

  private static SearchResult search(String query, String... collections) throws Exception {
    return searcher.search(request(query, collections.length == 0 ? Map.of() : Map.of(COLLECTION, List.of(collections))));
  }

  private static SearchRequest request(String query, Map<String, List<String>> filters) {
    return new SearchRequest(query, filters, Optional.empty(), Optional.empty(), SortOrder.OLDEST, 20, 20,
        Optional.empty(), Optional.empty(), Map.of());
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(hit -> hit.article().article().id()).toList();
  }
}
