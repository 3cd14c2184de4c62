package org.morgue.server.live;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.morgue.search.SearchEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets searches see what other writers commit to the archive a server reads: {@code ./morgue index}
 * into the folder a server without a curator token serves, or another server writing to the same
 * OpenSearch cluster. A librarian who imported a box of clippings found the running server still
 * answering as before, until it was restarted. Every few seconds the engine is asked whether its
 * archive moved ({@link SearchEngine#refreshIfWritten}), which costs a look at the index's listing
 * or one small request when nothing did; the server's own writes refresh it at once, as before.
 */
public final class ArchiveFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArchiveFollower.class);
  /** How long a commit by another writer may go unseen. */
  public static final Duration EVERY = Duration.ofSeconds(2);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("morgue-archive-follower").factory());

  private ArchiveFollower(SearchEngine engine, Duration every) {
    timer.scheduleWithFixedDelay(() -> follow(engine), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts following the engine's archive. */
  public static ArchiveFollower start(SearchEngine engine) {
    return new ArchiveFollower(engine, EVERY);
  }

  private static void follow(SearchEngine engine) {
    try {
      if (engine.refreshIfWritten()) {
        LOG.info("the archive was written by another writer; searches now see {} articles", engine.articleCount());
      }
    } catch (IOException | RuntimeException e) {
      // A cluster down for a moment, an index being replaced: the next look tries again, and the
      // searches meanwhile answer from what they read last (or say the archive is unavailable).
      LOG.warn("could not look for changes to the archive: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
