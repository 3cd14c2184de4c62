package org.morgue.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.morgue.cli.ServeCommand;

/**
 * Starts {@code morgue serve} on the benchmark archive (an index folder, or an alias in a running
 * cluster) in a fresh JVM (this one's java, flags and
 * class path) and times from launching it to the first search answered: class loading, opening
 * the index and building facet state included, as a user restarting the server sees it.
 */
final class ServerStartBenchmark {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final List<String> archive;
  private final Path corpus;
  private final Path log;

  /**
   * @param archive the options that name the archive to {@code serve}: {@code --index DIR}, or
   *     {@code --opensearch URLS --opensearch-index NAME}
   * @param corpus the folder the archive was built from, which {@code serve} checks and leaves alone
   * @param log where the server's output goes
   */
  ServerStartBenchmark(List<String> archive, Path corpus, Path log) {
    this.archive = List.copyOf(archive);
    this.corpus = corpus;
    this.log = log;
  }

  /** Serving the embedded engine's index folder; the log goes beside it. */
  static ServerStartBenchmark embedded(Path index, Path corpus) {
    return new ServerStartBenchmark(List.of("--index", index.toString()), corpus,
        index.resolveSibling(index.getFileName() + "-serve.log"));
  }

  /** The seconds each of {@code repeats} starts took. */
  List<Double> measure(int repeats) throws IOException, InterruptedException {
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      seconds.add(once());
    }
    return seconds;
  }

  private double once() throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow(
        () -> new IOException("cannot tell which java runs this process")));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServeCommand.class.getName()));
    command.addAll(archive);
    command.addAll(List.of("--corpus", corpus.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port)));
    HttpRequest search = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?q=state"))
        .timeout(Duration.ofSeconds(10)).GET().build();
    long start = System.nanoTime();
    Process server = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    try (HttpClient client = HttpClient.newHttpClient()) {
      while (true) {
        if (!server.isAlive()) {
          throw new IOException("morgue serve exited with status " + server.exitValue() + " before answering; its output is in " + log);
        }
        if (System.nanoTime() - start > TIMEOUT.toNanos()) {
          throw new IOException("morgue serve did not answer a search within " + TIMEOUT);
        }
        try {
          if (client.send(search, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return (System.nanoTime() - start) / 1e9;
          }
        } catch (IOException notYetListening) {
          // Connection refused until the server binds its port: that wait is what is measured.
        }
        Thread.sleep(10);
      }
    } finally {
      server.destroy();
      server.waitFor();
    }
  }
}
