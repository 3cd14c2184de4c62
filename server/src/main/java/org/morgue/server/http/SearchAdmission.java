package org.morgue.server.http;

import io.javalin.http.Handler;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bound on work that reads the index: at most so many requests run at once, at most so many more
 * wait in line, and any beyond that are answered {@code 429} with {@code Retry-After} at once, so an
 * overload costs some clients a retry instead of making every request slower without end. One in line
 * waits at most {@link #MAX_WAIT}: under heavy load a queued search was seen to wait about a minute,
 * longer than a reader waits or many clients' timeouts allow, so it was lost without a word; a 429
 * says to try again.
 */
public final class SearchAdmission {
  /** Seconds a refused client is asked to wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 1;

  /** How long a request waits in line before it is answered 429 instead. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(15);

  private final Semaphore running;
  private final int queue;
  private final Duration maxWait;
  private final AtomicInteger waiting = new AtomicInteger();

  public SearchAdmission(int maxConcurrent, int queue) {
    this(maxConcurrent, queue, MAX_WAIT);
  }

  /** The same, a request in line waiting at most {@code maxWait}. */
  public SearchAdmission(int maxConcurrent, int queue, Duration maxWait) {
    if (maxConcurrent < 1 || queue < 0) {
      throw new IllegalArgumentException("need at least one concurrent search and a queue of 0 or more, not "
          + maxConcurrent + " and " + queue);
    }
    this.running = new Semaphore(maxConcurrent, true);
    this.queue = queue;
    this.maxWait = maxWait;
  }

  /** The handler, run only once admitted. */
  public Handler guard(Handler handler) {
    return ctx -> {
      enter();
      try {
        handler.handle(ctx);
      } finally {
        leave();
      }
    };
  }

  /** Takes a place among the running, waiting in line if there is room in it; refuses when there is not. */
  public void enter() throws ServerBusyException {
    if (running.tryAcquire()) {
      return;
    }
    if (waiting.incrementAndGet() > queue) {
      waiting.decrementAndGet();
      throw new ServerBusyException("the server is busy: every search it runs at once is running, and "
          + (queue == 0 ? "it lets none wait" : "the " + queue + " it lets wait are waiting") + "; try again in "
          + RETRY_AFTER_SECONDS + " s");
    }
    try {
      if (!running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ServerBusyException("the server is busy: this request waited " + maxWait.toSeconds()
            + " s in line for one of the searches it runs at once; try again in " + RETRY_AFTER_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerBusyException("the server is stopping");
    } finally {
      waiting.decrementAndGet();
    }
  }

  /** Gives the place back. */
  public void leave() {
    running.release();
  }

  /** How many requests wait in line now. */
  public int waiting() {
    return waiting.get();
  }

  /** Refused for lack of room: answered 429 with Retry-After. */
  public static final class ServerBusyException extends Exception {
    private static final long serialVersionUID = 1L;

    ServerBusyException(String message) {
      super(message);
    }
  }
}
