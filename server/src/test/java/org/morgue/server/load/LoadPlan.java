package org.morgue.server.load;

import java.time.Duration;
import java.util.Properties;

/**
 * How hard and how long to load the server. A run stops at whichever bound comes first: the
 * duration, or the number of requests issued.
 *
 * @param clients search clients, each sending one request at a time
 * @param duration how long to keep sending
 * @param maxRequests at most this many requests (searches, posts and their first visibility check)
 * @param postInterval the writer posts one article per interval
 * @param seed seeds every client's choice of searches and the posted articles, so runs are repeatable
 * @param visibilityTimeout how long to keep looking for a posted article that a search did not find
 */
public record LoadPlan(int clients, Duration duration, long maxRequests, Duration postInterval, long seed,
    Duration visibilityTimeout) {
  /** The soak runs only when this property gives its length in seconds. */
  public static final String SECONDS = "morgue.load.seconds";
  public static final String CLIENTS = "morgue.load.clients";
  public static final String REQUESTS = "morgue.load.requests";
  public static final String POST_INTERVAL_MS = "morgue.load.postIntervalMs";
  public static final String SEED = "morgue.load.seed";

  /** An hour: a soak longer than that is a mistake, not a test. */
  static final Duration LONGEST = Duration.ofHours(1);

  public LoadPlan {
    if (clients < 1 || clients > 64) {
      throw new IllegalArgumentException("clients must be 1 to 64, not " + clients);
    }
    if (duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("duration must be more than 0 and at most " + LONGEST + ", not " + duration);
    }
    if (maxRequests < 1) {
      throw new IllegalArgumentException("maxRequests must be positive, not " + maxRequests);
    }
    if (postInterval.toMillis() < 1) {
      throw new IllegalArgumentException("postInterval must be at least 1 ms, not " + postInterval);
    }
    if (visibilityTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("visibilityTimeout must be at least 1 ms, not " + visibilityTimeout);
    }
  }

  /** A plan with the visibility timeout of every run: 10 s. */
  public LoadPlan(int clients, Duration duration, long maxRequests, Duration postInterval, long seed) {
    this(clients, duration, maxRequests, postInterval, seed, Duration.ofSeconds(10));
  }

  /**
   * The plan that properties such as {@code -Dmorgue.load.seconds=60} describe, with {@code
   * defaults} for what they leave out.
   *
   * @throws IllegalArgumentException naming the property whose value is not a number or out of range
   */
  public static LoadPlan from(Properties properties, LoadPlan defaults) {
    return new LoadPlan(
        (int) number(properties, CLIENTS, defaults.clients()),
        Duration.ofSeconds(number(properties, SECONDS, defaults.duration().toSeconds())),
        number(properties, REQUESTS, defaults.maxRequests()),
        Duration.ofMillis(number(properties, POST_INTERVAL_MS, defaults.postInterval().toMillis())),
        number(properties, SEED, defaults.seed()),
        defaults.visibilityTimeout());
  }

  private static long number(Properties properties, String name, long fallback) {
    String value = properties.getProperty(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
    }
  }
}
