package org.morgue.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where a local cluster's nodes live: how many, their names and ports, the cluster's name and the
 * folder holding every node's data and logs. Node {@code i} (0-based) is named {@code node-i} and
 * listens on {@code httpPort + i} (HTTP) and {@code transportPort + i} (nodes among themselves).
 */
public record ClusterLayout(int nodes, int httpPort, int transportPort, String name, Path basePath) {
  /** Checks the counts and ports, so a bad option fails before any node starts. */
  public ClusterLayout {
    if (nodes < 1) {
      throw new IllegalArgumentException("--nodes must be at least 1, got " + nodes);
    }
    checkPorts("--port", httpPort, nodes);
    checkPorts("--transport-port", transportPort, nodes);
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("--name must not be blank");
    }
  }

  private static void checkPorts(String option, int first, int nodes) {
    if (first < 1 || first + nodes - 1 > 65535) {
      throw new IllegalArgumentException(option + " " + first + " leaves no room for " + nodes
          + " node(s): ports " + first + ".." + (first + nodes - 1) + " must lie within 1..65535");
    }
  }

  /** The HTTP port of node {@code i}. */
  public int httpPort(int i) {
    return httpPort + i;
  }

  /** The transport port of node {@code i}. */
  public int transportPort(int i) {
    return transportPort + i;
  }

  /** The name of node {@code i}, as {@code _cat/nodes} shows it. */
  public String nodeName(int i) {
    return "node-" + i;
  }

  /** Every node's transport address, in order: where nodes look for each other. */
  public List<String> transportAddresses() {
    return IntStream.range(0, nodes).mapToObj(i -> "127.0.0.1:" + transportPort(i)).toList();
  }

  /** The address clients use: node 0's HTTP port. */
  public String url() {
    return "http://127.0.0.1:" + httpPort(0);
  }
}
