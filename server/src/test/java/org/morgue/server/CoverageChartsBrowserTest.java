package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The timeline's coverage charts on the corpus Morgue ships, searching "jury": in 1961 the archive
 * holds 46 articles (44 Brown samples, two addresses), 8 of them match, 4 of those hedged medium and
 * none high; over every year, 31 dated matches, 18 hedged medium and 2 high.
 */
class CoverageChartsBrowserTest extends ShippedCorpusPageTest {
  /** Matches' bars are drawn within this many pixels (PLOT_BOTTOM - PLOT_TOP in timeline.js). */
  static final double PLOT_HEIGHT = 96 - 18;
  /** The hedging chart's height for 100% (HEDGING_BOTTOM - HEDGING_TOP in timeline.js), under the axis line. */
  static final double HEDGING_HEIGHT = 36;


  @AfterEach
  void screenshot(TestInfo test) throws IOException {
    if (page != null) {
      page.screenshot(test.getTestMethod().orElseThrow().getName());
    }
  }

  private WebElement bar(String key) {
    return page.wait.until(driver -> driver.findElements(By.cssSelector("#timeline .bar")).stream()
        .filter(bar -> key.equals(bar.getDomAttribute("data-key"))).findFirst().orElse(null));
  }

  private double fillHeight(String key) {
    return Double.parseDouble(bar(key).findElement(By.cssSelector(".bar-fill")).getDomAttribute("height"));
  }

  private String chartView() {
    return page.driver.findElement(By.cssSelector("#timeline svg")).getDomAttribute("data-view");
  }

  private long searchRequests() {
    return (Long) ((JavascriptExecutor) page.driver).executeScript(
        "return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/search')).length;");
  }

  @Test
  void theTimelineSwitchesBetweenCountsAndSharesOfTheArchiveKeptInTheUrlWithoutSearchingAgain() {
    page.open("/?q=jury");
    page.hits();
    assertEquals("count", page.wait.until(driver -> chartView()));
    assertEquals("1961: 8 articles, 17% of the archive's 46", bar("1961").getDomAttribute("aria-label"));
    double countHeight = fillHeight("1961");
    String countMax = page.driver.findElement(By.cssSelector("#timeline .axis-max")).getText();
    long countMaxValue = Long.parseLong(countMax.replace("max ", ""));
    assertEquals(PLOT_HEIGHT * 8 / countMaxValue, countHeight, 0.01, countMax);

    long requests = searchRequests();
    page.driver.findElement(By.cssSelector("#timeline-view input[value=share]")).click();
    page.wait.until(driver -> "share".equals(chartView()));
    assertTrue(page.driver.getCurrentUrl().contains("timeline=share"), page.driver.getCurrentUrl());
    assertEquals(requests, searchRequests(), "the bars are redrawn from the answer on screen");
    // Shares are drawn by decade, where most years hold one or two addresses (the answer's shares).
    assertTrue(bar("1960s").getDomAttribute("aria-label").startsWith("1960s: "), bar("1960s").getDomAttribute("aria-label"));
    assertTrue(page.driver.findElements(By.cssSelector("#timeline .bar[data-key='1961']")).isEmpty(), "no year's bar");
    // Over the archive's decades, not only to "jury"'s last match: the 1970s to the 2020s are 0%.
    assertEquals("2020s: 0 articles, 0% of the archive's 2", bar("2020s").getDomAttribute("aria-label"));
    assertTrue(bar("1790s").getDomAttribute("aria-label").startsWith("1790s: 0 articles"), bar("1790s").getDomAttribute("aria-label"));

    page.driver.navigate().refresh();
    page.hits();
    page.wait.until(driver -> "share".equals(chartView()));
    assertTrue(page.driver.findElement(By.cssSelector("#timeline-view input[value=share]")).isSelected());
    page.driver.navigate().back();
    page.wait.until(driver -> "count".equals(chartView()));
    assertTrue(page.driver.findElement(By.cssSelector("#timeline-view input[value=count]")).isSelected());
  }

