package org.morgue.engine.lucene.search;

import org.morgue.search.SearchEngine;

import org.morgue.search.DayCounts;
import org.morgue.search.TimelineCounts;

import org.morgue.search.FacetCount;
import org.morgue.search.FacetOrder;
import org.morgue.search.IndexStats;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.QueryInterpretation;
import org.morgue.search.SearchHit;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.Snippet;
import org.morgue.search.SortOrder;
import org.morgue.search.Suggestion;
import org.morgue.search.Timeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.morgue.article.text.SentenceSplitter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.morgue.article.ActorType;
import org.morgue.article.ArticleSummary;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.HedgeLevel;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.article.ArticleJson;

/**
 * Searches an index folder: query parsing, facet filters with drill-sideways counts, sorting,
 * snippets. Thread-safe; one instance serves every request. {@link #refresh()} picks up commits made
 * since it opened.
 */
public final class ArchiveSearcher implements SearchEngine {
  private static final int SNIPPET_PASSAGES = 2;
  private static final int SNIPPET_FALLBACK_CHARS = 240;
  private static final int SCAN_PAGE = 500;
  /** Where one block of a body ends and the next begins. */
  private static final java.util.regex.Pattern BLOCK_BREAK = java.util.regex.Pattern.compile("\\s*\\n\\s*\\n\\s*");
  /**
   * Matches a browse of everything counts before its collector may skip: the total is known without
   * counting, so it need not count at all beyond Lucene's usual threshold.
   */
  private static final int EVERYTHING_COUNT_LIMIT = 1_000;
  /** A search with fewer hits than this gets a spelling suggestion, when one finds more. */
  static final long SUGGEST_BELOW_HITS = 3;
    /** The stored fields an article is rebuilt from. */
  private static final Set<String> ARTICLE_FIELDS = Set.of(ArchiveSchema.SOURCE_JSON, ArchiveSchema.BODY);

