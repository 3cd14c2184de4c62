package org.morgue.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy in front of a test cluster, for tests in other modules: it records each request it
 * forwards ("GET /_cluster/health/alias"), so a test can count what an engine asked the cluster, and
 * once {@link #close() closed} its address refuses connections, as a cluster's does when every node
 * is down, without stopping the cluster other tests share.
 *
 * <p>The JDK alone, as {@link ClusterProcess}: other modules put it on their test classpath.
 */
public final class ClusterProxy implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String target;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private ClusterProxy(HttpServer server, ExecutorService threads, String target) {
    this.server = server;
    this.threads = threads;
    this.target = target.replaceAll("/+$", "");
  }

  /** Listens on a free port of the loopback address, forwarding every request to {@code target} (http://host:port). */
  public static ClusterProxy start(String target) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService threads = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().name("cluster-proxy-", 0).factory());
    ClusterProxy proxy = new ClusterProxy(server, threads, target);
    server.createContext("/", proxy::forward);
    server.setExecutor(threads);
    server.start();
    return proxy;
  }

  /** The proxy's address, http://127.0.0.1:PORT. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request forwarded so far, as method and path with its query, oldest first. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      requests.add(method + " " + uri);
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + uri))
          .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (type != null) {
        request.header("Content-Type", type);
      }
      HttpResponse<byte[]> answer;
      try {
        answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted forwarding " + method + " " + uri, e);
      }
      answer.headers().firstValue("Content-Type").ifPresent(value -> exchange.getResponseHeaders().set("Content-Type", value));
      byte[] bytes = answer.body();
      boolean head = method.equals("HEAD");
      exchange.sendResponseHeaders(answer.statusCode(), head || bytes.length == 0 ? -1 : bytes.length);
      if (!head) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  /** Stops listening: from now on its address refuses connections. Closing again does nothing. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    server.stop(0);
    threads.shutdownNow();
    client.close();
  }
}