  @Test
  void theShareViewOfAWordTheAddressesUseIsATrendByDecadeNotASawtoothOfAllOrNothing() {
    page.open("/?q=economy&timeline=share");
    page.hits();
    page.wait.until(driver -> "share".equals(chartView()));
    List<WebElement> bars = page.wait.until(driver -> {
      List<WebElement> drawn = driver.findElements(By.cssSelector("#timeline .bar"));
      return drawn.isEmpty() ? null : drawn;
    });
    int allOrNothing = 0;
    for (WebElement bar : bars) {
      String label = bar.getDomAttribute("aria-label");
      assertTrue(label.matches("\\d{4}s: .*"), "a decade: " + label);
      allOrNothing += label.contains(", 0% of") || label.contains(", 100% of") ? 1 : 0;
    }
    assertTrue(2 * allOrNothing < bars.size(), allOrNothing + " of " + bars.size() + " decades are 0% or 100%");

    // Said in words, not only by the axis labels: the interval, why, and the threshold the API uses.
    WebElement periods = page.driver.findElement(By.id("timeline-periods"));
    assertTrue(periods.isDisplayed(), "the note on the decades is shown");
    assertTrue(periods.getText().startsWith("Shares per decade: most years hold fewer than 5 of the archive’s articles"),
        periods.getText());
    // Each bar's numbers are in a table a tap opens, not only in its label: the 1960s' as its bar says.
    page.driver.findElement(By.cssSelector("#timeline-numbers summary")).click();
    WebElement row = page.wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#timeline-table tr[data-key='1960s']")));
    List<String> cells = row.findElements(By.cssSelector("td")).stream().map(WebElement::getText).toList();
    assertEquals("1960s: " + cells.get(0) + " articles, " + cells.get(2) + " of the archive's " + cells.get(1),
        bar("1960s").getDomAttribute("aria-label"));
    assertTrue(Long.parseLong(cells.get(1)) >= 5, cells.toString());

    // Counts stay per year; choosing a decade's bar in the share view asks for its ten years.
    page.driver.findElement(By.cssSelector("#timeline-view input[value=count]")).click();
    page.wait.until(driver -> "count".equals(chartView()));
    assertTrue(bar("1961").getDomAttribute("aria-label").startsWith("1961: "));
    assertTrue(!periods.isDisplayed(), "counts are per year, as the axis says");
    assertEquals(1, page.driver.findElements(By.cssSelector("#timeline-table tr[data-key='1961']")).size());
    page.driver.findElement(By.cssSelector("#timeline-view input[value=share]")).click();
    page.wait.until(driver -> "share".equals(chartView()));
    bar("1960s").click();
    page.wait.until(driver -> driver.getCurrentUrl().contains("from=1960-01-01") && driver.getCurrentUrl().contains("to=1969-12-31"));
  }

  private List<String> barKeys(int expected) {
    return page.wait.until(driver -> {
      List<String> keys = driver.findElements(By.cssSelector("#timeline .bar")).stream()
          .map(bar -> bar.getDomAttribute("data-key")).toList();
      return keys.size() == expected ? keys : null;
    });
  }