  private final Directory directory;
  private final SearcherManager searchers;
  private final ExecutorService segmentSearchers;
  private final FacetsConfig facets = ArchiveSchema.facetsConfig();
  private final Analyzer analyzer = ArchiveSchema.analyzer();
  private final SnippetFormatter snippetFormat = new SnippetFormatter();
  private final SentenceSplitter sentences = SentenceSplitter.fromResources();
  private final ArticleJson json = new ArticleJson();
  private final QuerySpelling spelling = new QuerySpelling(analyzer);
  private final SegmentColumnsCache columnsCache = new SegmentColumnsCache(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
  private ReaderState readerState;
  private SuggestionState suggestionState;

  /**
   * Pairs a reader with the facet ordinals, merged field infos and range of publication days read from
   * it; they must never be mixed with another reader's.
   */
  private record ReaderState(IndexReader reader, IndexColumns columns, FieldInfos fieldInfos,
      DayCounts.DayRange days, WholeArchiveCounts wholeArchive) {
    /** The facet ordinals' labels and ranges by dimension. */
    SortedSetDocValuesReaderState facets() {
      return columns.state();
    }

    /** Facet and day counts over the whole archive, counted on first use. */
    MatchCounts wholeArchiveCounts(IndexSearcher searcher) throws IOException {
      return wholeArchive.get(searcher, columns, days);
    }

    /** Every article's publication days, oldest first, for the timeline's archive counts. */
    DayCounts.Series wholeArchiveDays(IndexSearcher searcher) throws IOException {
      return wholeArchive.days(searcher, columns, days);
    }
  }

  /**
   * The counts over every article, which stay the same until the reader changes: browsing the whole
   * archive, the page most visits start with, then costs what its page of hits costs.
   */
  private static final class WholeArchiveCounts {
    private MatchCounts counts;
    private DayCounts.Series days;

    /** The archive's days in order, sorted once per reader rather than once per search. */
    synchronized DayCounts.Series days(IndexSearcher searcher, IndexColumns columns, DayCounts.DayRange range)
        throws IOException {
      if (days == null) {
        days = get(searcher, columns, range).days().all().series();
      }
      return days;
    }

    synchronized MatchCounts get(IndexSearcher searcher, IndexColumns columns, DayCounts.DayRange days)
        throws IOException {
      if (counts == null) {
        counts = searcher.search(MatchAllDocsQuery.INSTANCE, new MatchCountsCollectorManager(columns, days));
      }
      return counts;
    }
  }

  /** Pairs a reader with the suggestions counted over it. */
  private record SuggestionState(IndexReader reader, SuggestionList list) {}

  private ArchiveSearcher(Directory directory) throws IOException {
    this.directory = directory;
    this.segmentSearchers = segmentSearchers(Runtime.getRuntime().availableProcessors());
    this.searchers = new SearcherManager(directory, new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
        return new IndexSearcher(reader, segmentSearchers);
      }
    });
  }

  /**
   * Threads that search slices of the index's segments side by side, so one search uses every core:
   * counting facets over every match is what a search mostly costs, and it divides by segment. The
   * calling thread searches slices too. None with a single core.
   */
  private static ExecutorService segmentSearchers(int cores) {
    if (cores < 2) {
      return null;
    }
    AtomicInteger number = new AtomicInteger();
    return Executors.newFixedThreadPool(cores, task -> {
      Thread thread = new Thread(task, "morgue-search-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Opens the index in a folder for searching. */
  public static ArchiveSearcher open(Path folder) throws IOException {
    Directory directory = FSDirectory.open(folder);
    try {
      return new ArchiveSearcher(directory);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Makes commits written since the last refresh visible to searches. */
  @Override
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /**
   * Reads what every search needs from the current reader (facet ordinals, the columns held in
   * memory) now, so the first search does not wait for it: a server calls this while it starts.
   */
  public void warm() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      // The archive's counts too: every search's timeline divides by them.
      readerState(searcher.getIndexReader()).wholeArchiveDays(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  /** How many articles the index holds. */
  @Override
  public int articleCount() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * The version of the article with this id as the index holds it: its fingerprint (its content as
   * read, and the Morgue build that enriched it), which changes whenever the article is written
   * with other content; empty when there is no such article.
   */
  @Override
  public Optional<String> articleVersion(String id) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Optional<Integer> doc = docOf(searcher, id);
      if (doc.isEmpty()) {
        return Optional.empty();
      }
      return Optional.ofNullable(searcher.storedFields()
          .document(doc.get(), java.util.Set.of(ArchiveSchema.FINGERPRINT)).get(ArchiveSchema.FINGERPRINT));
    } finally {
      searchers.release(searcher);
    }
  }

  private static Optional<Integer> docOf(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(ArchiveSchema.ID, id)), 1);
    return top.scoreDocs.length == 0 ? Optional.empty() : Optional.of(top.scoreDocs[0].doc);
  }

  /** One article by id, with its enrichments. */
  @Override
  public Optional<EnrichedArticle> article(String id) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Optional<Integer> doc = docOf(searcher, id);
      if (doc.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(load(searcher.storedFields(), doc.get()));
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Up to {@code size} other articles most like the one with this id, best first, by Lucene's
   * MoreLikeThis over its title, body and actor names; empty when there is no such article. The title
   * and actor names are not stored, so the terms come from the article as loaded, analysed as the
   * index analysed them.
   */
  @Override
  public Optional<List<SearchHit>> related(String id, int size) throws IOException {
    if (size < 0 || size > MAX_RELATED) {
      throw new IllegalArgumentException("size must be between 0 and " + MAX_RELATED + ", not " + size);
    }
    IndexSearcher searcher = searchers.acquire();
    try {
      Optional<Integer> doc = docOf(searcher, id);
      if (doc.isEmpty()) {
        return Optional.empty();
      }
      if (size == 0) {
        return Optional.of(List.of());
      }
      EnrichedArticle article = load(searcher.storedFields(), doc.get());
      MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
      like.setAnalyzer(analyzer);
      like.setFieldNames(new String[] {ArchiveSchema.TITLE, ArchiveSchema.BODY, ArchiveSchema.ACTOR});
      // The defaults (a term twice in the article, in five others) suit a large archive; a small one
      // would then share no terms at all.
      like.setMinTermFreq(1);
      like.setMinDocFreq(1);
      like.setBoost(true);
      Map<String, java.util.Collection<Object>> fields = Map.of(
          ArchiveSchema.TITLE, List.of(article.article().title()),
          ArchiveSchema.BODY, List.of(article.article().body()),
          ArchiveSchema.ACTOR, List.copyOf(article.enrichment().actors().stream().map(a -> (Object) a.name()).toList()));
      Query query = new BooleanQuery.Builder()
          .add(like.like(fields), BooleanClause.Occur.SHOULD)
          .add(new TermQuery(new Term(ArchiveSchema.ID, id)), BooleanClause.Occur.MUST_NOT)
          .build();
      TopDocs top = searcher.search(query, size);
      StoredFields stored = searcher.storedFields();
      List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc scoreDoc : top.scoreDocs) {
        Document document = stored.document(scoreDoc.doc, ARTICLE_FIELDS);
        ArticleSummary summary = json.readSummary(document.getBinaryValue(ArchiveSchema.SOURCE_JSON).bytes, body(document));
        hits.add(new SearchHit(summary, scoreDoc.score, lead(summary)));
      }
      return Optional.of(hits);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Runs a search: one page of hits after the request's cursor, the exact total, drill-sideways facet
   * counts and the timeline, all in one pass over the matches.
   */
  @Override
  public SearchResult search(SearchRequest request) throws InvalidQueryException, IOException {
    long start = System.nanoTime();
    ParsedQuery parsed = parse(request.query());
    Query query = parsed.query();
    DrillDownQuery drillDown = drillDown(query, request);
    for (String dim : request.facetPrefixes().keySet()) {
      if (!ArchiveSchema.FACETS.contains(dim)) {
        throw new InvalidQueryException(InvalidQueryException.Kind.UNKNOWN_FACET, "facetPrefix." + dim, "unknown facet '" + dim + "'; facets are "
            + ArchiveSchema.FACETS);
      }
    }
    int size = Math.max(0, Math.min(request.size(), SearchRequest.MAX_SIZE));
    int facetLimit = Math.max(1, Math.min(request.facetLimit(), SearchRequest.MAX_FACET_LIMIT));
    Sort sort = totalSort(request.sort());
    FieldDoc after = null;
    if (request.cursor().isPresent()) {
      after = SearchCursor.decode(request.cursor().get(), request, sort.getSort());
    }

    IndexSearcher searcher = searchers.acquire();
    try {
      // One hit more than the page shows says whether there is a next page.
      int wanted = Math.max(1, Math.min(size + 1, searcher.getIndexReader().maxDoc()));
      // An unlimited threshold makes the collector count every match, so the total is exact, never a bound.
      TopFieldCollectorManager hitCollector = new TopFieldCollectorManager(sort, wanted, after, Integer.MAX_VALUE);
      // Looked up once: while searches on an old and a refreshed reader overlap, every look-up may rebuild it.
      ReaderState state = readerState(searcher.getIndexReader());
      Counted counted;
      try {
        counted = count(searcher, state, query, drillDown, request, hitCollector, sort, wanted, after);
      } catch (IndexSearcher.TooManyClauses e) {
        throw new InvalidQueryException(InvalidQueryException.Kind.QUERY_TOO_COMPLEX, "q", "the query expands to too many terms (more than "
            + IndexSearcher.getMaxClauseCount() + "); make wildcards and fuzzy terms more specific", e);
      }
      TopFieldDocs top = counted.top();
      TimelineCounts days = counted.days();
      long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO
          ? top.totalHits.value()
          : searcher.count(drillDown);
      ScoreDoc[] docs = top.scoreDocs;
      ScoreDoc[] page = java.util.Arrays.copyOf(docs, Math.min(size, docs.length));
      List<SearchHit> hits = hits(searcher, state.fieldInfos(), query, page, scoreField(sort));
      Optional<String> nextCursor = size > 0 && docs.length > size
          ? Optional.of(SearchCursor.encode(request, (FieldDoc) docs[size - 1]))
          : Optional.empty();
      Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
      Optional<Background> background = request.facetOrder() == FacetOrder.SIGNIFICANCE
          ? Optional.of(new Background(total, searcher.getIndexReader().numDocs(),
              new OrdinalFacetCounts(state.facets(), state.wholeArchiveCounts(searcher).facets())))
          : Optional.empty();
      for (String dim : ArchiveSchema.FACETS) {
        counts.put(dim, facetCounts(counted.facets(), dim, facetLimit, request.filters().getOrDefault(dim, List.of()),
            Optional.ofNullable(request.facetPrefixes().get(dim)), background));
      }
      Timeline timeline = Timeline.of(days, state.wholeArchiveDays(searcher), request.interval());
      Optional<String> suggestion = total < SUGGEST_BELOW_HITS
          ? suggestion(searcher, parsed, request, total)
          : Optional.empty();
      long took = (System.nanoTime() - start) / 1_000_000;
      return new SearchResult(total, took, hits, counts, nextCursor, timeline, parsed.interpretation(), suggestion);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * The query with its misspelled words corrected, when it finds more articles than the query as
   * asked (under the same filters and dates); empty otherwise. A query whose syntax could not be
   * read is corrected as the plain words that were searched.
   */
  private Optional<String> suggestion(IndexSearcher searcher, ParsedQuery parsed, SearchRequest request, long total)
      throws IOException {
    if (parsed.query() instanceof MatchAllDocsQuery) {
      return Optional.empty();
    }
    String asked = parsed.interpretation().map(QueryInterpretation::query).orElse(request.query());
    Optional<String> corrected = spelling.correct(asked, searcher.getIndexReader());
    if (corrected.isEmpty()) {
      return Optional.empty();
    }
    try {
      long found = searcher.count(drillDown(parse(corrected.get()).query(), request));
      return found > total ? corrected : Optional.empty();
    } catch (InvalidQueryException e) {
      return Optional.empty(); // a correction that is no query is no suggestion
    }
  }

  /** A search's page of hits with what it counted over all its matches. */
  private record Counted(TopFieldDocs top, Facets facets, TimelineCounts days) {}

  /**
   * Collects the hits and counts facets and days over every match, by the cheapest way that gives
   * exact counts: the whole archive's counts are kept per reader, so browsing everything only
   * collects its page; without ticked values one pass counts from the columns in memory; with them,
   * Lucene's drill sideways counts each ticked dimension as if it were not ticked.
   */
  private Counted count(IndexSearcher searcher, ReaderState state, Query query, DrillDownQuery drillDown,
      SearchRequest request, TopFieldCollectorManager hitCollector, Sort sort, int wanted, FieldDoc after)
      throws InvalidQueryException, IOException {
    boolean everything = query instanceof MatchAllDocsQuery && request.from().isEmpty() && request.to().isEmpty();
    if (request.filters().isEmpty() && everything) {
      MatchCounts all = state.wholeArchiveCounts(searcher);
      // The total is known, so the page's collector may stop counting and skip ahead.
      TopFieldDocs top = searcher.search(MatchAllDocsQuery.INSTANCE,
          new TopFieldCollectorManager(sort, wanted, after, EVERYTHING_COUNT_LIMIT));
      TopFieldDocs exact = new TopFieldDocs(
          new TotalHits(searcher.getIndexReader().numDocs(), TotalHits.Relation.EQUAL_TO), top.scoreDocs, top.fields);
      return new Counted(exact, new OrdinalFacetCounts(state.facets(), all.facets()), all.days());
    }
    if (request.filters().isEmpty()) {
      Object[] result = searcher.search(withDateFilter(query, request), new MultiCollectorManager(hitCollector,
          new MatchCountsCollectorManager(state.columns(), state.days())));
      MatchCounts counts = (MatchCounts) result[1];
      return new Counted((TopFieldDocs) result[0], new OrdinalFacetCounts(state.facets(), counts.facets()),
          counts.days());
    }
    DrillSideways sideways = new ArchiveDrillSideways(searcher, facets, state.columns());
    DrillSideways.ConcurrentDrillSidewaysResult<Object[]> result = sideways.search(drillDown,
        new MultiCollectorManager(hitCollector, new TimelineCollectorManager(state.columns(), state.days())));
    return new Counted((TopFieldDocs) result.collectorResult[0], result.facets, (TimelineCounts) result.collectorResult[1]);
  }

  /**
   * Actor, theme and source names with a word starting with {@code prefix} (case- and
   * accent-insensitive), most frequent in the whole index first: for a search box's completions.
   */
  @Override
  public List<Suggestion> suggest(String prefix, int limit) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return suggestionList(searcher.getIndexReader()).complete(prefix, Math.max(0, limit));
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Visits every article that matches a request, in its sort order, however many there are: for
   * exports and feeds. Pages through the index with search-after, so memory stays flat.
   */
  @Override
  public void scan(SearchRequest request, ArticleVisitor visitor) throws InvalidQueryException, IOException {
    DrillDownQuery drillDown = drillDown(parse(request.query()).query(), request);
    Sort sort = totalSort(request.sort());
    IndexSearcher searcher = searchers.acquire();
    try {
      StoredFields stored = searcher.storedFields();
      ScoreDoc after = null;
      while (true) {
        TopDocs page = searcher.searchAfter(after, drillDown, SCAN_PAGE, sort, true);
        for (ScoreDoc doc : page.scoreDocs) {
          visitor.visit(load(stored, doc.doc));
        }
        if (page.scoreDocs.length < SCAN_PAGE) {
          return;
        }
        after = page.scoreDocs[page.scoreDocs.length - 1];
      }
    } finally {
      searchers.release(searcher);
    }
  }


  /**
   * When the commit that searches see now was written, as its commit data says; empty for an index
   * that does not say. It changes with every commit a search can see, so it can validate answers
   * derived from the index. Cheap: read from the open reader, not from disk.
   */
  @Override
  public Optional<java.time.Instant> lastCommit() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
      return Optional.ofNullable(reader.getIndexCommit().getUserData()
          .get(org.morgue.engine.lucene.index.ArchiveWriter.COMMITTED_AT_KEY)).map(java.time.Instant::parse);
    } finally {
      searchers.release(searcher);
    }
  }

  /** Facts about the index for health and stats endpoints. */
  @Override
  public IndexStats stats() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
      long bytes = 0;
      for (String file : directory.listAll()) {
        try {
          bytes += directory.fileLength(file);
        } catch (java.nio.file.NoSuchFileException e) {
          // Deleted by a merge between listing and measuring: it is no longer part of the index.
        }
      }
      Optional<java.time.Instant> committed = Optional.ofNullable(reader.getIndexCommit().getUserData()
          .get(org.morgue.engine.lucene.index.ArchiveWriter.COMMITTED_AT_KEY)).map(java.time.Instant::parse);
      return new IndexStats(reader.numDocs(), bytes, committed);
    } finally {
      searchers.release(searcher);
    }
  }

  private DrillDownQuery drillDown(Query query, SearchRequest request) throws InvalidQueryException {
    DrillDownQuery drillDown = new DrillDownQuery(facets, withDateFilter(query, request));
    for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
      validate(filter.getKey(), filter.getValue());
      for (String value : filter.getValue()) {
        // Facet values are indexed in NFC; a value typed decomposed is the same value.
        drillDown.add(filter.getKey(), ArchiveSchema.canonical(value));
      }
    }
    return drillDown;
  }

  private static SortField[] append(SortField[] fields, SortField last) {
    SortField[] all = java.util.Arrays.copyOf(fields, fields.length + 1);
    all[fields.length] = last;
    return all;
  }

  /** The Lucene query a request's text runs as, and how it was reinterpreted if it could not be read. */
  private record ParsedQuery(Query query, Optional<QueryInterpretation> interpretation) {}

  /**
   * Parses the query as typed; if its syntax cannot be read ({@code Trump's "border}), searches its
   * plain words instead and says so, because a person who typed words wants them searched. What is
   * not a syntax error (an unknown field, a bad date, a bound) stays an error: working around it
   * would silently answer another question.
   */
  private ParsedQuery parse(String text) throws InvalidQueryException {
    if (text == null || text.isBlank()) {
      return new ParsedQuery(MatchAllDocsQuery.INSTANCE, Optional.empty());
    }
    if (text.length() > MAX_QUERY_LENGTH) {
      throw new InvalidQueryException(InvalidQueryException.Kind.QUERY_TOO_COMPLEX, "q", "the query is "
          + text.length() + " characters long; the limit is " + MAX_QUERY_LENGTH);
    }
    try {
      return new ParsedQuery(parseRanked(text), Optional.empty());
    } catch (ParseException e) {
      Optional<String> syntax = TypedQuery.syntaxProblem(text, e);
      if (syntax.isEmpty()) {
        throw refused(e);
      }
      String words = TypedQuery.plainWords(text);
      if (words.isBlank()) {
        throw new InvalidQueryException(InvalidQueryException.Kind.QUERY_SYNTAX, "q",
            syntax.get() + "; there are no words to search", e);
      }
      try {
        return new ParsedQuery(parseRanked(words), Optional.of(new QueryInterpretation(words, syntax.get())));
      } catch (ParseException again) {
        throw refused(again);
      }
    }
  }

  private static Query parseRanked(String text) throws ParseException, InvalidQueryException {
    try {
      return new ArchiveQueryParser().parseRanked(text);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyClauses(e);
    }
  }

  /** A query the parser read but refused: its own message, without the parser's preamble. */
  private static InvalidQueryException refused(ParseException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    if (cause instanceof IndexSearcher.TooManyClauses tooMany) {
      return tooManyClauses(tooMany);
    }
    boolean tooComplex = cause instanceof ArchiveQueryParser.RefusedQueryException refusal && refusal.tooComplex();
    return new InvalidQueryException(
        tooComplex ? InvalidQueryException.Kind.QUERY_TOO_COMPLEX : InvalidQueryException.Kind.QUERY_SYNTAX,
        "q", firstLine(cause.getMessage()), e);
  }

  private static InvalidQueryException tooManyClauses(Exception e) {
    return new InvalidQueryException(InvalidQueryException.Kind.QUERY_TOO_COMPLEX, "q",
        "the query has too many clauses (more than " + IndexSearcher.getMaxClauseCount() + ")", e);
  }

  private static Query withDateFilter(Query query, SearchRequest request) throws InvalidQueryException {
    if (request.from().isEmpty() && request.to().isEmpty()) {
      return query;
    }
    long from = request.from().map(d -> d.toEpochDay()).orElse(Long.MIN_VALUE);
    long to = request.to().map(d -> d.toEpochDay()).orElse(Long.MAX_VALUE);
    if (from > to) {
      throw new InvalidQueryException(InvalidQueryException.Kind.INVALID_VALUE, "from", "'from' (" + request.from().get() + ") is after 'to' ("
          + request.to().get() + ")");
    }
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(LongPoint.newRangeQuery(ArchiveSchema.PUBLISHED, from, to), BooleanClause.Occur.FILTER)
        .build();
  }

  private static void validate(String dim, List<String> values) throws InvalidQueryException {
    if (!ArchiveSchema.FACETS.contains(dim)) {
      throw new InvalidQueryException(InvalidQueryException.Kind.UNKNOWN_FACET, dim, "unknown facet '" + dim + "'; facets are " + ArchiveSchema.FACETS);
    }
    for (String value : values) {
      if (value.isBlank()) {
        throw new InvalidQueryException(InvalidQueryException.Kind.INVALID_VALUE, dim, "empty value for facet '" + dim + "'");
      }
      if (dim.equals(ArchiveSchema.FACET_HEDGING) && !ids(HedgeLevel.values()).contains(value)) {
        throw new InvalidQueryException(InvalidQueryException.Kind.INVALID_VALUE, dim, "unknown hedging level '" + value + "'; use low, medium or high");
      }
      if (dim.equals(ArchiveSchema.FACET_ACTOR_TYPE) && !ids(ActorType.values()).contains(value)) {
        throw new InvalidQueryException(InvalidQueryException.Kind.INVALID_VALUE, dim, "unknown actor type '" + value + "'; use one of "
            + ids(ActorType.values()));
      }
      if (dim.equals(ArchiveSchema.FACET_YEAR) && !value.matches("-?\\d{1,4}")) {
        throw new InvalidQueryException(InvalidQueryException.Kind.INVALID_VALUE, dim, "'" + value + "' is not a year");
      }
    }
  }

  private static Set<String> ids(Enum<?>[] values) {
    java.util.TreeSet<String> ids = new java.util.TreeSet<>();
    for (Enum<?> value : values) {
      ids.add(value.name().toLowerCase(java.util.Locale.ROOT));
    }
    return ids;
  }

  private static Sort sort(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> Sort.RELEVANCE;
      case NEWEST -> byField(ArchiveSchema.PUBLISHED, SortField.Type.LONG, true, Long.MIN_VALUE);
      case OLDEST -> byField(ArchiveSchema.PUBLISHED, SortField.Type.LONG, false, Long.MAX_VALUE);
      case MOST_HEDGED -> byField(ArchiveSchema.HEDGING_SCORE, SortField.Type.DOUBLE, true, 0.0);
      case LEAST_HEDGED -> byField(ArchiveSchema.HEDGING_SCORE, SortField.Type.DOUBLE, false, 0.0);
    };
  }

  /** The order asked for, then the id: a total order, so search-after never skips or repeats a hit. */
  private static Sort totalSort(SortOrder order) {
    return new Sort(append(sort(order).getSort(), new SortedSetSortField(ArchiveSchema.ID, false)));
  }

  private static Sort byField(String field, SortField.Type type, boolean reverse, Object missing) {
    return new Sort(new SortField(field, type, reverse, missing), SortField.FIELD_SCORE);
  }

  /**
   * What facet values are compared with to rank them by significance: the number of matches, the
   * number of articles, and every value's count over the whole archive (kept per reader).
   */
  private record Background(long matches, long archiveSize, Facets archive) {}

  /**
   * The top values of a facet, plus every selected value that is not among them: a ticked checkbox
   * must stay on screen with its count, however far down the list it would rank. With a prefix, only
   * values starting with it (case-insensitive) are listed, selected or not. With a background, the
   * top values are the most significant ones rather than the most frequent; the counts stay exact.
   */
  private static List<FacetCount> facetCounts(Facets facetCounts, String dim, int limit, List<String> selected,
      Optional<String> prefix, Optional<Background> background) throws IOException {
    List<FacetCount> counts = new ArrayList<>();
    if (background.isPresent()) {
      counts.addAll(significantValues(facetCounts, dim, limit, prefix, background.get()));
    } else if (prefix.isEmpty()) {
      FacetResult top = facetCounts.getTopChildren(limit, dim);
      if (top != null) {
        for (LabelAndValue value : top.labelValues) {
          counts.add(new FacetCount(value.label, value.value.longValue()));
        }
      }
    } else {
      FacetResult all = facetCounts.getAllChildren(dim);
      if (all != null) {
        String folded = SuggestionList.fold(prefix.get());
        java.util.Arrays.stream(all.labelValues)
            .filter(value -> SuggestionList.fold(value.label).startsWith(folded))
            .map(value -> new FacetCount(value.label, value.value.longValue()))
            .sorted(java.util.Comparator.comparingLong(FacetCount::count).reversed()
                .thenComparing(FacetCount::value))
            .limit(limit)
            .forEach(counts::add);
      }
    }
    Set<String> listed = new java.util.HashSet<>();
    counts.forEach(count -> listed.add(count.value()));
    for (String value : selected) {
      boolean fits = prefix.isEmpty() || SuggestionList.fold(value).startsWith(SuggestionList.fold(prefix.get()));
      if (fits && listed.add(value)) {
        Number count = facetCounts.getSpecificValue(dim, ArchiveSchema.canonical(value));
        counts.add(new FacetCount(value, Math.max(0, count.longValue())));
      }
    }
    return counts;
  }

  /** A facet's values among the matches (those starting with the prefix, if any), most significant first. */
  private static List<FacetCount> significantValues(Facets facetCounts, String dim, int limit, Optional<String> prefix,
      Background background) throws IOException {
    FacetResult all = facetCounts.getAllChildren(dim);
    if (all == null) {
      return List.of();
    }
    Map<String, Long> archiveCounts = childCounts(background.archive(), dim);
    Optional<String> folded = prefix.map(SuggestionList::fold);
    List<FacetSignificance.Candidate> candidates = new ArrayList<>();
    for (LabelAndValue value : all.labelValues) {
      if (folded.isEmpty() || SuggestionList.fold(value.label).startsWith(folded.get())) {
        long count = value.value.longValue();
        candidates.add(new FacetSignificance.Candidate(value.label, count, archiveCounts.getOrDefault(value.label, count)));
      }
    }
    return FacetSignificance.rank(candidates, background.matches(), background.archiveSize(), limit).stream()
        .map(candidate -> new FacetCount(candidate.value(), candidate.count()))
        .toList();
  }

  private static Map<String, Long> childCounts(Facets facets, String dim) throws IOException {
    Map<String, Long> counts = new java.util.HashMap<>();
    FacetResult all = facets.getAllChildren(dim);
    if (all != null) {
      for (LabelAndValue value : all.labelValues) {
        counts.put(value.label, value.value.longValue());
      }
    }
    return counts;
  }

  /**
   * The page's hits, each article read once and only as far as a hit shows it: the highlighter takes
   * the bodies read here instead of reading them again, and the scores come from the sort values the
   * collector kept.
   */
  private List<SearchHit> hits(IndexSearcher searcher, FieldInfos fieldInfos, Query query, ScoreDoc[] page,
      int scoreField) throws IOException {
    if (page.length == 0) {
      return List.of();
    }
    StoredFields stored = searcher.storedFields();
    ArticleSummary[] articles = new ArticleSummary[page.length];
    Map<Integer, String> bodies = new java.util.HashMap<>();
    for (int i = 0; i < page.length; i++) {
      Document document = stored.document(page[i].doc, ARTICLE_FIELDS);
      String body = body(document);
      bodies.put(page[i].doc, body);
      articles[i] = json.readSummary(document.getBinaryValue(ArchiveSchema.SOURCE_JSON).bytes, body);
    }
    Object[] snippets = highlight(searcher, fieldInfos, query, page, bodies);
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      float score = (Float) ((FieldDoc) page[i]).fields[scoreField];
      hits.add(new SearchHit(articles[i], score, snippets[i] instanceof Snippet snippet && !snippet.parts().isEmpty()
          ? snippet : lead(articles[i])));
    }
    return hits;
  }

  /**
   * Where the relevance score is among a sort's values: every sort ranks by it, first or to break
   * ties, so the collector already computed each hit's score and none needs scoring again.
   */
  private static int scoreField(Sort sort) {
    SortField[] fields = sort.getSort();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].getType() == SortField.Type.SCORE) {
        return i;
      }
    }
    throw new IllegalStateException("every sort ranks by score somewhere; this one does not: " + sort);
  }

  /**
   * Snippets for a page of hits, one per hit (null where the body has no passage), found from the
   * offsets stored in the body's postings: no hit's text is analysed again.
   */
  private Object[] highlight(IndexSearcher searcher, FieldInfos fieldInfos, Query query, ScoreDoc[] page,
      Map<Integer, String> bodies) throws IOException {
    UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(snippetFormat)
        .withBreakIterator(() -> new SnippetBreaks(sentences))
        .withMaxNoHighlightPassages(1);
    int[] docs = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      docs[i] = page[i].doc;
    }
    return new HitHighlighter(builder, fieldInfos, bodies).highlightBodies(query, docs, SNIPPET_PASSAGES);
  }

  /** A snippet where the highlighter has none: the body's first words, cut at a word and a block break shown. */
  private static Snippet lead(ArticleSummary article) {
    String body = article.article().body();
    if (body.isBlank()) {
      return Snippet.EMPTY;
    }
    String lead = body.strip();
    boolean cut = lead.length() > SNIPPET_FALLBACK_CHARS;
    if (cut) {
      int space = lead.lastIndexOf(' ', SNIPPET_FALLBACK_CHARS);
      lead = lead.substring(0, space > 0 ? space : SNIPPET_FALLBACK_CHARS).strip();
    }
    String oneLine = BLOCK_BREAK.matcher(lead).replaceAll(Snippet.BLOCK_BREAK).replaceAll("\\s+", " ");
    return new Snippet(List.of(new Snippet.Part(cut ? oneLine + Snippet.GAP.stripTrailing() : oneLine, false)));
  }

  private EnrichedArticle load(StoredFields stored, int doc) throws IOException {
    Document document = stored.document(doc, ARTICLE_FIELDS);
    return json.read(document.getBinaryValue(ArchiveSchema.SOURCE_JSON).bytes, body(document));
  }

  private static String body(Document document) {
    String body = document.get(ArchiveSchema.BODY);
    return body == null ? "" : body;
  }

  /**
   * Facet ordinals are per reader and costly to build (the segments' ordinals held in memory are read
   * only for segments new since the last reader), and merging every segment's field infos costs
   * more than highlighting a hit, so they are built once per refreshed reader.
   */
  private synchronized ReaderState readerState(IndexReader reader) throws IOException {
    if (readerState == null || readerState.reader() != reader) {
      IndexColumns columns = IndexColumns.of(new DefaultSortedSetDocValuesReaderState(reader, facets), columnsCache,
          segmentSearchers);
      readerState = new ReaderState(reader, columns, FieldInfos.getMergedFieldInfos(reader), readDayRange(reader),
          new WholeArchiveCounts());
    }
    return readerState;
  }

  /** The first and last publication day in the index, from the points' bounds: nothing is read per document. */
  private static DayCounts.DayRange readDayRange(IndexReader reader) throws IOException {
    byte[] first = PointValues.getMinPackedValue(reader, ArchiveSchema.PUBLISHED);
    byte[] last = PointValues.getMaxPackedValue(reader, ArchiveSchema.PUBLISHED);
    if (first == null || last == null) {
      return DayCounts.DayRange.NONE;
    }
    return new DayCounts.DayRange(LongPoint.decodeDimension(first, 0), LongPoint.decodeDimension(last, 0));
  }

  /** Suggestions count every value over the whole index, so they too are built once per reader. */
  private synchronized SuggestionList suggestionList(IndexReader reader) throws IOException {
    if (suggestionState == null || suggestionState.reader() != reader) {
      suggestionState = new SuggestionState(reader, SuggestionList.build(readerState(reader).facets()));
    }
    return suggestionState.list();
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
    } finally {
      if (segmentSearchers != null) {
        segmentSearchers.shutdown();
      }
      directory.close();
    }
  }
}
