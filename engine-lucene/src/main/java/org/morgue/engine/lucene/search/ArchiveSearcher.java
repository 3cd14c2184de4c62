package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.morgue.article.ArticleSummary;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.Span;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.ArchiveHealth;
import org.morgue.search.FacetCount;
import org.morgue.search.FacetOrder;
import org.morgue.search.IndexStats;
import org.morgue.search.IndexedArticle;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.MatchedWords;
import org.morgue.search.SearchEngine;
import org.morgue.search.SearchHit;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.Story;
import org.morgue.search.Suggestion;
import org.morgue.search.Timeline;

/**
 * The search engine over an index folder: the {@link SearchEngine} contract, each answer wired from
 * the parts that do one job each.
 *
 * <ul>
 *   <li>{@link IndexSearchers}: the open index, its searchers and each reader's {@link ReaderState}.
 *   <li>{@link RequestQuery}: a request's query, dates, filters and sort, checked.
 *   <li>{@link MatchCounter}: how matches are counted (the total alone, or a page with facet and day counts).
 *   <li>{@link FacetShaper}: the counted facets as the lists a result shows.
 *   <li>{@link HitLoader}: a page's hits with snippets; {@link StoredArticles}: articles read back.
 *   <li>{@link SortedMatches}: the first matches or every match, in order, uncounted.
 *   <li>{@link StoryFirsts}: each story's first match, what a search grouped by story lists;
 *       {@link StoryVersions}: the story every hit carries.
 *   <li>{@link SpellingSuggestion}, {@link RelatedArticles}, {@link IndexStatsReader}, and the
 *       reader's {@link SuggestionList} for completions.
 * </ul>
 *
 * <p>Thread-safe; one instance serves every request. Every answer reads one searcher, so it sees one
 * state of the index; {@link #refresh()} picks up commits made since it opened.
 */
public final class ArchiveSearcher implements SearchEngine {
  private final IndexSearchers searchers;
  private final Analyzer analyzer = ArchiveSchema.analyzer();
  private final StoredArticles articles = new StoredArticles();
  private final StoryVersions stories = new StoryVersions(articles);
  private final HitLoader hitLoader = new HitLoader(articles, stories, analyzer);
  private final SortedMatches sortedMatches = new SortedMatches(articles);
  private final SpellingSuggestion spelling = new SpellingSuggestion(analyzer);
  private final RelatedArticles relatedArticles = new RelatedArticles(articles, stories, analyzer);
  private final QueryWords queryWords = new QueryWords(analyzer);

  private ArchiveSearcher(IndexSearchers searchers) {
    this.searchers = searchers;
  }

  /** Opens the index in a folder for searching. */
  public static ArchiveSearcher open(Path folder) throws IOException {
    return new ArchiveSearcher(IndexSearchers.open(folder));
  }

  /** Makes commits written since the last refresh visible to searches. */
  @Override
  public void refresh() throws IOException {
    searchers.refresh();
  }

  @Override
  public boolean refreshIfWritten() throws IOException {
    return searchers.refreshIfWritten();
  }

