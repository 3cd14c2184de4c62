package org.morgue.engine.lucene.search;

import org.morgue.indexer.TestFiles;

import org.morgue.search.FacetCount;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.SortOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.indexer.SeedArticles;
import org.morgue.article.Article;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.RecordingSink;

/**
 * Facets counted from the ordinals held in memory agree, value for value, with Lucene's own
 * sorted-set facet counting: on an index of real Reuters, Brown and seed articles spread over several
 * segments (so segment ordinals differ from the index's), with a deleted article, with and without
 * ticked values, and after a refresh adds a segment.
 */
class FacetCountingTest {
  @TempDir static Path tmp;
  static Path index;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void indexRealArticlesInSeveralSegments() throws Exception {
    RecordingSink sink = new RecordingSink();
    ArticleFiles files = ArticleFiles.standard();
    for (String name : List.of("formats/reuters/reut2-sample.sgm", "formats/reuters/reut-00001.xml",
        "formats/reuters/reut-00002.xml", "formats/reuters/reut-00007.xml", "formats/reuters/reut-00018.xml",
        "formats/reuters/reut-00021.xml", "formats/reuters/reut-00048.xml", "formats/brown/ca01",
        "formats/rcv1/900001newsML.xml", "formats/rcv1/900002newsML.xml", "jsonl/articles.jsonl")) {
      files.read(resource(name), sink);
    }
    assertEquals(List.of(), sink.rejected);
    List<Article> articles = sink.articles;
    articles.add(SeedArticles.article(SeedArticles.CRACKDOWN));
    // Only dated articles, so a date range can match every article the way any query does.
    articles.removeIf(article -> article.published().isEmpty());
    assertTrue(articles.size() >= 12, "enough articles for several segments: " + articles.size());

    ArticleEnricher enricher = ArticleEnricher.standard();
    index = tmp.resolve("index");
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      for (int i = 0; i < articles.size(); i++) {
        // Overlapping collections, so their counts are compared with Lucene's like every other facet's.
        Set<String> collections = new TreeSet<>();
        if (i % 2 == 0) {
          collections.add("even");
        }
        if (i % 3 == 0) {
          collections.add("thirds");
        }
        writer.put(enricher.enrich(articles.get(i)), collections, "f" + i);
        // A commit every three articles leaves several small segments, each with its own ordinals.
        if (i % 3 == 2) {
          writer.commit(Map.of());
        }
      }
      writer.delete(articles.get(1).id());
      writer.commit(Map.of());
    }
    searcher = ArchiveSearcher.open(index);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  static Path resource(String name) throws URISyntaxException {
    return TestFiles.path("/" + name);
  }

