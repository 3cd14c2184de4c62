package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page over the seed articles (undated) and six dated State of the Union addresses: the
 * timeline, and the product's "done when" scenario of filtering, reading and exporting.
 */
class StateOfTheUnionBrowserTest {
  static final String SOTU = "State of the Union";

  @TempDir static Path tmp;
  static PageBrowser page;
  static WebDriver browser;

  @BeforeAll
  static void start() throws IOException {
    Path index = SeedIndex.build(tmp, Map.of(), List.of("/sotu/state-of-the-union.jsonl"));
    page = PageBrowser.start(index);
    browser = page.driver;
  }

  @AfterAll
  static void stop() throws IOException {
    if (page != null) {
      page.close();
    }
  }

  @AfterEach
  void screenshot(TestInfo test) throws IOException {
    if (page != null) {
      page.screenshot(test.getTestMethod().orElseThrow().getName());
    }
  }

  WebElement bar(String key) {
    return page.wait.until(driver -> driver.findElements(By.cssSelector("#timeline .bar")).stream()
        .filter(bar -> key.equals(bar.getDomAttribute("data-key"))).findFirst().orElse(null));
  }

  String decodedUrl() {
    return URLDecoder.decode(browser.getCurrentUrl(), StandardCharsets.UTF_8);
  }

  @Test
  void theTimelineDrawsABarPerYearAndClickingOneFiltersToThatYear() {
    page.open("/");
    page.waitForHitCount(8);
    WebElement figure = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline-figure")));
    List<WebElement> bars = figure.findElements(By.cssSelector(".bar"));
    assertEquals(1962 - 1790 + 1, bars.size(), "one bar per year from the first address to the last");
    assertEquals("1941: 1 article, 100% of the archive's 1", bar("1941").findElement(By.tagName("title")).getDomProperty("textContent"));
    assertFalse(figure.findElements(By.cssSelector("rect.bar-fill")).isEmpty());

    bar("1941").click();
    page.wait.until(driver -> decodedUrl().contains("from=1941-01-01") && decodedUrl().contains("to=1941-12-31"));
    page.waitForHitCount(1);
    WebElement chip = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#active-filters .chip-dates")));
    assertTrue(chip.getText().contains("1941-01-01 – 1941-12-31"), chip.getText());
    assertTrue(browser.findElement(By.id("hits")).getText().contains("Roosevelt"));

    chip.click();
    page.wait.until(driver -> !decodedUrl().contains("from="));
    page.waitForHitCount(8);
  }

  @Test
  void draggingAcrossBarsSelectsTheirWholeRange() {
    page.open("/?source=" + SOTU.replace(' ', '+'));
    page.waitForHitCount(6);
    new Actions(browser).clickAndHold(bar("1790")).moveToElement(bar("1793")).release().perform();
    page.wait.until(driver -> decodedUrl().contains("from=1790-01-01") && decodedUrl().contains("to=1793-12-31"));
    page.waitForHitCount(3);
  }

  @Test
  void theTimelineWorksFromTheKeyboard() {
    page.open("/?source=" + SOTU.replace(' ', '+'));
    page.waitForHitCount(6);
    WebElement first = bar("1790");
    assertEquals("0", first.getDomAttribute("tabindex"), "the bars are one tab stop, starting at the first");
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", first);
    browser.switchTo().activeElement().sendKeys(Keys.END);
    assertEquals("1962", browser.switchTo().activeElement().getDomAttribute("data-key"));
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    page.wait.until(driver -> decodedUrl().contains("from=1962-01-01") && decodedUrl().contains("to=1962-12-31"));
    page.waitForHitCount(1);
  }

