package org.morgue.engine.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes documents to one index through the bulk API: operations gather into requests of a bounded
 * size, at most {@link #PARALLEL_REQUESTS} requests are in flight at once (more only queue up inside
 * the cluster), and what the cluster turns away as too busy ({@code 429}, a whole request or some of
 * its operations) is sent again after a back-off that doubles each time.
 *
 * <p>Invariants: after {@link #flush} returns, every operation given before it was applied or the
 * flush threw; an operation rejected for any reason other than load (a mapping conflict, say) is not
 * retried and fails the next flush with the cluster's reason.
 *
 * <p>{@link #index} and {@link #delete} may be called from several threads at once.
 */
final class BulkWriter implements Closeable {
  /** Requests in flight at once: two keeps a small cluster busy without queueing in its thread pools. */
  static final int PARALLEL_REQUESTS = 2;
  private static final int MAX_OPERATIONS = 500;
  private static final int MAX_BYTES = 5 * 1024 * 1024;
  private static final int MAX_ATTEMPTS = 10;
  private static final long FIRST_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 10_000;

  private final ClusterConnection connection;
  private final String index;
  private final ExecutorService senders = Executors.newFixedThreadPool(PARALLEL_REQUESTS, runnable -> {
    Thread thread = new Thread(runnable, "morgue-bulk");
    thread.setDaemon(true);
    return thread;
  });
  private final Semaphore inFlight = new Semaphore(PARALLEL_REQUESTS);
  private final AtomicReference<IOException> failure = new AtomicReference<>();
  private List<Operation> pending = new ArrayList<>();
  private int pendingBytes;

  /** One bulk operation: its action line and, for an index operation, its document line. */
  private record Operation(String action, String document) {
    int bytes() {
      return action.length() + (document == null ? 0 : document.length()) + 2;
    }
  }

  BulkWriter(ClusterConnection connection, String index) {
    this.connection = connection;
    this.index = index;
  }

  /** Adds or replaces the document with this id. */
  void index(String id, ObjectNode document) throws IOException {
    add(new Operation(action("index", id), write(document)));
  }

  /** Deletes the document with this id, if there is one. */
  void delete(String id) throws IOException {
    add(new Operation(action("delete", id), null));
  }

  /** Sends everything given so far and waits until it is applied; throws the first failure since the last flush. */
  void flush() throws IOException {
    List<Operation> batch;
    synchronized (this) {
      batch = takePending();
    }
    if (!batch.isEmpty()) {
      submit(batch);
    }
    try {
      inFlight.acquire(PARALLEL_REQUESTS);
      inFlight.release(PARALLEL_REQUESTS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for bulk requests", e);
    }
    IOException failed = failure.getAndSet(null);
    if (failed != null) {
      throw failed;
    }
  }

  private void add(Operation operation) throws IOException {
    IOException failed = failure.get();
    if (failed != null) {
      throw failed;
    }
    List<Operation> full = null;
    synchronized (this) {
      pending.add(operation);
      pendingBytes += operation.bytes();
      if (pending.size() >= MAX_OPERATIONS || pendingBytes >= MAX_BYTES) {
        full = takePending();
      }
    }
    if (full != null) {
      submit(full);
    }
  }

  private List<Operation> takePending() {
    List<Operation> batch = pending;
    pending = new ArrayList<>();
    pendingBytes = 0;
    return batch;
  }

  /** Hands a batch to a sender, waiting while {@link #PARALLEL_REQUESTS} are already in flight. */
  private void submit(List<Operation> batch) throws IOException {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to send a bulk request", e);
    }
    senders.execute(() -> {
      try {
        send(batch);
      } catch (IOException e) {
        failure.compareAndSet(null, e);
      } catch (RuntimeException e) {
        failure.compareAndSet(null, new IOException(e.getMessage(), e));
      } finally {
        inFlight.release();
      }
    });
  }

  /** Sends a batch, sending again what the cluster was too busy to take, with a growing back-off. */
  private void send(List<Operation> batch) throws IOException {
    List<Operation> toSend = batch;
    long backoff = FIRST_BACKOFF_MILLIS;
    for (int attempt = 1; ; attempt++) {
      List<Operation> busy = new ArrayList<>();
      try {
        JsonNode answer = connection.send("POST", "/_bulk", Map.of(), body(toSend), "application/x-ndjson");
        if (answer.path("errors").asBoolean(false)) {
          JsonNode items = answer.path("items");
          for (int i = 0; i < items.size(); i++) {
            JsonNode result = items.get(i).elements().next();
            int status = result.path("status").asInt();
            if (FloodStage.blocks(status, result.path("error"))) {
              throw FloodStage.refusal("to write article '" + result.path("_id").asText() + "'", result.path("error"));
            }
            if (status == 429) {
              busy.add(toSend.get(i));
            } else if (status >= 400 && !(status == 404 && toSend.get(i).document() == null)) {
              throw new IOException("the cluster refused to write article '" + result.path("_id").asText() + "': "
                  + result.path("error").path("type").asText() + " " + result.path("error").path("reason").asText());
            }
          }
        }
      } catch (ClusterException e) {
        if (e.status() != 429) {
          throw e;
        }
        busy = toSend;
      }
      if (busy.isEmpty()) {
        return;
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new IOException("the cluster stayed too busy to take " + busy.size() + " writes after " + attempt
            + " attempts over about " + (FIRST_BACKOFF_MILLIS << attempt) / 1000 + " s");
      }
      sleep(backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
      toSend = busy;
    }
  }

  private String action(String kind, String id) throws IOException {
    ObjectNode action = ClusterConnection.object();
    action.putObject(kind).put("_index", index).put("_id", id);
    return write(action);
  }

  private static String body(List<Operation> operations) {
    StringBuilder body = new StringBuilder();
    for (Operation operation : operations) {
      body.append(operation.action()).append('\n');
      if (operation.document() != null) {
        body.append(operation.document()).append('\n');
      }
    }
    return body.toString();
  }

  private static String write(JsonNode node) throws IOException {
    try {
      return ClusterConnection.json().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IOException(e);
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while backing off", e);
    }
  }

  /** Stops the senders; what was not flushed is dropped, as an uncommitted write is. */
  @Override
  public void close() {
    senders.shutdownNow();
  }
}