  @Test
  void aDecadeChosenInTheShareViewShowsItsYearsAndSaysWhyTheyHaveNoShareOfTheirOwn() {
    page.open("/?q=economy&timeline=share");
    page.hits();
    page.wait.until(driver -> "share".equals(chartView()));
    bar("1960s").click();
    page.wait.until(driver -> driver.getCurrentUrl().contains("interval=year"));
    // Its ten years, where the span of a decade alone is counted by month (120 bars). Each holds one
    // address but 1961 (46 articles with the Brown samples), so a year's share is 0% or 100%: the
    // share view keeps the years' counts and says the decade's one share, rather than one wide bar.
    List<String> years = List.of("1960", "1961", "1962", "1963", "1964", "1965", "1966", "1967", "1968", "1969");
    assertEquals(years, barKeys(10));
    assertTrue(page.driver.findElement(By.cssSelector("#timeline-view input[value=share]")).isSelected());
    assertEquals("count", chartView());
    WebElement periods = page.driver.findElement(By.id("timeline-periods"));
    assertTrue(periods.isDisplayed(), "the share view says why it draws counts");
    assertEquals("No share per year: only 1 of the 10 years that hold any of the archive’s articles holds 5 or more, "
        + "and a share of one or two articles is all or nothing. Over the 1960s as a whole, 15 of the archive’s "
        + "55 articles match (27%). The bars show the matches per year.", periods.getText());
    assertTrue(page.driver.findElement(By.cssSelector("#timeline svg")).getDomAttribute("aria-label")
        .startsWith("Matches per year, 1960 to 1969."));

    // The count view: the same ten years, with nothing to explain.
    page.driver.findElement(By.cssSelector("#timeline-view input[value=count]")).click();
    page.wait.until(driver -> !driver.findElement(By.id("timeline-periods")).isDisplayed());
    assertEquals(years, barKeys(10));
    // A year chosen from there is counted as its span says (by month): the interval was the decade's.
    bar("1961").click();
    page.wait.until(driver -> driver.getCurrentUrl().contains("from=1961-01-01"));
    assertTrue(!page.driver.getCurrentUrl().contains("interval="), page.driver.getCurrentUrl());
  }

  @Test
  void theHedgingChartShowsEachYearsShareOfMatchesHedgedHighAndMediumWithALegend() {
    page.open("/?q=jury");
    page.hits();
    WebElement sixtyOne = page.wait.until(driver -> driver.findElements(By.cssSelector("#timeline-hedging .hedging-column"))
        .stream().filter(column -> "1961".equals(column.getDomAttribute("data-key"))).findFirst().orElse(null));
    assertEquals("0", sixtyOne.getDomAttribute("data-high"));
    assertEquals("7", sixtyOne.getDomAttribute("data-medium"));
    assertEquals("1961: 0 of 8 hedged high (0%), 7 medium (88%)",
        sixtyOne.findElement(By.tagName("title")).getAttribute("textContent"));
    assertEquals(HEDGING_HEIGHT * 7 / 8,
        Double.parseDouble(sixtyOne.findElement(By.cssSelector(".hedged-medium")).getDomAttribute("height")), 0.01);
    assertEquals(0, Double.parseDouble(sixtyOne.findElement(By.cssSelector(".hedged-high")).getDomAttribute("height")));

    long high = 0;
    long medium = 0;
    for (WebElement column : page.driver.findElements(By.cssSelector("#timeline-hedging .hedging-column"))) {
      high += Long.parseLong(column.getDomAttribute("data-high"));
      medium += Long.parseLong(column.getDomAttribute("data-medium"));
    }
    assertEquals(List.of(6L, 24L), List.of(high, medium), "as the API's figures for jury");
    String summary = page.driver.findElement(By.cssSelector("#timeline-hedging svg")).getDomAttribute("aria-label");
    assertTrue(summary.contains("6 of 31 dated matches hedged high (19%), 24 medium (77%)"), summary);
    // The scale's label sits in a band above the columns: a column of 100% was drawn under it.
    Number labelBottom = (Number) ((org.openqa.selenium.JavascriptExecutor) page.driver).executeScript(
        "const box = document.querySelector('#timeline-hedging .axis-max').getBBox(); return box.y + box.height;");
    double plotTop = Double.parseDouble(page.driver.findElement(By.cssSelector("#timeline-hedging line.axis"))
        .getDomAttribute("y1")) - 0.5 - HEDGING_HEIGHT;
    assertTrue(labelBottom.doubleValue() <= plotTop, "the label ends at " + labelBottom + ", above the columns' top " + plotTop);
    WebElement legend = page.driver.findElement(By.id("timeline-hedging-legend"));
    assertTrue(legend.isDisplayed());
    assertTrue(legend.getText().contains("share of each period’s matches whose writing is hedged"), legend.getText());
  }

