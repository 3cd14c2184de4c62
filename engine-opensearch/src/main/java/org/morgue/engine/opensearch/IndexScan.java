package org.morgue.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads every hit of a query in a fixed order, a page at a time, over a point in time: the pages all
 * see the index as it was when the scan began, whatever is written meanwhile, and memory holds one
 * page however many hits there are. The sort must end in a unique field (the id), so search-after
 * never skips or repeats a hit.
 */
final class IndexScan {
  static final int PAGE = 500;
  private static final String KEEP_ALIVE = "2m";

  /** Receives the hits of a scan, one at a time. */
  @FunctionalInterface
  interface HitVisitor {
    void visit(JsonNode hit) throws IOException;
  }

  private final ClusterConnection connection;
  private final String index;
  private final JsonNode query;
  private final ArrayNode sort;
  private final Map<String, String> parameters;
  private List<String> storedFields = List.of();
  private boolean withSource = true;
  private List<String> sourceIncludes = List.of();

  /**
   * @param query the query, or null for every document
   * @param sort the order, ending in a unique field; null for the id's order
   */
  IndexScan(ClusterConnection connection, String index, JsonNode query, ArrayNode sort) {
    this(connection, index, query, sort, Map.of());
  }

  /** A scan whose search requests take these parameters too ({@code search_type}, say). */
  IndexScan(ClusterConnection connection, String index, JsonNode query, ArrayNode sort, Map<String, String> parameters) {
    this.parameters = parameters;
    this.connection = connection;
    this.index = index;
    this.query = query;
    if (sort == null) {
      ArrayNode byId = ClusterConnection.json().createArrayNode();
      byId.addObject().put(ArticleDocument.ID, "asc");
      this.sort = byId;
    } else {
      this.sort = sort;
    }
  }

  /** This scan, its hits carrying these stored fields (under {@code fields}) besides the whole {@code _source}. */
  IndexScan withStoredFields(String... fields) {
    storedFields = List.of(fields);
    return this;
  }

  /** This scan, its hits carrying these stored fields (under {@code fields}) and no {@code _source}. */
  IndexScan withStoredFieldsOnly(String... fields) {
    storedFields = List.of(fields);
    withSource = false;
    return this;
  }

  /** This scan, its hits' {@code _source} holding these fields (dotted paths) alone. */
  IndexScan withSourceIncludes(String... fields) {
    sourceIncludes = List.of(fields);
    return this;
  }

  /** Receives the hits of a scan a page at a time. */
  interface PageVisitor {
    void visit(List<JsonNode> page) throws IOException;
  }

  /** Visits every hit, in order. */
  void forEach(HitVisitor visitor) throws IOException {
    forEachPage(page -> {
      for (JsonNode hit : page) {
        visitor.visit(hit);
      }
    });
  }

  /** Visits every hit, in order, a page (up to {@value #PAGE} hits) at a time. */
  void forEachPage(PageVisitor visitor) throws IOException {
    JsonNode opened = connection.send("POST", "/" + index + "/_search/point_in_time", Map.of("keep_alive", KEEP_ALIVE),
        null, "application/json");
    String pit = opened.path("pit_id").asText();
    try {
      JsonNode after = null;
      while (true) {
        ObjectNode body = ClusterConnection.object();
        body.putObject("pit").put("id", pit).put("keep_alive", KEEP_ALIVE);
        body.put("size", PAGE);
        body.put("track_total_hits", false);
        body.set("sort", sort);
        if (query != null) {
          body.set("query", query);
        }
        if (after != null) {
          body.set("search_after", after);
        }
        if (!sourceIncludes.isEmpty()) {
          sourceIncludes.forEach(body.putObject("_source").putArray("includes")::add);
        }
        if (!storedFields.isEmpty()) {
          body.put("_source", withSource); // asking for stored fields alone would leave it out
          storedFields.forEach(body.putArray("stored_fields")::add);
        }
        JsonNode hits = connection.send("POST", "/_search", parameters, ClusterConnection.json().writeValueAsString(body),
            "application/json").path("hits").path("hits");
        List<JsonNode> page = new ArrayList<>(hits.size());
        hits.forEach(page::add);
        visitor.visit(page);
        if (hits.size() < PAGE) {
          return;
        }
        after = hits.get(hits.size() - 1).path("sort");
      }
    } finally {
      ObjectNode close = ClusterConnection.object();
      close.putArray("pit_id").add(pit);
      try {
        connection.send("DELETE", "/_search/point_in_time", close);
      } catch (IOException e) {
        // The point in time expires on its own after its keep-alive; nothing is lost.
      }
    }
  }
}
