package org.morgue.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.morgue.cluster.ClusterProcess;
import org.morgue.engine.opensearch.ArchiveIndex;
import org.morgue.engine.opensearch.ClusterConnection;

/**
 * The OpenSearch cluster a run measures: the one named by {@code --opensearch}, or a local one the
 * bench starts (in a child JVM, through {@link ClusterProcess}) and stops when it is closed. The
 * benchmark's archive lives there behind its own alias, so a cluster serving other archives can be
 * named without harm.
 */
final class BenchCluster implements AutoCloseable {

  private final Optional<ClusterProcess> started;
  private final OptionalDouble startSeconds;
  private final String urls;
  private final ClusterConnection connection;
  private final ArchiveIndex index;
  private final ObjectMapper json = new ObjectMapper();

  private BenchCluster(Optional<ClusterProcess> started, OptionalDouble startSeconds, String urls, String alias) {
    this.started = started;
    this.startSeconds = startSeconds;
    this.urls = urls;
    this.connection = ClusterConnection.open(urls);
    // The settings `./morgue index --opensearch` uses; one replica only where a second node can hold it.
    this.index = new ArchiveIndex(connection, alias, ArchiveIndex.IndexSettings.DEFAULT);
  }

  /** Connects to the cluster at {@code --opensearch}, or starts one of {@code --cluster-nodes} nodes. */
  static BenchCluster open(BenchOptions options, BenchWorkspace workspace) {
    String alias = "morgue-bench-" + workspace.name();
    if (options.opensearch != null) {
      return new BenchCluster(Optional.empty(), OptionalDouble.empty(), options.opensearch, alias);
    }
    System.out.println("starting a local OpenSearch cluster of " + options.clusterNodes + " node(s) ...");
    long start = System.nanoTime();
    ClusterProcess cluster = ClusterProcess.start(options.clusterNodes);
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      System.out.printf(java.util.Locale.ROOT, "cluster ready at %s in %.1f s%n", cluster.urls(), seconds);
      return new BenchCluster(Optional.of(cluster), OptionalDouble.of(seconds), cluster.urls(), alias);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  ArchiveIndex index() {
    return index;
  }

  /** Every node's address, comma-separated, as {@code serve --opensearch} takes them. */
  String urls() {
    return urls;
  }

  /** How long the cluster the bench started took to be ready; empty for a cluster it was given. */
  OptionalDouble startSeconds() {
    return startSeconds;
  }

  /** How many nodes the cluster has, from its health. */
  int nodes() throws IOException {
    return get("/_cluster/health").path("number_of_nodes").asInt();
  }

  /**
   * The resident memory of the cluster's JVM (every node runs in it), from {@code /proc/PID/status};
   * empty for a cluster the bench did not start, or off Linux.
   */
  OptionalLong residentBytes() {
    if (started.isEmpty()) {
      return OptionalLong.empty();
    }
    Path status = Path.of("/proc", Long.toString(started.get().pid()), "status");
    try {
      return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).findFirst();
    } catch (IOException e) {
      return OptionalLong.empty(); // not Linux: the report says "-"
    }
  }

  /** Heap in use over every node now (not after a collection), from {@code _nodes/stats/jvm}. */
  long heapUsedBytes() throws IOException {
    long bytes = 0;
    for (Iterator<JsonNode> nodes = get("/_nodes/stats/jvm").path("nodes").elements(); nodes.hasNext(); ) {
      bytes += nodes.next().path("jvm").path("mem").path("heap_used_in_bytes").asLong();
    }
    return bytes;
  }

  /**
   * The archive's primaries' size after a flush (a Lucene commit on every shard, as the embedded
   * engine's size is measured after its commit): the sum of their segments' sizes from
   * {@code _segments}. {@code _stats/store} would say the same but caches each shard's size for
   * {@code index.store.stats_refresh_interval} (10 s), which cost every run a ten-second wait; the
   * segments are read as they are. The commit point's own few hundred bytes are not counted.
   */
  long primaryStoreBytes() throws IOException {
    send("POST", "/" + index.alias() + "/_flush");
    long bytes = 0;
    for (JsonNode concrete : get("/" + index.alias() + "/_segments").path("indices")) {
      for (JsonNode copies : concrete.path("shards")) {
        for (JsonNode copy : copies) {
          if (copy.path("routing").path("primary").asBoolean()) {
            for (JsonNode segment : copy.path("segments")) {
              bytes += segment.path("size_in_bytes").asLong();
            }
          }
        }
      }
    }
    return bytes;
  }

  private JsonNode get(String path) throws IOException {
    return send("GET", path);
  }

  /** A request to the first node, outside the engine: the cluster's own statistics. */
  private JsonNode send(String method, String path) throws IOException {
    URI uri = URI.create(urls.split(",", 2)[0].strip() + path);
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
          .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(method + " " + uri + " answered " + response.statusCode() + ": " + response.body());
      }
      return json.readTree(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted during " + method + " " + uri, e);
    }
  }

  /** Closes the connection, and stops the cluster if the bench started it. */
  @Override
  public void close() throws IOException {
    try {
      connection.close();
    } finally {
      started.ifPresent(ClusterProcess::close);
    }
  }
}
