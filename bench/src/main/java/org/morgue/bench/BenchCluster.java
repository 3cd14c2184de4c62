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
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
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
  /** The nodes' addresses, taken in turn, as the engine's connection spreads its requests. */
  private final List<String> nodeUrls;
  private final AtomicInteger nextNode = new AtomicInteger();
  /** HTTP/1.1 as the engine's client speaks it: the JDK would otherwise offer an h2c upgrade on every connection. */
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private BenchCluster(Optional<ClusterProcess> started, OptionalDouble startSeconds, String urls, String alias) {
    this.started = started;
    this.startSeconds = startSeconds;
    this.urls = urls;
    this.nodeUrls = Arrays.stream(urls.split(",")).map(String::strip).filter(url -> !url.isEmpty()).toList();
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

  /** Another archive in the same cluster, with the settings of the bench's own, behind this alias. */
  ArchiveIndex index(String alias) {
    return new ArchiveIndex(connection, alias, ArchiveIndex.IndexSettings.DEFAULT);
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
    return primaryStoreBytes(index.alias());
  }

  /** {@link #primaryStoreBytes()} of another index (or alias) in the cluster. */
  long primaryStoreBytes(String name) throws IOException {
    send("POST", "/" + name + "/_flush");
    long bytes = 0;
    for (JsonNode concrete : get("/" + name + "/_segments").path("indices")) {
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

  /**
   * The CPU time the cluster's JVM has used since it started (every node and thread in it), from
   * the operating system; empty for a cluster the bench did not start. {@code _nodes/stats/process}
   * would say it for any cluster, but each node caches the figure for
   * {@code monitor.process.refresh_interval} (1 s at least), too coarse for a run of a few seconds,
   * and nodes sharing one JVM would each report all of it.
   */
  OptionalLong cpuMillis() {
    return started.flatMap(cluster -> ProcessHandle.of(cluster.pid()))
        .flatMap(process -> process.info().totalCpuDuration())
        .map(duration -> OptionalLong.of(duration.toMillis())).orElse(OptionalLong.empty());
  }

  /** Deletes an index if there is one by this name. */
  void deleteIndex(String name) throws IOException {
    HttpResponse<String> response = request("DELETE", "/" + name, null, null);
    if (response.statusCode() != 200 && response.statusCode() != 404) {
      throw new IOException("DELETE /" + name + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private JsonNode get(String path) throws IOException {
    return send("GET", path);
  }

  /** A request outside the engine: the cluster's own statistics and administration. */
  private JsonNode send(String method, String path) throws IOException {
    return send(method, path, null, null);
  }

  /**
   * A request with a body outside the engine, to the nodes in turn; any answer but {@code 200} is an
   * {@link IOException} with the cluster's own words.
   *
   * @param body the body, or null for none
   * @param contentType its type ({@code application/json}, or {@code application/x-ndjson} for bulk)
   */
  JsonNode send(String method, String path, String body, String contentType) throws IOException {
    HttpResponse<String> response = request(method, path, body, contentType);
    if (response.statusCode() != 200) {
      throw new IOException(method + " " + response.uri() + " answered " + response.statusCode() + ": "
          + response.body());
    }
    return json.readTree(response.body());
  }

  private HttpResponse<String> request(String method, String path, String body, String contentType)
      throws IOException {
    URI uri = URI.create(nodeUrls.get(Math.floorMod(nextNode.getAndIncrement(), nodeUrls.size())) + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted during " + method + " " + uri, e);
    }
  }

  /** Closes the connection, and stops the cluster if the bench started it. */
  @Override
  public void close() throws IOException {
    try {
      http.close();
      connection.close();
    } finally {
      started.ifPresent(ClusterProcess::close);
    }
  }
}
