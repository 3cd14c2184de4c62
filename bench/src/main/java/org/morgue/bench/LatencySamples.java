package org.morgue.bench;

import java.util.Arrays;

/** A growing list of latencies in nanoseconds, without boxing: runs take hundreds of thousands. */
final class LatencySamples {
  private long[] nanos = new long[1024];
  private int size;

  void add(long value) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = value;
  }

  void addAll(LatencySamples other) {
    for (int i = 0; i < other.size; i++) {
      add(other.nanos[i]);
    }
  }

  int size() {
    return size;
  }

  long[] toArray() {
    return Arrays.copyOf(nanos, size);
  }
}
