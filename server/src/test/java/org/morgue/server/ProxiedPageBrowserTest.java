package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.morgue.server.http.PublicAddress;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page behind a reverse proxy that serves Morgue under a path and strips it, as the README's
 * {@code --public-url https://news.example.org/morgue} example has it (an operator's trial, session
 * 39: the page asked for /api/search at the site's root and said "Search failed. HTTP 404"). The
 * proxy is the JDK's own HTTP server passing /morgue/... on to Morgue without the prefix.
 */
class ProxiedPageBrowserTest {
  static final String PREFIX = "/morgue";
  /** Hop-by-hop headers and those the JDK's client and server set themselves. */
  static final Set<String> NOT_PASSED = Set.of("host", "connection", "content-length", "transfer-encoding", "expect",
      "upgrade", "keep-alive");

  static PageBrowser page;
  static HttpServer proxy;
  static volatile int upstream;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    PageBrowser.requireChromium();
    proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    proxy.createContext(PREFIX + "/", ProxiedPageBrowserTest::pass);
    proxy.start();
    Path tmp = Files.createTempDirectory("morgue-proxied");
    TestEngine.Archive archive = TestEngine.LUCENE.index(tmp, List.of(SeedIndex.corpus(tmp, Map.of(), List.of())));
    HttpOptions options = HttpOptions.defaults().withAddress(PublicAddress.of(site() + PREFIX));
    page = PageBrowser.serving(MorgueServer.create(archive.engine(), Optional.empty(), options), archive);
    upstream = URI.create(page.base()).getPort();
  }

  @AfterAll
  static void stop() throws IOException {
    if (proxy != null) {
      proxy.stop(0);
    }
    if (page != null) {
      page.close();
    }
  }

  static String site() {
    return "http://127.0.0.1:" + proxy.getAddress().getPort();
  }

  private static void pass(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
      String query = exchange.getRequestURI().getRawQuery();
      HttpRequest.Builder request = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + upstream + path + (query == null ? "" : "?" + query)));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!NOT_PASSED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          values.forEach(value -> request.header(name, value));
        }
      });
      byte[] body = exchange.getRequestBody().readAllBytes();
      request.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofByteArray(body));
      HttpResponse<byte[]> answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      answer.headers().map().forEach((name, values) -> {
        if (!NOT_PASSED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
      byte[] bytes = answer.body();
      boolean empty = bytes.length == 0 || answer.statusCode() == 304 || answer.statusCode() == 204;
      exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : bytes.length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void thePageSearchesReadsAndLinksUnderTheProxysPath() throws Exception {
    page.driver.get(site() + PREFIX + "/?q=Venezuela");
    page.waitForHitCount(2);
    String feed = page.driver.findElement(By.id("feed")).getDomProperty("href");
    assertTrue(feed.startsWith(site() + PREFIX + "/api/feed?"), feed);
    assertTrue(page.driver.findElement(By.id("export-csv")).getDomProperty("href").startsWith(site() + PREFIX + "/api/export?"));

    page.hits().get(0).findElement(By.cssSelector(".hit-title")).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .article-body .actor")));
    assertTrue(page.driver.getCurrentUrl().startsWith(site() + PREFIX + "/?"), page.driver.getCurrentUrl());

    // The next page's Link names it under the public path too, so a client paging by it stays behind the proxy.
    HttpResponse<String> first = CLIENT.send(HttpRequest.newBuilder(URI.create(site() + PREFIX + "/api/search?q=Venezuela&size=1"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, first.statusCode(), first.body());
    String link = first.headers().firstValue("Link").orElseThrow();
    assertTrue(link.startsWith("<" + PREFIX + "/api/search?q=Venezuela&size=1&cursor="), link);
    String next = link.substring(1, link.indexOf('>'));
    assertEquals(200, CLIENT.send(HttpRequest.newBuilder(URI.create(site() + next)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
  }
}
