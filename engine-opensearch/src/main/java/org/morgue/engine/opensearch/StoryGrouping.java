package org.morgue.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.Story;
import org.morgue.search.StoryVersion;

/**
 * Stories over a cluster: every version of the stories a page shows, and one hit per story, each
 * story's first match in the request's order.
 *
 * <p>A first page is OpenSearch's {@code collapse} on {@link ArticleDocument#STORY}: each shard keeps
 * each story's best hit, and merging the shards keeps the best of those, which is the story's first
 * match. Later pages cannot collapse: OpenSearch refuses {@code collapse} with {@code search_after}
 * unless the sort is the collapse field alone (opensearch-project/OpenSearch#19261), and rightly, since
 * a story whose first match was on an earlier page would come back with its next match. So a later
 * page reads the matches after the cursor a batch at a time (ids and story ids only), takes each
 * story's first match among them as a candidate, and keeps the candidates that are their story's
 * first match over all the matches, which one collapsed search over the candidates' stories tells
 * ({@link #firstMatchesAfter}). Cost: two searches per batch, and a further batch only while the
 * batch held too few stories that are new (copies crowding a page, or stories shown on earlier pages).
 *
 * <p>Thread-safe.
 */
final class StoryGrouping {
  /**
   * The most versions read for the stories of one page: the index's result window. A story of more
   * versions than that lists the first this many the cluster returns.
   */
  static final int MAX_VERSIONS = 10_000;
  /**
   * The distinct stories counted exactly: OpenSearch's {@code cardinality} counts values one by one up
   * to this threshold (its largest) and estimates above it.
   */
  static final int EXACT_STORIES = 40_000;

  /** A search of a request's matches (scored over the whole archive when the query has words). */
  @FunctionalInterface
  interface Matches {
    JsonNode search(ObjectNode body) throws IOException, InvalidQueryException;
  }

  private final ClusterConnection connection;
  private final String alias;

  StoryGrouping(ClusterConnection connection, String alias) {
    this.connection = connection;
    this.alias = alias;
  }

  /** Makes a search body answer one hit per story, its first in the body's sort. */
  static void collapse(ObjectNode body) {
    body.putObject("collapse").put("field", ArticleDocument.STORY);
  }

  /**
   * An aggregation counting the distinct stories among the matches (the query under these filters).
   * Up to {@link #EXACT_STORIES} stories OpenSearch keeps every value it saw, but as a hash, not the
   * id: two story ids whose hashes collide count once, a chance that grows with the square of the
   * stories counted (nil for a page's worth, not for tens of thousands). Above the threshold the count
   * is an estimate, within a few per cent. An exact count would need every story id brought to one
   * node (a {@code terms} aggregation with a bucket per story), a cost that grows with the archive.
   */
  static ObjectNode distinctStories(List<ObjectNode> filters) {
    ObjectNode node = ClusterConnection.object();
    node.set("filter", RequestDsl.allOf(filters));
    node.putObject("aggs").putObject("count").putObject("cardinality").put("field", ArticleDocument.STORY)
        .put("precision_threshold", EXACT_STORIES);
    return node;
  }

  /** The stories count an answer's {@link #distinctStories} aggregation holds, never more than the matches. */
  static long stories(JsonNode aggregation, long total) {
    return Math.min(total, aggregation.path("count").path("value").asLong());
  }

  /** A batch's size for a page of {@code count} stories: a few hits per story, so a batch usually suffices. */
  static int batchSize(int count) {
    return Math.max(100, 4 * count);
  }

  /** The body of one batch of matches after {@code after} (null: from the start): ids and story ids only. */
  static ObjectNode batch(RequestDsl dsl, JsonNode after, int size) {
    ObjectNode body = ClusterConnection.object();
    body.set("query", dsl.matches());
    body.put("size", size);
    body.put("track_total_hits", false);
    body.set("sort", dsl.sort());
    if (after != null) {
      body.set("search_after", after);
    }
    idsAndStories(body);
    return body;
  }

  /** Asks a search body for each hit's id and story id alone. */
  static void idsAndStories(ObjectNode body) {
    body.putObject("_source").putArray("includes").add(ArticleDocument.ID).add(ArticleDocument.STORY);
  }

