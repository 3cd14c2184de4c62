package org.morgue.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Polls the heap in use while a run lasts and keeps the highest value seen. Sampling misses
 * short spikes between polls; it sees what the pools' own peak counters cannot, the peak of
 * the sum over all pools.
 */
final class HeapSampler implements AutoCloseable {
  private static final long INTERVAL_MILLIS = 10;
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile long peak;
  private volatile boolean running = true;

  private HeapSampler() {
    peak = used();
    thread = Thread.ofPlatform().daemon().name("bench-heap-sampler").start(this::poll);
  }

  /** Collects garbage first, so the peak belongs to the run and not to whatever came before. */
  static HeapSampler start() {
    System.gc();
    return new HeapSampler();
  }

  long peakBytes() {
    return Math.max(peak, used());
  }

  private long used() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  private void poll() {
    while (running) {
      peak = Math.max(peak, used());
      try {
        Thread.sleep(INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Heap in use after a full collection: what a process holds on to. */
  static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Stops polling; the sampler thread ends at its next wake-up. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