  private List<List<Object>> topRows(String listId) {
    return page.wait.until(driver -> {
      List<WebElement> rows = driver.findElements(By.cssSelector("#" + listId + " .top-row"));
      return rows.isEmpty() ? null : rows.stream()
          .map(row -> List.<Object>of(row.getDomAttribute("data-value"), Long.parseLong(row.getDomAttribute("data-count"))))
          .toList();
    });
  }

  @Test
  void severalWordsThatFindNothingTogetherAreCountedOneByOne() throws Exception {
    // The journalist's trial: "Breshnev detente" found nothing, said only "try fewer words", and gave
    // no correction, since "Brezhnev detente" finds nothing either.
    page.open("/?q=" + RunningServer.enc("Breshnev detente"));
    WebElement counts = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#empty .word-counts")));
    JsonNode detente = new ObjectMapper().readTree(java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(page.url("/api/search?size=0&q=detente"))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body());
    long total = detente.get("total").asLong();
    assertTrue(total > 0, detente.toString());
    assertEquals("No article has them all. Alone, \u201cBreshnev\u201d no article (did you mean \u201cBrezhnev\u201d?), \u201cdetente\u201d "
        + total + " article" + (total == 1 ? "" : "s") + ".", counts.getText());
    // Not for one word, nor for a query with syntax.
    page.open("/?q=" + RunningServer.enc("\"Breshnev detente\""));
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty")));
    assertTrue(page.driver.findElements(By.cssSelector("#empty .word-counts")).isEmpty());
  }

  /** A facet's five largest counts as the API answers them, ties by name. */
  private static List<List<Object>> topOfFacet(String query, String facet) throws Exception {
    JsonNode counts = new ObjectMapper().readTree(java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(page.url("/api/search?size=0&q=" + query))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body()).get("facets").get(facet);
    List<List<Object>> values = new java.util.ArrayList<>();
    counts.forEach(count -> values.add(List.of(count.get("value").asText(), count.get("count").asLong())));
    values.sort(java.util.Comparator.<List<Object>>comparingLong(value -> -(Long) value.get(1))
        .thenComparing(value -> (String) value.get(0)));
    return values.subList(0, Math.min(5, values.size()));
  }

  @Test
  void theResultsTopActorsAndThemesAreDrawnAsBarsFromTheFacetCounts() throws Exception {
    page.open("/?q=jury");
    page.hits();
    // Every match names the United States: a full bar would tell nothing about these results, so a
    // line says it and the bars go to the values that tell them apart (a journalist's trial, session 40).
    assertEquals(List.of(List.of("U.S. Congress", 25L), List.of("U.S. government", 25L), List.of("U.S. Senate", 24L),
        List.of("Germany", 22L)), topRows("top-actors").subList(0, 4));
    assertEquals("In every one of these results: United States.",
        page.driver.findElement(By.cssSelector("#top-actors + .top-everywhere")).getText());
    assertEquals(topOfFacet("jury", "theme"), topRows("top-themes"));
    WebElement first = page.driver.findElement(By.cssSelector("#top-actors .top-row"));
    assertEquals("25 of 31", first.findElement(By.className("top-count")).getText());
    assertEquals(120.0 * 25 / 31, Double.parseDouble(first.findElement(By.cssSelector(".top-bar-fill")).getDomAttribute("width")),
        0.01);
    WebElement fourth = page.driver.findElements(By.cssSelector("#top-actors .top-row")).get(3);
    assertEquals(120.0 * 22 / 31, Double.parseDouble(fourth.findElement(By.cssSelector(".top-bar-fill")).getDomAttribute("width")), 0.01);

    // Ticked actors are counted as if unticked, so their chart would not be a share of the results.
    page.open("/?q=jury&actor=Germany");
    page.waitForHitCount(20);
    page.wait.until(driver -> !driver.findElement(By.id("top-themes")).findElements(By.cssSelector(".top-row")).isEmpty());
    assertTrue(!page.driver.findElement(By.id("top-actors-heading")).isDisplayed(), "the actor chart is left out");
    assertEquals(topOfFacet("jury&actor=Germany", "theme"), topRows("top-themes"));
  }

