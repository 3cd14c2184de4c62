package org.morgue.server;

import java.util.List;

/**
 * How the HTTP layer treats clients, from {@code morgue serve}'s options: one immutable value per process.
 *
 * @param corsOrigins origins (e.g. {@code https://desk.example.org}) whose web apps may write; any origin may read
 */
public record HttpOptions(List<String> corsOrigins) {
  public HttpOptions {
    corsOrigins = List.copyOf(corsOrigins);
    for (String origin : corsOrigins) {
      if (!origin.matches("https?://[^/\\s]+/?")) {
        throw new IllegalArgumentException("--cors-origin must be an origin such as https://desk.example.org, not '"
            + origin + "'");
      }
    }
  }

  /** No origin may write. */
  public static HttpOptions defaults() {
    return new HttpOptions(List.of());
  }
}
