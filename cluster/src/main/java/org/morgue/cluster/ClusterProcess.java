package org.morgue.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A local OpenSearch cluster running as a child JVM, for tests: starts {@link ClusterCommand} from the
 * cluster module's build output, waits until it is ready, stops and restarts nodes through its
 * standard input, and stops it on {@link #close()}.
 *
 * <p>This class uses the JDK alone, so that a test module can put it on its classpath without
 * OpenSearch (which brings a Lucene older than Morgue's). A test module depends on the cluster
 * module like this:
 * <pre>{@code
 * <dependency>
 *   <groupId>org.morgue</groupId>
 *   <artifactId>morgue-cluster</artifactId>
 *   <scope>test</scope>
 *   <exclusions>
 *     <exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion>
 *   </exclusions>
 * </dependency>
 * }</pre>
 * and tells the tests where the module is, in its surefire configuration:
 * {@code <systemPropertyVariables><morgue.cluster.home>${project.basedir}/../cluster</morgue.cluster.home></systemPropertyVariables>}.
 * Without that property, {@code ../cluster} and then {@code cluster} (from the working folder) are
 * tried. The child runs from {@code cluster/target/morgue-cluster-*.jar} and
 * {@code cluster/target/lib/}, so the cluster module must be packaged first: the reactor does that
 * in {@code ./mvnw package} or {@code verify}, since the test module depends on it ({@code ./mvnw test}
 * alone stops short of packaging, and the start fails saying so).
 *
 * <p>The child gets a temporary data folder (it deletes it at exit), free ports, and the JDK this
 * JVM runs on. If this JVM dies, the child sees its standard input close and stops too; a shutdown
 * hook also stops it when this JVM exits without closing it.
 */
public final class ClusterProcess implements AutoCloseable {
  /** Where a test module's build says the cluster module is. */
  public static final String HOME_PROPERTY = "morgue.cluster.home";
  /**
   * More options for the child's JVM, separated by spaces. The build's tests pass
   * {@code -XX:TieredStopAtLevel=1}: a cluster that lives for seconds spends most of its CPU compiling
   * OpenSearch's startup code at the top tier, and on two cores that is the test run's time.
   * {@code morgue bench} and {@code morgue cluster} leave it unset, so what they measure and serve runs
   * fully compiled.
   */
  public static final String JAVA_OPTIONS_PROPERTY = "morgue.cluster.javaOptions";

  private static final String MAIN_CLASS = "org.morgue.cluster.ClusterCommand";
  private static final String READY = "cluster ready: ";
  private static final String ERROR = "error: ";
  // Bounds on a hang, not on speed: a start takes seconds, but CI on a two-core machine with other
  // builds beside it (load 18) saw three nodes give no word within 120 s, and a busy machine must
  // not fail a test. Waiting ends as soon as the answer comes.
  private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration NODE_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final int TAIL_LINES = 40;

  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
  private final Deque<String> tail = new ArrayDeque<>();
  private final Thread shutdownHook;
  private final String url;
  private final int nodes;

  private ClusterProcess(Process process, int nodes) {
    this.nodes = nodes;
    this.process = process;
    this.commands = process.outputWriter(StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readOutput, "morgue-cluster-output");
    reader.setDaemon(true);
    reader.start();
    this.shutdownHook = new Thread(this::destroy, "morgue-cluster-process-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      String ready = awaitAnswer(START_TIMEOUT, "the cluster to start (" + nodes + " nodes)");
      if (!ready.startsWith(READY)) {
        throw failure("the cluster did not start: " + ready);
      }
      this.url = ready.substring(READY.length()).split(" ", 2)[0];
    } catch (RuntimeException e) {
      destroy();
      removeShutdownHook();
      throw e;
    }
  }

  /** Starts a cluster of {@code nodes} nodes from the cluster module found as the class doc says. */
  public static ClusterProcess start(int nodes) {
    return start(nodes, clusterHome());
  }

  /**
   * Starts a cluster of {@code nodes} nodes from the build output of the cluster module at
   * {@code clusterHome}, and returns once it is yellow (failing after ten minutes without an answer).
   */
  public static ClusterProcess start(int nodes, Path clusterHome) {
    int ports = freePortBlock(2 * nodes);
    List<String> command = new ArrayList<>(List.of(javaBinary(),
        // Nodes share this one heap; a node needs about 300 MB to be comfortable.
        nodes == 1 ? "-Xmx512m" : "-Xmx1g",
        // Loading OpenSearch's classes is most of a start. The first cluster after a build that
        // stops through close() writes them to an archive as it exits (JDK 19's dynamic class-data
        // sharing; one stopped by a shutdown hook's signal was seen not to); later starts map it:
        // a one-node cluster was ready on 3.1 s of CPU instead of 6.2-7.7 s, three nodes on 4.8 s
        // instead of 7.0 s. A stale or missing archive only costs that time, without a word. In
        // ./mvnw verify the cluster module's own test writes it, before any other module starts one.
        "-XX:SharedArchiveFile=" + classArchive(clusterHome), "-XX:+AutoCreateSharedArchive",
        "--enable-native-access=ALL-UNNAMED"));
    String options = System.getProperty(JAVA_OPTIONS_PROPERTY, "").strip();
    if (!options.isEmpty()) {
      command.addAll(List.of(options.split("\\s+")));
    }
    command.addAll(List.of("-cp", classpath(clusterHome),
        MAIN_CLASS,
        "--nodes", Integer.toString(nodes),
        "--port", Integer.toString(ports),
        "--transport-port", Integer.toString(ports + nodes),
        "--name", "morgue-test-" + ports));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    try {
      return new ClusterProcess(builder.start(), nodes);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + String.join(" ", command), e);
    }
  }

  /**
   * Every node's address, separated by commas ({@code http://127.0.0.1:24031,http://127.0.0.1:24032}):
   * a client given them all goes on to another node when one is down. Node i listens on node 0's
   * port plus i.
   */
  public String urls() {
    int at = url.lastIndexOf(':');
    int first = Integer.parseInt(url.substring(at + 1));
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < nodes; i++) {
      all.append(i == 0 ? "" : ",").append(url, 0, at + 1).append(first + i);
    }
    return all.toString();
  }

  /** The cluster's address, node 0's HTTP port, e.g. {@code http://127.0.0.1:24031}. */
  public String url() {
    return url;
  }

  /**
   * The child JVM's process id: every node runs in it, so its resident memory (from
   * {@code /proc/PID/status}) is what the whole cluster holds.
   */
  public long pid() {
    return process.pid();
  }

  /** Stops node {@code i} (0-based; node 0 serves {@link #url()}) and waits until the others are yellow. */
  public void stopNode(int i) {
    command("stop-node " + i, "node " + i + " stopped");
  }

  /** Starts stopped node {@code i} again and waits until it has rejoined a yellow cluster. */
  public void startNode(int i) {
    command("start-node " + i, "node " + i + " started");
  }

  /** Stops the cluster: closes its standard input, waits, and kills it if it does not stop in time. */
  @Override
  public void close() {
    try {
      commands.close();
    } catch (IOException e) {
      // The child has already gone if its input cannot be closed; the wait below settles it.
    }
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        destroy();
      }
    } catch (InterruptedException e) {
      destroy();
      Thread.currentThread().interrupt();
    }
    removeShutdownHook();
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // This JVM is shutting down already: the hook is running or has run, and stops the child.
    }
  }

  private synchronized void command(String line, String expected) {
    try {
      commands.write(line + "\n");
      commands.flush();
    } catch (IOException e) {
      throw failure("could not send '" + line + "' to the cluster: " + e.getMessage());
    }
    String answer = awaitAnswer(NODE_TIMEOUT, "'" + expected + "'");
    if (!answer.equals(expected)) {
      throw failure("'" + line + "' failed: " + answer);
    }
  }

  /** The next protocol line from the child, or a failure naming what was awaited. */
  private String awaitAnswer(Duration timeout, String awaited) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        String answer = answers.poll(200, TimeUnit.MILLISECONDS);
        if (answer != null) {
          return answer;
        }
        if (!process.isAlive() && answers.isEmpty()) {
          throw failure("the cluster process exited (status " + process.exitValue() + ") while waiting for " + awaited);
        }
        if (System.nanoTime() > deadline) {
          destroy();
          throw failure("gave up waiting for " + awaited + " after " + timeout.toSeconds() + " s");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted while waiting for " + awaited);
    }
  }

  /** Reads the child's output: protocol lines become answers, every line goes into the tail. */
  private void readOutput() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (tail) {
          if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
          }
          tail.addLast(line);
        }
        if (line.startsWith(READY) || line.startsWith(ERROR) || line.matches("node \\d+ (stopped|started)")) {
          answers.add(line);
        }
      }
    } catch (IOException e) {
      // The child's output closed under us: it is gone, and awaitAnswer reports that.
    }
  }

  private IllegalStateException failure(String message) {
    synchronized (tail) {
      return new IllegalStateException(message + "\nlast lines of the cluster's output:\n" + String.join("\n", tail));
    }
  }

  /** Asks the child to stop (it closes its nodes on SIGTERM), then kills it if it takes too long. */
  private void destroy() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The cluster module's folder: the system property, else {@code ../cluster}, else {@code cluster}. */
  static Path clusterHome() {
    String property = System.getProperty(HOME_PROPERTY);
    if (property != null) {
      return Path.of(property);
    }
    Path sibling = Path.of("..", "cluster");
    return Files.isDirectory(sibling.resolve("target")) ? sibling : Path.of("cluster");
  }

  private static String classpath(Path clusterHome) {
    Path target = clusterHome.toAbsolutePath().normalize().resolve("target");
    Path lib = target.resolve("lib");
    try (Stream<Path> files = Files.list(target)) {
      Path jar = files
          .filter(f -> f.getFileName().toString().matches("morgue-cluster-.*(?<!-tests|-sources)\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(notBuilt(target)));
      if (!Files.isDirectory(lib)) {
        throw new IllegalStateException(notBuilt(target));
      }
      return jar + java.io.File.pathSeparator + lib.resolve("*");
    } catch (IOException e) {
      throw new IllegalStateException(notBuilt(target), e);
    }
  }

  private static String notBuilt(Path target) {
    return "no morgue-cluster jar and lib/ in " + target + ": package the cluster module first"
        + " (./mvnw -pl cluster package), or set -D" + HOME_PROPERTY + " to its folder";
  }

  /** The class-data archive of the cluster's JVM, beside the jar it was made from. */
  private static Path classArchive(Path clusterHome) {
    return clusterHome.toAbsolutePath().normalize().resolve("target").resolve("cluster.jsa");
  }

  /** The java launcher of the JDK this JVM runs on, so the child needs nothing else installed. */
  private static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * The first of {@code count} consecutive ports that are free now, chosen at random below Linux's
   * ephemeral range (32768 and up), where the kernel hands out ports for outgoing connections.
   */
  private static int freePortBlock(int count) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(20000, 32000);
      if (allFree(first, count)) {
        return first;
      }
    }
    throw new IllegalStateException("found no " + count + " consecutive free ports between 20000 and 32000");
  }

  private static boolean allFree(int first, int count) {
    for (int port = first; port < first + count; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
