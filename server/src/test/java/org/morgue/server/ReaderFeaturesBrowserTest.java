package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The reader as a working desk: related coverage from the server, previous / next through the
 * results the page holds (by keyboard), a permalink, and a cite box with APA, MLA and Chicago strings
 * and CSL-JSON / BibTeX downloads. Screenshots land in server/target/screenshots as reader-features-*.png.
 */
class ReaderFeaturesBrowserTest {
  static final String AIRLIFT = "cited-airlift";
  static final String AIRLIFT_TITLE = "Allied airlift thwarts the Berlin blockade";
  static final String LATER_TITLE = "Berlin blockade lifted as the airlift flies on";
  static final String URL = "https://example.org/news/airlift?id=7";
  /** A JSON Lines record with a title and no body, and a .txt file holding a headline alone: both imported with a warning. */
  static final String HARBOUR = "headline-only-harbour";
  static final String LIBRARY = "headline-only-library";
  static final String LIBRARY_TITLE = "Council approves a new library for the east district";

  @TempDir static Path tmp;
  static PageBrowser page;

  @BeforeAll
  static void start() throws IOException {
    page = PageBrowser.start(SeedIndex.build(tmp, Map.of(LIBRARY, LIBRARY_TITLE + "\n"), List.of("/reader/cited.jsonl", "/reader/headlines.jsonl")));
  }

  @AfterAll
  static void stop() throws IOException {
    if (page != null) {
      page.close();
    }
  }

  static WebElement readerShowing(String title) {
    WebElement reader = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader")));
    page.wait.until(ExpectedConditions.textToBe(By.id("article-title"), title));
    return reader;
  }

  @Test
  void relatedCoverageListsTheOtherVenezuelaStoryAndOpensIt() throws IOException {
    page.open("/?article=" + SeedIndex.CRACKDOWN);
    WebElement reader = readerShowing("Trump Escalates Venezuela Crackdown");
    WebElement first = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .related-link")));
    assertEquals("US Military Kill Claims Raise the Stakes", first.getText());
    assertTrue(reader.findElements(By.cssSelector(".related-link")).stream()
        .noneMatch(link -> SeedIndex.CRACKDOWN.equals(link.getDomAttribute("data-article-id"))), "never the article itself");
    page.screenshot("reader-features-related");
    first.click();
    readerShowing("US Military Kill Claims Raise the Stakes");
    assertTrue(page.driver.getCurrentUrl().contains("article=" + SeedIndex.KILL_CLAIMS), page.driver.getCurrentUrl());
  }

