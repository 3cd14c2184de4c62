package org.morgue.cli;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code morgue serve} in a JVM of its own, for the tests that kill it with SIGKILL. */
final class ServeProcess {
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServeProcess() {}

  /** Starts it with the token in its environment; returns once it serves, with its output appended to {@code log}. */
  static Process start(Path index, Path corpus, int port, Path log, String token) throws Exception {
    return start(index, corpus, port, log, java.util.Optional.of(token));
  }

  /** The same; with no token the server is read-only. */
  static Process start(Path index, Path corpus, int port, Path log, java.util.Optional<String> token) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(ChildJvm.command(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
        ServeCommand.class, List.of("--index", index.toString(), "--corpus", corpus.toString(), "--port", String.valueOf(port))))
        .redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()));
    builder.environment().remove(ServeCommand.TOKEN_ENV);
    token.ifPresent(value -> builder.environment().put(ServeCommand.TOKEN_ENV, value));
    Process process = builder.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("morgue serve exited " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        // 503 while it builds or opens its index (StartingServer), 200 once it serves the archive.
        if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?size=0")).GET().build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return process;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new AssertionError("morgue serve did not answer within 60 s:\n" + Files.readString(log));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
