package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.curation.Curation;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.Curators;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Result lists longer than a page, and facet lists longer than their first ten values, in the browser. */
class LongResultListBrowserTest {
  /** Real sentences from the seed articles, each naming a different actor, so the actor facet grows long. */
  static final List<String> SENTENCES = List.of(
      "Washington is moving from rhetoric to force against Tren de Aragua in Venezuela.",
      "Officials in Colombia said the reported strike on the gang could complicate cooperation.",
      "Mexico may see the Venezuela crackdown as a template for cartel policy.",
      "Brazil appears focused on border enforcement after the killing of a suspected leader.",
      "The Pentagon reportedly briefed Congress on the strike against the Venezuelan gang.",
      "Peru and Chile could face new migration pressure if the Venezuela crackdown widens.",
      "The United Nations suggested the strike may raise hard questions about legality.",
      "Ecuador said the gang is adaptive and can replace a leader quickly, officials said.",
      "Panama may tighten border screening as the Venezuela policy hardens.",
      "Canada and Spain urged restraint after the reported killing in Venezuela.",
      "Cuba allegedly warned that the Venezuela strike could become a template for force.",
      "Argentina appears to back intelligence sharing against Tren de Aragua.");
  static final int GENERATED = 45;
  static final String TOKEN = "long-list-token";

  @TempDir static Path tmp;
  static PageBrowser page;

  @BeforeAll
  static void start() throws IOException {
    Map<String, String> clippings = new LinkedHashMap<>();
    for (int i = 0; i < GENERATED; i++) {
      clippings.put(String.format("clipping-%02d", i), "Venezuela Clipping " + i + "\n\n"
          + SENTENCES.get(i % SENTENCES.size()) + " " + SENTENCES.get((i * 5 + 1) % SENTENCES.size()) + "\n");
    }
    // A server that takes live updates, so a test can change the archive between two pages.
    PageBrowser.requireChromium();
    TestEngine.Archive archive = TestEngine.LUCENE.index(tmp, List.of(SeedIndex.corpus(tmp, clippings, List.of())));
    Curation curation = Curation.open(tmp.resolve("curation"));
    LiveIndex live = LiveIndex.open(archive.stores(), CurationApiTest.indexer(curation), archive.engine(), curation, Map.of());
    LiveUpdates updates = new LiveUpdates(live, Curators.single(BearerToken.of(TOKEN, "the test")));
    Javalin server = MorgueServer.create(archive.engine(), Optional.of(updates), HttpOptions.defaults(), Optional.of(curation));
    page = PageBrowser.serving(server, () -> {
      try (archive; curation; live) {
        // closed in reverse: the live index, then the curation, then the archive
      }
    });
  }

  @AfterAll
  static void stop() throws IOException {
    // Null when the browser is missing and the class was skipped.
    if (page != null) {
      page.close();
    }
  }

