package org.morgue.server;

import java.nio.file.Files;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The search page in a real browser against the real server, over the seed articles and one
 * hostile article, on each engine: the embedded index and an OpenSearch cluster (one node, three shards).
 * Screenshots land in server/target/screenshots, one per test.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class SearchPageBrowserTest {
  /** Markup, a slash and a literal entity in the text a snippet shows. */
  static final String CLERKS_NOTE = "The archive clerk filed <img src=x onerror=\"document.title='pwned'\"> under"
      + " 9/11 & 24/7, and wrote &amp; as it is spelled. The old index cards were kept in the basement for years.";

  static PageBrowser page;
  static WebDriver browser;

  @Parameter TestEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(TestEngine engine) throws IOException {
    Path tmp = Files.createTempDirectory("morgue-page-" + engine.name().toLowerCase(java.util.Locale.ROOT));
    Path corpus = SeedIndex.corpus(tmp, Map.of("hostile",
        "<img src=x onerror=\"document.title='pwned'\"> Hostile Venezuela headline\n\n"
            + "Officials said this hostile story is about Venezuela and nothing else."
            + " It has <script>document.title='pwned'</script> inside it.\n",
        "clerks-note", "A clerk's note\n\n" + CLERKS_NOTE + "\n"), List.of());
    page = PageBrowser.start(engine.index(tmp, List.of(corpus)));
    browser = page.driver;
  }

  @AfterParameterizedClassInvocation
  static void stop() throws IOException {
    if (page != null) {
      page.close();
    }
  }

  /**
   * The cases that try the page's own behaviour (keys, focus, links, how text is drawn) run on the
   * embedded index alone: the API answers them alike on both engines (the API tests and
   * engine-opensearch's EngineParityTest prove it), and a second run on the cluster cost the build
   * about 15 s. The cases that draw what an engine answers (hits, facets, sorting, snippets, marks,
   * suggestions) run on both.
   */
  private void pageAlone() {
    // .ci/run lets through exactly the skips that say this, and fails on any other skip of a browser test.
    Assumptions.assumeTrue(engine == TestEngine.LUCENE, "page behaviour, tried on the embedded index alone");
  }

  @AfterEach
  void screenshot(TestInfo test) throws IOException {
    if (page != null) {
      page.screenshot(test.getTestMethod().orElseThrow().getName() + "-" + engine.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Test
  void typingAQueryShowsResultsAndTickingTwoActorsMatchesEither() {
    page.open("/");
    WebElement box = page.wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    box.sendKeys("Venezuela");
    browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
    page.wait.until(ExpectedConditions.urlContains("q=Venezuela"));
    page.waitForHitCount(3);

    page.facetCheckbox("actor", "Tren de Aragua").click();
    page.wait.until(ExpectedConditions.urlContains("actor=Tren"));
    page.waitForHitCount(2);
    assertTrue(browser.findElement(By.id("hits")).getText().contains("Trump Escalates Venezuela Crackdown"));

    page.facetCheckbox("actor", "Donald Trump").click();
    page.wait.until(ExpectedConditions.urlContains("actor=Donald"));
    // OR within a facet: a second actor can only keep or add hits.
    page.wait.until(driver -> driver.findElements(By.cssSelector("#hits .hit")).size() >= 2);
    // The URL changes before the page has drawn the new search: wait for its filter chips, not the URL.
    page.wait.until(driver -> driver.findElements(By.cssSelector("#active-filters .chip")).stream()
        .anyMatch(chip -> chip.getText().contains("Donald Trump")));
    List<String> chips = browser.findElements(By.cssSelector("#active-filters .chip")).stream().map(WebElement::getText).toList();
    assertTrue(chips.stream().anyMatch(chip -> chip.contains("Tren de Aragua")), chips.toString());
    assertTrue(chips.stream().anyMatch(chip -> chip.contains("Donald Trump")), chips.toString());
  }

  @Test
  void filtersTypedInTheUrlAsAnIdOrInOtherCapitalsShowAndKeepTheNamesTheArchiveKeeps() {
    // A trial: ?theme=02000000 drew the chip "Theme: 02000000" and a ticked "02000000 0" in the facet
    // beside the real theme unticked, and ticking that made a second filter.
    page.open("/?theme=crime&actor=tren%20de%20aragua");
    page.wait.until(driver -> driver.findElements(By.cssSelector("#active-filters .chip")).stream()
        .anyMatch(chip -> chip.getText().contains("Crime, law and justice")));
    List<String> chips = browser.findElements(By.cssSelector("#active-filters .chip")).stream().map(WebElement::getText).toList();
    assertTrue(chips.stream().anyMatch(chip -> chip.contains("Tren de Aragua")), chips.toString());
    assertTrue(chips.stream().noneMatch(chip -> chip.contains("crime") && !chip.contains("Crime, law")), chips.toString());
    page.wait.until(ExpectedConditions.urlContains("theme=Crime"));
    assertTrue(page.facetCheckbox("theme", "Crime, law and justice").isSelected(), "the theme is ticked under its name");
    assertTrue(browser.findElements(By.cssSelector("input[data-facet=theme][data-value=crime]")).isEmpty(),
        "no value named as typed");
  }

  @Test
  void choosingRecentlyAddedFirstOrdersTheHitsAsTheApiDoes() throws Exception {
    page.open("/?q=Venezuela");
    page.hits();
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sort"))).selectByVisibleText("Recently added first");
    page.wait.until(ExpectedConditions.urlContains("sort=added"));
    // Until the new order's answer comes, the hits on screen are the last search's: wait for it first.
    page.answerDrawn();
    java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(page.url("/api/search?q=Venezuela&sort=added"))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    List<String> expected = ShippedCorpusApiTest.ids(RunningServer.JSON.readTree(answer.body()));
    assertTrue(expected.size() > 1, answer.body());
    page.wait.until(driver -> driver.findElements(By.cssSelector("#hits .hit-title")).stream()
        .map(link -> link.getDomAttribute("data-article-id")).toList().equals(expected));
    // Listed by when they came in, the hits say when, as the API does.
    String added = RunningServer.JSON.readTree(answer.body()).get("hits").get(0).get("added").asText();
    WebElement first = page.hits().get(0);
    assertEquals(added, first.findElement(By.cssSelector(".added time")).getDomAttribute("datetime"));
    assertTrue(first.findElement(By.cssSelector(".added")).getText().startsWith("Added to the archive "),
        first.getText());
  }

  @Test
  void openingAnArticleShowsHedgeAndActorMarksAndTheBackButtonReturnsToResults() {
    page.open("/?q=" + "%22signal+flare%22");
    page.hits().get(0).findElement(By.cssSelector(".hit-title")).click();
    WebElement reader = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader")));
    page.wait.until(ExpectedConditions.textToBePresentInElement(reader, "US Military Kill Claims Raise the Stakes"));
    List<WebElement> hedges = reader.findElements(By.cssSelector(".cue-hedge"));
    assertFalse(hedges.isEmpty(), "hedge cues are marked in the text");
    assertTrue(hedges.stream().anyMatch(h -> h.getText().equalsIgnoreCase("may")));
    assertFalse(reader.findElements(By.cssSelector(".actor")).isEmpty(), "actors are marked in the text");
    assertTrue(reader.findElement(By.cssSelector(".article-header .added")).getText().startsWith("Added to the archive "),
        "the reader says when the archive took the article in");
    String sameImport = reader.findElement(By.cssSelector(".article-header .added a")).getDomAttribute("href");

    browser.navigate().back();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-view")));
    assertEquals(1, page.hits().size());
    // Said, where the status kept "Article: ..." after the reader closed (a keyboard trial).
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Back to the results: 1 article for"));

    // The time links to what else came in with the same import: here, the whole archive's one run.
    assertTrue(sameImport.startsWith("?q=added%3A%22") && sameImport.endsWith("&sort=added"), sameImport);
    page.open("/" + sameImport);
    page.wait.until(driver -> driver.findElements(By.cssSelector("#hits .hit-title")).stream()
        .anyMatch(link -> "US Military Kill Claims Raise the Stakes".equals(link.getText())));
  }

  @Test
  void aSearchLoadsFromItsUrlAndArticleMarkupIsShownAsTextNeverRun() {
    pageAlone();
    page.open("/?q=hostile");
    WebElement hit = page.hits().get(0);
    assertTrue(hit.getText().contains("<img src=x onerror="), hit.getText());
    hit.findElement(By.cssSelector(".hit-title")).click();
    WebElement reader = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader")));
    page.wait.until(ExpectedConditions.textToBePresentInElement(reader, "<script>document.title='pwned'</script>"));
    assertEquals(0, browser.findElements(By.cssSelector("#main img, #main script")).size());
    assertFalse("pwned".equals(browser.getTitle()), "no article markup ran");
  }

  @Test
  void aSnippetShowsTheArticleTextExactlyWithMarksAndRunsNoneOfItsMarkup() {
    page.open("/?q=clerk");
    page.waitForHitCount(1);
    WebElement snippet = page.hits().get(0).findElement(By.cssSelector(".snippet"));
    assertEquals("The archive clerk filed <img src=x onerror=\"document.title='pwned'\"> under 9/11 & 24/7, and wrote"
        + " &amp; as it is spelled. \u2026", snippet.getText(), "a slash is a slash, an entity in the text stays as written");
    List<String> marks = snippet.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("clerk"), marks);
    assertEquals(0, browser.findElements(By.cssSelector("#main img")).size());
    assertFalse("pwned".equals(browser.getTitle()), "no article markup ran");

    // A phrase typed in quotes is said in its own quotes, not in a second pair around them.
    page.open("/?q=" + RunningServer.enc("\"archive clerk\""));
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "1 article for \"archive clerk\""));
  }

  @Test
  void aFilterValueTheArchiveHoldsUnderNoNameIsSaidAndItsNearestNameOffered() {
    pageAlone();
    // A link from elsewhere, or a URL edited by hand: it filtered everything out and said nothing.
    page.open("/?actor=Venezuelaa&theme=Qwxyz");
    WebElement said = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("did-you-mean")));
    page.wait.until(driver -> driver.findElement(By.id("did-you-mean")).getText().contains("Qwxyz"));
    assertEquals("No actor in the archive is named “Venezuelaa”. Did you mean Venezuela?\n"
        + "No theme in the archive is named “Qwxyz”.", said.getText());
    said.findElement(By.linkText("Venezuela")).click();
    page.wait.until(driver -> driver.getCurrentUrl().contains("actor=Venezuela") && !driver.getCurrentUrl().contains("Venezuelaa"));
    page.wait.until(driver -> !driver.findElement(By.id("did-you-mean")).getText().contains("Venezuelaa"));
    assertTrue(browser.findElement(By.id("did-you-mean")).getText().contains("Qwxyz"), "the other filter is still said");
  }

  @Test
  void aQueryThatIsNotSyntaxIsSearchedAsItsWordsAndThePageSaysSoAsText() {
    pageAlone();
    page.open("/?q=" + RunningServer.enc("Venezuela \"headline"));
    WebElement note = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#summary .interpreted")));
    assertTrue(browser.findElement(By.id("hits")).getText().contains("Hostile Venezuela headline"));
    assertEquals("· searched for the words “Venezuela headline” (unbalanced quote after 'headline')", note.getText());

    page.open("/?q=" + RunningServer.enc("<img src=x onerror=\"document.title='pwned'\"> \" Venezuela"));
    note = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#summary .interpreted")));
    assertTrue(note.getText().contains("searched for the words “img src x onerror document.title pwned Venezuela”"),
        note.getText());
    assertEquals(0, browser.findElements(By.cssSelector("#summary img, #main img")).size());
    assertFalse("pwned".equals(browser.getTitle()), "no query markup ran");
  }

  @Test
  void typingTreSuggestsTrenDeAraguaAndChoosingItFiltersByThatActor() {
    // A search is running: the name typed in its place replaces it, rather than narrowing it to nothing.
    page.open("/?q=cartel");
    page.hits();
    WebElement box = page.wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    // As a person does: select what is there and type over it (WebDriver's clear() also blurs the box).
    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    box.sendKeys("Tre");
    WebElement list = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("suggestions")));
    assertEquals("true", box.getDomAttribute("aria-expanded"));
    assertEquals("suggestions", box.getDomAttribute("aria-controls"));
    // A list for "T" or "Tr" may be drawn first and then replaced: read the options of "Tre"'s.
    page.suggestionsAnswered("Tre");
    page.wait.until(ExpectedConditions.textToBePresentInElement(list, "Tren de Aragua"));
    List<WebElement> options = list.findElements(By.cssSelector("[role=option]"));
    int wanted = indexOf(options, "Tren de Aragua");
    assertTrue(options.get(wanted).getText().contains("Actor"), options.get(wanted).getText());

    for (int i = 0; i <= wanted; i++) {
      box.sendKeys(Keys.ARROW_DOWN);
    }
    assertEquals(options.get(wanted).getDomAttribute("id"), box.getDomAttribute("aria-activedescendant"));
    box.sendKeys(Keys.ENTER);

    page.wait.until(ExpectedConditions.urlContains("actor=Tren+de+Aragua"));
    page.waitForHitCount(2);
    assertFalse(browser.getCurrentUrl().contains("q=Tre"), "the typed text is not searched: " + browser.getCurrentUrl());
    assertFalse(browser.getCurrentUrl().contains("q=cartel"), "nor the search it replaced: " + browser.getCurrentUrl());
    assertEquals("", box.getDomProperty("value"));
    assertEquals("false", box.getDomAttribute("aria-expanded"));
    // The hits can be drawn before the filter chips are: wait for the chip, as a reader's eye would.
    page.wait.until(driver -> driver.findElement(By.id("active-filters")).getText().contains("Tren de Aragua"));
  }

  @Test
  void typingAnActorsOtherNameSuggestsTheActor() {
    pageAlone();
    page.open("/");
    WebElement box = page.wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    box.sendKeys("TdA");
    WebElement list = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("suggestions")));
    page.wait.until(ExpectedConditions.textToBePresentInElement(list, "Tren de Aragua"));
  }

  @Test
  void escapeClosesTheSuggestions() {
    pageAlone();
    page.open("/");
    WebElement box = page.wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    box.sendKeys("Ven");
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("suggestions")));
    box.sendKeys(Keys.ESCAPE);
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("suggestions")));
    assertEquals("Ven", box.getDomProperty("value"));
  }

  @Test
  void pressingEnterToSearchTheTypedWordsClosesTheSuggestions() {
    pageAlone();
    page.open("/");
    page.hits();
    WebElement box = page.wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    box.sendKeys("Ven");
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("suggestions")));
    box.sendKeys(Keys.ENTER);
    page.wait.until(ExpectedConditions.urlContains("q=Ven"));
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("suggestions")));
    assertEquals("false", box.getDomAttribute("aria-expanded"));
    assertEquals("Ven", box.getDomProperty("value"));

    // Enter before the suggestions have come: their answer, when it arrives, does not open the list.
    box.sendKeys("ezuela", Keys.ENTER);
    page.wait.until(ExpectedConditions.urlContains("q=Venezuela"));
    page.waitForHitCount(3);
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "3 articles for “Venezuela”"));
    assertFalse(browser.findElement(By.id("suggestions")).isDisplayed(), "the suggestions stay closed");
    assertEquals("false", box.getDomAttribute("aria-expanded"));
    assertTrue(browser.findElement(By.id("summary")).isDisplayed());
  }

  @Test
  void enterTicksAFacetCheckboxAsSpaceDoesAndFocusStaysOnIt() {
    pageAlone();
    page.open("/?q=Venezuela");
    page.waitForHitCount(3);
    page.facetCheckbox("actor", "Tren de Aragua").sendKeys(Keys.ENTER);
    page.wait.until(ExpectedConditions.urlContains("actor=Tren+de+Aragua"));
    page.waitForHitCount(2);
    WebElement ticked = page.wait.until(driver -> {
      WebElement box = page.facetCheckbox("actor", "Tren de Aragua");
      return box.isSelected() && box.equals(driver.switchTo().activeElement()) ? box : null;
    });

    ticked.sendKeys(Keys.ENTER);
    page.wait.until(driver -> !driver.getCurrentUrl().contains("actor="));
    page.waitForHitCount(3);
    page.facetCheckbox("actor", "Tren de Aragua").sendKeys(Keys.SPACE);
    page.wait.until(ExpectedConditions.urlContains("actor=Tren+de+Aragua"));
    page.waitForHitCount(2);
  }

  @Test
  void removingAFilterByKeyboardKeepsTheFocusInTheAnswerAndTheAnnouncementNamesTheFilters() {
    pageAlone();
    // A keyboard trial: the removed chip took the focus with it to the page's start, sixty stops back.
    page.open("/?q=Venezuela&actor=Tren+de+Aragua&theme=" + java.net.URLEncoder.encode("Crime, law and justice", StandardCharsets.UTF_8));
    page.answerDrawn();
    // A facet value's name says what its count counts ("Venezuela place 2" was a bare number).
    assertTrue(page.facetCheckbox("actor", "Venezuela").findElement(By.xpath("./ancestor::label")).getDomProperty("textContent")
        .matches(".*\\d+ articles?$"), "the count's unit is in the label");
    List<WebElement> chips = browser.findElements(By.cssSelector("#active-filters button.chip"));
    assertEquals(2, chips.size());
    chips.get(0).sendKeys(Keys.ENTER);
    page.wait.until(driver -> !driver.getCurrentUrl().contains("actor="));
    WebElement next = page.wait.until(driver -> {
      WebElement focused = driver.switchTo().activeElement();
      return focused.getDomAttribute("aria-label") != null && focused.getDomAttribute("aria-label").startsWith("Remove filter Theme") ? focused : null;
    });
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "filtered by Theme: Crime, law and justice"));

    next.sendKeys(Keys.ENTER);
    page.wait.until(driver -> !driver.getCurrentUrl().contains("theme="));
    page.waitForHitCount(3);
    page.wait.until(driver -> "results".equals(driver.switchTo().activeElement().getDomAttribute("id")));
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "3 articles for “Venezuela”"));
    assertFalse(browser.findElement(By.id("status")).getText().contains("filtered"));

    // A result's own filter button is redrawn with its result: the focus goes to the new answer too.
    page.answerDrawn();
    browser.findElement(By.cssSelector(".hit button[data-chip-facet=actor]")).sendKeys(Keys.ENTER);
    page.wait.until(ExpectedConditions.urlContains("actor="));
    page.wait.until(driver -> "results".equals(driver.switchTo().activeElement().getDomAttribute("id")));
  }

  @Test
  void theSeedFolderShowsAsAPublicationNameWhileUrlsKeepItsFacetValue() {
    pageAlone();
    page.open("/?q=Venezuela&source=seed-articles");
    WebElement hit = page.hits().get(0);
    assertEquals("Seed articles (project brief)", hit.findElement(By.cssSelector(".meta .source")).getText());
    WebElement box = page.facetCheckbox("source", "seed-articles");
    assertTrue(box.isSelected(), "the facet value in the URL is still the folder name");
    assertTrue(box.findElement(By.xpath("..")).getText().contains("Seed articles (project brief)"));
    String chip = browser.findElement(By.cssSelector("#active-filters .chip")).getText();
    assertTrue(chip.contains("Seed articles (project brief)") && !chip.contains("seed-articles"), chip);
    hit.findElement(By.cssSelector(".hit-title")).click();
    WebElement reader = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader")));
    page.wait.until(ExpectedConditions.textToBePresentInElement(reader, "Seed articles (project brief)"));
    assertFalse(reader.findElement(By.cssSelector(".article-header")).getText().contains("seed-articles"));
  }

  @Test
  void exportAndFeedLinksCarryTheCurrentSearch() {
    pageAlone();
    page.open("/?q=Venezuela&actor=Tren+de+Aragua&sort=newest");
    page.waitForHitCount(2);
    for (String format : List.of("csv", "jsonl", "ris")) {
      WebElement link = browser.findElement(By.id("export-" + format));
      String href = URLDecoder.decode(link.getDomAttribute("href"), StandardCharsets.UTF_8);
      // Relative to the page, so the page works where a proxy serves it under a path (an operator's trial).
      assertTrue(href.startsWith("api/export?"), href);
      assertTrue(href.contains("q=Venezuela") && href.contains("actor=Tren de Aragua") && href.contains("sort=newest")
          && href.contains("format=" + format), href);
      assertTrue(link.getDomAttribute("download") != null, "a download link");
    }
    String feed = URLDecoder.decode(browser.findElement(By.id("feed")).getDomAttribute("href"), StandardCharsets.UTF_8);
    assertTrue(feed.startsWith("api/feed?") && feed.contains("actor=Tren de Aragua"), feed);
    String alternate = browser.findElement(By.cssSelector("link[rel=alternate][type='application/atom+xml']")).getDomAttribute("href");
    assertEquals(feed, URLDecoder.decode(alternate, StandardCharsets.UTF_8));
  }

  @Test
  void aRefusedQueryTakesTheLastAnswersCountsAwayFromTheFilters() {
    pageAlone();
    // A journalist's trial: after speaker:Kennedy the error stood beside the whole archive's counts.
    page.open("/?q=Venezuela");
    page.facetCheckbox("actor", "Tren de Aragua");
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    box.sendKeys("speaker:Kennedy", Keys.ENTER);
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-error")));
    page.answerDrawn();
    assertTrue(browser.findElements(By.cssSelector("#facets input[data-facet]")).isEmpty(), "no counts beside the error");
    assertEquals("No counts: this query cannot be searched. Change it to see what the filters hold.",
        browser.findElement(By.id("facets")).getText());

    box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    box.sendKeys("Venezuela", Keys.ENTER);
    page.waitForHitCount(3);
    assertTrue(page.facetCheckbox("actor", "Tren de Aragua").isDisplayed(), "a search that runs has its counts again");
  }

  @Test
  void aSortTheLinkNamesThatThePageDoesNotKnowIsSaidNotSilentlyReplaced() {
    pageAlone();
    page.open("/?q=Venezuela&sort=hedged");
    page.waitForHitCount(3);
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("did-you-mean"),
        "Unknown sort “hedged” in the link: sorted by relevance."));
    assertEquals("relevance", browser.findElement(By.id("sort")).getDomProperty("value"));
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Unknown sort “hedged”"));

    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sort"))).selectByVisibleText("Newest first");
    page.wait.until(ExpectedConditions.urlContains("sort=newest"));
    page.answerDrawn();
    assertFalse(browser.findElement(By.id("did-you-mean")).isDisplayed(), "a sort chosen here needs no note");
  }

  @Test
  void datesTypedTheWrongWayRoundAreSwappedAndTheSwapIsSaid() {
    pageAlone();
    page.open("/?q=Venezuela");
    page.waitForHitCount(3);
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "document.getElementById('date-from').value = '1970-01-01'; document.getElementById('date-to').value = '1960-01-01';");
    browser.findElement(By.cssSelector("#date-range button[type=submit]")).click();
    page.wait.until(ExpectedConditions.urlContains("from=1960-01-01&to=1970-01-01"));
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("did-you-mean"),
        "From and To were the wrong way round: searched from 1960-01-01 to 1970-01-01."));

    // The next change of the search is not a swap: the note goes.
    browser.findElement(By.cssSelector("#active-filters .chip-dates")).click();
    page.wait.until(driver -> !driver.getCurrentUrl().contains("from="));
    page.waitForHitCount(3);
    assertFalse(browser.findElement(By.id("did-you-mean")).isDisplayed(), browser.findElement(By.id("did-you-mean")).getText());
  }

  @Test
  void slashGoesToTheSearchBoxExceptWhileTypingInAnotherField() {
    pageAlone();
    page.open("/");
    WebElement box = browser.findElement(By.id("q"));
    assertEquals("/", box.getDomAttribute("aria-keyshortcuts"));
    WebElement title = page.hits().get(0).findElement(By.cssSelector(".hit-title"));
    title.sendKeys("/");
    page.wait.until(driver -> box.equals(driver.switchTo().activeElement()));
    assertEquals("", box.getDomProperty("value"), "the slash is not typed into the box");

    // In a text field a slash is a character: "9/11" typed in the box, not the box selected again at the slash.
    box.sendKeys("9/11");
    assertEquals("9/11", box.getDomProperty("value"));
    assertEquals(box, browser.switchTo().activeElement());
  }

  static int indexOf(List<WebElement> options, String text) {
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).getText().startsWith(text)) {
        return i;
      }
    }
    throw new AssertionError("no option " + text + " in " + options.stream().map(WebElement::getText).toList());
  }
}
