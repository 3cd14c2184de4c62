package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Comparing queries on the timeline (#19), on the corpus Morgue ships: "Venezuela" with "slavery"
 * (and "war"), one line each on the same axes, every number in the chart's table as the API counts
 * it, kept in the URL, added and removed by keyboard. Screenshots land in server/target/screenshots
 * as compare-*.png.
 */
class CompareQueriesBrowserTest extends ShippedCorpusPageTest {
  static final Dimension DESKTOP = new Dimension(1280, 1000);
  static final Dimension PHONE = new Dimension(390, 844);


  @AfterEach
  void backToDesktop() {
    if (page != null) {
      page.driver.manage().window().setSize(DESKTOP);
    }
  }

  /** The API's answer for /api/search?{query}, as JSON. */
  static JsonNode api(String query) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(page.url("/api/search?" + query))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return RunningServer.JSON.readTree(response.body());
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** A query's matches per period with at least one, as the API counts them at an interval, with filters. */
  static Map<String, Long> apiCounts(String query, String interval, String filters) throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (JsonNode bucket : api("size=0&q=" + encode(query) + "&interval=" + interval + filters).get("timeline").get("buckets")) {
      if (bucket.get("count").asLong() > 0) {
        counts.put(bucket.get("key").asText(), bucket.get("count").asLong());
      }
    }
    return counts;
  }

  /**
   * The interval the page's own search was counted at (the page asks for none, the server picks), or
   * in the share view the one its shares are, where the answer gives shares.
   */
  static String mainInterval(String query, String filters, boolean share) throws Exception {
    JsonNode timeline = api("size=0&q=" + encode(query) + filters).get("timeline");
    JsonNode shares = timeline.path("shares");
    return (share && shares.isObject() ? shares : timeline).get("interval").asText();
  }

  /**
   * The first and last period of the search's shares, where the answer gives shares: they run over
   * the archive's range, not only its matches', so in the share view they are the comparison's axis.
   */
  static List<String> sharesSpan(String query, String filters) throws Exception {
    JsonNode shares = api("size=0&q=" + encode(query) + filters).get("timeline").path("shares");
    if (!shares.isObject()) return List.of();
    JsonNode buckets = shares.get("buckets");
    return List.of(buckets.get(0).get("key").asText(), buckets.get(buckets.size() - 1).get("key").asText());
  }

  /**
   * The numbers table's counts for the n-th query (0: this search), by period. Read in one script:
   * a table of two centuries is hundreds of cells, and one WebDriver call per cell took half a minute.
   */
  static Map<String, Long> tableCounts(int series) {
    @SuppressWarnings("unchecked")
    List<List<Object>> rows = (List<List<Object>>) ((JavascriptExecutor) page.driver).executeScript(
        "return Array.from(document.querySelectorAll('#compare-table tbody tr'), row =>"
            + " [row.getAttribute('data-key'), row.querySelectorAll('td')[arguments[0]].getAttribute('data-count')]);",
        series);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (List<Object> row : rows) {
      long count = Long.parseLong((String) row.get(1));
      if (count > 0) {
        counts.put((String) row.get(0), count);
      }
    }
    return counts;
  }

  static List<WebElement> waitForSeries(int count) {
    return page.wait.until(driver -> {
      List<WebElement> series = driver.findElements(By.cssSelector("#compare-chart svg .series"));
      return series.size() == count ? series : null;
    });
  }

  static List<String> legend() {
    return page.driver.findElements(By.cssSelector("#compare-list .compare-query")).stream().map(WebElement::getText).toList();
  }

  static WebElement focused() {
    return page.driver.switchTo().activeElement();
  }

  static void press(CharSequence... keys) {
    new Actions(page.driver).sendKeys(keys).perform();
  }

  static void showCompare() {
    ((JavascriptExecutor) page.driver).executeScript("document.getElementById('compare').scrollIntoView({block: 'center'});");
  }

  /** Lines and table against the API's timelines, for "Venezuela" and the comparisons given. */
  static void assertDrawnAsTheApiCounts(String main, List<String> comparisons, String filters) throws Exception {
    List<String> queries = new ArrayList<>(List.of(main));
    queries.addAll(comparisons);
    List<WebElement> series = waitForSeries(queries.size());
    // The share view counts every query per the periods the search's shares are drawn per (decades
    // where its years hold too few articles); the count view per its own timeline's.
    boolean share = "share".equals(page.driver.findElement(By.cssSelector("#compare-chart svg")).getDomAttribute("data-view"));
    String interval = mainInterval(main, filters, share);
    List<String> quoted = queries.stream().map(query -> "“" + query + "”").toList();
    assertEquals(quoted, legend());
    List<Map<String, Long>> expected = new ArrayList<>();
    for (String query : queries) {
      expected.add(apiCounts(query, interval, filters));
    }
    for (int index = 0; index < queries.size(); index++) {
      assertEquals(expected.get(index), tableCounts(index), "the table's numbers for " + queries.get(index));
      assertEquals(queries.get(index), series.get(index).getDomAttribute("data-query"));
    }
    // One point per period from the first to the last match of any query: the same axis for all. In
    // the share view, per the search's shares, which run over the archive's range: no line runs past
    // the bars, nor do the bars stop at this search's last match while a comparison's line goes on.
    List<String> keys = expected.stream().flatMap(counts -> counts.keySet().stream())
        .sorted(java.util.Comparator.comparingInt(CompareQueriesBrowserTest::period)).toList();
    List<String> shared = share ? sharesSpan(main, filters) : List.of();
    String first = shared.isEmpty() ? keys.getFirst() : shared.getFirst();
    String last = shared.isEmpty() ? keys.getLast() : shared.getLast();
    if (!shared.isEmpty()) {
      assertTrue(period(first) <= period(keys.getFirst()) && period(keys.getLast()) <= period(last), shared + " holds " + keys);
    }
    int periods = period(last) - period(first) + 1;
    for (WebElement line : series) {
      String[] points = line.findElement(By.tagName("polyline")).getDomAttribute("points").split(" ");
      assertEquals(periods, points.length, "points of " + line.getDomAttribute("data-query"));
    }
    // The page's own bars are widened to the same periods, so bars and points line up.
    List<WebElement> bars = page.wait.until(driver -> {
      List<WebElement> found = driver.findElements(By.cssSelector("#timeline .bar"));
      return found.size() == periods ? found : null;
    });
    assertEquals(first, bars.get(0).getDomAttribute("data-key"));
    assertEquals(last, bars.get(bars.size() - 1).getDomAttribute("data-key"));
  }

  /** A year's or a decade's place on the axis ({@code 1961}, {@code 1960s}). */
  static int period(String key) {
    return key.endsWith("s") ? Integer.parseInt(key.substring(0, key.length() - 1)) / 10 : Integer.parseInt(key);
  }

  void compareByKeyboardAt(Dimension size, String name) throws Exception {
    page.driver.manage().window().setSize(size);
    page.open("/?q=Venezuela");
    page.hits();
    assertFalse(page.driver.findElement(By.id("compare-chart")).isDisplayed(), "nothing to compare yet");

    // From the timeline's view switch: Tab to the bars (one stop), on to the box for another query.
    page.wait.until(driver -> driver.findElement(By.cssSelector("#timeline-view input[value=count]"))).sendKeys(Keys.TAB);
    assertTrue(focused().getDomAttribute("class").contains("bar"), focused().getDomAttribute("class"));
    // Then the timeline's "Show the numbers", then the box for another query.
    press(Keys.TAB);
    assertEquals("timeline-numbers", focused().findElement(By.xpath("..")).getDomAttribute("id"));
    press(Keys.TAB);
    assertEquals("compare-q", focused().getDomAttribute("id"));
    press("slavery", Keys.ENTER);
    assertDrawnAsTheApiCounts("Venezuela", List.of("slavery"), "");
    assertTrue(page.driver.getCurrentUrl().contains("compare=slavery"), page.driver.getCurrentUrl());
    assertEquals("compare-q", focused().getDomAttribute("id"), "the box stays focused for another query");
    assertEquals("", focused().getDomProperty("value"));
    showCompare();
    page.screenshot("compare-" + name);

    // A link reproduces the comparison.
    page.driver.navigate().refresh();
    page.hits();
    assertDrawnAsTheApiCounts("Venezuela", List.of("slavery"), "");

    // Shift+Tab from the box reaches the comparison's Remove button; Enter removes it.
    page.driver.findElement(By.id("compare-q")).sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
    assertEquals("Remove comparison “slavery”", focused().getDomAttribute("aria-label"));
    press(Keys.ENTER);
    page.wait.until(driver -> !driver.findElement(By.id("compare-chart")).isDisplayed());
    assertFalse(page.driver.getCurrentUrl().contains("compare="), page.driver.getCurrentUrl());
    // Without comparisons the bars are the page's own answer's periods again.
    assertEquals(api("size=0&q=Venezuela").get("timeline").get("buckets").size(),
        page.driver.findElements(By.cssSelector("#timeline .bar")).size());
    assertEquals(List.of(), legend());
    assertEquals("compare-q", focused().getDomAttribute("id"), "focus goes to the box, not to the page's top");

    // Back brings the comparison back, without searching "Venezuela" again.
    page.driver.navigate().back();
    assertDrawnAsTheApiCounts("Venezuela", List.of("slavery"), "");
    page.driver.navigate().forward();
    page.wait.until(driver -> !driver.findElement(By.id("compare-chart")).isDisplayed());
  }

  @Test
  void venezuelaAndSlaveryAreComparedByKeyboardOnADesktop() throws Exception {
    compareByKeyboardAt(DESKTOP, "desktop");
  }

  @Test
  void venezuelaAndSlaveryAreComparedByKeyboardOnAPhone() throws Exception {
    compareByKeyboardAt(PHONE, "phone");
  }

  @Test
  void threeQueriesAsSharesOfTheArchiveWithTheSameFilters() throws Exception {
    String filters = "&actorType=place";
    // A repeated or a fourth query in a hand-edited URL is dropped.
    page.open("/?q=Venezuela&actorType=place&compare=slavery&compare=slavery&compare=war&compare=jury&timeline=share");
    page.hits();
    assertDrawnAsTheApiCounts("Venezuela", List.of("slavery", "war"), filters);
    assertEquals("share", page.driver.findElement(By.cssSelector("#compare-chart svg")).getDomAttribute("data-view"));
    assertFalse(page.driver.findElement(By.id("compare-form")).isDisplayed(), "three queries is the most");
    assertTrue(page.driver.findElement(By.id("compare-full")).isDisplayed());
    assertTrue(page.driver.findElement(By.id("compare-note")).getText().contains("same filters and dates"));
    // Shares are said in the table beside the counts, with the archive's count for the period.
    WebElement row = page.driver.findElement(By.cssSelector("#compare-table tbody tr"));
    // The table sits in a closed <details>: its text is read as the DOM holds it, not as shown.
    String cell = row.findElements(By.tagName("td")).get(0).getDomProperty("textContent");
    assertTrue(cell.matches("\\d+( \\([0-9.]+%\\))?"), cell);
    assertEquals(4, row.findElements(By.tagName("td")).size(), "three queries and the archive");
    String label = page.driver.findElement(By.cssSelector("#compare-chart svg")).getDomAttribute("aria-label");
    assertTrue(label.startsWith("Share of the archive matching per decade"), label);
    assertTrue(label.contains("“Venezuela”, “slavery”, “war”"), label);
    showCompare();
    page.screenshot("compare-three-shares");
    // The numbers open by keyboard: Tab from the last Remove button reaches their disclosure.
    page.driver.findElements(By.cssSelector("#compare-list .compare-remove")).get(1).sendKeys(Keys.TAB);
    assertEquals("SUMMARY", focused().getTagName().toUpperCase());
    press(Keys.ENTER);
    page.wait.until(driver -> driver.findElement(By.cssSelector("#compare-table tbody tr")).isDisplayed());
    page.screenshot("compare-three-shares-numbers");

    // The view switch redraws the comparison too.
    page.driver.findElement(By.cssSelector("#timeline-view input[value=count]")).click();
    page.wait.until(driver -> "count".equals(driver.findElement(By.cssSelector("#compare-chart svg")).getDomAttribute("data-view")));
    assertDrawnAsTheApiCounts("Venezuela", List.of("slavery", "war"), filters);
  }

  @Test
  void comparisonQueriesAreShownAsTextNeverAsMarkupAndARefusedOneIsSaidSo() throws Exception {
    String hostile = "<img src=x onerror=document.title='owned'>";
    page.open("/?q=Venezuela&compare=" + encode(hostile) + "&compare=" + encode("unknown:field"));
    page.hits();
    page.wait.until(driver -> legend().size() == 3);
    assertEquals(List.of("“Venezuela”", "“" + hostile + "”", "“unknown:field”"), legend());
    assertTrue(page.driver.findElements(By.cssSelector("#compare img")).isEmpty());
    assertFalse(page.driver.getTitle().contains("owned"));
    // A query the API refuses is said so, with the API's reason; the others are still drawn.
    waitForSeries(2);
    String error = page.wait.until(driver -> {
      WebElement box = driver.findElement(By.id("compare-error"));
      return box.isDisplayed() ? box.getText() : null;
    });
    assertTrue(error.startsWith("“unknown:field” could not be counted: "), error);
  }

  @Test
  void aQuotedPhraseIsShownWithItsOwnQuotesNotTwoPairs() {
    // A journalist's trial: compare="free trade" was listed as “"free trade"”.
    page.open("/?q=Venezuela&compare=" + encode("\"free trade\""));
    page.hits();
    page.wait.until(driver -> legend().size() == 2);
    assertEquals(List.of("“Venezuela”", "\"free trade\""), legend());
  }
}
