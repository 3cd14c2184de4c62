package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop as {@code morgue serve} makes on SIGTERM or Ctrl-C lets a request under way finish: a
 * curator's write is answered, not cut off after it was stored, while new connections are refused at
 * once (operator's trial, session 39).
 */
class GracefulStopTest {
  @TempDir Path tmp;

  @Test
  void aWriteUnderWayWhenTheServerStopsIsStillAnswered() throws Exception {
    LiveServer server = LiveServer.start(SeedIndex.build(tmp, Map.of()));
    int port = server.app().port();
    StatisticsHandler requests = server.app().jettyServer().server().getDescendant(StatisticsHandler.class);
    byte[] body = ("{\"id\": \"late-edition\", \"title\": \"Late edition\", \"body\": \"The presses ran until dawn"
        + " while the city council met again.\"}").getBytes(StandardCharsets.UTF_8);
    int half = body.length / 2;
    CompletableFuture<Void> stopped;
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + LiveUpdatesTest.TOKEN
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body, 0, half);
      out.flush();
      // The handler is reading the body when the stop comes.
      waitUntil(() -> requests.getRequestsActive() == 1, "the write to be under way");
      stopped = CompletableFuture.runAsync(() -> MorgueServer.stopGracefully(server.app()));
      waitUntil(() -> refused(port), "the stopping server to refuse new connections");

      out.write(body, half, body.length - half);
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 200") || answer.startsWith("HTTP/1.1 201"), answer);
      assertTrue(answer.contains("late-edition"), answer);
    }
    stopped.join();
    server.live().close();
    server.searcher().close();
  }

  private static boolean refused(int port) {
    try (Socket probe = new Socket()) {
      probe.connect(new java.net.InetSocketAddress("127.0.0.1", port));
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 3000; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("waited 30 s for " + what);
  }
}
