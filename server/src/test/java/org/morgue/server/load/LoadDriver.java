package org.morgue.server.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.morgue.server.load.LoadArticles.LoadArticle;

/**
 * Loads a running server over HTTP on 127.0.0.1 and checks every answer: {@link LoadPlan#clients()}
 * threads send the {@link SearchMix} one request at a time while one writer posts an article per
 * {@link LoadPlan#postInterval()} and, as soon as the post is answered, searches for the article's
 * marker word, which the API promises to find. All share one {@link HttpClient}. The run stops by
 * itself at the plan's duration or request count, whichever comes first.
 */
public final class LoadDriver {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ERRORS_KEPT = 20;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final long RECHECK_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final URI base;
  private final String token;
  private final LoadPlan plan;
  private final SearchMix mix;
  private final LoadArticles articles;

  /**
   * A driver for the server at {@code base}, which must be {@code http://127.0.0.1:<port>}: the load
   * test never leaves this machine.
   *
   * @param token the server's live-update token
   */
  LoadDriver(URI base, String token, LoadPlan plan, SearchMix mix, LoadArticles articles) {
    if (!"http".equals(base.getScheme()) || !"127.0.0.1".equals(base.getHost())) {
      throw new IllegalArgumentException("the load test only talks to http://127.0.0.1, not " + base);
    }
    this.base = base;
    this.token = token;
    this.plan = plan;
    this.mix = mix;
    this.articles = articles;
  }

