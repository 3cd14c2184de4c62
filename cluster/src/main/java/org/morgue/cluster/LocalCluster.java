package org.morgue.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.action.admin.cluster.health.ClusterHealthResponse;
import org.opensearch.common.Priority;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.node.Node;

/**
 * A running local OpenSearch cluster: its nodes run inside this JVM (through codelibs'
 * {@link OpenSearchRunner}), each with its own data folder under the layout's base path, all of
 * them logging to {@code <base path>/logs/<cluster name>.log} and nothing to the console.
 *
 * <p>Nodes can be stopped and started again one at a time, to see how a client copes with a node
 * that leaves. Every change waits until the remaining nodes agree on it and the cluster is at
 * least yellow.
 */
public final class LocalCluster implements AutoCloseable {
  /** How long a start, stop or restart may take before it counts as failed. */
  private static final TimeValue CLUSTER_WAIT = TimeValue.timeValueSeconds(120);

  private final ClusterLayout layout;
  private final OpenSearchRunner runner;
  private boolean closed;

  private LocalCluster(ClusterLayout layout, OpenSearchRunner runner) {
    this.layout = layout;
    this.runner = runner;
  }

  /** Starts every node of the layout and returns once they have formed a yellow cluster. */
  public static LocalCluster start(ClusterLayout layout) {
    Path base = layout.basePath().toAbsolutePath();
    for (int i = 0; i < layout.nodes(); i++) {
      writeQuietLogging(base.resolve(runnerNodeFolder(i)).resolve("config"));
    }
    OpenSearchRunner runner = new OpenSearchRunner();
    // The layout sets every port itself; the runner's own search for a free HTTP port stops at 9299
    // and would refuse higher ports, so it is switched off.
    runner.setMaxHttpPort(-1);
    runner.onBuild((id, settings) -> nodeSettings(layout, id - 1, settings));
    LocalCluster cluster = new LocalCluster(layout, runner);
    try {
      String[] configs = OpenSearchRunner.newConfigs()
          .numOfNode(layout.nodes())
          .basePath(base.toString())
          .clusterName(layout.name())
          .pluginTypes(IcuFoldingPlugin.class.getName())
          .useLogger() // the runner's own progress lines go to the log file, not to standard out
          .build();
      runner.build(append(configs, "-logsPath", base.resolve("logs").toString()));
      cluster.awaitNodes(layout.nodes());
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** The layout this cluster runs on. */
  public ClusterLayout layout() {
    return layout;
  }

  /**
   * Stops node {@code i} and waits until the others have formed a cluster without it. Not until it
   * is yellow: an index with no copy of a shard but on this node stays red until the node returns,
   * which is what a test of that case wants to see.
   */
  public synchronized void stopNode(int i) {
    Node node = node(i);
    if (node.isClosed()) {
      throw new IllegalStateException("node " + i + " is already stopped");
    }
    try {
      node.close();
      if (!node.awaitClose(CLUSTER_WAIT.seconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("node " + i + " did not stop within " + CLUSTER_WAIT);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop node " + i, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping node " + i, e);
    }
    awaitNodes(liveNodes(), false);
  }

  /** Starts stopped node {@code i} again (same data, same ports) and waits until it has rejoined. */
  public synchronized void startNode(int i) {
    if (!node(i).isClosed()) {
      throw new IllegalStateException("node " + i + " is already running");
    }
    if (!runner.startNode(i)) {
      throw new IllegalStateException("node " + i + " did not start again; see the log under "
          + layout.basePath().resolve("logs"));
    }
    awaitNodes(liveNodes());
  }

  /** Stops every node still running. Safe to call more than once. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      runner.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not close every node of cluster " + layout.name(), e);
    }
  }

  private Node node(int i) {
    if (i < 0 || i >= layout.nodes()) {
      throw new IllegalArgumentException("no node " + i + ": this cluster has nodes 0.." + (layout.nodes() - 1));
    }
    return runner.getNode(i);
  }

  private int liveNodes() {
    int live = 0;
    for (int i = 0; i < layout.nodes(); i++) {
      live += runner.getNode(i).isClosed() ? 0 : 1;
    }
    return live;
  }

  private void awaitNodes(int live) {
    awaitNodes(live, true);
  }

  private void awaitNodes(int live, boolean yellow) {
    var request = runner.client().admin().cluster().prepareHealth()
        .setWaitForNodes(Integer.toString(live))
        .setWaitForEvents(Priority.LANGUID)
        .setTimeout(CLUSTER_WAIT);
    if (yellow) {
      request.setWaitForYellowStatus();
    }
    ClusterHealthResponse health = request.get(CLUSTER_WAIT);
    if (health.isTimedOut()) {
      throw new IllegalStateException("cluster " + layout.name() + " did not reach " + (yellow ? "yellow" : "its nodes") + " with " + live
          + " nodes within " + CLUSTER_WAIT + ": status " + health.getStatus() + ", "
          + health.getNumberOfNodes() + " nodes");
    }
  }

  /** The settings of node {@code i}: fixed ports on the loopback, and light enough for a laptop. */
  private static void nodeSettings(ClusterLayout layout, int i, Settings.Builder settings) {
    settings.put("node.name", layout.nodeName(i));
    settings.put("network.host", "127.0.0.1");
    settings.put("http.port", layout.httpPort(i));
    settings.put("transport.port", layout.transportPort(i));
    if (layout.nodes() > 1) {
      // Fixed addresses instead of the default scan of 9300-9305, so two clusters on one machine
      // (a developer's and a test's) never meet.
      settings.putList("discovery.seed_hosts", layout.transportAddresses());
      // Node 0 alone bootstraps the cluster, so its start returns at once instead of waiting
      // (30 s) for a majority of its peers, which start after it; the voting configuration grows
      // to all nodes as they join, so any one node may stop later.
      settings.putList("cluster.initial_cluster_manager_nodes", layout.nodeName(0));
    }
    // A node's start returns without waiting for a cluster-manager: on a restart of a cluster kept
    // with --data, node 0 cannot be elected until a second node is up, and the nodes start one after
    // the other, so the default would stall node 0's start for 30 s. start() waits for the whole
    // cluster afterwards anyway.
    settings.put("discovery.initial_state_timeout", "0s");
    // Shards are allocated even on a nearly full disk: a development cluster must start wherever
    // the tests run.
    settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
    // All nodes share one JVM heap, so the real-memory breaker would count the other nodes' memory
    // against each node and reject requests a real cluster would accept.
    settings.put("indices.breaker.total.use_real_memory", false);
  }

  /** The runner names node folders from 1 ({@code node_1}); layouts count nodes from 0. */
  private static String runnerNodeFolder(int i) {
    return "node_" + (i + 1);
  }

  /** Puts our log configuration where the runner would otherwise copy its own, which logs to the console. */
  private static void writeQuietLogging(Path configFolder) {
    try (InputStream in = LocalCluster.class.getResourceAsStream("log4j2.properties")) {
      if (in == null) {
        throw new IllegalStateException("log4j2.properties is missing next to " + LocalCluster.class.getName());
      }
      Files.createDirectories(configFolder);
      Files.copy(in, configFolder.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the log configuration into " + configFolder, e);
    }
  }

  private static String[] append(String[] array, String... more) {
    String[] all = new String[array.length + more.length];
    System.arraycopy(array, 0, all, 0, array.length);
    System.arraycopy(more, 0, all, array.length, more.length);
    return all;
  }
}
