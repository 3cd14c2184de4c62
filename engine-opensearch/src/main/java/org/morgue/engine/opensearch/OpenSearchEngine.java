package org.morgue.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.morgue.article.ActorType;
import org.morgue.article.ArticleSummary;
import org.morgue.article.DatePrecision;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.HedgeLevel;
import org.morgue.article.Span;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.engine.lucene.search.BodySnippets;
import org.morgue.engine.lucene.search.QueryWords;
import org.morgue.engine.lucene.search.FacetSignificance;
import org.morgue.engine.lucene.search.QuerySpelling;
import org.morgue.engine.lucene.search.RequestQuery;
import org.morgue.engine.lucene.search.SpellingSuggestion;
import org.morgue.engine.lucene.search.SuggestionList;
import org.morgue.search.ActorTypes;
import org.morgue.search.ArchiveHealth;
import org.morgue.search.ArchiveUnavailableException;
import org.morgue.search.DatedSeries;
import org.morgue.search.DayCounts;
import org.morgue.search.Facet;
import org.morgue.search.FacetCount;
import org.morgue.search.FacetOrder;
import org.morgue.search.Grouping;
import org.morgue.search.IndexStats;
import org.morgue.search.IndexedArticle;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.MatchedWords;
import org.morgue.search.QueryInterpretation;
import org.morgue.search.SearchEngine;
import org.morgue.search.RelatedWeight;
import org.morgue.search.SearchHit;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.Story;
import org.morgue.search.Suggestion;
import org.morgue.search.Timeline;
import org.morgue.search.TimelineCounts;

/**
 * The search contract over an OpenSearch cluster: every answer is a few requests to the index
 * behind the archive's alias.
 *
 * <ul>
 *   <li>A search is one request: the query (text and dates), the facet filters as a {@code
 *       post_filter} so hits and the total are exactly the matches, one filtered {@code terms}
 *       aggregation per facet with every filter but its own (drill-sideways counts), and a {@code
 *       histogram} of publication days under every filter for the timeline. It runs {@code
 *       dfs_query_then_fetch}: scores use the whole index's term statistics, not one shard's, so
 *       relevance ranks as the embedded engine ranks.
 *   <li>Snippets are made here from each hit's body, with the embedded engine's highlighter
 *       settings ({@link BodySnippets}), so a hit reads the same on both engines; the cluster is
 *       not asked to highlight.
 *   <li>Pages continue with the embedded engine's cursors over {@code search_after}; exports and
 *       feeds read every match over a point in time ({@link IndexScan}).
 *   <li>Grouped by story (the default), a page lists each story once, through its first match in
 *       the request's order ({@link StoryGrouping}: a {@code collapse} on the first page, batches
 *       checked against each story's first match on later ones); every hit carries its whole story,
 *       read with one more search per page. The total, facets and timeline count articles either way;
 *       the stories are counted by a {@code cardinality} aggregation, exact to the limits {@link
 *       StoryGrouping#distinctStories} states.
 *   <li>What is counted over the whole archive (each day's articles, each facet value's articles
 *       for significance and completions) is read once per refresh.
 * </ul>
 *
 * <p>Facet counts are exact while each shard holds at most {@link #SHARD_VALUES} distinct values of a
 * facet among a search's matches; past that, OpenSearch's {@code terms} aggregation may undercount a
 * value that ranks low on some shard (docs/opensearch.md says how to size it).
 *
 * <p>Thread-safe; one instance serves every request.
 */
public final class OpenSearchEngine implements SearchEngine {
  /** Values of one facet each shard reports for a count-ordered list. */
  static final int SHARD_VALUES = 10_000;
  /** Values of one facet read when every value is needed (a prefix, significance, the archive's counts). */
  static final int ALL_VALUES = 65_536;
  private static final Map<String, String> DFS = Map.of("search_type", "dfs_query_then_fetch");
  /**
   * The shard copies that answer what is counted over the whole archive: always the same, so counts
   * and significance do not change from one reading to the next (see {@link #scoredSearch}).
   */
  private static final String ARCHIVE_PREFERENCE = "archive";

  private final ArchiveIndex index;
  private final ClusterConnection connection;
  private final String alias;
  private final ArticleDocument documents = new ArticleDocument();
  private final QuerySpelling spelling = new QuerySpelling(ArchiveSchema.analyzer());
  private final BodySnippets snippets = new BodySnippets(ArchiveSchema.analyzer());
  private final QueryWords queryWords = new QueryWords(ArchiveSchema.analyzer());
  private final StoryGrouping grouping;
  private volatile ArchiveState state;
  /** The aggregation splitting day histograms by date precision. */
  private static final String PRECISION = "precision";

  /** What is counted over the whole archive, read once per refresh. */
  private record ArchiveState(long articles, DatedSeries days, Map<String, Map<String, Long>> facets,
      SuggestionList suggestions, Optional<Instant> lastCommit) {}

  /**
   * The type the archive gives each actor ({@link ActorTypes#mostGiven}), read as of one archive
   * state: on the first search narrowed by actor type after a refresh, not at every refresh.
   */
  private record ActorTypesRead(ArchiveState of, Map<String, ActorType> types) {}

  private volatile ActorTypesRead actorTypes;

