package org.morgue.search;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.morgue.article.ArticleSummary;
import org.morgue.article.EnrichedArticle;

/**
 * What an engine answers: the one way the server, the feed and the exports reach an archive's
 * index. The embedded Lucene engine implements it; an engine over a cluster would too. It speaks in
 * plain text and this package's types: no HTTP, no HTML, no engine types. A request an engine
 * cannot run is an {@link InvalidQueryException} with a message in the user's words.
 *
 * <p>Every method is safe to call from many threads at once. A search sees the index as of the last
 * {@link #refresh}; writes go through an {@link ArchiveStore}.
 */
public interface SearchEngine extends Closeable {

  /** The longest query an engine accepts, in characters. */
  int MAX_QUERY_LENGTH = 4_000;

  /** The most related articles {@link #related} returns. */
  int MAX_RELATED = 20;

  /** One page of matches with their total, facet counts, timeline, snippets and suggestion. */
  SearchResult search(SearchRequest request) throws InvalidQueryException, IOException;

  /**
   * The exact number of articles that match a request's query, dates and filters, however many
   * there are: the {@link SearchResult#total()} that {@link #search} answers, without the facets,
   * timeline, hits and suggestion it also works out. The request's sort, size, cursor, facet and
   * timeline settings do not matter. Refuses what {@link #search} refuses in the query, dates and
   * filters, with the same message.
   */
  long count(SearchRequest request) throws InvalidQueryException, IOException;

  /**
   * The first {@code n} articles that match a request, in its sort order, after its cursor if it has
   * one (one per story when the request groups by story): the articles of the hits {@link #search}
   * answers for a page of {@code n}, without counting
   * matches, facets or the timeline and without snippets. The request's size, facet and timeline
   * settings do not matter. Memory grows with {@code n}; {@link #scan} reads every match.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  List<ArticleSummary> top(SearchRequest request, int n) throws InvalidQueryException, IOException;

  /**
   * Visits every article that matches a request, in its sort order, however many there are (one per
   * story when the request groups by story; for exports and feeds), with memory that does not grow with the number of matches.
   */
  void scan(SearchRequest request, ArticleVisitor visitor) throws InvalidQueryException, IOException;

  /**
   * As {@link #scan}, each article with the story it is a version of (a story of its own if the
   * index has just lost it) and when the archive took it in: for exports, whose rows name both.
   */
  void scanWithStories(SearchRequest request, StoryArticleVisitor visitor) throws InvalidQueryException, IOException;

  /** One article by id, with its enrichments. */
  default Optional<EnrichedArticle> article(String id) throws IOException {
    return indexed(id).map(IndexedArticle::article);
  }

  /** One article by id with its version and when it was added, in one read; empty when there is none. */
  Optional<IndexedArticle> indexed(String id) throws IOException;

  /**
   * The version of the article with this id as the index holds it: it changes whenever the article
   * is written with other content; empty when there is no such article.
   */
  Optional<String> articleVersion(String id) throws IOException;

  /**
   * The story an article is a version of, with every version the index holds, earliest first; empty
   * when there is no article with this id. An article without copies is a story of one version.
   */
  Optional<Story> story(String articleId) throws IOException;

  /**
   * A story by its id, with every version the index holds, earliest first; empty when no article is
   * filed under this id (none ever was, or all its versions are gone).
   */
  Optional<Story> storyById(String storyId) throws IOException;

  /**
   * Where a query's words stand in one article's title and body, as ranges of its text (the offsets
   * its enrichments use), in text order: what a reader marks. Empty when there is no article with
   * this id. The query is read, and refused, as {@link #search} reads it, and the answer says so when
   * its syntax could not be read; an actor it names in full is marked at its mentions, and what it
   * asks of other fields (a theme, a date) marks nothing.
   */
  Optional<MatchedWords> queryWords(String id, String query) throws InvalidQueryException, IOException;

  /** The articles most like this one, best first; empty when there is no article with this id. */
  Optional<List<SearchHit>> related(String id, int size) throws IOException;

  /** Actor, theme and source names with a word starting with {@code prefix}, most frequent first. */
  List<Suggestion> suggest(String prefix, int limit) throws IOException;

  /**
   * The values of a facet ({@code actor}, {@code theme} or {@code source}) that are this name
   * written another way (other capitals, accents, width or normal form), most frequent first; empty
   * when none is. How a filter typed by hand ("tren de aragua") reaches the name the index keeps
   * ("Tren de Aragua"): see {@link FilterNames}.
   */
  List<String> facetValuesNamed(String facet, String name) throws IOException;

  /**
   * The value of a facet ({@code actor}, {@code theme} or {@code source}) that a name no article has
   * most likely misspells, as a query's words are corrected ("Venezuelaa" for Venezuela); empty when
   * none is near. What a search filtered by that name says it may have meant: see {@link
   * FilterNames#unheld}.
   */
  Optional<String> facetValueNear(String facet, String name) throws IOException;

  /** How many articles the index holds. */
  int articleCount() throws IOException;

  /**
   * When the state that searches see now was written; empty when the index does not say. It
   * changes with every change a search can see, so it can validate answers derived from the index.
   */
  Optional<Instant> lastCommit() throws IOException;

  /** The index's size and make-up, for the stats endpoint. */
  IndexStats stats() throws IOException;

  /**
   * Whether a search can be answered now, asked as cheaply as a search can be: what a health check
   * reports, so a load balancer stops sending readers to a server whose searches all fail. Figures
   * kept since the last refresh do not count: they can outlive the cluster that gave them (an
   * operator's trial saw health say "ok" while every search failed). An index that reads cannot be
   * degraded, so the default reads its stats.
   *
   * @throws ArchiveUnavailableException when a search cannot be answered now
   */
  default ArchiveHealth health() throws IOException {
    return ArchiveHealth.ok(stats().articles());
  }

  /** Makes changes committed since the last refresh visible to searches. */
  void refresh() throws IOException;

  /**
   * Refreshes when another writer (an index run, another server over the same cluster) committed
   * since the last refresh; cheap when none did, so a server can ask every few seconds.
   *
   * @return whether searches now see a newer state
   */
  boolean refreshIfWritten() throws IOException;

  /** Receives articles with their stories from {@link #scanWithStories}. */
  @FunctionalInterface
  interface StoryArticleVisitor {
    /** Called once per matching article (per story, when grouped), with its story and when it was added. */
    void visit(EnrichedArticle article, Story story, Optional<Instant> added) throws IOException;
  }

  /** Receives articles from {@link #scan}. */
  @FunctionalInterface
  interface ArticleVisitor {
    /** Called once per matching article. */
    void visit(EnrichedArticle article) throws IOException;
  }
}