  @Test
  void addressesDatedOnlyToTheYearAreLeftOutOfTheMonthsAndSaidSo() {
    // 1830 to 1844: twelve addresses dated to the day, drawn by month, and three of Jackson's and
    // Tyler's dated to the year alone, which no month holds.
    page.open("/?from=1830-01-01&to=1844-12-31");
    page.hits();
    WebElement note = timelineNote();
    assertEquals("3 matches are dated only to the year, so no month\u2019s bar counts them.", note.getText());
    // The months run over the dates asked for, from January 1830 where the first match is of December.
    List<WebElement> bars = page.driver.findElements(By.cssSelector("#timeline .bar"));
    assertEquals("1830-01", bars.get(0).getDomAttribute("data-key"));
    assertEquals("1844-12", bars.get(bars.size() - 1).getDomAttribute("data-key"));
    assertTrue(bar("1830-01").getDomAttribute("class").contains("bar-empty"), "a month asked for with no match is drawn empty");
    assertTrue(bar("1835-01").getDomAttribute("class").contains("bar-empty"), "no spike on Jackson's January 1, 1835");

    page.open("/?q=jury");
    page.hits();
    bar("1961");
    assertTrue(!page.driver.findElement(By.id("timeline-less-precise")).isDisplayed(), "by year, every match is drawn");

    // The two seed articles have no date: no bar holds them, and the page says so.
    page.open("/?q=Venezuela");
    page.hits();
    WebElement undated = timelineNote();
    assertEquals("2 matches have no date, so no bar counts them, and sorting by date lists them last.", undated.getText());
  }

  @Test
  void datesThatHoldOnlyPartOfAClippingsYearSayHowManyTheyLeaveOut() {
    // The journalist's trial: oil prices from January to June 1961 said "No articles match", where
    // four 1961 clippings, dated only to the year, speak of them.
    page.open("/?q=" + RunningServer.enc("oil prices") + "&from=1961-01-01&to=1961-06-30");
    WebElement empty = page.wait.until(driver -> {
      WebElement shown = driver.findElement(By.id("empty"));
      return shown.isDisplayed() ? shown : null;
    });
    assertTrue(empty.getText().matches("(?s).*No articles match.*\\d+ more articles match but are dated only to a month or year"
        + " that runs past these dates, so not counted: widen the dates to include them\\..*"), empty.getText());
    page.open("/?q=" + RunningServer.enc("oil prices") + "&from=1961-01-01&to=1961-12-31");
    page.hits();
    assertTrue(page.driver.findElements(By.cssSelector("#summary .partly-in-range")).isEmpty(), "the whole year holds them");
  }

  /** The note under the timeline on what its bars leave out, once it shows. */
  private WebElement timelineNote() {
    return page.wait.until(driver -> {
      WebElement shown = driver.findElement(By.id("timeline-less-precise"));
      return shown.isDisplayed() ? shown : null;
    });
  }
  @Test
  void aDateRangeDrawsEveryYearAskedForTheEmptyOnesEmpty() {
    // A journalist's trial: "Cuba" from 1959 to 1963 drew a chart starting at 1961; 1959 and 1960, with no match, were the finding.
    page.open("/?q=Cuba&from=1959-01-01&to=1963-12-31");
    page.hits();
    page.answerDrawn();
    List<String> keys = page.driver.findElements(By.cssSelector("#timeline .bar")).stream()
        .map(bar -> bar.getDomAttribute("data-key")).toList();
    assertEquals(List.of("1959", "1960", "1961", "1962", "1963"), keys);
    assertTrue(bar("1959").getDomAttribute("aria-label").startsWith("1959: 0 articles, 0% of the archive's "),
        bar("1959").getDomAttribute("aria-label"));
  }
}
