package org.morgue.server.live;

import java.util.Objects;

/**
 * How the server takes changes over the API, when it does: the writer, the token a request must
 * present, and the largest body it reads.
 *
 * @param index where changes go
 * @param curators who may write: the bearer tokens write requests must carry, by curator name
 * @param maxBodyBytes the largest request body accepted; larger ones are answered 413
 */
public record LiveUpdates(LiveIndex index, Curators curators, long maxBodyBytes) {
  /** The body limit unless told otherwise: 10 MiB, some thousands of articles per request. */
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

  public LiveUpdates {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(curators, "curators");
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive, not " + maxBodyBytes);
    }
  }

  /** Live updates with the default body limit. */
  public LiveUpdates(LiveIndex index, BearerToken token) {
    this(index, Curators.single(token), DEFAULT_MAX_BODY_BYTES);
  }

  /** Live updates with one token and a body limit. */
  public LiveUpdates(LiveIndex index, BearerToken token, long maxBodyBytes) {
    this(index, Curators.single(token), maxBodyBytes);
  }

  /** Live updates for named curators, with the default body limit. */
  public LiveUpdates(LiveIndex index, Curators curators) {
    this(index, curators, DEFAULT_MAX_BODY_BYTES);
  }
}
