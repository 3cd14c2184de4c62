package org.morgue.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.engine.lucene.search.ArchiveQueryParser;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.search.SearchRequest;
import org.morgue.search.SortOrder;

/**
 * Times the query mix in process, through Morgue's {@link ArchiveSearcher} and through plain
 * Lucene on the same index with the same parsed queries: Lucene's top-10 search, its own
 * sorted-set facet counting (the implementation Morgue's schema uses) and its UnifiedHighlighter
 * are the references.
 */
final class SearchBenchmark implements AutoCloseable {
  static final String LUCENE_TOP10 = "Lucene top-10";
  static final String LUCENE_FACETS = "Lucene top-10 + facet counts";
  static final String LUCENE_HIGHLIGHT = "Lucene top-10 + highlight";
  static final String MORGUE_COUNTS = "Morgue, facets + timeline, no hits";
  static final String MORGUE_PAGE = "Morgue, 10 highlighted hits + facets + timeline";
  private static final int HITS = 10;
  private static final int FACET_VALUES = 10;
  private static final int PASSAGES = 2;

  private final ArchiveSearcher morgue;
  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher lucene;
  private final SortedSetDocValuesReaderState facetState;
  private final Analyzer analyzer = ArchiveSchema.analyzer();
  private final LatencyLoop loop;

  private SearchBenchmark(ArchiveSearcher morgue, FSDirectory directory, List<BenchQuery> queries, Timing timing)
      throws IOException {
    this.morgue = morgue;
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.lucene = new IndexSearcher(reader);
    this.facetState = new DefaultSortedSetDocValuesReaderState(reader, ArchiveSchema.facetsConfig());
    this.loop = new LatencyLoop(queries, timing);
  }

  /** Opens a searcher over the index for Morgue, and a plain reader over it for Lucene. */
  static SearchBenchmark open(ArchiveSearcher morgue, Path index, List<BenchQuery> queries, Timing timing)
      throws IOException {
    FSDirectory directory = FSDirectory.open(index);
    try {
      return new SearchBenchmark(morgue, directory, queries, timing);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Every way of searching, in the order they are run and reported, by name. */
  Map<String, Map<String, Latencies>> measureAll() throws Exception {
    Map<String, Map<String, Latencies>> results = new LinkedHashMap<>();
    System.out.println("searching: " + LUCENE_TOP10 + " ...");
    results.put(LUCENE_TOP10, loop.measure(query -> lucene.search(parse(query), HITS)));
    System.out.println("searching: " + LUCENE_FACETS + " ...");
    results.put(LUCENE_FACETS, loop.measure(this::luceneFacets));
    System.out.println("searching: " + LUCENE_HIGHLIGHT + " ...");
    results.put(LUCENE_HIGHLIGHT, loop.measure(this::luceneHighlight));
    System.out.println("searching: " + MORGUE_COUNTS + " ...");
    results.put(MORGUE_COUNTS, loop.measure(query -> morgue.search(request(query, 0))));
    System.out.println("searching: " + MORGUE_PAGE + " ...");
    results.put(MORGUE_PAGE, loop.measure(query -> morgue.search(request(query, HITS))));
    return results;
  }

  /** Morgue's search for a query as the page asks it: no filters, by relevance, ten values per facet. */
  static SearchRequest request(BenchQuery query, int size) {
    return new SearchRequest(query.text(), Map.of(), Optional.empty(), Optional.empty(), SortOrder.RELEVANCE, size,
        FACET_VALUES);
  }

  private Object luceneFacets(BenchQuery query) throws Exception {
    FacetsCollectorManager.FacetsResult result =
        FacetsCollectorManager.search(lucene, parse(query), HITS, new FacetsCollectorManager());
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(facetState, result.facetsCollector());
    int values = 0;
    for (String dim : ArchiveSchema.FACETS) {
      var top = counts.getTopChildren(FACET_VALUES, dim);
      values += top == null ? 0 : top.labelValues.length;
    }
    return values;
  }

  private Object luceneHighlight(BenchQuery query) throws Exception {
    Query parsed = parse(query);
    TopDocs top = lucene.search(parsed, HITS);
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(lucene, analyzer).build();
    return highlighter.highlight(ArchiveSchema.BODY, parsed, top, PASSAGES);
  }

  /** Exactly the query Morgue runs for the text, parsed by Morgue's parser. */
  private static Query parse(BenchQuery query) throws Exception {
    return query.text().isBlank() ? MatchAllDocsQuery.INSTANCE : new ArchiveQueryParser().parseRanked(query.text());
  }

  @Override
  public void close() throws IOException {
    try (directory) {
      reader.close();
    }
  }
}
