package org.morgue.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.morgue.article.ArticleJson;
import org.morgue.article.EnrichedArticle;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.engine.opensearch.ArchiveIndex;
import org.morgue.engine.opensearch.OpenSearchStore;
import org.morgue.indexer.story.CopyDetection;
import org.morgue.indexer.story.StoryKeys;
import org.morgue.indexer.story.StorySigner;
import org.morgue.search.StoryEntry;

/**
 * OpenSearch's own bulk indexing of the archive's documents as Morgue would send them, enrichment
 * done: the figure issue #21 sets Morgue's full indexing against. The documents are made, untimed,
 * from the embedded archive Morgue's indexing run left (each stored article, its fingerprint and
 * story, its band and lead keys made again from its body: what {@code OpenSearchStore.put} would have sent
 * for it) into a bulk file; the timed part sends that file to a fresh index with the archive's
 * mapping and settings, as Morgue's own bulk writer sends its requests (about 5 MB or 500 operations
 * each, two in flight), and refreshes it. The scratch index and file are deleted at the end.
 *
 * <p>Made from the embedded archive rather than from one the OpenSearch engine wrote, so the
 * yardstick needs no run of Morgue into the cluster, which at a million articles takes hours on one
 * machine. The bench's archives hold no collections, so none are carried over; the fingerprint is
 * the embedded archive's, which differs from the cluster's only in value (each store's schema
 * version goes into it), not in size.
 */
final class EnrichedBulkBenchmark {
  /** The request sizes and concurrency of the engine's {@code BulkWriter}, so only the documents' making differs. */
  private static final int MAX_OPERATIONS = 500;
  private static final int MAX_CHARS = 5 * 1024 * 1024;
  private static final int PARALLEL_REQUESTS = 2;
  /** Documents sent untimed before the timed bulk, as Morgue's runs are timed after a warm-up. */
  private static final int WARM_UP = 10_000;
  private static final Set<String> STORED = Set.of(ArchiveSchema.SOURCE_JSON, ArchiveSchema.BODY,
      ArchiveSchema.FINGERPRINT);

  private final BenchCluster cluster;
  private final Path scratch;

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

  /**
   * Makes the documents of the embedded archive in {@code morgueIndex}, bulks them into a fresh
   * index, measures, and deletes both.
   */
  Bulk measure(Path morgueIndex) throws IOException {
    ArchiveIndex target = cluster.index(cluster.index().alias() + "-bulk");
    Files.createDirectories(scratch);
    Path file = scratch.resolve(target.alias() + ".ndjson");
    String concrete = null;
    try {
      System.out.println("making the enriched documents of " + morgueIndex + " into " + file + " (not timed) ...");
      int documents = export(morgueIndex, file);
      warmUp(file, target);
      concrete = target.prepareEmpty(); // the mapping and settings `./morgue index --opensearch` writes with
      cluster.send("GET", "/_cluster/health/" + concrete + "?wait_for_status=yellow&timeout=60s", null, null);
      System.out.println("bulk-indexing " + documents + " enriched documents into " + concrete + " ...");
      OptionalLong cpuBefore = cluster.cpuMillis();
      long start = System.nanoTime();
      send(file, concrete);
      cluster.send("POST", "/" + concrete + "/_refresh", null, null);
      double seconds = (System.nanoTime() - start) / 1e9;
      OptionalLong cpuAfter = cluster.cpuMillis();
      long indexed = cluster.send("GET", "/" + concrete + "/_count", null, null).path("count").asLong();
      if (indexed != documents) {
        throw new IllegalStateException("the bulk-built index holds " + indexed + " of the " + documents
            + " documents made");
      }
      OptionalLong cpu = cpuBefore.isPresent() && cpuAfter.isPresent()
          ? OptionalLong.of(cpuAfter.getAsLong() - cpuBefore.getAsLong()) : OptionalLong.empty();
      return new Bulk(documents, seconds, cluster.primaryStoreBytes(concrete), cpu);
    } finally {
      if (concrete != null) {
        cluster.deleteIndex(concrete); // and its alias with it
      }
      Files.deleteIfExists(file);
    }
  }

