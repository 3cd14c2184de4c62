package org.morgue.server;

import java.util.List;
import org.morgue.server.http.PublicAddress;

/**
 * How the HTTP layer treats clients, from {@code morgue serve}'s options: one immutable value per process.
 *
 * @param corsOrigins origins (e.g. {@code https://desk.example.org}) whose web apps may write; any origin may read
 * @param maxConcurrentSearches how many index reads (search, suggest, article, feed, export) run at once
 * @param searchQueue how many more may wait for their turn; beyond that a request is answered 429
 * @param address where readers reach the server, for the links of feeds
 */
public record HttpOptions(List<String> corsOrigins, int maxConcurrentSearches, int searchQueue, PublicAddress address) {
  /** Twice the cores (each search also splits over the cores), at least 4. */
  public static final int DEFAULT_MAX_CONCURRENT_SEARCHES = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  /** Enough for bursts of a busy newsroom; a full line answers at once instead of waiting long. */
  public static final int DEFAULT_SEARCH_QUEUE = 64;

  public HttpOptions {
    if (maxConcurrentSearches < 1) {
      throw new IllegalArgumentException("--max-concurrent-searches must be at least 1, not " + maxConcurrentSearches);
    }
    if (searchQueue < 0) {
      throw new IllegalArgumentException("--search-queue must be 0 or more, not " + searchQueue);
    }
    corsOrigins = List.copyOf(corsOrigins);
    for (String origin : corsOrigins) {
      if (!origin.matches("https?://[^/\\s]+/?")) {
        throw new IllegalArgumentException("--cors-origin must be an origin such as https://desk.example.org, not '"
            + origin + "'");
      }
    }
  }

  /** Links made from each request's own address. */
  public HttpOptions(List<String> corsOrigins, int maxConcurrentSearches, int searchQueue) {
    this(corsOrigins, maxConcurrentSearches, searchQueue, PublicAddress.fromRequests());
  }

  /** The same, with links made from this address (a server behind a reverse proxy). */
  public HttpOptions withAddress(PublicAddress address) {
    return new HttpOptions(corsOrigins, maxConcurrentSearches, searchQueue, address);
  }

  /** No origin may write; the default bounds. */
  public static HttpOptions defaults() {
    return new HttpOptions(List.of(), DEFAULT_MAX_CONCURRENT_SEARCHES, DEFAULT_SEARCH_QUEUE);
  }
}
