package org.morgue.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.cluster.ClusterProcess;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.opensearch.ArchiveIndex;
import org.morgue.engine.opensearch.ClusterConnection;
import org.morgue.engine.opensearch.OpenSearchStore;

/**
 * The yardstick of issue #21 times OpenSearch's bulk of documents made from Morgue's embedded
 * archive, on the claim that they are the documents the OpenSearch engine itself writes for the
 * same articles. Checked on the wire-copies fixture (copies filed under one story, so story ids are
 * not just the articles' own): the same indexer writes it into an embedded archive and, through the
 * OpenSearch engine, into a real one-node cluster; every document the bench makes from the embedded
 * archive equals the cluster's, source and stored band keys alike, but for its fingerprint's value
 * (each store's schema version goes into it; the length, and so the bulk's work, is the same).
 */
class EnrichedBulkDocumentsTest {
  private static final Path COPIES = Path.of("..", "corpus", "wire-copies");
  private final ObjectMapper json = new ObjectMapper();

  private static String abbreviated(JsonNode node) {
    String text = String.valueOf(node);
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  @Test
  void theBulkFileHoldsTheDocumentsTheOpenSearchEngineWrites(@TempDir Path work) throws Exception {
    Path embedded = work.resolve("embedded");
    try (ArchiveWriter writer = ArchiveWriter.open(embedded)) {
      IndexingBenchmark.morgueIndexer(1).index(List.of(COPIES), writer, Map.of());
    }
    Path file = work.resolve("bulk.ndjson");
    int documents = EnrichedBulkBenchmark.export(embedded, file);

    Map<String, JsonNode> made = new HashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i += 2) {
      made.put(json.readTree(lines.get(i)).path("index").path("_id").asText(), json.readTree(lines.get(i + 1)));
    }
    assertEquals(documents, made.size());
    assertTrue(documents >= 5, "the fixture's articles: " + documents);

    try (ClusterProcess cluster = ClusterProcess.start(1)) {
      ArchiveIndex archive = new ArchiveIndex(ClusterConnection.open(cluster.urls()), "yardstick",
          ArchiveIndex.IndexSettings.DEFAULT);
      try (OpenSearchStore store = OpenSearchStore.openEmpty(archive)) {
        IndexingBenchmark.morgueIndexer(1).index(List.of(COPIES), store, Map.of());
      }
      String query = "{\"size\": 1000, \"_source\": true, \"stored_fields\": [\"storyBand\"]}";
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(cluster.url() + "/yardstick/_search")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode(), answer.body());
      JsonNode hits = json.readTree(answer.body()).path("hits").path("hits");
      assertEquals(documents, hits.size());
      int stories = 0;
      for (JsonNode hit : hits) {
        String id = hit.path("_id").asText();
        ObjectNode written = (ObjectNode) hit.path("_source").deepCopy();
        written.set("storyBand", hit.path("fields").path("storyBand"));
        ObjectNode bulk = (ObjectNode) made.get(id);
        List<String> differing = new java.util.ArrayList<>();
        written.fieldNames().forEachRemaining(field -> {
          if (!written.get(field).equals(bulk.get(field))) {
            differing.add(field + ": " + abbreviated(written.get(field)) + " against " + abbreviated(bulk.get(field)));
          }
        });
        // The fields that differ in value: each store's schema version is part of the fingerprint, and
        // each document says when it was written (the store's write and the bulk file's making).
        assertEquals(written.path("fingerprint").asText().length(), bulk.path("fingerprint").asText().length(), id);
        assertTrue(written.path("addedAt").canConvertToLong() && bulk.path("addedAt").canConvertToLong(), id);
        assertEquals(List.of(), differing.stream()
            .filter(field -> !field.startsWith("fingerprint:") && !field.startsWith("addedAt:")).toList(), id);
        assertEquals(written.size(), bulk.size(), id);
        if (!bulk.path("story").asText().equals(id)) {
          stories++;
        }
      }
      assertTrue(stories > 0, "some copies are filed under another article's story");
    }
  }
}