  /** How long a reading of the cluster's health answers {@link #health}. */
  public static final Duration CLUSTER_HEALTH_KEPT = Duration.ofSeconds(5);

  /** Why the cluster was at risk (empty: it was green), and when that was read. */
  private record ClusterHealth(Instant readAt, Optional<String> degradation) {}

  private final InstantSource clock;
  private volatile ClusterHealth clusterHealth;

  private OpenSearchEngine(ArchiveIndex index, InstantSource clock) {
    this.clock = clock;
    this.index = index;
    this.connection = index.connection();
    this.alias = index.alias();
    this.grouping = new StoryGrouping(connection, alias);
  }

  /** Opens the engine over an archive; the alias must exist (an index run or a server creates it). */
  public static OpenSearchEngine open(ArchiveIndex index) throws IOException {
    return open(index, InstantSource.system());
  }

  /** The same, telling the age of a reading of the cluster's health by {@code clock} (a test's). */
  public static OpenSearchEngine open(ArchiveIndex index, InstantSource clock) throws IOException {
    if (!index.exists()) {
      throw new IOException("there is no archive '" + index.alias() + "' in the OpenSearch cluster at "
          + index.connection().description() + "; index one first: ./morgue index --opensearch URL PATH...");
    }
    index.readable();
    return new OpenSearchEngine(index, clock);
  }

  @Override
  public SearchResult search(SearchRequest request) throws InvalidQueryException, IOException {
    long start = System.nanoTime();
    RequestDsl dsl = RequestDsl.of(request);
    RequestQuery.checkFacetPrefixes(request);
    int size = Math.max(0, Math.min(request.size(), SearchRequest.MAX_SIZE));
    int facetLimit = Math.max(1, Math.min(request.facetLimit(), SearchRequest.MAX_FACET_LIMIT));
    ArrayNode after = dsl.searchAfter(archiveState());
    ArchiveState archive = archive();

    // Grouped by story, a first page collapses on the story; a later page reads a batch of the matches
    // after the cursor, ids and stories only, which StoryGrouping continues from.
    boolean grouped = request.grouping() == Grouping.STORIES;
    boolean laterStories = grouped && after != null;
    int batch = StoryGrouping.batchSize(size + 1);
    ObjectNode body = ClusterConnection.object();
    body.set("query", dsl.dated());
    if (!dsl.filters().isEmpty()) {
      body.set("post_filter", RequestDsl.allOf(dsl.filtersBut(null)));
    }
    body.put("size", laterStories ? batch : size + 1);
    body.put("track_total_hits", true);
    body.set("sort", dsl.sort());
    if (after != null) {
      body.set("search_after", after);
    }
    if (laterStories) {
      StoryGrouping.idsAndStories(body);
    } else {
      body.putObject("_source").putArray("includes").add(ArticleDocument.ARTICLE).add(ArchiveSchema.BODY).add(ArticleDocument.ADDED_AT)
          .add(ArticleDocument.STORY);
      if (grouped) {
        StoryGrouping.collapse(body);
      }
    }
    boolean allValues = request.facetOrder() == FacetOrder.SIGNIFICANCE;
    ObjectNode aggs = body.putObject("aggs");
    for (String dim : Facet.ids()) {
      ObjectNode facet = aggs.putObject("facet_" + dim);
      facet.set("filter", RequestDsl.allOf(dsl.filtersBut(dim)));
      ObjectNode inner = facet.putObject("aggs");
      boolean every = allValues || request.facetPrefixes().containsKey(dim)
          || dim.equals(Facet.ACTOR.id()) && !ActorTypes.selected(request).isEmpty();
      inner.set("values", terms(dim, every ? ALL_VALUES : facetLimit, every ? ALL_VALUES : Math.max(SHARD_VALUES, facetLimit)));
      List<String> selected = request.filters().getOrDefault(dim, List.of());
      if (!selected.isEmpty()) {
        ObjectNode chosen = terms(dim, selected.size(), selected.size());
        ArrayNode include = ((ObjectNode) chosen.path("terms")).putArray("include");
        selected.forEach(value -> include.add(ArchiveSchema.canonical(value)));
        inner.set("selected", chosen);
      }
    }
    boolean weighted = allValues && FacetSignificance.weighsRelevance(request);
    if (weighted) {
      aggs.set("relevance", relevanceSums(dsl));
    }
    aggs.set("stories", StoryGrouping.distinctStories(dsl.filtersBut(null)));
    // The timeline: for each date precision, one day histogram of the matches, and one each of those
    // hedged medium and high, side by side rather than as sub-aggregations of every day's bucket,
    // which cost a filter per day.
    ObjectNode timeline = aggs.putObject("timeline");
    timeline.set("filter", RequestDsl.allOf(dsl.filtersBut(null)));
    ObjectNode series = byPrecision(timeline.putObject("aggs"));
    series.set("days", dayHistogram());
    for (HedgeLevel level : List.of(HedgeLevel.MEDIUM, HedgeLevel.HIGH)) {
      ObjectNode hedged = series.putObject(level.id());
      hedged.putObject("filter").putObject("term").put(ArticleDocument.facetField(Facet.HEDGING.id()), level.id());
      hedged.putObject("aggs").set("days", dayHistogram());
    }

    JsonNode answer = searchMatches(body, dsl);
    long total = answer.path("hits").path("total").path("value").asLong();
    long stories = StoryGrouping.stories(answer.path("aggregations").path("stories"), total);
    List<JsonNode> found = new ArrayList<>();
    answer.path("hits").path("hits").forEach(found::add);
    if (laterStories) {
      found = grouping.firstMatchesAfter(dsl, after, size + 1, answer.path("hits").path("hits"), batch,
          more -> searchMatches(more, dsl));
    }
    List<JsonNode> shown = found.subList(0, Math.min(size, found.size()));
    List<SearchHit> hits = hits(dsl, shown, laterStories);
    Optional<String> next = size > 0 && found.size() > size ? Optional.of(dsl.cursorAfter(found.get(size - 1), archiveState()))
        : Optional.empty();

    Map<String, FacetLists.Counted> counted = new HashMap<>();
    for (String dim : Facet.ids()) {
      JsonNode facet = answer.path("aggregations").path("facet_" + dim);
      List<FacetCount> values = new ArrayList<>();
      facet.path("values").path("buckets").forEach(b -> values.add(new FacetCount(b.path("key").asText(), b.path("doc_count").asLong())));
      Map<String, Long> selected = new HashMap<>();
      facet.path("selected").path("buckets").forEach(b -> selected.put(b.path("key").asText(), b.path("doc_count").asLong()));
      counted.put(dim, new FacetLists.Counted(values, selected));
    }
    FacetSignificance.Relevance relevance = weighted ? relevance(answer.path("aggregations").path("relevance"))
        : FacetSignificance.Relevance.NONE;
    Map<String, ActorType> types = ActorTypes.selected(request).isEmpty() ? Map.of() : actorTypes(archive);
    Map<String, List<FacetCount>> facets = FacetLists.shape(counted, request, facetLimit, total, archive.articles(),
        archive.facets(), relevance, name -> Optional.ofNullable(types.get(name)), archive.suggestions());

    TimelineCounts dayCounts = new TimelineCounts();
    answer.path("aggregations").path("timeline").path(PRECISION).path("buckets").forEach(bucket -> {
      TimelineCounts.Dated dated = dayCounts.dated(precision(bucket));
      addDays(dated.all(), bucket.path("days"));
      addDays(dated.medium(), bucket.path(HedgeLevel.MEDIUM.id()).path("days"));
      addDays(dated.high(), bucket.path(HedgeLevel.HIGH.id()).path("days"));
    });
    Timeline line = Timeline.of(dayCounts, archive.days(), request.interval(), request.from(), request.to());
    Optional<String> suggestion = spelling(dsl, request, total);
    Optional<ObjectNode> partly = dsl.partlyWithinDates();
    long partlyInRange = partly.isPresent() ? count(partly.get()) : 0;
    long took = (System.nanoTime() - start) / 1_000_000;
    return new SearchResult(total, took, hits, facets, next, line, dsl.parsed().interpretation(), suggestion, stories,
        partlyInRange);
  }