  /** Runs the plan to its end and reports; the failures it found are in the report, not thrown. */
  public LoadReport run() throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build()) {
      return new Run(http).execute();
    }
  }

  /** The state of one run: counters shared by the client threads. */
  private final class Run {
    private final HttpClient http;
    private final Latencies searches = new Latencies();
    private final Latencies posts = new Latencies();
    private final Latencies checks = new Latencies();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong budgetTaken = new AtomicLong();
    private final AtomicBoolean budgetExhausted = new AtomicBoolean();
    private final AtomicLong errorCount = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong latePosts = new AtomicLong();
    private final AtomicLong visibleAtOnce = new AtomicLong();
    private final AtomicLong maxDelayNanos = new AtomicLong();
    private final AtomicLong maxAnswerNanos = new AtomicLong();
    private long deadline;

    Run(HttpClient http) {
      this.http = http;
    }

    LoadReport execute() throws IOException, InterruptedException {
      Instant started = Instant.now();
      long before = articleCount();
      long start = System.nanoTime();
      deadline = start + plan.duration().toNanos();
      ExecutorService threads = Executors.newFixedThreadPool(plan.clients() + 1);
      List<Future<?>> work = new ArrayList<>();
      try {
        for (int client = 0; client < plan.clients(); client++) {
          Random random = new Random(plan.seed() * 31 + client);
          work.add(threads.submit(() -> searchUntilDone(random)));
        }
        work.add(threads.submit(this::postUntilDone));
        threads.shutdown();
        // Every request has its own timeout, so the clients end soon after the deadline.
        long waitNanos = plan.duration().plus(plan.visibilityTimeout()).plus(REQUEST_TIMEOUT).plusMinutes(1).toNanos();
        if (!threads.awaitTermination(waitNanos, TimeUnit.NANOSECONDS)) {
          error("the clients had not stopped " + TimeUnit.NANOSECONDS.toSeconds(waitNanos) + " s after the start");
        }
        for (Future<?> future : work) {
          if (future.isDone()) {
            try {
              future.get();
            } catch (ExecutionException e) {
              error("a client thread failed: " + e.getCause());
            }
          }
        }
      } finally {
        threads.shutdownNow();
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      long after = articleCount();
      if (after != before + acknowledged.get()) {
        error("the index holds " + after + " articles, not " + before + " + " + acknowledged.get() + " posted");
      }
      return new LoadReport(started, plan, base.toString(), machine(), elapsed,
          budgetExhausted.get() ? "request count" : "duration", sent.get(),
          searches.summary(), posts.summary(), checks.summary(), latePosts.get(), acknowledged.get(), visibleAtOnce.get(),
          maxDelayNanos.get() / 1e6, maxAnswerNanos.get() / 1e6, before, after, errorCount.get(), List.copyOf(errors));
    }

    private void searchUntilDone(Random random) {
      while (running() && take(1)) {
        String path = mix.next(random);
        send(get(path), searches, path).ifPresent(response -> checkedSearch(path, response));
      }
    }

    private void postUntilDone() {
      long next = System.nanoTime();
      for (long n = 1; ; n++) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        // A post and the search for it take two requests of the budget.
        if (!running() || !take(2)) {
          return;
        }
        LoadArticle article = articles.article(n);
        Optional<HttpResponse<String>> response = send(post(article), posts, "POST " + article.id());
        if (response.isPresent() && acknowledges(article, response.get())) {
          acknowledged.incrementAndGet();
          findPosted(article, System.nanoTime());
        }
        // A steady rate: a slow post delays the next one, but is not made up for with a burst.
        long planned = next + plan.postInterval().toNanos();
        long now = System.nanoTime();
        if (now > planned) {
          latePosts.incrementAndGet();
        }
        next = Math.max(planned, now);
      }
    }

    /** Searches for a just-acknowledged article until found, measuring how long after the 2xx that was. */
    private void findPosted(LoadArticle article, long acknowledgedAt) {
      String path = "/api/search?q=" + article.marker();
      long giveUp = acknowledgedAt + plan.visibilityTimeout().toNanos();
      for (int attempt = 1; ; attempt++) {
        long sentAt = System.nanoTime();
        Optional<JsonNode> result = send(get(path), checks, path).flatMap(response -> checkedSearch(path, response));
        if (result.isEmpty()) {
          return;
        }
        JsonNode hits = result.get().get("hits");
        long total = result.get().get("total").asLong();
        if (total == 1 && hits.size() == 1 && article.id().equals(hits.get(0).path("id").asText())) {
          long answeredAt = System.nanoTime();
          maxDelayNanos.accumulateAndGet(sentAt - acknowledgedAt, Math::max);
          maxAnswerNanos.accumulateAndGet(answeredAt - acknowledgedAt, Math::max);
          if (attempt == 1) {
            visibleAtOnce.incrementAndGet();
          } else {
            error(article.id() + " was not found by the first search after its 201, only by search " + attempt + ", "
                + String.format("%.1f", (sentAt - acknowledgedAt) / 1e6) + " ms after the answer");
          }
          return;
        }
        if (total != 0) {
          error(path + " should find only " + article.id() + " but found " + total + ": " + hits);
          return;
        }
        if (System.nanoTime() > giveUp) {
          error(article.id() + " was acknowledged but not found by " + attempt + " searches over "
              + plan.visibilityTimeout().toMillis() + " ms");
          return;
        }
        LockSupport.parkNanos(RECHECK_PAUSE_NANOS);
      }
    }

    private boolean acknowledges(LoadArticle article, HttpResponse<String> response) {
      if (response.statusCode() != 201) {
        return error("POST " + article.id() + " -> " + response.statusCode() + ": " + head(response.body()));
      }
      Optional<JsonNode> json = parsed("POST " + article.id(), response.body());
      if (json.isEmpty()) {
        return false;
      }
      JsonNode ids = json.get().path("ids");
      if (json.get().path("added").asInt() != 1 || ids.size() != 1 || !article.id().equals(ids.get(0).asText())) {
        return error("POST " + article.id() + " should add that one article, but answered " + head(response.body()));
      }
      return true;
    }

    /** The answer of a search, if it is a 200 holding hits, a total, facets and a timeline. */
    private Optional<JsonNode> checkedSearch(String path, HttpResponse<String> response) {
      if (response.statusCode() != 200) {
        error(path + " -> " + response.statusCode() + ": " + head(response.body()));
        return Optional.empty();
      }
      Optional<JsonNode> json = parsed(path, response.body());
      if (json.isPresent()) {
        JsonNode result = json.get();
        if (!result.path("total").isNumber() || !result.path("hits").isArray() || !result.path("facets").isObject()
            || !result.path("timeline").isObject()) {
          error(path + " answered without total, hits, facets or timeline: " + head(response.body()));
          return Optional.empty();
        }
        for (JsonNode hit : result.get("hits")) {
          if (!hit.path("id").isTextual() || !hit.has("snippet")) {
            error(path + " answered a hit without id or snippet: " + head(hit.toString()));
            return Optional.empty();
          }
        }
      }
      return json;
    }

    private Optional<JsonNode> parsed(String what, String body) {
      try {
        return Optional.of(JSON.readTree(body));
      } catch (JsonProcessingException e) {
        error(what + " answered something that is not JSON (" + e.getOriginalMessage() + "): " + head(body));
        return Optional.empty();
      }
    }

    private Optional<HttpResponse<String>> send(HttpRequest request, Latencies latencies, String what) {
      sent.incrementAndGet();
      long start = System.nanoTime();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        latencies.add(System.nanoTime() - start);
        return Optional.of(response);
      } catch (IOException e) {
        error(what + " failed: " + e);
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error(what + " was interrupted");
        return Optional.empty();
      }
    }

    private HttpRequest get(String pathAndQuery) {
      return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT).GET().build();
    }

    private HttpRequest post(LoadArticle article) {
      return HttpRequest.newBuilder(base.resolve("/api/articles")).timeout(REQUEST_TIMEOUT)
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(article.json(), StandardCharsets.UTF_8))
          .build();
    }

    private long articleCount() throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(get("/api/health"), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("GET /api/health -> " + response.statusCode() + ": " + head(response.body()));
      }
      return JSON.readTree(response.body()).path("articles").asLong(-1);
    }

    private boolean running() {
      return System.nanoTime() < deadline && !Thread.currentThread().isInterrupted();
    }

    /** Takes requests from the budget, or says it is spent. */
    private boolean take(int requests) {
      long taken = budgetTaken.getAndAccumulate(requests, (now, more) -> now + more <= plan.maxRequests() ? now + more : now);
      if (taken + requests > plan.maxRequests()) {
        budgetExhausted.set(true);
        return false;
      }
      return true;
    }

    /** Counts a failure, keeping the first few descriptions; always false, to return from a check. */
    private boolean error(String description) {
      if (errorCount.incrementAndGet() <= ERRORS_KEPT) {
        errors.add(description);
      }
      return false;
    }
  }

  private static String head(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors() + " processors, Java " + Runtime.version() + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }
}
