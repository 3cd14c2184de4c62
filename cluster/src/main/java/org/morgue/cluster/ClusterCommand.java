package org.morgue.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code morgue cluster}: runs a local OpenSearch cluster in the foreground until standard input
 * closes or the process is told to stop (Ctrl-C, SIGTERM).
 *
 * <p>Standard out is a small protocol that {@link ClusterProcess} reads: one line
 * {@code cluster ready: http://127.0.0.1:PORT (N nodes)} once the cluster is yellow, then one answer
 * per command read from standard input:
 * <ul>
 *   <li>{@code stop-node I} stops node I (0-based) and answers {@code node I stopped};</li>
 *   <li>{@code start-node I} starts it again and answers {@code node I started};</li>
 *   <li>anything that fails answers {@code error: MESSAGE}.</li>
 * </ul>
 * The printed URL is node 0's: stopping node 0 makes it unreachable, so tests stop other nodes.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Run a local OpenSearch cluster (nodes in this one JVM) until standard input closes or Ctrl-C.",
      "Reads commands on standard input: stop-node I, start-node I (nodes count from 0; node 0 serves the printed URL)."
    })
public final class ClusterCommand implements Callable<Integer> {
  @Option(names = "--nodes", paramLabel = "N", description = "number of nodes (default: ${DEFAULT-VALUE})")
  int nodes = 1;

  @Option(names = "--port", paramLabel = "P", description = "HTTP port of node 0; node i listens on P+i (default: ${DEFAULT-VALUE})")
  int port = 9200;

  @Option(names = "--transport-port", paramLabel = "T",
      description = "port nodes talk to each other on; node i uses T+i (default: P+100)")
  Integer transportPort;

  @Option(names = "--data", paramLabel = "DIR",
      description = "keep the nodes' data (and logs) in DIR across restarts (default: a temporary folder, deleted at exit)")
  Path data;

  @Option(names = "--name", paramLabel = "NAME", description = "cluster name (default: ${DEFAULT-VALUE})")
  String name = "morgue-dev";

  @Option(names = "--ignore-stdin",
      description = "do not read standard input, run until killed (for running in the background, where standard input is often closed)")
  boolean ignoreStdin;

  @Override
  public Integer call() throws IOException, InterruptedException {
    // Standard out carries the protocol lines only; anything a library prints goes to standard error.
    PrintStream protocol = System.out;
    System.setOut(System.err);

    boolean temporary = data == null;
    Path base = temporary ? Files.createTempDirectory("morgue-cluster-") : data;
    ClusterLayout layout = new ClusterLayout(nodes, port, transportPort == null ? port + 100 : transportPort, name, base);
    AtomicReference<LocalCluster> running = new AtomicReference<>();
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop = () -> {
      if (stopped.compareAndSet(false, true)) {
        LocalCluster cluster = running.get();
        if (cluster != null) {
          cluster.close();
        }
        if (temporary) {
          deleteTree(base);
        }
      }
    };
    // Ctrl-C and SIGTERM run the shutdown hooks: the nodes close cleanly, the temporary data go.
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "morgue-cluster-shutdown"));

    LocalCluster cluster = LocalCluster.start(layout);
    running.set(cluster);
    protocol.println("cluster ready: " + layout.url() + " (" + nodes + (nodes == 1 ? " node)" : " nodes)"));
    protocol.flush();
    if (ignoreStdin) {
      Thread.currentThread().join(); // until a signal runs the shutdown hook
    }
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          protocol.println(answer(cluster, line.strip()));
          protocol.flush();
        }
      }
    }
    stop.run();
    return 0;
  }

  /** Runs one command line from standard input and returns the line to answer with. */
  private static String answer(LocalCluster cluster, String command) {
    String[] words = command.split("\\s+");
    try {
      if (words.length != 2) {
        throw new IllegalArgumentException("expected 'stop-node I' or 'start-node I', got '" + command + "'");
      }
      int node = Integer.parseInt(words[1]);
      switch (words[0]) {
        case "stop-node" -> {
          cluster.stopNode(node);
          return "node " + node + " stopped";
        }
        case "start-node" -> {
          cluster.startNode(node);
          return "node " + node + " started";
        }
        default -> throw new IllegalArgumentException("unknown command '" + words[0] + "' (stop-node I, start-node I)");
      }
    } catch (RuntimeException e) {
      return "error: " + e.getMessage();
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the cluster's temporary folder " + root, e);
    }
  }

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ClusterCommand()).execute(args));
  }
}