  /**
   * Writes every live article of the embedded archive as an {@code index} action and the document
   * the OpenSearch engine makes of it, in the archive's own order.
   *
   * @return how many documents were written
   */
  static int export(Path morgueIndex, Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ArticleJson articles = new ArticleJson();
    StorySigner signer = new StorySigner(CopyDetection.STANDARD);
    int documents = 0;
    try (FSDirectory directory = FSDirectory.open(morgueIndex);
        DirectoryReader reader = DirectoryReader.open(directory);
        BufferedWriter out = Files.newBufferedWriter(file)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader segment = leaf.reader();
        Bits live = segment.getLiveDocs();
        StoredFields stored = segment.storedFields();
        SortedDocValues stories = DocValues.getSorted(segment, ArchiveSchema.STORY);
        for (int doc = 0; doc < segment.maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          Document fields = stored.document(doc, STORED);
          String body = fields.get(ArchiveSchema.BODY) == null ? "" : fields.get(ArchiveSchema.BODY);
          EnrichedArticle enriched = articles.read(fields.getBinaryValue(ArchiveSchema.SOURCE_JSON).bytes, body);
          if (!stories.advanceExact(doc)) {
            throw new IOException("article '" + enriched.article().id() + "' of " + morgueIndex + " has no story");
          }
          String storyId = stories.lookupOrd(stories.ordValue()).utf8ToString();
          long[] keys = StoryKeys.of(enriched.article(), signer.sign(enriched.article()), CopyDetection.STANDARD);
          ObjectNode document = OpenSearchStore.document(enriched, Set.of(), fields.get(ArchiveSchema.FINGERPRINT),
              new StoryEntry(storyId, keys));
          ObjectNode action = json.createObjectNode();
          action.putObject("index").put("_id", enriched.article().id());
          out.write(json.writeValueAsString(action));
          out.write('\n');
          out.write(json.writeValueAsString(document));
          out.write('\n');
          documents++;
        }
      }
    }
    return documents;
  }

  /**
   * Sends the first documents, untimed, to an index that is then dropped: Morgue's runs are timed
   * after a warm-up of their own (and after the other runs in the same JVM), so the cluster's JVM
   * gets its JIT compiled and its pools filled before it is timed too, not on the clock.
   */
  private void warmUp(Path file, ArchiveIndex target) throws IOException {
    String concrete = target.prepareEmpty();
    try {
      cluster.send("GET", "/_cluster/health/" + concrete + "?wait_for_status=yellow&timeout=60s", null, null);
      System.out.println("warming the cluster up with the first " + WARM_UP + " documents (not timed) ...");
      send(file, concrete, WARM_UP);
    } finally {
      cluster.deleteIndex(concrete);
    }
  }

  /** Sends the bulk file in requests of at most 500 operations or about 5 MB, two in flight, and waits for all. */
  private void send(Path file, String index) throws IOException {
    send(file, index, Integer.MAX_VALUE);
  }

  /** {@link #send(Path, String)} of the file's first {@code limit} documents. */
  private void send(Path file, String index, int limit) throws IOException {
    Semaphore inFlight = new Semaphore(PARALLEL_REQUESTS);
    AtomicReference<IOException> failure = new AtomicReference<>();
    try (BufferedReader in = Files.newBufferedReader(file);
        ExecutorService senders = Executors.newFixedThreadPool(PARALLEL_REQUESTS)) {
      StringBuilder batch = new StringBuilder();
      int operations = 0;
      int read = 0;
      for (String action = in.readLine(); action != null && failure.get() == null && read < limit;
          action = in.readLine()) {
        batch.append(action).append('\n').append(in.readLine()).append('\n');
        read++;
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
