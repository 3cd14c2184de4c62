package org.morgue.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * OpenSearch's own bulk indexing of the archive's documents as Morgue wrote them, enrichment done:
 * the figure issue #21 sets Morgue's full indexing against. The documents are read, untimed, from
 * the index behind the bench's alias (left by {@link OpenSearchBenchmark#indexing}) into a bulk
 * file; the timed part sends that file to a fresh index with the same mapping and settings, as
 * Morgue's own bulk writer sends its requests (about 5 MB or 500 operations each, two in flight),
 * and refreshes it. The scratch index and file are deleted at the end.
 */
final class EnrichedBulkBenchmark {
  /** The request sizes and concurrency of the engine's {@code BulkWriter}, so only the documents' making differs. */
  private static final int MAX_OPERATIONS = 500;
  private static final int MAX_CHARS = 5 * 1024 * 1024;
  private static final int PARALLEL_REQUESTS = 2;
  private static final int PAGE = 1000;
  private static final String SCROLL = "2m";
  private static final String JSON = "application/json";
  /**
   * Settings OpenSearch keeps about an index rather than takes for one; a request to create an index
   * with any of them is refused. Everything else set on the archive's index is set on the copy.
   */
  private static final Set<String> RECORDED_SETTINGS = Set.of("uuid", "creation_date", "provided_name", "version",
      "history_uuid", "resize", "blocks", "verified_before_close");

  private final BenchCluster cluster;
  private final Path scratch;
  private final ObjectMapper json = new ObjectMapper();

  /** @param scratch the bench's scratch folder, where the bulk file is written and deleted */
  EnrichedBulkBenchmark(BenchCluster cluster, Path scratch) {
    this.cluster = cluster;
    this.scratch = scratch;
  }

  /**
   * One timed bulk of every document.
   *
   * @param seconds from the first bulk request sent to the refresh done
   * @param primaryBytes the primaries' segments' size after a flush, as the archive's is measured
   * @param clusterCpuMillis the cluster JVM's CPU time over the same span; empty for a cluster the
   *     bench did not start
   */
  record Bulk(int documents, double seconds, long primaryBytes, OptionalLong clusterCpuMillis) {
    double documentsPerSecond() {
      return documents / seconds;
    }

    OptionalDouble cpuMillisPerDocument() {
      return clusterCpuMillis.isPresent() ? OptionalDouble.of((double) clusterCpuMillis.getAsLong() / documents)
          : OptionalDouble.empty();
    }
  }

  /** Exports the archive behind the alias, bulks it into a fresh index, measures, and deletes both. */
  Bulk measure() throws IOException {
    String source = cluster.index().alias();
    String target = source + "-bulk";
    Files.createDirectories(scratch);
    Path file = scratch.resolve(target + ".ndjson");
    cluster.deleteIndex(target); // a crashed run's leftover
    try {
      System.out.println("exporting the enriched documents from " + source + " to " + file + " (not timed) ...");
      int documents = export(source, file);
      createCopy(source, target);
      System.out.println("bulk-indexing " + documents + " enriched documents into " + target + " ...");
      OptionalLong cpuBefore = cluster.cpuMillis();
      long start = System.nanoTime();
      send(file, target);
      cluster.send("POST", "/" + target + "/_refresh", null, null);
      double seconds = (System.nanoTime() - start) / 1e9;
      OptionalLong cpuAfter = cluster.cpuMillis();
      long indexed = cluster.send("GET", "/" + target + "/_count", null, null).path("count").asLong();
      if (indexed != documents) {
        throw new IllegalStateException("the bulk-built index holds " + indexed + " of the " + documents
            + " documents exported");
      }
      OptionalLong cpu = cpuBefore.isPresent() && cpuAfter.isPresent()
          ? OptionalLong.of(cpuAfter.getAsLong() - cpuBefore.getAsLong()) : OptionalLong.empty();
      return new Bulk(documents, seconds, cluster.primaryStoreBytes(target), cpu);
    } finally {
      cluster.deleteIndex(target);
      Files.deleteIfExists(file);
    }
  }