  @Test
  void theIndexHasSeveralSegments() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      assertTrue(reader.leaves().size() > 1, "segments: " + reader.leaves().size());
      assertTrue(reader.numDeletedDocs() > 0 || reader.leaves().size() > 1);
    }
  }

  @Test
  void countsAgreeWithLuceneForEveryDimensionWithoutFilters() throws Exception {
    for (String query : List.of("", "oil", "president", "actor:\"united states\"", "said OR may")) {
      assertSameCounts(query, Map.of());
    }
  }

  @Test
  void sidewaysCountsAgreeWithLuceneWhenValuesAreTicked() throws Exception {
    Map<String, List<String>> filters = firstValues("");
    assertTrue(filters.size() >= 3, "the index has values in several dimensions: " + filters);
    assertTrue(filters.containsKey(ArchiveSchema.FACET_COLLECTION), "collections are ticked too: " + filters);
    for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
      assertSameCounts("", Map.of(filter.getKey(), filter.getValue()));
    }
    // Every dimension ticked at once must still match something, as it did before the quoted facet:
    // its value is one an article matching the others quotes (the facet's first is a story of its own).
    Map<String, List<String>> all = new LinkedHashMap<>(filters);
    all.remove(ArchiveSchema.FACET_QUOTED);
    List<FacetCount> quoted = searcher.search(request("said", all)).facets().get(ArchiveSchema.FACET_QUOTED);
    assertFalse(quoted.isEmpty(), "an article matching every other filter quotes someone");
    all.put(ArchiveSchema.FACET_QUOTED, List.of(quoted.get(0).value()));
    assertSameCounts("said", all);
  }

  @Test
  void aRefreshCountsTheNewSegmentToo() throws Exception {
    Path copy = tmp.resolve("refreshed");
    try (ArchiveWriter writer = ArchiveWriter.open(copy)) {
      writer.put(ArticleEnricher.standard().enrich(SeedArticles.article(SeedArticles.CRACKDOWN)), "a");
      writer.commit(Map.of());
      try (ArchiveSearcher refreshed = ArchiveSearcher.open(copy)) {
        long before = count(refreshed.search(request("", Map.of())), ArchiveSchema.FACET_ACTOR, "Venezuela");
        writer.put(ArticleEnricher.standard().enrich(SeedArticles.article(SeedArticles.KILL_CLAIMS)), "b");
        writer.commit(Map.of());
        refreshed.refresh();
        long after = count(refreshed.search(request("", Map.of())), ArchiveSchema.FACET_ACTOR, "Venezuela");
        assertEquals(1, before);
        assertEquals(2, after, "both seed articles are about Venezuela");
      }
    }
  }

  @Test
  void browsingEverythingCountsAndPagesAsAQueryMatchingEverything() throws Exception {
    for (SortOrder sort : SortOrder.values()) {
      SearchRequest everything = new SearchRequest("", Map.of(), Optional.empty(), Optional.empty(), sort, 5,
          SearchRequest.MAX_FACET_LIMIT, Optional.empty(), Optional.empty(), Map.of());
      // A date range from long before the first article matches every dated one the long way round.
      SearchRequest dated = new SearchRequest("", Map.of(), Optional.of(java.time.LocalDate.of(1, 1, 1)),
          Optional.empty(), sort, 5, SearchRequest.MAX_FACET_LIMIT, Optional.empty(), Optional.empty(), Map.of());
      SearchResult all = searcher.search(everything);
      SearchResult datedAll = searcher.search(dated);
      assertEquals(all.total(), datedAll.total(), "every test article is dated");
      assertEquals(all.timeline(), datedAll.timeline(), sort.id());
      {
        assertEquals(all.facets(), datedAll.facets(), sort.id());
        assertEquals(ids(all), ids(datedAll), sort.id());
        assertEquals(ids(searcher.search(next(everything, all))), ids(searcher.search(next(dated, datedAll))));
      }
    }
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(hit -> hit.article().article().id()).toList();
  }

  private static SearchRequest next(SearchRequest request, SearchResult result) {
    return new SearchRequest(request.query(), request.filters(), request.from(), request.to(), request.sort(),
        request.size(), request.facetLimit(), result.nextCursor(), request.interval(), request.facetPrefixes());
  }

  private static long count(SearchResult result, String dim, String value) {
    return result.facets().get(dim).stream().filter(c -> c.value().equals(value))
        .mapToLong(FacetCount::count).findFirst().orElse(0);
  }

  private static Map<String, List<String>> firstValues(String query) throws Exception {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (Map.Entry<String, List<FacetCount>> facet : searcher.search(request(query, Map.of())).facets().entrySet()) {
      if (!facet.getValue().isEmpty()) {
        filters.put(facet.getKey(), List.of(facet.getValue().get(0).value()));
      }
    }
    return filters;
  }

  /** The type most live articles give an actor, counted by Lucene's own term queries; ties to the first type. */
  private static String typeMostGiven(IndexSearcher lucene, String name) throws java.io.IOException {
    String best = null;
    int most = 0;
    for (org.morgue.article.ActorType type : org.morgue.article.ActorType.values()) {
      int count = lucene.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(
          ArchiveSchema.ACTOR_TYPED, org.morgue.search.ActorTypes.typedName(type, name))));
      if (count > most) {
        best = type.id();
        most = count;
      }
    }
    return best;
  }

  private static SearchRequest request(String query, Map<String, List<String>> filters) {
    return new SearchRequest(query, filters, Optional.empty(), Optional.empty(), SortOrder.RELEVANCE, 0,
        SearchRequest.MAX_FACET_LIMIT, Optional.empty(), Optional.empty(), Map.of());
  }

  private static void assertSameCounts(String query, Map<String, List<String>> filters) throws Exception {
    assertSameCounts(query, filters, SearchRequest.MAX_FACET_LIMIT);
    // A short list keeps Lucene's order too: the highest counts, ties in label order.
    assertSameCounts(query, filters, 3);
  }

  private static void assertSameCounts(String query, Map<String, List<String>> filters, int limit) throws Exception {
    SearchResult ours = searcher.search(new SearchRequest(query, filters, Optional.empty(), Optional.empty(),
        SortOrder.RELEVANCE, 0, limit, Optional.empty(), Optional.empty(), Map.of()));
    FacetsConfig config = ArchiveSchema.facetsConfig();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher lucene = new IndexSearcher(reader);
      Query base = query.isEmpty() ? MatchAllDocsQuery.INSTANCE : new ArchiveQueryParser().parseRanked(query);
      DrillDownQuery drillDown = new DrillDownQuery(config, base);
      filters.forEach((dim, values) -> values.forEach(value -> drillDown.add(dim, value)));
      Facets facets = new DrillSideways(lucene, config, new DefaultSortedSetDocValuesReaderState(reader, config))
          .search(drillDown, 10).facets;
      List<String> types = filters.getOrDefault(ArchiveSchema.FACET_ACTOR_TYPE, List.of());
      for (String dim : ArchiveSchema.FACETS) {
        List<String> expected = new ArrayList<>();
        if (dim.equals(ArchiveSchema.FACET_ACTOR) && !types.isEmpty()) {
          // Narrowed by type, the actors of the ticked types, each of the type most articles give it.
          FacetResult all = facets.getAllChildren(dim);
          if (all != null) {
            for (LabelAndValue value : all.labelValues) {
              if (types.contains(typeMostGiven(lucene, value.label))) {
                expected.add(value.label + "=" + value.value);
              }
            }
          }
          expected = expected.stream().sorted(java.util.Comparator
                  .comparingLong((String entry) -> -Long.parseLong(entry.substring(entry.lastIndexOf('=') + 1)))
                  .thenComparing(entry -> entry.substring(0, entry.lastIndexOf('='))))
              .limit(limit).toList();
        } else {
          FacetResult theirs = facets.getTopChildren(limit, dim);
          if (theirs != null) {
            for (LabelAndValue value : theirs.labelValues) {
              expected.add(value.label + "=" + value.value);
            }
          }
        }
        // Ticked values beyond the limit are listed after the top ones; Lucene's top list has no such tail.
        List<String> actual = ours.facets().get(dim).stream().limit(limit).map(c -> c.value() + "=" + c.count())
            .toList();
        assertEquals(expected, actual, "facet " + dim + " of '" + query + "' with " + filters);
      }
    }
  }
}