  /**
   * A page's hits, each with its whole story: the hits' documents read here first when the page's
   * search read only ids and stories ({@code idsOnly}), then one search for every version of the
   * page's stories.
   */
  private List<SearchHit> hits(RequestDsl dsl, List<JsonNode> page, boolean idsOnly) throws IOException {
    Map<String, JsonNode> sources = new HashMap<>();
    if (idsOnly) {
      sources = grouping.documents(page.stream().map(hit -> hit.path("_source").path(ArticleDocument.ID).asText()).toList(),
          List.of(ArticleDocument.ARTICLE, ArchiveSchema.BODY, ArticleDocument.ADDED_AT, ArticleDocument.STORY));
    }
    List<JsonNode> pageSources = new ArrayList<>();
    for (JsonNode hit : page) {
      pageSources.add(idsOnly ? sources.get(hit.path("_source").path(ArticleDocument.ID).asText()) : hit.path("_source"));
    }
    Map<String, Story> stories = grouping.stories(pageSources.stream().filter(Objects::nonNull)
        .map(ArticleDocument::storyId).toList());
    int scoreAt = scorePosition(dsl);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      JsonNode source = pageSources.get(i);
      if (source == null) {
        continue; // deleted by a commit between the page's searches
      }
      ArticleSummary summary = documents.summary(source);
      hits.add(new SearchHit(summary, (float) page.get(i).path("sort").path(scoreAt).asDouble(),
          snippets.of(dsl.parsed().query(), summary.article().body(), () -> documents.article(source)),
          story(stories, source, summary)));
    }
    return hits;
  }

  /** A hit's story, read with the page's; an article rewritten since, under another story, stands alone. */
  private static Story story(Map<String, Story> stories, JsonNode source, ArticleSummary summary) {
    Story story = stories.get(ArticleDocument.storyId(source));
    return story != null ? story : Story.single(summary.article());
  }

  @Override
  public long count(SearchRequest request) throws InvalidQueryException, IOException {
    RequestDsl dsl = RequestDsl.of(request);
    return count(dsl.matches());
  }

  @Override
  public List<ArticleSummary> top(SearchRequest request, int n) throws InvalidQueryException, IOException {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, not " + n);
    }
    RequestDsl dsl = RequestDsl.of(request);
    List<ArticleSummary> top = new ArrayList<>();
    JsonNode after = dsl.searchAfter(archiveState());
    if (request.grouping() == Grouping.STORIES) {
      if (n == 0) {
        return top;
      }
      List<String> ids = grouping.firstMatchesAfter(dsl, after, n, null, StoryGrouping.batchSize(Math.min(n, IndexScan.PAGE)),
          body -> searchMatches(body, dsl)).stream().map(hit -> hit.path("_source").path(ArticleDocument.ID).asText()).toList();
      Map<String, JsonNode> sources = grouping.documents(ids, List.of(ArticleDocument.ARTICLE, ArchiveSchema.BODY, ArticleDocument.ADDED_AT));
      ids.stream().filter(sources::containsKey).forEach(id -> top.add(documents.summary(sources.get(id))));
      return top;
    }
    while (top.size() < n) {
      ObjectNode body = ClusterConnection.object();
      body.set("query", dsl.matches());
      body.put("size", Math.min(n - top.size(), IndexScan.PAGE));
      body.put("track_total_hits", false);
      body.set("sort", dsl.sort());
      body.putObject("_source").putArray("includes").add(ArticleDocument.ARTICLE).add(ArchiveSchema.BODY).add(ArticleDocument.ADDED_AT);
      if (after != null) {
        body.set("search_after", after);
      }
      JsonNode hits = searchMatches(body, dsl).path("hits").path("hits");
      hits.forEach(hit -> top.add(documents.summary(hit.path("_source"))));
      if (hits.size() < body.path("size").asInt()) {
        break;
      }
      after = hits.get(hits.size() - 1).path("sort");
    }
    return top;
  }

  @Override
  public void scan(SearchRequest request, ArticleVisitor visitor) throws InvalidQueryException, IOException {
    RequestDsl dsl = RequestDsl.of(request);
    if (request.grouping() == Grouping.ARTICLES) {
      new IndexScan(connection, alias, dsl.matches(), dsl.sort(), DFS)
          .forEach(hit -> visitor.visit(documents.article(hit.path("_source"))));
      return;
    }
    // A story's first match in the scan's order is its first of all: the ids of the stories met so
    // far are what it takes (memory grows with the stories matched, a few dozen bytes each).
    Set<String> met = new HashSet<>();
    new IndexScan(connection, alias, dsl.matches(), dsl.sort(), DFS).forEach(hit -> {
      if (met.add(ArticleDocument.storyId(hit.path("_source")))) {
        visitor.visit(documents.article(hit.path("_source")));
      }
    });
  }

  /** As {@link #scan}, the stories of each page of matches read in one request. */
  @Override
  public void scanWithStories(SearchRequest request, StoryArticleVisitor visitor) throws InvalidQueryException, IOException {
    RequestDsl dsl = RequestDsl.of(request);
    boolean grouped = request.grouping() == Grouping.STORIES;
    Set<String> met = new HashSet<>();
    new IndexScan(connection, alias, dsl.matches(), dsl.sort(), DFS).forEachPage(page -> {
      List<JsonNode> kept = new ArrayList<>();
      for (JsonNode hit : page) {
        JsonNode source = hit.path("_source");
        if (!grouped || met.add(ArticleDocument.storyId(source))) {
          kept.add(source);
        }
      }
      Map<String, Story> stories = grouping.stories(kept.stream().map(ArticleDocument::storyId).toList());
      for (JsonNode source : kept) {
        EnrichedArticle article = documents.article(source);
        Story story = stories.get(ArticleDocument.storyId(source));
        visitor.visit(article, story != null ? story : Story.single(article.article()), ArticleDocument.added(source));
      }
    });
  }

  /** The story an article is a version of, with every version, earliest first; empty when there is no such article. */
  @Override
  public Optional<Story> story(String articleId) throws IOException {
    Optional<JsonNode> source = document(articleId, ArticleDocument.ID + "," + ArticleDocument.STORY);
    if (source.isEmpty()) {
      return Optional.empty();
    }
    String storyId = ArticleDocument.storyId(source.get());
    return Optional.ofNullable(grouping.stories(List.of(storyId)).get(storyId));
  }

  /** A story by its id, with every version, earliest first; empty when no article is filed under it. */
  @Override
  public Optional<Story> storyById(String storyId) throws IOException {
    return Optional.ofNullable(grouping.stories(List.of(storyId)).get(storyId));
  }

  @Override
  public Optional<IndexedArticle> indexed(String id) throws IOException {
    return document(id, null).map(source -> new IndexedArticle(documents.article(source),
        source.path(ArticleDocument.FINGERPRINT).asText(), ArticleDocument.added(source)));
  }

  @Override
  public Optional<String> articleVersion(String id) throws IOException {
    return document(id, ArticleDocument.FINGERPRINT).map(source -> source.path(ArticleDocument.FINGERPRINT).asText());
  }

  /** As the embedded engine finds them: the same analysis of the article's text ({@link QueryWords}). */
  @Override
  public Optional<MatchedWords> queryWords(String id, String query) throws InvalidQueryException, IOException {
    QueryWords.Parsed parsed = queryWords.parse(query);
    return indexed(id).map(found -> queryWords.in(found.article(), parsed));
  }

  /**
   * The articles most like one, by OpenSearch's {@code more_like_this} over the title, body and actor
   * names with the embedded engine's settings (every term counts, even once in the article and in one
   * other; weighted by rarity), each candidate's score multiplied by {@link RelatedWeight} of its
   * length as there. Scores and therefore the order can differ from the embedded engine's: the cluster
   * chooses the terms on each shard, with the shard's statistics, merging a word's fields into one.
   */
  @Override
  public Optional<List<SearchHit>> related(String id, int size) throws IOException {
    if (size < 0 || size > MAX_RELATED) {
      throw new IllegalArgumentException("size must be between 0 and " + MAX_RELATED + ", not " + size);
    }
    Optional<JsonNode> self = document(id, ArticleDocument.ID + "," + ArticleDocument.STORY);
    if (self.isEmpty()) {
      return Optional.empty();
    }
    if (size == 0) {
      return Optional.of(List.of());
    }
    ObjectNode body = ClusterConnection.object();
    ObjectNode bool = body.putObject("query").putObject("bool");
    // The embedded engine's length weight (RelatedWeight), the same function of the same length.
    ObjectNode weighed = bool.putArray("should").addObject().putObject("function_score");
    ObjectNode like = weighed.putObject("query").putObject("more_like_this");
    ObjectNode weight = weighed.putObject("script_score").putObject("script");
    weight.put("source", "doc['" + ArticleDocument.TEXT_LENGTH + "'].size() == 0 ? 1.0 : Math.min(1.0, Math.sqrt((double) params.full"
        + " / Math.max(1L, doc['" + ArticleDocument.TEXT_LENGTH + "'].value)))");
    weight.putObject("params").put("full", RelatedWeight.FULL_WEIGHT_CHARS);
    weighed.put("boost_mode", "multiply");
    like.putArray("fields").add(ArchiveSchema.TITLE).add(ArchiveSchema.BODY).add(ArchiveSchema.ACTOR);
    like.putArray("like").addObject().put("_index", alias).put("_id", id);
    like.put("min_term_freq", 1).put("min_doc_freq", 1).put("boost_terms", 1).put("include", false);
    // The article's copies are the same story, not related articles.
    ArrayNode not = bool.putArray("must_not");
    not.addObject().putObject("term").put(ArticleDocument.ID, id);
    not.addObject().putObject("term").put(ArticleDocument.STORY, ArticleDocument.storyId(self.get()));
    bool.put("minimum_should_match", 1);
    body.put("size", size);
    body.putObject("_source").putArray("includes").add(ArticleDocument.ARTICLE).add(ArchiveSchema.BODY).add(ArticleDocument.ADDED_AT)
        .add(ArticleDocument.STORY);
    JsonNode found = scoredSearch(body, "related:" + id).path("hits").path("hits");
    List<String> storyIds = new ArrayList<>();
    found.forEach(hit -> storyIds.add(ArticleDocument.storyId(hit.path("_source"))));
    Map<String, Story> stories = grouping.stories(storyIds);
    List<SearchHit> hits = new ArrayList<>();
    for (JsonNode hit : found) {
      ArticleSummary summary = documents.summary(hit.path("_source"));
      hits.add(new SearchHit(summary, (float) hit.path("_score").asDouble(), org.morgue.search.Snippet.lead(summary.article().body()),
          story(stories, hit.path("_source"), summary)));
    }
    return Optional.of(hits);
  }

  @Override
  public List<Suggestion> suggest(String prefix, int limit) throws IOException {
    return archive().suggestions().complete(prefix, Math.max(0, limit));
  }

  @Override
  public List<String> facetValuesNamed(String facet, String name) throws IOException {
    return archive().suggestions().named(facet, name);
  }

  @Override
  public Optional<String> facetValueNear(String facet, String name) throws IOException {
    return archive().suggestions().near(facet, name);
  }

  @Override
  public int articleCount() throws IOException {
    return (int) archive().articles();
  }

  @Override
  public Optional<Instant> lastCommit() throws IOException {
    return archive().lastCommit();
  }

  /** The archive's articles, its primaries' size on the nodes' disks, and its last commit. */
  @Override
  public IndexStats stats() throws IOException {
    JsonNode stats = connection.send("GET", "/" + alias + "/_stats/store", null);
    long bytes = stats.path("_all").path("primaries").path("store").path("size_in_bytes").asLong();
    ArchiveState archive = archive();
    return new IndexStats((int) archive.articles(), bytes, archive.lastCommit());
  }

  /**
   * A search for the number of articles alone, sent as every search is (so a shard without a copy on
   * a running node refuses it, as it refuses them), then the cluster's health of the archive's index.
   * Not {@link #stats}: the index's store statistics answer from the shards left, and the counts kept
   * since the last refresh outlive the cluster, so health said "ok" while every search failed (an
   * operator's trial, two nodes of three stopped). The health is this node's view ({@code local}):
   * asking the cluster manager waits for one, and a cluster without one is red in every node's view.
   *
   * <p>The search is sent at every call, so a 503 comes as soon as searches fail; the cluster's health
   * is read again only when the last reading is {@link #CLUSTER_HEALTH_KEPT} old: a load balancer
   * polling every second had put two requests a second on the cluster. A node lost shows as
   * "degraded" that much later, while the readers are still served.
   */
  @Override
  public ArchiveHealth health() throws IOException {
    ObjectNode body = ClusterConnection.object();
    body.put("size", 0);
    body.put("track_total_hits", true);
    JsonNode counted = connection.send("POST", "/" + alias + "/_search", Map.of(),
        ClusterConnection.json().writeValueAsString(body), "application/json");
    int articles = (int) counted.path("hits").path("total").path("value").asLong();
    Instant now = clock.instant();
    ClusterHealth kept = clusterHealth;
    if (kept != null && now.isBefore(kept.readAt().plus(CLUSTER_HEALTH_KEPT)) && !now.isBefore(kept.readAt())) {
      return new ArchiveHealth(articles, kept.degradation());
    }
    JsonNode health;
    try {
      health = connection.send("GET", "/_cluster/health/" + alias, Map.of("local", "true"), null, "application/json");
    } catch (ClusterException | ArchiveUnavailableException e) {
      // Not kept: the next call asks again, so the reason lasts no longer than the failure.
      return new ArchiveHealth(articles, Optional.of("searches answer, but the cluster's health cannot be read: "
          + e.getMessage()));
    }
    ClusterHealth read = new ClusterHealth(now, degradation(health));
    clusterHealth = read;
    return new ArchiveHealth(articles, read.degradation());
  }

  /** Why a cluster whose searches answer is at risk, from its health answer; empty when it is green. */
  private static Optional<String> degradation(JsonNode health) {
    String status = health.path("status").asText("");
    if (status.equals("green")) {
      return Optional.empty();
    }
    if (!health.path("discovered_cluster_manager").asBoolean(true)) {
      return Optional.of("the OpenSearch cluster has no elected cluster manager (too few of its nodes are running):"
          + " searches answer from the copies this node holds, but changes cannot be kept");
    }
    int unassigned = health.path("unassigned_shards").asInt();
    int nodes = health.path("number_of_nodes").asInt();
    return Optional.of("the OpenSearch cluster is " + status + " with " + nodes + (nodes == 1 ? " node" : " nodes")
        + " running: " + unassigned + (unassigned == 1 ? " shard copy of the archive has" : " shard copies of the archive have")
        + " no node, so searches answer from the copies left and one more node lost may leave part of the"
        + " archive unanswered");
  }

  /** Forgets what was counted over the whole archive, so the next answer reads the index as it is now. */
  @Override
  public void refresh() {
    state = null;
  }

  /** Whether the index's last commit moved since the archive was read: one small request, not the archive's counts. */
  @Override
  public boolean refreshIfWritten() throws IOException {
    ArchiveState read = state;
    if (read == null || index.lastCommit().equals(read.lastCommit())) {
      return false; // none read yet, which the next search reads as it is now; or nothing written
    }
    state = null;
    return true;
  }

  /** Nothing to release: the connection belongs to whoever opened it, and may serve a store too. */
  @Override
  public void close() {}

  /**
   * What a relevance cursor is tied to (see {@code SearchCursor}): when the archive this engine reads
   * was last written, as of its last refresh.
   */
  private long archiveState() throws IOException {
    return archive().lastCommit().map(Instant::toEpochMilli).orElse(0L);
  }

  private ArchiveState archive() throws IOException {
    ArchiveState current = state;
    if (current == null) {
      current = readArchive();
      state = current;
    }
    return current;
  }

  private ArchiveState readArchive() throws IOException {
    ObjectNode body = ClusterConnection.object();
    body.put("size", 0);
    body.put("track_total_hits", true);
    ObjectNode aggs = body.putObject("aggs");
    byPrecision(aggs).set("days", dayHistogram());
    for (String dim : Facet.ids()) {
      aggs.set("facet_" + dim, terms(dim, ALL_VALUES, ALL_VALUES));
    }
    aggs.set("aliased", terms(ArchiveSchema.ACTOR_ALIASED, ALL_VALUES));
    JsonNode answer = search(body);
    TimelineCounts days = new TimelineCounts();
    answer.path("aggregations").path(PRECISION).path("buckets")
        .forEach(bucket -> addDays(days.dated(precision(bucket)).all(), bucket.path("days")));
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    for (String dim : Facet.ids()) {
      Map<String, Long> values = new LinkedHashMap<>();
      answer.path("aggregations").path("facet_" + dim).path("buckets")
          .forEach(b -> values.put(b.path("key").asText(), b.path("doc_count").asLong()));
      facets.put(dim, values);
    }
    List<String> aliasedNames = new ArrayList<>();
    answer.path("aggregations").path("aliased").path("buckets").forEach(b -> aliasedNames.add(b.path("key").asText()));
    return new ArchiveState(answer.path("hits").path("total").path("value").asLong(), days.allSeries(), facets,
        SuggestionList.of(facets, aliasedNames), index.lastCommit());
  }

  /** The type the archive, as of {@code archive}, gives each actor, from the counts of each (type, name) pair. */
  private Map<String, ActorType> actorTypes(ArchiveState archive) throws IOException {
    ActorTypesRead read = actorTypes;
    if (read != null && read.of() == archive) {
      return read.types();
    }
    ObjectNode body = ClusterConnection.object();
    body.put("size", 0);
    body.putObject("aggs").set("pairs", terms(ArchiveSchema.ACTOR_TYPED, ALL_VALUES));
    JsonNode pairs = search(body).path("aggregations").path("pairs");
    Map<String, Map<ActorType, Long>> counts = new HashMap<>();
    pairs.path("buckets").forEach(bucket -> ActorTypes.parseTypedName(bucket.path("key").asText()).ifPresent(pair ->
        counts.computeIfAbsent(pair.getValue(), name -> new EnumMap<>(ActorType.class))
            .merge(pair.getKey(), bucket.path("doc_count").asLong(), Long::sum)));
    Map<String, ActorType> types = new HashMap<>();
    counts.forEach((name, byType) -> ActorTypes.mostGiven(byType).ifPresent(type -> types.put(name, type)));
    actorTypes = new ActorTypesRead(archive, types);
    return types;
  }

  private static ObjectNode bodyTerm(String term) {
    ObjectNode query = ClusterConnection.object();
    query.putObject("term").put(ArchiveSchema.BODY, term);
    return query;
  }

  private Optional<String> spelling(RequestDsl dsl, SearchRequest request, long total) throws IOException {
    if (total >= SpellingSuggestion.SUGGEST_BELOW_HITS || dsl.parsed().query() instanceof MatchAllDocsQuery) {
      return Optional.empty();
    }
    String typed = dsl.parsed().interpretation().map(QueryInterpretation::query).orElse(request.query());
    Optional<String> corrected = spelling.correct(typed, new QuerySpelling.TermSpeller() {
      @Override
      public boolean searched(String proseTerm, String nameTerm) throws IOException {
        ObjectNode query = ClusterConnection.object();
        ArrayNode should = query.putObject("bool").putArray("should");
        should.add(bodyTerm(proseTerm));
        should.addObject().putObject("term").put(ArchiveSchema.TITLE, proseTerm);
        should.addObject().putObject("term").put(ArchiveSchema.ACTOR, nameTerm);
        return count(query) > 0;
      }

      @Override
      public List<QuerySpelling.Candidate> near(String term) throws IOException {
        // The suggester decides "missing" shard by shard, so every shard lists all it has near the term.
        ObjectNode body = ClusterConnection.object();
        body.put("size", 0);
        ObjectNode suggestion = body.putObject("suggest").putObject("spelling");
        suggestion.put("text", term);
        suggestion.putObject("term").put("field", ArchiveSchema.BODY).put("suggest_mode", "missing")
            .put("size", QuerySpelling.CANDIDATES).put("shard_size", QuerySpelling.CANDIDATES)
            .put("analyzer", "whitespace");
        List<QuerySpelling.Candidate> near = new ArrayList<>();
        search(body).path("suggest").path("spelling").path(0).path("options").forEach(option ->
            near.add(new QuerySpelling.Candidate(option.path("text").asText(), option.path("freq").asLong())));
        return near;
      }

      @Override
      public List<String> bodiesWith(String bodyTerm) throws IOException {
        ObjectNode body = ClusterConnection.object();
        body.put("size", QuerySpelling.BODIES);
        body.set("query", bodyTerm(bodyTerm));
        body.putArray("_source").add(ArchiveSchema.BODY);
        body.putArray("sort").addObject().put(ArticleDocument.ID, "asc");
        List<String> bodies = new ArrayList<>();
        search(body).path("hits").path("hits").forEach(hit -> bodies.add(hit.path("_source").path(ArchiveSchema.BODY).asText()));
        return bodies;
      }
    });
    if (corrected.isEmpty()) {
      return Optional.empty();
    }
    try {
      SearchRequest again = new SearchRequest(corrected.get(), request.filters(), request.from(), request.to(),
          request.sort(), request.size(), request.facetLimit());
      return count(RequestDsl.of(again).matches()) > total ? corrected : Optional.empty();
    } catch (InvalidQueryException e) {
      return Optional.empty(); // a correction that is no query is no suggestion
    }
  }

  private long count(ObjectNode query) throws IOException {
    ObjectNode body = ClusterConnection.object();
    body.set("query", query);
    return connection.send("POST", "/" + alias + "/_count", body).path("count").asLong();
  }

  /** A search whose scores do not matter (no hits, or no words to score): one round trip, not two. */
  private JsonNode search(ObjectNode body) throws IOException {
    return search(body, ARCHIVE_PREFERENCE);
  }

  private JsonNode search(ObjectNode body, String preference) throws IOException {
    return connection.send("POST", "/" + alias + "/_search", Map.of("preference", preference),
        ClusterConnection.json().writeValueAsString(body), "application/json");
  }

  /**
   * A search whose hits are ranked by score: the whole archive's term statistics first ({@code
   * dfs_query_then_fetch}), read from the shard copies {@code preference} picks. A shard's primary and
   * replica merge segments apart, so they hold different deleted documents and score alike only until
   * the first delete: without a preference each request took whichever copy, and one search's scores,
   * order and next page changed from one call to the next (an API trial, session 38, on three nodes:
   * a walk of 240 hits by cursor met 151 to 209 of them, the rest repeats).
   */
  private JsonNode scoredSearch(ObjectNode body, String preference) throws IOException {
    Map<String, String> parameters = new HashMap<>(DFS);
    parameters.put("preference", preference);
    return connection.send("POST", "/" + alias + "/_search", parameters, ClusterConnection.json().writeValueAsString(body),
        "application/json");
  }

  /** A search for a request's matches: a wildcard or fuzzy term that expands past the cluster's limit is the user's to fix. */
  private JsonNode searchMatches(ObjectNode body, RequestDsl dsl) throws IOException, InvalidQueryException {
    try {
      boolean scored = body.path("size").asInt() > 0 && !(dsl.parsed().query() instanceof MatchAllDocsQuery);
      return scored ? scoredSearch(body, dsl.preference()) : search(body, dsl.preference());
    } catch (ClusterException e) {
      if (e.status() == 400 && e.getMessage().contains("clause")) {
        throw new InvalidQueryException(InvalidQueryException.Kind.QUERY_TOO_COMPLEX, org.morgue.search.RequestField.QUERY,
            "the query expands to too many terms; make wildcards and fuzzy terms more specific", e);
      }
      throw e;
    }
  }

  /** One article's document as the last refresh left it ({@code fields}: only those; null: all). */
  private Optional<JsonNode> document(String id, String fields) throws IOException {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("realtime", "false");
    if (fields != null) {
      parameters.put("_source_includes", fields);
    }
    try {
      JsonNode doc = connection.send("GET", "/" + alias + "/_doc/" + OpenSearchStore.encode(id), parameters, null,
          "application/json");
      return doc.path("found").asBoolean(false) ? Optional.of(doc.path("_source")) : Optional.empty();
    } catch (ClusterException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Articles per publication day (days since 1970-01-01), only the days that have any. */
  private static ObjectNode dayHistogram() {
    ObjectNode node = ClusterConnection.object();
    node.putObject("histogram").put("field", ArticleDocument.PUBLISHED).put("interval", 1).put("min_doc_count", 1);
    return node;
  }

  /** Adds a day histogram's answer to day counts. */
  private static void addDays(DayCounts days, JsonNode histogram) {
    histogram.path("buckets").forEach(b -> days.add((long) b.path("key").asDouble(), b.path("doc_count").asLong()));
  }

  /**
   * Splits what {@code aggs} counts by the articles' date precision (a day where the document
   * names none, as for most): the day histograms go under the object returned.
   */
  private static ObjectNode byPrecision(ObjectNode aggs) {
    ObjectNode split = aggs.putObject(PRECISION);
    split.putObject("terms").put("field", ArticleDocument.PUBLISHED_PRECISION).put("missing", DatePrecision.DAY.id())
        .put("size", DatePrecision.values().length);
    return split.putObject("aggs");
  }

  /** The precision a bucket of {@link #byPrecision} counts. */
  private static DatePrecision precision(JsonNode bucket) {
    String key = bucket.path("key").asText();
    return DatePrecision.fromId(key).orElseThrow(() -> new IllegalStateException("the cluster counted an unknown date precision '" + key + "'"));
  }

  /**
   * The relevance the matches carry, for ranking facet values by significance as the embedded engine
   * does ({@link FacetSignificance}): the sum of the matches' scores, in all and per value of every
   * dimension, each score rounded to a thousandth as the embedded engine rounds it. Scores are the
   * ones the hits are ranked by ({@code dfs_query_then_fetch}: the whole archive's statistics).
   */
  private static ObjectNode relevanceSums(RequestDsl dsl) {
    ObjectNode relevance = ClusterConnection.object();
    relevance.set("filter", RequestDsl.allOf(dsl.filtersBut(null)));
    ObjectNode sums = relevance.putObject("aggs");
    sums.set("total", roundedScoreSum());
    for (String dim : Facet.ids()) {
      ObjectNode values = terms(dim, ALL_VALUES, ALL_VALUES);
      values.putObject("aggs").set("score", roundedScoreSum());
      sums.set("dim_" + dim, values);
    }
    return relevance;
  }

  private static ObjectNode roundedScoreSum() {
    ObjectNode sum = ClusterConnection.object();
    ObjectNode script = sum.putObject("sum").putObject("script");
    script.put("lang", "painless");
    script.put("source", "Math.round(_score.doubleValue() * 1000.0) / 1000.0");
    return sum;
  }

  private static FacetSignificance.Relevance relevance(JsonNode sums) {
    Map<String, Map<String, Double>> byValue = new HashMap<>();
    for (String dim : Facet.ids()) {
      Map<String, Double> values = new HashMap<>();
      sums.path("dim_" + dim).path("buckets").forEach(bucket -> values.put(bucket.path("key").asText(),
          FacetSignificance.Relevance.rounded(bucket.path("score").path("value").asDouble())));
      byValue.put(dim, values);
    }
    return new FacetSignificance.Relevance(
        FacetSignificance.Relevance.rounded(sums.path("total").path("value").asDouble()), byValue);
  }

  private static ObjectNode terms(String dim, int size, int shardSize) {
    ObjectNode node = terms(ArticleDocument.facetField(dim), size);
    ((ObjectNode) node.path("terms")).put("shard_size", shardSize);
    return node;
  }

  /** The most frequent values of a keyword field, ties in key order, as the embedded engine ranks them. */
  private static ObjectNode terms(String field, int size) {
    ObjectNode node = ClusterConnection.object();
    ObjectNode terms = node.putObject("terms");
    terms.put("field", field);
    terms.put("size", size);
    ArrayNode order = terms.putArray("order");
    order.addObject().put("_count", "desc");
    order.addObject().put("_key", "asc");
    return node;
  }

  private static int scorePosition(RequestDsl dsl) {
    return dsl.sort().size() - 2;
  }
}
