package org.morgue.server;

import io.javalin.Javalin;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real server over an index and a headless chromium (Debian's, via chromedriver) driving its
 * page, shared by the tests of a class; the chromium is shared by every class of the run
 * ({@link #sharedBrowser}): starting it costs more than most tests.
 * Skips the class where chromium-driver is not installed; .ci/run installs it.
 */
final class PageBrowser implements AutoCloseable {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** The window the browser opens with, and a phone's, for tests of both layouts. */
  static final Dimension DESKTOP = new Dimension(1280, 1000);
  static final Dimension PHONE = new Dimension(390, 844);

  final WebDriver driver;
  final WebDriverWait wait;
  private final java.io.Closeable searcher;
  private final Javalin app;

  private PageBrowser(org.morgue.search.SearchEngine engine, java.io.Closeable resources) {
    this(MorgueServer.create(engine), resources);
  }

  private PageBrowser(Javalin server, java.io.Closeable resources) {
    this.searcher = resources;
    this.app = server.start("127.0.0.1", 0);
    this.driver = sharedBrowser();
    // The page re-renders facets and hits after every search; an element found a moment before may be gone.
    // Polled every 50 ms, not Selenium's default 500: most waits end within a frame or two, and the
    // default's half-second sleeps were a third of the browser tests' time.
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50));
    wait.ignoring(StaleElementReferenceException.class);
  }

  /**
   * The one chromium of the test run, started by the first class that asks and quit when the JVM
   * exits; started again if it died. Classes share nothing through it: each serves its page on a port
   * of its own, and storage, cookies and the cache belong to an origin, which the port is part of.
   * A chromium a class cost two seconds, about 35 s of the browser tests.
   */
  private static WebDriver shared;

  private static synchronized WebDriver sharedBrowser() {
    if (shared != null) {
      try {
        shared.getWindowHandle();
        return shared;
      } catch (WebDriverException dead) {
        shared = null;
      }
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("morgue-chromium");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    WebDriver browser = new ChromeDriver(service, options);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      browser.quit();
      IndexCopies.deleteQuietly(profile);
    }));
    shared = browser;
    return browser;
  }

  /** Serves {@code index} and opens the page in the shared browser. */
  static PageBrowser start(Path index) throws IOException {
    requireChromium();
    ArchiveSearcher searcher = ArchiveSearcher.open(index);
    return new PageBrowser(searcher, searcher);
  }

  /** Serves an archive of either engine (closed with the page) and opens it in the shared browser. */
  static PageBrowser start(TestEngine.Archive archive) throws IOException {
    try {
      requireChromium();
    } catch (RuntimeException e) {
      archive.close();
      throw e;
    }
    return new PageBrowser(archive.engine(), archive);
  }

  /**
   * Serves a server a test made itself (one that keeps curation, say), closing {@code resources} with
   * the page, and opens it in the shared browser. Call {@link #requireChromium} before making the
   * server, so a machine without chromium skips before any of it is built.
   */
  static PageBrowser serving(Javalin server, java.io.Closeable resources) {
    return new PageBrowser(server, resources);
  }

  static void requireChromium() {
    if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
      // Surefire reports a class skipped in @BeforeAll without its reason; the build output must say it.
      String why = "browser tests skipped: " + (Files.isExecutable(CHROMIUM) ? "" : CHROMIUM + " is missing; ")
          + (Files.isExecutable(CHROMEDRIVER) ? "" : CHROMEDRIVER + " is missing; ")
          + "install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)";
      System.err.println(why);
      Assumptions.abort(why);
    }
  }

  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + app.port() + pathAndQuery;
  }

  String base() {
    return url("");
  }

  /** Loads a page of the app on a fresh document. */
  void open(String pathAndQuery) {
    driver.get(url(pathAndQuery));
  }

  /**
   * The hits, once an answer with hits is drawn whole (the facets and charts follow the hits by a frame)
   * and no search is on its way: until a new search's answer comes, the last one's hits stay on screen.
   */
  List<WebElement> hits() {
    return wait.until(driver -> {
      if (!answerSettled(driver)) {
        return null;
      }
      List<WebElement> hits = driver.findElements(By.cssSelector("#hits .hit"));
      return hits.isEmpty() ? null : hits;
    });
  }

  /**
   * Waits until the answer on screen, drawn whole, has {@code count} hits. A count read while a search
   * is on its way may be the last search's (after a click, say, that searches anew).
   */
  void waitForHitCount(int count) {
    wait.until(driver -> answerSettled(driver) && driver.findElements(By.cssSelector("#hits .hit")).size() == count);
  }

  /**
   * Waits until no search is on its way and the answer on screen is drawn whole: its facets, timeline
   * and charts too. Called after an action that searches, it waits for that search's answer.
   */
  void answerDrawn() {
    wait.until(PageBrowser::answerSettled);
  }

  /**
   * Whether the page is not searching (app.js marks #results aria-busy from the moment a search starts,
   * in the same task as the URL changes, until its answer is drawn) and has drawn the facets, timeline
   * and charts of the answer on screen (data-drawing, until the frame after the hits).
   */
  static boolean answerSettled(WebDriver driver) {
    WebElement results = driver.findElement(By.id("results"));
    return !"true".equals(results.getDomAttribute("aria-busy")) && results.getDomAttribute("data-drawing") == null;
  }

  /**
   * Waits until the page has its answer to the request for the suggestions of {@code prefix}, as typed
   * into the search box. Keys are typed one by one: a pause between two longer than the list's debounce
   * asks for a shorter prefix too, whose list is drawn and then replaced by the whole prefix's. Once
   * the whole prefix was asked for, no shorter one's answer is drawn (suggest.js drops it).
   */
  void suggestionsAnswered(String prefix) {
    wait.until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
        "const asked = '/api/suggest?' + new URLSearchParams({ prefix: arguments[0] }) + '&';"
            + " return performance.getEntriesByType('resource').some(entry => entry.name.includes(asked));", prefix));
  }

  WebElement facetCheckbox(String facet, String value) {
    return wait.until(driver -> driver.findElements(By.cssSelector("#facets input[type=checkbox]")).stream()
        .filter(box -> facet.equals(box.getDomAttribute("data-facet")) && value.equals(box.getDomAttribute("data-value")))
        .findFirst().orElse(null));
  }

  /** Saves what the browser shows as target/screenshots/{name}.png. */
  void screenshot(String name) throws IOException {
    Path shots = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() throws IOException {
    try {
      // The next class finds the browser as a new one would be: desktop size, on no page of ours.
      try {
        driver.switchTo().alert().dismiss();
      } catch (NoAlertPresentException none) {
        // the usual case
      }
      driver.manage().window().setSize(DESKTOP);
      driver.get("about:blank");
    } finally {
      app.stop();
      searcher.close();
    }
  }
}
