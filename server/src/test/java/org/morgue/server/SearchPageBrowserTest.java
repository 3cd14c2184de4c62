package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.indexer.search.ArchiveSearcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in a real browser (Debian's headless chromium via chromedriver) against the real
 * server. Screenshots land in server/target/screenshots. Skipped only where chromium-driver is not
 * installed; .ci/run installs it.
 */
class SearchPageBrowserTest {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir static Path tmp;
  static ArchiveSearcher searcher;
  static Javalin app;
  WebDriver browser;
  WebDriverWait wait;

  @BeforeAll
  static void startServer() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    Path index = SeedIndex.build(tmp, Map.of("hostile",
        "<img src=x onerror=\"document.title='pwned'\"> Hostile Venezuela headline\n\n"
            + "Officials said this hostile story is about Venezuela and nothing else."
            + " It has <script>document.title='pwned'</script> inside it.\n"));
    searcher = ArchiveSearcher.open(index);
    app = MorgueServer.create(searcher).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (app != null) {
      app.stop();
      searcher.close();
    }
  }

  @BeforeEach
  void openBrowser() throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    browser = new ChromeDriver(service, options);
    // The page re-renders facets and hits after every search; an element found a moment before may be gone.
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  void closeBrowser(TestInfo test) throws IOException {
    if (browser == null) {
      return;
    }
    try {
      Path shots = Files.createDirectories(Path.of("target", "screenshots"));
      byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(shots.resolve(test.getTestMethod().orElseThrow().getName() + ".png"), png);
    } finally {
      browser.quit();
    }
  }

  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + app.port() + pathAndQuery;
  }

  List<WebElement> hits() {
    return wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#hits .hit"), 0));
  }

  WebElement facetCheckbox(String facet, String value) {
    return wait.until(driver -> driver.findElements(By.cssSelector("#facets input[type=checkbox]")).stream()
        .filter(box -> facet.equals(box.getDomAttribute("data-facet")) && value.equals(box.getDomAttribute("data-value")))
        .findFirst().orElse(null));
  }

  @Test
  void typingAQueryShowsResultsAndFacetsAndTickingAnActorFilters() {
    browser.get(url("/"));
    WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    box.sendKeys("Venezuela");
    browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlContains("q=Venezuela"));
    wait.until(driver -> driver.findElements(By.cssSelector("#hits .hit")).size() == 3);

    facetCheckbox("actor", "Tren de Aragua").click();
    wait.until(ExpectedConditions.urlContains("actor=Tren"));
    wait.until(driver -> driver.findElements(By.cssSelector("#hits .hit")).size() == 2);
    assertTrue(browser.findElement(By.id("active-filters")).getText().contains("Tren de Aragua"));
    assertTrue(browser.findElement(By.id("hits")).getText().contains("Trump Escalates Venezuela Crackdown"));
  }

  @Test
  void openingAnArticleShowsHedgeMarksAndTheBackButtonReturnsToResults() {
    browser.get(url("/?q=" + "%22signal+flare%22"));
    hits().get(0).findElement(By.cssSelector(".hit-title")).click();
    WebElement reader = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader")));
    wait.until(ExpectedConditions.textToBePresentInElement(reader, "US Military Kill Claims Raise the Stakes"));
    List<WebElement> hedges = reader.findElements(By.cssSelector(".cue-hedge"));
    assertFalse(hedges.isEmpty(), "hedge cues are marked in the text");
    assertTrue(hedges.stream().anyMatch(h -> h.getText().equalsIgnoreCase("may")));
    assertFalse(reader.findElements(By.cssSelector(".actor")).isEmpty(), "actors are marked in the text");

    browser.navigate().back();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-view")));
    assertEquals(1, hits().size());
  }

  @Test
  void aSearchLoadsFromItsUrlAndArticleMarkupIsShownAsTextNeverRun() {
    browser.get(url("/?q=hostile"));
    WebElement hit = hits().get(0);
    assertTrue(hit.getText().contains("<img src=x onerror="), hit.getText());
    hit.findElement(By.cssSelector(".hit-title")).click();
    WebElement reader = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader")));
    wait.until(ExpectedConditions.textToBePresentInElement(reader, "<script>document.title='pwned'</script>"));
    assertEquals(0, browser.findElements(By.cssSelector("#main img, #main script")).size());
    assertFalse("pwned".equals(browser.getTitle()), "no article markup ran");
  }
}
