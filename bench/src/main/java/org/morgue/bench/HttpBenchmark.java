package org.morgue.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.morgue.search.ArchiveStore;
import org.morgue.search.SearchEngine;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;
import org.morgue.server.MorgueServer;

/**
 * Serves the benchmark archive, through either engine, from Morgue's server, started in this process on a free loopback
 * port, and times what a client sees: concurrent searches, how soon a posted article is found,
 * and the heap the server keeps after warm-up.
 */
final class HttpBenchmark {
  private static final int HITS = 10;
  private static final int LIVE_POSTS = 5;
  private static final Duration LIVE_TIMEOUT = Duration.ofSeconds(30);

  /**
   * One series of concurrent clients.
   *
   * @param searchesPerSecond completed searches over all clients, per second of the run
   */
  record ClientSeries(int clients, double searchesPerSecond, Latencies latencies) {}

  /**
   * What the HTTP side measured.
   *
   * @param liveVisibleMillis per posted article, the time from sending the POST to the first search that finds it
   * @param heapAfterGcBytes heap in use after warm-up and a full collection, server and harness together
   */
  record Results(List<ClientSeries> series, List<Double> liveVisibleMillis, long heapAfterGcBytes) {}

  private final ObjectMapper json = new ObjectMapper();
  private final List<BenchQuery> queries;
  private final Timing timing;

  HttpBenchmark(List<BenchQuery> queries, Timing timing) {
    this.queries = List.copyOf(queries);
    this.timing = timing;
  }

  /**
   * Starts the server over an open engine (and a store on the same archive, for live updates),
   * measures, and stops it.
   */
  Results measure(SearchEngine searcher, ArchiveStore.Opener stores, int[] clientCounts) throws Exception {
    String secret = UUID.randomUUID().toString();
    try (LiveIndex live = LiveIndex.open(stores, IndexingBenchmark.morgueIndexer(1), searcher)) {
      Javalin app = MorgueServer.create(searcher,
          Optional.of(new LiveUpdates(live, BearerToken.of(secret, "the benchmark"))));
      app.start("127.0.0.1", 0);
      try {
        URI base = URI.create("http://127.0.0.1:" + app.port());
        List<ClientSeries> series = new ArrayList<>();
        for (int clients : clientCounts) {
          System.out.println("HTTP: " + clients + " client(s) ...");
          series.add(clients(base, clients));
        }
        System.out.println("HTTP: live-update visibility ...");
        List<Double> visible = liveVisibility(base, secret);
        long heap = HeapSampler.usedAfterGc();
        return new Results(series, visible, heap);
      } finally {
        app.stop();
      }
    }
  }

  private ClientSeries clients(URI base, int clients) throws Exception {
    runClients(base, clients, timing.warmup());
    List<Double> throughput = new ArrayList<>();
    List<Latencies> latencies = new ArrayList<>();
    for (int repeat = 0; repeat < timing.repeats(); repeat++) {
      long start = System.nanoTime();
      LatencySamples samples = runClients(base, clients, timing.run());
      double seconds = (System.nanoTime() - start) / 1e9;
      throughput.add(samples.size() / seconds);
      latencies.add(Latencies.of(samples.toArray()));
    }
    return new ClientSeries(clients, Latencies.median(throughput.stream().mapToDouble(Double::doubleValue).toArray()),
        Latencies.median(latencies));
  }

  /** Runs {@code clients} threads, each with its own connection, asking the mix until the time is up. */
  private LatencySamples runClients(URI base, int clients, Duration duration) throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    List<LatencySamples> perClient = new ArrayList<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    for (int c = 0; c < clients; c++) {
      LatencySamples samples = new LatencySamples();
      perClient.add(samples);
      // Each client goes round the mix from its own starting point, so clients do not ask in lockstep.
      int offset = c * queries.size() / clients;
      threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
          int i = offset;
          do {
            BenchQuery query = queries.get(i++ % queries.size());
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/search?size=" + HITS + "&q="
                + URLEncoder.encode(query.text(), StandardCharsets.UTF_8))).GET().build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            samples.add(System.nanoTime() - start);
            if (response.statusCode() != 200) {
              throw new IOException("search '" + query.text() + "' answered " + response.statusCode() + ": "
                  + new String(response.body(), StandardCharsets.UTF_8));
            }
          } while (System.nanoTime() < end);
        } catch (Exception e) {
          failure.compareAndSet(null, e);
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    LatencySamples all = new LatencySamples();
    perClient.forEach(all::addAll);
    return all;
  }

  /**
   * Posts articles carrying a word found nowhere else and times until a search finds each; then
   * deletes them, leaving the index as it was.
   */
  private List<Double> liveVisibility(URI base, String secret) throws Exception {
    List<Double> millis = new ArrayList<>();
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      for (int i = 0; i < LIVE_POSTS; i++) {
        String word = "benchlive" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String id = "bench-live-" + i;
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", id);
        article.put("title", "Live update check " + i);
        article.put("body", "The harness posted this article to time how soon a search finds " + word + ".");
        article.put("published", "2024-06-01");
        article.put("source", "Morgue benchmark");
        HttpRequest post = HttpRequest.newBuilder(base.resolve("/api/articles"))
            .header("Authorization", "Bearer " + secret)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(article))).build();
        HttpRequest search = HttpRequest.newBuilder(base.resolve("/api/search?size=0&q=" + word)).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> posted = client.send(post, HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() != 201) {
          throw new IOException("posting an article answered " + posted.statusCode() + ": " + posted.body());
        }
        while (total(client.send(search, HttpResponse.BodyHandlers.ofString())) < 1) {
          if (System.nanoTime() - start > LIVE_TIMEOUT.toNanos()) {
            throw new IOException("a posted article was not found within " + LIVE_TIMEOUT);
          }
          Thread.sleep(1);
        }
        millis.add((System.nanoTime() - start) / 1e6);
        HttpRequest delete = HttpRequest.newBuilder(base.resolve("/api/articles/" + id))
            .header("Authorization", "Bearer " + secret).DELETE().build();
        int deleted = client.send(delete, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (deleted != 204) {
          throw new IOException("deleting the posted article " + id + " answered " + deleted);
        }
      }
    }
    return millis;
  }

  private long total(HttpResponse<String> response) throws IOException {
    if (response.statusCode() != 200) {
      throw new IOException("search answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode total = json.readTree(response.body()).path("total");
    if (!total.isNumber()) {
      throw new IOException("the search response has no total: " + response.body());
    }
    return total.asLong();
  }
}
