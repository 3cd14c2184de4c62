package org.morgue.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.morgue.cli.ServeCommand;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code morgue bench page}: how soon the search page paints its first results, as a reader opening
 * a search link sees it. Starts {@code morgue serve} on the sample corpus in a fresh JVM, drives
 * Debian's headless chromium through chromedriver (nothing is downloaded), and reads Navigation
 * Timing: the page sets {@code performance.mark('morgue:results-painted')} in the animation frame
 * that paints its first results, and a mark's time counts from the navigation's start. Cold loads
 * clear the browser's HTTP cache first; warm loads follow a load of the same page.
 */
final class PageBenchmark {
  static final String MARK = "morgue:results-painted";
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration SERVER_TIMEOUT = Duration.ofMinutes(3);

  /** One load's figures, in milliseconds from the navigation's start. */
  record Load(double painted, double searchStart, double searchEnd, double responseEnd) {}

  private final Path index;
  private final Path corpus;

  PageBenchmark(Path index, Path corpus) {
    this.index = index;
    this.corpus = corpus;
  }

  ReportTable measure(List<String> queries, int repeats) throws IOException, InterruptedException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IOException("bench page needs " + CHROMIUM + " and " + CHROMEDRIVER
          + " (apt-get install chromium chromium-driver)");
    }
    ReportTable table = new ReportTable("Search page: results painted after navigation",
        "Median over " + repeats + " loads of each page in headless chromium, in ms from the navigation's start"
            + " (Navigation Timing): when the first results are painted (the page's `" + MARK + "` mark), when"
            + " the page itself has arrived, and when the page's /api/search request starts and is answered. Cold: the"
            + " browser's HTTP cache emptied before each load. Warm: the same page loaded just before.",
        "page", "cache", "results painted (median)", "min", "max", "page arrived", "search request starts",
        "search answered",
        "<= 300 ms");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process server = startServer(port);
    Path profile = Files.createTempDirectory("morgue-bench-chromium");
    ChromeDriver driver = null;
    try {
      waitForServer(server, port);
      driver = browser(profile);
      for (String query : queries) {
        String url = "http://127.0.0.1:" + port + "/" + (query.isEmpty() ? ""
            : "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
        String page = query.isEmpty() ? "/ (everything)" : "/?q=" + query;
        load(driver, url); // once unmeasured: the server's and the JIT's first time at this search
        List<Load> cold = new ArrayList<>();
        List<Load> warm = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
          driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
          cold.add(load(driver, url));
          warm.add(load(driver, url));
        }
        row(table, page, "cold", cold);
        row(table, page, "warm", warm);
      }
      return table;
    } finally {
      if (driver != null) {
        driver.quit();
      }
      server.destroy();
      server.waitFor();
    }
  }

  private static void row(ReportTable table, String page, String cache, List<Load> loads) {
    double[] painted = loads.stream().mapToDouble(Load::painted).sorted().toArray();
    double median = Latencies.median(painted);
    table.row("`" + page + "`", cache, ms(median), ms(painted[0]), ms(painted[painted.length - 1]),
        ms(Latencies.median(loads.stream().mapToDouble(Load::responseEnd).toArray())),
        ms(Latencies.median(loads.stream().mapToDouble(Load::searchStart).toArray())),
        ms(Latencies.median(loads.stream().mapToDouble(Load::searchEnd).toArray())),
        median <= 300 ? "yes" : "**no**");
  }

  private static String ms(double millis) {
    return Long.toString(Math.round(millis));
  }

  /** Loads {@code url} on a fresh document (about:blank first, so it is never a reload) and reads the marks. */
  @SuppressWarnings("unchecked")
  private static Load load(ChromeDriver driver, String url) {
    driver.get("about:blank");
    driver.get(url);
    JavascriptExecutor js = driver;
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js.executeScript(
        "return performance.getEntriesByName(arguments[0]).length > 0", MARK)));
    Map<String, Object> times = (Map<String, Object>) js.executeScript("""
        const painted = performance.getEntriesByName(arguments[0])[0].startTime;
        const search = performance.getEntriesByType('resource').find(e => e.name.includes('/api/search'));
        const nav = performance.getEntriesByType('navigation')[0];
        return {painted, searchStart: search ? search.startTime : -1, searchEnd: search ? search.responseEnd : -1,
            responseEnd: nav.responseEnd};
        """, MARK);
    return new Load(number(times.get("painted")), number(times.get("searchStart")), number(times.get("searchEnd")),
        number(times.get("responseEnd")));
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  private Process startServer(int port) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow(
        () -> new IOException("cannot tell which java runs this process")));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServeCommand.class.getName(),
        "--index", index.toString(), "--corpus", corpus.toString(), "--host", "127.0.0.1", "--port",
        Integer.toString(port)));
    Files.createDirectories(index.toAbsolutePath().getParent());
    Path log = index.resolveSibling(index.getFileName() + "-serve.log");
    System.err.println("starting morgue serve on " + corpus + " (log: " + log + ")");
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
        .start();
  }

  private static void waitForServer(Process server, int port) throws IOException, InterruptedException {
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
        .timeout(Duration.ofSeconds(10)).GET().build();
    long start = System.nanoTime();
    try (HttpClient client = HttpClient.newHttpClient()) {
      while (true) {
        if (!server.isAlive()) {
          throw new IOException("morgue serve exited with status " + server.exitValue() + " before answering");
        }
        if (System.nanoTime() - start > SERVER_TIMEOUT.toNanos()) {
          throw new IOException("morgue serve did not answer within " + SERVER_TIMEOUT);
        }
        try {
          if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYetListening) {
          // Connection refused until the server has indexed the corpus and bound its port.
        }
        Thread.sleep(50);
      }
    }
  }

  private static ChromeDriver browser(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    return new ChromeDriver(service, options);
  }
}