  @Test
  void openedFromASearchTheReaderMarksWhereItsWordsStandAndStepsThroughThem() throws IOException {
    page.open("/?q=%22Venezuela+policy%22&article=" + SeedIndex.CRACKDOWN);
    WebElement reader = readerShowing("Trump Escalates Venezuela Crackdown");
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .article-body .query-word")));
    // A match cut by an actor's mark ("Venezuela" is a place) is several pieces naming one match.
    Map<String, String> matches = new java.util.TreeMap<>();
    for (WebElement piece : reader.findElements(By.cssSelector(".reader-article .query-word"))) {
      matches.merge(piece.getDomAttribute("data-match"), piece.getDomProperty("textContent"), String::concat);
    }
    assertTrue(matches.size() >= 2, "the piece writes the phrase more than once: " + matches);
    matches.values().forEach(words -> assertEquals("venezuela policy", words.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ")));
    assertFalse(reader.findElements(By.cssSelector(".actor .query-word")).isEmpty(), "marked inside the actor's mark, which stays");
    WebElement section = reader.findElement(By.cssSelector(".search-words"));
    assertTrue(section.getText().contains("\"Venezuela policy\": " + matches.size() + " places in this article"), section.getText());

    // Before any step, Previous goes to the last place (it went to the one before it).
    section.findElement(By.xpath(".//button[normalize-space(.)='Previous match']")).click();
    // The count says the words found too: a screen reader hears where it went, the focus staying on the button.
    assertEquals(matches.size() + " of " + matches.size() + ": “" + matches.get(String.valueOf(matches.size() - 1)).replaceAll("\\s+", " ").strip() + "”",
        section.findElement(By.cssSelector(".search-words-position")).getText());
    section.findElement(By.xpath(".//button[normalize-space(.)='Next match']")).click();
    assertTrue(section.findElement(By.cssSelector(".search-words-position")).getText().startsWith("1 of " + matches.size() + ": “"));
    List<WebElement> current = reader.findElements(By.cssSelector(".query-word.current"));
    assertEquals(Set.of("0"), current.stream().map(piece -> piece.getDomAttribute("data-match")).collect(java.util.stream.Collectors.toSet()));
    section.findElement(By.xpath(".//button[normalize-space(.)='Previous match']")).click();
    section.findElement(By.xpath(".//button[normalize-space(.)='Previous match']")).click();
    assertTrue(section.findElement(By.cssSelector(".search-words-position")).getText().startsWith((matches.size() - 1) + " of " + matches.size() + ": “"));
    page.screenshot("reader-features-search-words");
    // The outline never skips a level from the site's h1 (a keyboard trial: h1, h3 "Your search", h3
    // "Hedging", then the article's h2).
    List<Integer> levels = new java.util.ArrayList<>();
    for (WebElement heading : page.driver.findElements(By.cssSelector("h1, #reader h2, #reader h3, #reader h4"))) {
      if (heading.isDisplayed()) {
        levels.add(Integer.parseInt(heading.getTagName().substring(1)));
      }
    }
    for (int i = 1; i < levels.size(); i++) {
      assertTrue(levels.get(i) <= levels.get(i - 1) + 1, "heading levels in order: " + levels);
    }
    // The mark details read their content first, then Close (a live region is read from its start).
    WebElement details = reader.findElement(By.id("mark-details"));
    assertEquals("mark-details-close", details.findElements(By.xpath("./*")).get(details.findElements(By.xpath("./*")).size() - 1).getDomAttribute("class"));
    // A mark's name says what it is after its words (a keyboard trial heard only "could", "Congress").
    WebElement hedge = reader.findElement(By.cssSelector(".article-body .cue-hedge"));
    assertEquals(hedge.getDomProperty("textContent") + ", " + hedge.getDomAttribute("title"), hedge.getDomAttribute("aria-label"));
    assertTrue(hedge.getDomAttribute("aria-label").contains("hedge"), hedge.getDomAttribute("aria-label"));

    // The legend switches them off like any other highlight.
    WebElement word = reader.findElement(By.cssSelector(".reader-article .query-word"));
    String marked = word.getCssValue("background-color");
    reader.findElement(By.cssSelector("input[data-mark-type='query']")).click();
    assertEquals("rgba(0, 0, 0, 0)", word.getCssValue("background-color"), "was " + marked);
    reader.findElement(By.cssSelector("input[data-mark-type='query']")).click();

    // Opened without a search, nothing is marked as the search's.
    page.open("/?article=" + SeedIndex.CRACKDOWN);
    reader = readerShowing("Trump Escalates Venezuela Crackdown");
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .article-body .actor")));
    assertTrue(reader.findElements(By.cssSelector(".query-word, .search-words")).isEmpty());
  }

  @Test
  void anArticleTheArchiveDoesNotHoldSaysSoWithoutATryAgainThatCannotHelp() {
    page.open("/?article=no-such-article");
    WebElement reader = readerShowing("No such article");
    assertTrue(reader.getText().contains("no article with id 'no-such-article'"), reader.getText());
    assertTrue(reader.findElements(By.xpath(".//button[normalize-space(.)='Try again']")).isEmpty(), reader.getText());
  }

  @Test
  void anArticleThatIsOnlyAHeadlineSaysSoOnItsResultCardAndInTheReader() throws IOException {
    page.open("/?q=" + RunningServer.enc("id:" + HARBOUR + " OR id:" + LIBRARY) + "&group=articles");
    page.waitForHitCount(2);
    for (WebElement hit : page.hits()) {
      // In the snippet's place, where the card had a gap.
      assertEquals("Headline only: the archive holds no text of this article.", hit.findElement(By.cssSelector(".snippet")).getText());
      // No hedging level: "low", from the headline alone, said its writing was mostly stated as fact.
      assertTrue(hit.findElements(By.cssSelector(".badge[class*='hedging-']")).isEmpty(), hit.getText());
    }
    // Nor are they counted in the Hedging filter under low (or any level).
    assertTrue(page.driver.findElements(By.cssSelector("#facets input[type=checkbox][data-facet=hedging]")).isEmpty(),
        "no hedging value for two articles not measured");
    ((JavascriptExecutor) page.driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", page.hits().get(0));
    page.screenshot("reader-features-headline-only-cards");

    // Dated, with a link to the original: the reader says what it has and where the text may be.
    page.hits().stream().map(hit -> hit.findElement(By.cssSelector(".hit-title")))
        .filter(title -> HARBOUR.equals(title.getDomAttribute("data-article-id"))).findFirst().orElseThrow().click();
    WebElement reader = readerShowing("Harbour bridge reopens after two years of repairs");
    List<WebElement> body = reader.findElements(By.cssSelector(".article-body > *"));
    assertEquals(1, body.size(), "the note alone, no empty paragraph");
    assertEquals("The archive holds only the headline of this article: no text came with it. The original article, linked above, may have it.",
        body.get(0).getText());
    assertEquals("Morgue Test Wire", reader.findElement(By.cssSelector(".meta .source")).getText());
    assertEquals("Hedging: not measured", reader.findElement(By.cssSelector(".hedging-line")).getText());
    assertEquals("Not measured: the archive holds only the headline of this article, too little writing to say how sure it is."
        + " It is in no value of the Hedging filter.", reader.findElement(By.cssSelector(".hedging-not-measured")).getText());
    List<AxeCheck.Violation> violations = AxeCheck.violations(page.driver);
    assertTrue(violations.isEmpty(), AxeCheck.report("a reader of a headline alone", violations));

    // A .txt file of a headline alone: no date and no link, and its source goes by the page's name for it.
    page.open("/?article=" + LIBRARY);
    reader = readerShowing(LIBRARY_TITLE);
    assertEquals("The archive holds only the headline of this article: no text came with it.",
        reader.findElement(By.cssSelector(".article-body")).getText());
    assertEquals("Undated", reader.findElement(By.cssSelector(".meta .undated")).getText());
    assertEquals("Seed articles (project brief)", reader.findElement(By.cssSelector(".meta .source")).getText());    page.screenshot("reader-features-headline-only");
  }

  @Test
  void theApiGivesAHeadlineAloneNoHedgingLevelAndTheFacetDoesNotCountIt() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.util.function.Function<String, com.fasterxml.jackson.databind.JsonNode> get = path -> {
      try {
        return json.readTree(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(page.url(path))).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body());
      } catch (IOException | InterruptedException e) {
        throw new AssertionError(path, e);
      }
    };
    com.fasterxml.jackson.databind.JsonNode article = get.apply("/api/articles/" + HARBOUR);
    assertTrue(article.get("hedging").get("level").isNull(), article.get("hedging").toString());
    com.fasterxml.jackson.databind.JsonNode answer = get.apply("/api/search?group=articles&q="
        + RunningServer.enc("id:" + HARBOUR + " OR id:" + LIBRARY + " OR id:" + SeedIndex.CRACKDOWN));
    assertEquals(3, answer.get("total").asInt());
    Map<String, String> levels = new java.util.TreeMap<>();
    answer.get("hits").forEach(hit -> levels.put(hit.get("id").asText(), hit.get("hedging").toString()));
    assertEquals(Map.of(HARBOUR, "null", LIBRARY, "null", SeedIndex.CRACKDOWN, "\"high\""), levels);
    assertEquals("[{\"value\":\"high\",\"count\":1}]", answer.get("facets").get("hedging").toString(),
        "the crackdown piece alone: the headlines are under no level");
    // Sorted by least hedged they come last, not first as if one line were the surest writing.
    com.fasterxml.jackson.databind.JsonNode least = get.apply("/api/search?group=articles&sort=least-hedged&q="
        + RunningServer.enc("id:" + HARBOUR + " OR id:" + LIBRARY + " OR id:" + SeedIndex.CRACKDOWN));
    assertEquals(SeedIndex.CRACKDOWN, least.get("hits").get(0).get("id").asText(), least.get("hits").toString());
  }

  @Test
  void aSkipLinkBeforeTheMarkedTextLeadsTheKeyboardToWhatMorgueFound() {
    // Each actor and hedge mark is a tab stop: an address holds hundreds before the sidebar.
    page.open("/?article=" + SeedIndex.CRACKDOWN);
    WebElement reader = readerShowing("Trump Escalates Venezuela Crackdown");
    WebElement skip = reader.findElement(By.cssSelector(".reader-skip"));
    assertEquals("Skip past the text to what Morgue found", skip.getDomProperty("textContent"));
    assertTrue(skip.findElements(By.xpath("following::*[contains(@class, 'article-body')]")).size() == 1,
        "before the text");
    // Unfocused it covers nothing: it lay over the Back / Previous / Next row for every reader.
    WebElement back = reader.findElement(By.cssSelector(".reader-bar"));
    assertEquals(Boolean.FALSE, ((JavascriptExecutor) page.driver).executeScript(
        "const s = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();"
            + " return s.width > 1 && s.height > 1 && s.left < b.right && b.left < s.right && s.top < b.bottom && b.top < s.bottom;",
        skip, back));
    skip.sendKeys(Keys.ENTER);
    assertEquals("reader-summary", page.driver.switchTo().activeElement().getDomAttribute("id"));
    assertFalse(page.driver.getCurrentUrl().contains("#"), "the URL keeps the article only");
  }

  @Test
  void previousAndNextStepThroughTheResultsByKeyboardAndBackLandsOnTheLastRead() {
    page.open("/?q=blockade&sort=newest");
    page.waitForHitCount(2);
    page.hits().get(0).findElement(By.cssSelector(".hit-title")).sendKeys(Keys.ENTER);
    WebElement reader = readerShowing(LATER_TITLE);
    assertEquals("1 of 2", reader.findElement(By.cssSelector(".reader-position")).getText());
    assertEquals("true", reader.findElement(By.cssSelector(".step-previous")).getDomAttribute("aria-disabled"));
    WebElement next = reader.findElement(By.cssSelector("a.step-next"));
    assertEquals("Next: " + AIRLIFT_TITLE, next.getDomAttribute("aria-label"));
    assertTrue(next.getDomAttribute("href").contains("article=" + AIRLIFT), "a real link: " + next.getDomAttribute("href"));
    next.sendKeys(Keys.ENTER);
    reader = readerShowing(AIRLIFT_TITLE);
    assertEquals("2 of 2", reader.findElement(By.cssSelector(".reader-position")).getText());
    assertTrue(reader.findElements(By.cssSelector("a.step-next")).isEmpty(), "no next after the last hit held");
    reader.findElement(By.cssSelector("a.step-previous")).sendKeys(Keys.ENTER);
    readerShowing(LATER_TITLE);
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.step-next"))).sendKeys(Keys.ENTER);
    readerShowing(AIRLIFT_TITLE);
    page.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("reader")));
    page.wait.until(driver -> AIRLIFT.equals(driver.switchTo().activeElement().getDomAttribute("data-article-id")));
  }

  @Test
  void thePermalinkOpensTheArticleAloneAndCanBeCopied() {
    page.open("/?q=blockade&sort=newest");
    page.hits().get(1).findElement(By.cssSelector(".hit-title")).click();
    WebElement reader = readerShowing(AIRLIFT_TITLE);
    WebElement permalink = reader.findElement(By.cssSelector(".permalink-link"));
    assertEquals(page.url("/?article=" + AIRLIFT), permalink.getDomProperty("href"));
    WebElement copy = reader.findElement(By.cssSelector(".permalink .copy"));
    copy.click();
    page.wait.until(driver -> List.of("Copied", "Select and copy").contains(copy.getText()));
    page.driver.get(permalink.getDomProperty("href"));
    readerShowing(AIRLIFT_TITLE);
  }

  @Test
  void theCiteBoxGivesApaMlaAndChicagoWithTheArticlesUrl() throws IOException {
    page.open("/?article=" + AIRLIFT);
    WebElement reader = readerShowing(AIRLIFT_TITLE);
    assertEquals("Public, J. Q., & Smith, J. (1949, May 12). Allied airlift thwarts the Berlin blockade. Morgue Test Wire. " + URL,
        reader.findElement(By.cssSelector(".citation-apa")).getText());
    assertEquals("Public, Jane Q., and John Smith. “Allied airlift thwarts the Berlin blockade.” Morgue Test Wire, 12 May 1949, "
        + URL + ".", reader.findElement(By.cssSelector(".citation-mla")).getText());
    assertEquals("Public, Jane Q., and John Smith. “Allied airlift thwarts the Berlin blockade.” Morgue Test Wire, May 12, 1949. "
        + URL + ".", reader.findElement(By.cssSelector(".citation-chicago")).getText());
    assertEquals(3, reader.findElements(By.cssSelector(".citations .copy")).size());
    page.screenshot("reader-features-cite");
  }

  @Test
  void aDateWhoseSourceGaveOnlyTheYearIsShownAndCitedAsTheYear() throws IOException {
    // Dated January 1 so that it sorts and filters; "1 Jan 1961" would be a day the source never gave.
    page.open("/?q=" + java.net.URLEncoder.encode("\"no evidence of fraud\"", java.nio.charset.StandardCharsets.UTF_8));
    WebElement hitDate = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hit .meta time")));
    assertEquals("1961", hitDate.getText());
    assertEquals("1961", hitDate.getDomAttribute("datetime"));
    page.open("/?article=cited-year-only");
    WebElement reader = readerShowing("Grand jury finds no evidence of fraud in the primary");
    assertEquals("1961", reader.findElement(By.cssSelector(".article-header time")).getText());
    assertEquals("Lee, A. (1961). Grand jury finds no evidence of fraud in the primary. Morgue Test Wire."
        + " https://example.org/news/jury", reader.findElement(By.cssSelector(".citation-apa")).getText());
    assertEquals("Lee, Ann. “Grand jury finds no evidence of fraud in the primary.” Morgue Test Wire, 1961,"
        + " https://example.org/news/jury.", reader.findElement(By.cssSelector(".citation-mla")).getText());
    assertEquals("Lee, Ann. “Grand jury finds no evidence of fraud in the primary.” Morgue Test Wire, 1961."
        + " https://example.org/news/jury.", reader.findElement(By.cssSelector(".citation-chicago")).getText());
    JsonNode item = new ObjectMapper().readTree(dataUrlContent(reader.findElement(By.cssSelector(".download-csl-json")),
        "data:application/vnd.citationstyles.csl+json;charset=utf-8,")).get(0);
    assertEquals("[[1961]]", item.get("issued").get("date-parts").toString());
    String bib = dataUrlContent(reader.findElement(By.cssSelector(".download-bibtex")), "data:application/x-bibtex;charset=utf-8,");
    assertTrue(bib.contains("year = {1961}") && bib.contains("date = {1961}") && !bib.contains("month"), bib);
  }

  @Test
  void anArticleWithoutUrlDateOrAuthorsIsCitedByItsPermalink() {
    page.open("/?article=" + SeedIndex.KILL_CLAIMS);
    WebElement reader = readerShowing("US Military Kill Claims Raise the Stakes");
    assertEquals("US Military Kill Claims Raise the Stakes. (n.d.). Seed articles (project brief). "
        + page.url("/?article=" + SeedIndex.KILL_CLAIMS), reader.findElement(By.cssSelector(".citation-apa")).getText());
    assertEquals("“US Military Kill Claims Raise the Stakes.” Seed articles (project brief), n.d. "
        + page.url("/?article=" + SeedIndex.KILL_CLAIMS) + ".", reader.findElement(By.cssSelector(".citation-chicago")).getText());
  }

  @Test
  void cslJsonAndBibtexDownloadsHoldTheArticlesRecord() throws IOException {
    page.open("/?article=" + AIRLIFT);
    WebElement reader = readerShowing(AIRLIFT_TITLE);
    WebElement csl = reader.findElement(By.cssSelector(".download-csl-json"));
    assertEquals(AIRLIFT + ".json", csl.getDomAttribute("download"));
    JsonNode items = new ObjectMapper().readTree(dataUrlContent(csl, "data:application/vnd.citationstyles.csl+json;charset=utf-8,"));
    JsonNode item = items.get(0);
    assertEquals("article-newspaper", item.get("type").asText());
    assertEquals(AIRLIFT_TITLE, item.get("title").asText());
    assertEquals("Morgue Test Wire", item.get("container-title").asText());
    assertEquals(URL, item.get("URL").asText());
    assertEquals("Public", item.get("author").get(0).get("family").asText());
    assertEquals("Jane Q.", item.get("author").get(0).get("given").asText());
    assertEquals("[[1949,5,12]]", item.get("issued").get("date-parts").toString());

    WebElement bib = reader.findElement(By.cssSelector(".download-bibtex"));
    assertEquals(AIRLIFT + ".bib", bib.getDomAttribute("download"));
    assertEquals("""
        @article{cited-airlift,
          title = {Allied airlift thwarts the Berlin blockade},
          author = {Public, Jane Q. and Smith, John},
          journal = {Morgue Test Wire},
          year = {1949},
          month = may,
          date = {1949-05-12},
          url = {https://example.org/news/airlift?id=7}
        }
        """, dataUrlContent(bib, "data:application/x-bibtex;charset=utf-8,"));
  }

  static String dataUrlContent(WebElement link, String prefix) {
    String href = link.getDomAttribute("href");
    assertTrue(href.startsWith(prefix), href);
    return URLDecoder.decode(href.substring(prefix.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