  /**
   * Writes every document of the index as an {@code index} action and its source, in the index's own
   * order. Fields the mapping keeps out of {@code _source} but stores (the story's band keys) are read
   * from the stored fields and put back, so the copy indexes everything the archive's documents did.
   *
   * @return how many documents were written
   */
  private int export(String index, Path file) throws IOException {
    JsonNode mappings = onlyIndex(cluster.send("GET", "/" + index + "/_mapping", null, null)).path("mappings");
    List<String> stored = new ArrayList<>();
    mappings.path("_source").path("excludes").forEach(field -> stored.add(field.asText()));
    ObjectNode query = json.createObjectNode();
    query.put("size", PAGE);
    query.putArray("sort").add("_doc");
    query.put("_source", true); // asking for stored fields alone would leave it out
    stored.forEach(query.putArray("stored_fields")::add);
    int documents = 0;
    JsonNode page = cluster.send("POST", "/" + index + "/_search?scroll=" + SCROLL, json.writeValueAsString(query), JSON);
    String scrollId = page.path("_scroll_id").asText();
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      while (page.path("hits").path("hits").size() > 0) {
        for (JsonNode hit : page.path("hits").path("hits")) {
          ObjectNode document = (ObjectNode) hit.path("_source");
          for (String field : stored) {
            document.set(field, hit.path("fields").path(field).isMissingNode() ? json.createArrayNode()
                : hit.path("fields").path(field));
          }
          ObjectNode action = json.createObjectNode();
          action.putObject("index").put("_id", hit.path("_id").asText());
          out.write(json.writeValueAsString(action));
          out.write('\n');
          out.write(json.writeValueAsString(document));
          out.write('\n');
          documents++;
        }
        ObjectNode next = json.createObjectNode().put("scroll", SCROLL).put("scroll_id", scrollId);
        page = cluster.send("POST", "/_search/scroll", json.writeValueAsString(next), JSON);
        scrollId = page.path("_scroll_id").asText(scrollId);
      }
    } finally {
      ObjectNode clear = json.createObjectNode();
      clear.putArray("scroll_id").add(scrollId);
      cluster.send("DELETE", "/_search/scroll", json.writeValueAsString(clear), JSON);
    }
    return documents;
  }

  /** Creates an empty index with the source index's mapping and settings, and waits until its shards are placed. */
  private void createCopy(String source, String target) throws IOException {
    ObjectNode body = json.createObjectNode();
    body.set("mappings", onlyIndex(cluster.send("GET", "/" + source + "/_mapping", null, null)).path("mappings"));
    ObjectNode settings = (ObjectNode) onlyIndex(cluster.send("GET", "/" + source + "/_settings", null, null))
        .path("settings").path("index").deepCopy();
    settings.remove(RECORDED_SETTINGS);
    body.putObject("settings").set("index", settings);
    cluster.send("PUT", "/" + target, json.writeValueAsString(body), JSON);
    cluster.send("GET", "/_cluster/health/" + target + "?wait_for_status=yellow&timeout=60s", null, null);
  }

  /** The one index's part of an answer keyed by index name (an alias's answer names its index). */
  private static JsonNode onlyIndex(JsonNode answer) throws IOException {
    Iterator<Map.Entry<String, JsonNode>> indices = answer.properties().iterator();
    if (!indices.hasNext()) {
      throw new IOException("no index in the cluster's answer: " + answer);
    }
    JsonNode only = indices.next().getValue();
    if (indices.hasNext()) {
      throw new IOException("the alias names more than one index: " + answer);
    }
    return only;
  }

  /** Sends the bulk file in requests of at most 500 operations or about 5 MB, two in flight, and waits for all. */
  private void send(Path file, String index) throws IOException {
    Semaphore inFlight = new Semaphore(PARALLEL_REQUESTS);
    AtomicReference<IOException> failure = new AtomicReference<>();
    try (BufferedReader in = Files.newBufferedReader(file);
        ExecutorService senders = Executors.newFixedThreadPool(PARALLEL_REQUESTS)) {
      StringBuilder batch = new StringBuilder();
      int operations = 0;
      for (String action = in.readLine(); action != null && failure.get() == null; action = in.readLine()) {
        batch.append(action).append('\n').append(in.readLine()).append('\n');
        if (++operations >= MAX_OPERATIONS || batch.length() >= MAX_CHARS) {
          submit(batch.toString(), index, senders, inFlight, failure);
          batch.setLength(0);
          operations = 0;
        }
      }
      if (operations > 0) {
        submit(batch.toString(), index, senders, inFlight, failure);
      }
    } // closing the senders waits for the requests in flight
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  private void submit(String body, String index, ExecutorService senders, Semaphore inFlight,
      AtomicReference<IOException> failure) throws IOException {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to send a bulk request", e);
    }
    senders.execute(() -> {
      try {
        checkApplied(cluster.send("POST", "/" + index + "/_bulk", body, "application/x-ndjson"));
      } catch (IOException e) {
        failure.compareAndSet(null, e);
      } catch (RuntimeException e) {
        failure.compareAndSet(null, new IOException(e.getMessage(), e));
      } finally {
        inFlight.release();
      }
    });
  }

  /** A bulk answer with {@code errors: true} fails the run with the first operation's reason: every document must go in. */
  private static void checkApplied(JsonNode answer) throws IOException {
    if (!answer.path("errors").asBoolean(true)) {
      return;
    }
    for (JsonNode item : answer.path("items")) {
      JsonNode result = item.path("index");
      if (result.has("error")) {
        throw new IOException("the cluster refused document '" + result.path("_id").asText() + "' (status "
            + result.path("status").asInt() + "): " + result.path("error").path("type").asText() + " "
            + result.path("error").path("reason").asText());
      }
    }
    throw new IOException("a bulk answer said errors without naming one: " + answer);
  }
}