  // One hit per article (group=articles): clippings with the same two sentences are copies of one
  // story, which would otherwise be one hit and leave fewer than three pages.
  @Test
  void showMoreResultsWalksThePagesToTheEndWithTheCursor() throws IOException {
    page.open("/?q=Venezuela&group=articles");
    page.waitForHitCount(20);
    WebElement more = page.wait.until(ExpectedConditions.elementToBeClickable(By.id("more")));
    more.click();
    page.waitForHitCount(40);
    page.wait.until(ExpectedConditions.elementToBeClickable(By.id("more"))).click();
    page.waitForHitCount(GENERATED + 2);
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("more")));
    List<String> ids = page.driver.findElements(By.cssSelector("#hits .hit-title")).stream()
        .map(link -> link.getDomAttribute("data-article-id")).toList();
    assertEquals(ids.size(), ids.stream().distinct().count(), "no hit twice across pages: " + ids);
    page.screenshot("showMoreResultsWalksThePagesToTheEndWithTheCursor");
  }

  @Test
  void showMoreResultsAfterTheArchiveChangedSearchesAgainAndGoesOn() throws Exception {
    page.open("/?q=Venezuela&group=articles");
    page.waitForHitCount(20);
    // Any write moves every relevance score, so the server refuses the next page's cursor; the page
    // used to say so and stop ("search again from the first page") however often it was clicked.
    HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page.url("/api/articles")))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"dog-show\", \"title\": \"Dog show\","
            + " \"body\": \"A spaniel won the county dog show on Saturday.\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(201, posted.statusCode(), posted.body());
    page.wait.until(ExpectedConditions.elementToBeClickable(By.id("more"))).click();
    page.waitForHitCount(40);
    assertTrue(page.driver.findElement(By.id("more-error")).getDomAttribute("hidden") != null,
        page.driver.findElement(By.id("more-error")).getText());
    List<String> ids = page.driver.findElements(By.cssSelector("#hits .hit-title")).stream()
        .map(link -> link.getDomAttribute("data-article-id")).toList();
    assertEquals(40, ids.stream().distinct().count(), "no hit twice: " + ids);
    assertEquals("Venezuela Clipping", focused().getText().replaceAll(" \\d+$", ""), "focus on the first new hit");
    page.wait.until(ExpectedConditions.elementToBeClickable(By.id("more"))).click();
    page.waitForHitCount(GENERATED + 2);
  }

  WebElement focused() {
    return page.driver.switchTo().activeElement();
  }

  @Test
  void theFirstTwoTabStopsAreSkipLinksShownOnFocusToTheResultsAndToMoreResults() throws IOException {
    page.open("/?q=Venezuela&group=articles");
    page.waitForHitCount(20);
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("more")));
    WebElement toResults = page.driver.findElement(By.id("skip-results"));
    assertTrue(toResults.getRect().getY() + toResults.getRect().getHeight() <= 0, "out of sight until focused");

    new Actions(page.driver).sendKeys(Keys.TAB).perform();
    assertEquals(toResults, focused());
    assertEquals("Skip to results", focused().getText());
    assertTrue(toResults.getRect().getY() >= 0, "in sight when focused: " + toResults.getRect());
    page.screenshot("theFirstTwoTabStopsAreSkipLinksShownOnFocus");

    new Actions(page.driver).sendKeys(Keys.TAB).perform();
    WebElement toMore = page.driver.findElement(By.id("skip-more"));
    assertEquals(toMore, focused());
    assertEquals("Skip to more results", focused().getText());
    assertTrue(toMore.getRect().getY() >= 0, "in sight when focused: " + toMore.getRect());

    focused().sendKeys(Keys.ENTER);
    assertEquals("more", focused().getDomAttribute("id"), "focus on Show more results");
    focused().sendKeys(Keys.ENTER);
    page.waitForHitCount(40);
    assertFalse(page.driver.getCurrentUrl().contains("#"), "the URL keeps the search only");

    page.open("/?q=Venezuela&group=articles");
    page.waitForHitCount(20);
    new Actions(page.driver).sendKeys(Keys.TAB).perform();
    focused().sendKeys(Keys.ENTER);
    assertEquals("hits", focused().getDomAttribute("id"), "focus on the list of results");
    // The next Tab goes on from there to the first result, not back to the search box.
    new Actions(page.driver).sendKeys(Keys.TAB).perform();
    assertEquals(page.driver.findElement(By.cssSelector("#hits .hit-title")), focused(),
        "Tab goes on to the first result: " + focused().getTagName());

    // Without a next page there is nothing to skip to, and no link to it.
    page.open("/?q=Argentina");
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "for “Argentina”"));
    page.hits();
    assertFalse(page.driver.findElement(By.id("more")).isDisplayed());
    new Actions(page.driver).sendKeys(Keys.TAB, Keys.TAB).perform();
    assertEquals("Morgue", focused().getText(), "after Skip to results comes the page's own first link");
  }

  @Test
  void theActorFilterBoxAndShowMoreReachValuesBeyondTheFirstTen() throws IOException {
    page.open("/?q=Venezuela");
    page.hits();
    int shown = page.driver.findElements(By.cssSelector("#facets input[data-facet=actor]")).size();
    assertEquals(10, shown, "ten actors at first");
    page.wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[starts-with(normalize-space(.), 'Show more actors')]"))).click();
    page.wait.until(driver -> driver.findElements(By.cssSelector("#facets input[data-facet=actor]")).size() > 10);

    WebElement filter = page.wait.until(ExpectedConditions.elementToBeClickable(By.id("facet-filter-actor")));
    filter.sendKeys("Arg");
    page.wait.until(driver -> {
      List<String> values = driver.findElements(By.cssSelector("#facets input[data-facet=actor]")).stream()
          .map(box -> box.getDomAttribute("data-value")).toList();
      return values.equals(List.of("Argentina")) ? values : null;
    });
    page.facetCheckbox("actor", "Argentina").click();
    page.wait.until(ExpectedConditions.urlContains("actor=Argentina"));
    // The filtered list replaces the old one: wait until every hit shown names Argentina.
    int filtered = page.wait.until(driver -> {
      List<WebElement> hits = driver.findElements(By.cssSelector("#hits .hit"));
      boolean all = !hits.isEmpty() && hits.stream().allMatch(hit -> hit.getText().contains("Argentina"));
      return all ? hits.size() : null;
    });
    assertTrue(filtered > 0 && filtered < GENERATED, "the actor filter narrowed the list: " + filtered);
    page.screenshot("theActorFilterBoxAndShowMoreReachValuesBeyondTheFirstTen");
  }

  @Test
  void aNewSearchStartsWithWholeFacetListsAndChartsNotTheLastOnesFilterBox() {
    page.open("/?q=Venezuela");
    page.hits();
    page.wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[starts-with(normalize-space(.), 'Show more actors')]"))).click();
    // Show more redraws the panel: a filter box found before the redraw is gone after it.
    page.wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//button[starts-with(normalize-space(.), 'Show fewer actors')]")));
    page.wait.until(ExpectedConditions.elementToBeClickable(By.id("facet-filter-actor"))).sendKeys("Arg");
    page.wait.until(driver -> driver.findElements(By.cssSelector("#facets input[data-facet=actor]")).stream()
        .map(box -> box.getDomAttribute("data-value")).toList().equals(List.of("Argentina")));

    WebElement box = page.wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    box.sendKeys("Venezuela strike", Keys.ENTER);
    page.wait.until(ExpectedConditions.urlContains("q=Venezuela+strike"));
    // Until the new search's answer is drawn, the chart and the filter box on screen are the last one's.
    page.answerDrawn();
    // The chart of the most named actors is of the new results, not of a list narrowed to "Arg".
    page.wait.until(driver -> driver.findElements(By.cssSelector("#top-actors .top-name")).stream()
        .anyMatch(name -> !name.getText().startsWith("Arg")));
    // The list stays expanded (a display choice), its filter box empty.
    assertEquals("", page.wait.until(ExpectedConditions.elementToBeClickable(By.id("facet-filter-actor")))
        .getDomProperty("value"));
  }

  @Test
  void theReadersNextAtTheLastHitHeldLoadsTheNextPage() {
    page.open("/?q=Venezuela&group=articles");
    page.waitForHitCount(20);
    List<WebElement> titles = page.driver.findElements(By.cssSelector("#hits .hit-title"));
    String last = titles.get(19).getDomAttribute("data-article-id");
    String lastTitle = titles.get(19).getText();
    titles.get(19).click();
    // The reader draws its bar while the article loads and again with the article: read the one that stays.
    page.wait.until(ExpectedConditions.textToBe(By.id("article-title"), lastTitle));
    WebElement position = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".reader-position")));
    assertEquals("20 of " + (GENERATED + 2), position.getText(), "counted out of the whole search");
    page.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".reader-steps .step-next"))).click();
    page.wait.until(ExpectedConditions.textToBe(By.cssSelector(".reader-position"), "21 of " + (GENERATED + 2)));
    assertFalse(page.driver.getCurrentUrl().contains(last), "the next page's first hit is read");
    page.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".reader-steps .step-previous")));
  }
}