  /**
   * A keyboard trial (session 39): a range built with Shift+arrows showed only in colour, every empty
   * year took a key press, and after Enter the focus stood on whatever bar held the old position.
   */
  @Test
  void aRangeChosenByKeyboardIsSaidAsItGrowsAndTheFocusStaysOnItsFirstBar() {
    page.open("/?source=" + SOTU.replace(' ', '+'));
    page.waitForHitCount(6);
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", bar("1790"));
    browser.switchTo().activeElement().sendKeys(Keys.PAGE_DOWN);
    String second = browser.switchTo().activeElement().getDomAttribute("data-key");
    assertTrue(Integer.parseInt(second) > 1790 && !bar(second).getDomAttribute("class").contains("bar-empty"),
        "Page Down goes to the next year with matches: " + second);
    browser.switchTo().activeElement().sendKeys(Keys.PAGE_UP);
    assertEquals("1790", browser.switchTo().activeElement().getDomAttribute("data-key"));
    for (int i = 0; i < 3; i++) {
      browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
    }
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "1790 to 1793 chosen"));
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    page.wait.until(driver -> decodedUrl().contains("from=1790-01-01") && decodedUrl().contains("to=1793-12-31"));
    page.waitForHitCount(3);
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Dates: 1790-01-01 – 1793-12-31"));
    // Four years are drawn by month: the focus is on the first bar of 1790.
    page.wait.until(driver -> String.valueOf(driver.switchTo().activeElement().getDomAttribute("data-key")).startsWith("1790"));
  }

  /**
   * Dates typed by hand, for readers who do not drag or arrow through the timeline (a keyboard
   * user's trial, session 39, and a journalist's, session 40); typed the wrong way round, the range
   * is still the one meant, and the fields show the range the page filters by.
   */
  @Test
  void datesTypedInTheFiltersFilterByThatRange() {
    page.open("/?source=" + SOTU.replace(' ', '+'));
    page.waitForHitCount(6);
    org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
    // The fields' own typing follows the browser's locale; what they hold is an ISO date either way.
    js.executeScript("document.getElementById('date-from').value = '1793-12-31';"
        + " document.getElementById('date-to').value = '1790-01-01';");
    browser.findElement(By.cssSelector("#date-range button[type=submit]")).click();
    page.wait.until(driver -> decodedUrl().contains("from=1790-01-01") && decodedUrl().contains("to=1793-12-31"));
    page.waitForHitCount(3);
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Dates: 1790-01-01 – 1793-12-31"));
    assertEquals("1790-01-01", browser.findElement(By.id("date-from")).getDomProperty("value"));
    assertEquals("1793-12-31", browser.findElement(By.id("date-to")).getDomProperty("value"));

    // Emptied, the fields lift the range.
    js.executeScript("document.getElementById('date-from').value = ''; document.getElementById('date-to').value = '';");
    browser.findElement(By.cssSelector("#date-range button[type=submit]")).click();
    page.wait.until(driver -> !decodedUrl().contains("from=") && !decodedUrl().contains("to="));
    page.waitForHitCount(6);
  }

  @Test
  void aReaderFiltersAddressesByThemeAndHedgingReadsOneAndExportsExactlyThoseIds() throws Exception {
    page.open("/");
    page.waitForHitCount(8);
    page.facetCheckbox("source", SOTU).click();
    page.waitForHitCount(6);
    page.facetCheckbox("theme", "Economy").click();
    page.wait.until(driver -> decodedUrl().contains("theme=Economy"));
    // The facets on screen are the last answer's until theme=Economy's is drawn: tick from its own.
    page.answerDrawn();
    // The levels read as a scale, whatever their counts (a journalist's trial, session 40).
    List<String> levels = page.driver.findElements(By.cssSelector("#facets input[data-facet=hedging]")).stream()
        .map(box -> box.getDomAttribute("data-value")).toList();
    assertEquals(java.util.stream.Stream.of("low", "medium", "high").filter(levels::contains).toList(), levels);
    assertTrue(levels.size() >= 2, levels.toString());
    page.facetCheckbox("hedging", "high").click();
    page.wait.until(driver -> decodedUrl().contains("hedging=high"));
    // The hits on screen are theme=Economy's until hedging=high's answer is drawn, and may be fewer than 6 already.
    page.answerDrawn();
    page.wait.until(driver -> driver.findElements(By.cssSelector("#hits .hit")).size() < 6);
    Set<String> shown = page.hits().stream()
        .map(hit -> hit.findElement(By.cssSelector(".hit-title")).getDomAttribute("data-article-id"))
        .collect(Collectors.toSet());
    assertFalse(shown.isEmpty());
    assertTrue(shown.stream().allMatch(id -> id.startsWith("sotu-")), shown.toString());

    String csvHref = browser.findElement(By.id("export-csv")).getDomAttribute("href");
    String decoded = URLDecoder.decode(csvHref, StandardCharsets.UTF_8);
    for (String filter : List.of("source=" + SOTU, "theme=Economy", "hedging=high", "format=csv")) {
      assertTrue(decoded.contains(filter), decoded);
    }

    page.hits().get(0).findElement(By.cssSelector(".hit-title")).click();
    WebElement reader = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader")));
    page.wait.until(ExpectedConditions.textToBePresentInElement(reader, "State of the Union"));
    page.wait.until(driver -> !reader.findElements(By.cssSelector(".article-body .cue-hedge")).isEmpty());

    HttpResponse<String> csv = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(page.base() + "/").resolve(csvHref)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, csv.statusCode(), csv.body());
    List<String> rows = Arrays.asList(csv.body().split("\r\n"));
    assertTrue(rows.get(0).startsWith("\uFEFFid,"), "a byte order mark, then the header: " + rows.get(0));
    // Ids are plain slugs, never quoted, so each row's id is the text before its first comma.
    Set<String> exported = rows.stream().skip(1).filter(row -> !row.isEmpty())
        .map(row -> row.substring(0, row.indexOf(','))).collect(Collectors.toSet());
    assertEquals(shown, exported);
    assertEquals(shown.size(), rows.stream().skip(1).filter(row -> !row.isEmpty()).count());
  }
}