  /**
   * Reads what every search needs from the current reader (facet ordinals, the columns held in
   * memory) now, so the first search does not wait for it: a server calls this while it starts.
   */
  public void warm() throws IOException {
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      // The archive's counts too: every search's timeline divides by them.
      lease.state().wholeArchiveDays(lease.searcher());
    }
  }

  /** How many articles the index holds. */
  @Override
  public int articleCount() throws IOException {
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      return lease.searcher().getIndexReader().numDocs();
    }
  }

  /**
   * The version of the article with this id as the index holds it: its fingerprint (its content as
   * read, and the Morgue build that enriched it), which changes whenever the article is written
   * with other content; empty when there is no such article.
   */
  @Override
  public Optional<String> articleVersion(String id) throws IOException {
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      IndexSearcher searcher = lease.searcher();
      Optional<Integer> doc = StoredArticles.docOf(searcher, id);
      return doc.isEmpty() ? Optional.empty() : StoredArticles.version(searcher.storedFields(), doc.get());
    }
  }

  /** One article by id, with its enrichments, its version and when it was added. */
  @Override
  public Optional<IndexedArticle> indexed(String id) throws IOException {
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      IndexSearcher searcher = lease.searcher();
      Optional<Integer> doc = StoredArticles.docOf(searcher, id);
      return doc.isEmpty() ? Optional.empty() : Optional.of(articles.indexed(searcher.storedFields(), doc.get()));
    }
  }

  /** The story an article is a version of, with every version, earliest first. */
  @Override
  public Optional<Story> story(String articleId) throws IOException {
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      return stories.ofArticle(lease.searcher(), articleId);
    }
  }

  /** A story by its id, with every version, earliest first. */
  @Override
  public Optional<Story> storyById(String storyId) throws IOException {
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      return stories.byId(lease.searcher(), storyId);
    }
  }

  /**
   * Up to {@code size} other articles most like the one with this id, best first (see
   * {@link RelatedArticles}); empty when there is no such article.
   */
  @Override
  public Optional<List<SearchHit>> related(String id, int size) throws IOException {
    if (size < 0 || size > MAX_RELATED) {
      throw new IllegalArgumentException("size must be between 0 and " + MAX_RELATED + ", not " + size);
    }
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      IndexSearcher searcher = lease.searcher();
      Optional<Integer> doc = StoredArticles.docOf(searcher, id);
      if (doc.isEmpty()) {
        return Optional.empty();
      }
      if (size == 0) {
        return Optional.of(List.of());
      }
      return Optional.of(relatedArticles.of(searcher, doc.get(), id, size));
    }
  }

  @Override
  public Optional<MatchedWords> queryWords(String id, String query) throws InvalidQueryException, IOException {
    QueryWords.Parsed parsed = queryWords.parse(query);
    return indexed(id).map(found -> queryWords.in(found.article(), parsed));
  }

  /**
   * Runs a search: one page of hits after the request's cursor (by default one per story: each
   * story's first match, see {@link StoryFirsts}), the exact totals of articles and of stories,
   * drill-sideways facet counts and the timeline (articles), all in one pass over the matches.
   */
  @Override
  public SearchResult search(SearchRequest request) throws InvalidQueryException, IOException {
    long start = System.nanoTime();
    RequestQuery query = RequestQuery.of(request);
    RequestQuery.checkFacetPrefixes(request);
    int size = Math.max(0, Math.min(request.size(), SearchRequest.MAX_SIZE));
    int facetLimit = Math.max(1, Math.min(request.facetLimit(), SearchRequest.MAX_FACET_LIMIT));
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      IndexSearcher searcher = lease.searcher();
      FieldDoc after = after(request, query, searcher);
      // One hit more than the page shows says whether there is a next page.
      int wanted = Math.max(1, Math.min(size + 1, searcher.getIndexReader().maxDoc()));
      ReaderState state = lease.state();
      MatchCounter.Counted counted = MatchCounter.pageWithCounts(searcher, state, query, request.grouping(), wanted,
          after);
      long total = counted.total();
      FieldDoc[] docs = counted.page();
      ScoreDoc[] page = Arrays.copyOf(docs, Math.min(size, docs.length));
      List<SearchHit> hits = hitLoader.hits(searcher, state.fieldInfos(), query.query(), page, query.scoreField());
      Optional<String> nextCursor = size > 0 && docs.length > size
          ? Optional.of(SearchCursor.encode(request, docs[size - 1], archiveState(searcher)))
          : Optional.empty();
      Optional<FacetShaper.Background> background = request.facetOrder() == FacetOrder.SIGNIFICANCE
          ? Optional.of(new FacetShaper.Background(total, searcher.getIndexReader().numDocs(),
              new OrdinalFacetCounts(state.facets(), state.wholeArchiveCounts(searcher).facets()),
              FacetSignificance.weighsRelevance(request) ? RelevanceSums.of(searcher, state, query.drillDown())
                  : FacetSignificance.Relevance.NONE))
          : Optional.empty();
      // A facet's list narrowed by typed text is matched to names as completions are, other names included.
      Map<String, List<FacetCount>> facets = FacetShaper.shape(counted.facets(), request, facetLimit, background,
          state.actorTypes()::of, request.facetPrefixes().isEmpty() ? SuggestionList.NONE : state.suggestions());
      Timeline timeline = Timeline.of(counted.days(), state.wholeArchiveDays(searcher), request.interval(),
          request.from(), request.to());
      Optional<String> suggestion = spelling.suggest(searcher, query, request, total);
      Optional<Query> partly = query.partlyWithinDates(request);
      long partlyInRange = partly.isPresent() ? searcher.count(partly.get()) : 0;
      long took = (System.nanoTime() - start) / 1_000_000;
      return new SearchResult(total, took, hits, facets, nextCursor, timeline, query.interpretation(), suggestion,
          counted.stories(), partlyInRange);
    }
  }

  /**
   * The exact number of matches, as {@link #search} counts them, without facets, timeline, hits or
   * suggestion: browsing everything reads the reader's count, anything else is one Lucene count.
   */
  @Override
  public long count(SearchRequest request) throws InvalidQueryException, IOException {
    RequestQuery query = RequestQuery.of(request);
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      return MatchCounter.total(lease.searcher(), query);
    }
  }

  /**
   * The first {@code n} matches (or stories, by the request's grouping) after the request's cursor,
   * in its sort, as {@link #search} would page them, without counting facets or days, highlighting or
   * suggesting (see {@link SortedMatches}).
   */
  @Override
  public List<ArticleSummary> top(SearchRequest request, int n) throws InvalidQueryException, IOException {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, not " + n);
    }
    RequestQuery query = RequestQuery.of(request);
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      FieldDoc after = after(request, query, lease.searcher());
      return sortedMatches.top(lease.searcher(), lease.state(), query, request.grouping(), n, after);
    }
  }

  /**
   * Visits every article that matches a request (or, grouped by story, each story's first match), in
   * its sort order, however many there are: for exports and feeds. Pages through the index with
   * search-after, so memory stays flat (see {@link SortedMatches} for what grouping adds).
   */
  @Override
  public void scan(SearchRequest request, ArticleVisitor visitor) throws InvalidQueryException, IOException {
    RequestQuery query = RequestQuery.of(request);
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      sortedMatches.scan(lease.searcher(), lease.state(), query, request.grouping(), indexed -> visitor.visit(indexed.article()));
    }
  }

  /** As {@link #scan}, each article with its story and when it was added, read from the same lease. */
  @Override
  public void scanWithStories(SearchRequest request, StoryArticleVisitor visitor) throws InvalidQueryException, IOException {
    RequestQuery query = RequestQuery.of(request);
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      IndexSearcher searcher = lease.searcher();
      sortedMatches.scan(searcher, lease.state(), query, request.grouping(), indexed -> {
        EnrichedArticle article = indexed.article();
        Story story = stories.ofArticle(searcher, article.article().id()).orElseGet(() -> Story.single(article.article()));
        visitor.visit(article, story, indexed.added());
      });
    }
  }

  /**
   * Actor, theme and source names with a word starting with {@code prefix} (case- and
   * accent-insensitive), most frequent in the whole index first: for a search box's completions.
   */
  @Override
  public List<Suggestion> suggest(String prefix, int limit) throws IOException {
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      return lease.state().suggestions().complete(prefix, Math.max(0, limit));
    }
  }

  @Override
  public List<String> facetValuesNamed(String facet, String name) throws IOException {
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      return lease.state().suggestions().named(facet, name);
    }
  }

  @Override
  public Optional<String> facetValueNear(String facet, String name) throws IOException {
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      return lease.state().suggestions().near(facet, name);
    }
  }

  /**
   * When the commit that searches see now was written, as its commit data says; empty for an index
   * that does not say. It changes with every commit a search can see, so it can validate answers
   * derived from the index. Cheap: read from the open reader, not from disk.
   */
  @Override
  public Optional<Instant> lastCommit() throws IOException {
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      return IndexStatsReader.lastCommit(lease.searcher());
    }
  }

  /** Facts about the index for health and stats endpoints. */
  @Override
  public IndexStats stats() throws IOException {
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      return IndexStatsReader.stats(lease.searcher(), searchers.directory());
    }
  }

  /** The articles its searches see, and whether the index folder is still there to write and to start from. */
  @Override
  public ArchiveHealth health() throws IOException {
    try (IndexSearchers.Lease lease = searchers.acquire()) {
      return IndexStatsReader.health(lease.searcher(), searchers.directory());
    }
  }

  @Override
  public void close() throws IOException {
    searchers.close();
  }

  /** Where the request's cursor says its page starts; null for the first page. */
  private static FieldDoc after(SearchRequest request, RequestQuery query, IndexSearcher searcher)
      throws InvalidQueryException {
    return request.cursor().isPresent()
        ? SearchCursor.decode(request.cursor().get(), request, query.sort().getSort(), archiveState(searcher))
        : null;
  }

  /** What a relevance cursor is tied to: the reader's version, which every commit seen changes. */
  private static long archiveState(IndexSearcher searcher) {
    return searcher.getIndexReader() instanceof DirectoryReader reader ? reader.getVersion() : 0;
  }
}