  /**
   * Up to {@code count} stories whose first match sorts after {@code after} (a hit's sort values;
   * null for the first stories), in order, each as the hit of its first match (id, story id, sort
   * values).
   *
   * @param firstBatch the first batch of matches after {@code after}, if a search already read it
   *     (asked for with {@link #idsAndStories}), of {@code batchSize} hits unless it holds them all;
   *     null to read it here
   */
  List<JsonNode> firstMatchesAfter(RequestDsl dsl, JsonNode after, int count, JsonNode firstBatch, int batchSize,
      Matches matches) throws IOException, InvalidQueryException {
    List<JsonNode> first = new ArrayList<>();
    Set<String> decided = new HashSet<>();
    JsonNode batch = firstBatch;
    JsonNode from = after;
    while (first.size() < count) {
      if (batch == null) {
        batch = matches.search(batch(dsl, from, batchSize)).path("hits").path("hits");
      }
      // Each story's first match in this batch, unless an earlier batch decided the story already.
      Map<String, JsonNode> candidates = new LinkedHashMap<>();
      for (JsonNode hit : batch) {
        String story = ArticleDocument.storyId(hit.path("_source"));
        if (decided.add(story)) {
          candidates.put(story, hit);
        }
      }
      // From the start, a story's first match in the first batch that has it is its first of all.
      Set<String> firsts = after == null ? null : firstMatchIds(dsl, candidates.keySet(), matches);
      for (JsonNode hit : candidates.values()) {
        if (firsts == null || firsts.contains(hit.path("_source").path(ArticleDocument.ID).asText())) {
          first.add(hit);
          if (first.size() == count) {
            return first;
          }
        }
      }
      if (batch.size() < batchSize) {
        return first;
      }
      from = batch.get(batch.size() - 1).path("sort");
      batch = null;
    }
    return first;
  }

  /** The ids of these stories' first matches: one collapsed search of the matches in these stories. */
  private Set<String> firstMatchIds(RequestDsl dsl, Collection<String> stories, Matches matches)
      throws IOException, InvalidQueryException {
    if (stories.isEmpty()) {
      return Set.of();
    }
    ObjectNode body = ClusterConnection.object();
    // Filters score nothing, so each match keeps the score it has in the page's search.
    ObjectNode bool = body.putObject("query").putObject("bool");
    bool.putArray("must").add(dsl.matches());
    ArrayNode ids = bool.putArray("filter").addObject().putObject("terms").putArray(ArticleDocument.STORY);
    stories.forEach(ids::add);
    body.put("size", stories.size());
    body.put("track_total_hits", false);
    body.set("sort", dsl.sort());
    collapse(body);
    idsAndStories(body);
    Set<String> first = new HashSet<>();
    matches.search(body).path("hits").path("hits")
        .forEach(hit -> first.add(hit.path("_source").path(ArticleDocument.ID).asText()));
    return first;
  }

  /** These articles' documents by id, as much of each as {@code fields} names: one search. */
  Map<String, JsonNode> documents(Collection<String> ids, List<String> fields) throws IOException {
    Map<String, JsonNode> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    ObjectNode body = ClusterConnection.object();
    ArrayNode terms = body.putObject("query").putObject("terms").putArray(ArticleDocument.ID);
    ids.forEach(terms::add);
    body.put("size", ids.size());
    body.put("track_total_hits", false);
    ArrayNode includes = body.putObject("_source").putArray("includes");
    fields.forEach(includes::add);
    includes.add(ArticleDocument.ID);
    search(body).path("hits").path("hits")
        .forEach(hit -> found.put(hit.path("_source").path(ArticleDocument.ID).asText(), hit.path("_source")));
    return found;
  }

  /** These stories with every version the index holds, earliest first: one search. */
  Map<String, Story> stories(Collection<String> storyIds) throws IOException {
    Map<String, Story> stories = new HashMap<>();
    Set<String> wanted = new LinkedHashSet<>(storyIds);
    if (wanted.isEmpty()) {
      return stories;
    }
    ObjectNode body = ClusterConnection.object();
    ArrayNode terms = body.putObject("query").putObject("terms").putArray(ArticleDocument.STORY);
    wanted.forEach(terms::add);
    body.put("size", MAX_VERSIONS);
    body.put("track_total_hits", false);
    ArrayNode includes = body.putObject("_source").putArray("includes");
    ArticleDocument.VERSION_FIELDS.forEach(includes::add);
    Map<String, List<StoryVersion>> versions = new HashMap<>();
    for (JsonNode hit : search(body).path("hits").path("hits")) {
      JsonNode source = hit.path("_source");
      versions.computeIfAbsent(ArticleDocument.storyId(source), id -> new ArrayList<>()).add(ArticleDocument.version(source));
    }
    versions.forEach((id, list) -> {
      list.sort(StoryVersion.EARLIEST);
      stories.put(id, new Story(id, list));
    });
    return stories;
  }

  private JsonNode search(ObjectNode body) throws IOException {
    return connection.send("POST", "/" + alias + "/_search", body);
  }
}
