package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.morgue.curation.Curation;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.Curators;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The librarian's desk in a real browser against a real server that keeps curation, on the embedded
 * engine over the seed articles: a curator signs in with a token, adds a hit to a new collection with a
 * note, finds it on the collections list and the collection's page, corrects an actor from the reader,
 * saves a search, and finds their name on the changes record; without a token no control that writes
 * is drawn, and a refused token is forgotten with a message. The tests run in order, on one server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CurationPageBrowserTest {
  static final String TOKEN = "curation-page-token";
  /** The name Curators.single gives the one curator of a single token. */
  static final String CURATOR = Curators.DEFAULT_NAME;
  static final String CRACKDOWN_TITLE = "Trump Escalates Venezuela Crackdown";

  static PageBrowser page;
  static WebDriver browser;

  @BeforeAll
  static void start() throws IOException {
    PageBrowser.requireChromium();
    Path tmp = Files.createTempDirectory("morgue-curation-page");
    TestEngine.Archive archive = TestEngine.LUCENE.index(tmp, List.of(SeedIndex.corpus(tmp, Map.of(), List.of())));
    Curation curation = Curation.open(tmp.resolve("curation"));
    ArchiveIndexer indexer = CurationApiTest.indexer(curation);
    LiveIndex live = LiveIndex.open(archive.stores(), indexer, archive.engine(), curation, Map.of());
    LiveUpdates updates = new LiveUpdates(live, Curators.single(BearerToken.of(TOKEN, "the test")));
    Javalin server = MorgueServer.create(archive.engine(), Optional.of(updates), HttpOptions.defaults(),
        Optional.of(curation));
    page = PageBrowser.serving(server, () -> {
      try (archive; curation; live) {
        // closed in reverse: the live index, then the curation, then the archive
      }
    });
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
      page.screenshot("curation-" + test.getTestMethod().orElseThrow().getName());
    }
  }

  @Test
  @Order(1)
  void withoutATokenNoControlThatWritesIsDrawnButTheDeskIsReadable() {
    signOut();
    page.open("/?q=Venezuela");
    page.hits();
    assertTrue(browser.findElements(By.cssSelector(".add-toggle")).isEmpty(), "no Add to collection on hits");
    assertTrue(browser.findElements(By.cssSelector("#curator-tools button")).isEmpty(), "no Save this search");
    page.hits().get(0).findElement(By.cssSelector(".hit-title")).click();
    WebElement reader = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .actor-list")));
    assertTrue(browser.findElements(By.cssSelector("#reader .correct-actor, #reader .add-toggle, #reader .correct-details")).isEmpty(),
        "no Correct this, Correct details or Add to collection in the reader: " + reader.getText());

    page.open("/?view=collections");
    page.wait.until(ExpectedConditions.textToBe(By.id("desk-title"), "Collections"));
    // The title shows while the list loads; the form would come with the list.
    page.wait.until(driver -> driver.findElement(By.id("desk")).getDomAttribute("aria-busy") == null);
    assertTrue(browser.findElements(By.cssSelector(".new-collection-form")).isEmpty(), "no New collection form");
    // Where the form would be, nothing: the page once wrote "null" there.
    String desk = browser.findElement(By.id("desk")).getText();
    assertFalse(desk.contains("null"), desk);
    page.open("/?view=changes");
    page.wait.until(ExpectedConditions.textToBe(By.id("desk-title"), "Changes"));
    assertTrue(browser.findElement(By.id("curator")).getText().contains("Curator"), "the sign-in control is offered");

    // A collection is filtered by id: one no collection has is said in those words (it read "is named").
    page.open("/?q=Venezuela&collection=no-such-collection");
    WebElement said = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("did-you-mean")));
    page.wait.until(driver -> driver.findElement(By.id("did-you-mean")).getText().contains("no-such-collection"));
    assertEquals("No collection in the archive has the id \u201cno-such-collection\u201d.", said.getText());
  }

  @Test
  @Order(2)
  void aCuratorAddsAHitToANewCollectionWithANoteAndFindsItOnTheListAndTheCollectionsPage() {
    signIn(TOKEN);
    page.open("/?q=crackdown");
    WebElement hit = page.hits().get(0);
    assertTrue(hit.getText().contains(CRACKDOWN_TITLE), hit.getText());
    hit.findElement(By.cssSelector(".add-toggle")).click();
    WebElement form = page.wait.until(driver -> hit.findElement(By.cssSelector(".add-form[data-loaded]")));
    new Select(form.findElement(By.cssSelector(".add-collection-select"))).selectByVisibleText("New collection…");
    form.findElement(By.cssSelector(".add-collection-name")).sendKeys("Venezuela <b>desk</b>");
    form.findElement(By.cssSelector(".add-collection-note")).sendKeys("The first escalation & its <i>framing</i>");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement done = page.wait.until(driver -> {
      WebElement added = hit.findElement(By.cssSelector(".add-done"));
      return added.getText().contains("Added to") ? added : null;
    });
    assertTrue(done.getText().contains("Venezuela <b>desk</b>"), "the name is text, never markup: " + done.getText());

    done.findElement(By.tagName("a")).click();
    page.wait.until(ExpectedConditions.urlContains("view=collection&id="));
    page.wait.until(ExpectedConditions.textToBe(By.cssSelector("#desk .collection-name"), "Venezuela <b>desk</b>"));
    WebElement member = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#desk .collection-article")));
    assertTrue(member.getText().contains(CRACKDOWN_TITLE), member.getText());
    assertTrue(member.findElement(By.cssSelector(".member-note")).getText().endsWith("The first escalation & its <i>framing</i>"),
        member.getText());
    assertTrue(browser.findElement(By.cssSelector("#desk .collection-curator")).getText().contains(CURATOR));
    String id = browser.getCurrentUrl().replaceFirst(".*[?&]id=([^&]+).*", "$1");
    assertEquals("?collection=" + id, browser.findElement(By.cssSelector("#desk .search-within")).getDomAttribute("href"));
    assertTrue(browser.findElements(By.cssSelector("#desk .collection-links a.download")).stream()
        .anyMatch(a -> ("api/collections/" + id + "/export?format=ris").equals(a.getDomAttribute("href"))));
    assertTrue(browser.findElements(By.cssSelector("#desk .member-actions button")).size() >= 4, "edit, up, down, remove");
    assertNoAxeViolations("a collection's page, signed in");
    // Removing asks first, naming the note that would go with the article; "Keep it" keeps both.
    member.findElement(By.cssSelector("[data-action=remove]")).click();
    WebElement confirmRemove = member.findElement(By.cssSelector(".confirm-remove"));
    assertTrue(confirmRemove.isDisplayed() && confirmRemove.getText().contains("and its note"), confirmRemove.getText());
    confirmRemove.findElement(By.xpath(".//button[normalize-space(.)='Keep it']")).click();
    assertFalse(confirmRemove.isDisplayed());
    assertEquals(1, browser.findElements(By.cssSelector("#desk .collection-article")).size(), "nothing removed");

    // Searching within it: the filter chip names the collection, as does its facet where the engine has one.
    browser.findElement(By.cssSelector("#desk .search-within")).click();
    page.wait.until(ExpectedConditions.urlContains("collection=" + id));
    page.wait.until(driver -> driver.findElements(By.cssSelector("#active-filters .chip")).stream()
        .anyMatch(chip -> chip.getText().contains("Venezuela <b>desk</b>")));
    // The facets follow the chips by a frame; before, the last search's (with no collection) are on screen.
    page.answerDrawn();
    List<WebElement> facet = browser.findElements(By.cssSelector("#facets input[data-facet=collection]"));
    if (!facet.isEmpty()) {
      page.hits();
      WebElement label = page.facetCheckbox("collection", id).findElement(By.xpath(".."));
      assertTrue(label.getText().contains("Venezuela <b>desk</b>"), label.getText());
    }

    browser.findElement(By.cssSelector("#desk-nav a[data-view=collections]")).click();
    page.wait.until(ExpectedConditions.textToBe(By.id("desk-title"), "Collections"));
    WebElement item = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#desk .collection-item")));
    assertTrue(item.getText().contains("Venezuela <b>desk</b>") && item.getText().contains("1 article"), item.getText());
    assertNoAxeViolations("the collections list, signed in");
    assertEquals(0, browser.findElements(By.cssSelector("#main b, #main i")).size(), "no curator text became markup");
  }

  @Test
  @Order(3)
  void aCuratorRenamesAnActorFromTheReaderAndTheReaderShowsTheNewName() {
    signIn(TOKEN);
    page.open("/?q=crackdown");
    page.hits().get(0).findElement(By.cssSelector(".hit-title")).click();
    WebElement first = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .actor-list li")));
    String actor = first.findElement(By.cssSelector(".summary-name")).getText();
    String renamed = actor + " (renamed)";
    first.findElement(By.cssSelector(".correct-actor")).click();
    WebElement form = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .correction-form")));
    WebElement name = form.findElement(By.cssSelector(".correction-rename"));
    assertEquals(actor, name.getDomProperty("value"));
    name.clear();
    name.sendKeys(renamed);
    form.findElement(By.cssSelector(".correction-reason")).sendKeys("a test of the desk");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    page.wait.until(driver -> driver.findElements(By.cssSelector("#reader .actor-list .summary-name")).stream()
        .anyMatch(element -> element.getText().equals(renamed)));
    assertTrue(browser.findElements(By.cssSelector("#reader .actor-list .summary-name")).stream()
        .noneMatch(element -> element.getText().equals(actor)), "the old name is gone from the reader");
  }

  @Test
  @Order(4)
  void aCuratorSavesASearchAndFindsItListedWithItsNewMatches() {
    signIn(TOKEN);
    page.open("/?q=Venezuela&sort=newest");
    page.hits();
    WebElement toggle = page.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#curator-tools .save-search-toggle")));
    toggle.click();
    WebElement name = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".save-search-name")));
    name.clear();
    name.sendKeys("Venezuela watch");
    browser.findElement(By.cssSelector(".save-search-form button[type=submit]")).click();
    WebElement done = page.wait.until(driver -> {
      WebElement saved = driver.findElement(By.cssSelector(".save-done"));
      return saved.getText().contains("Saved") ? saved : null;
    });
    done.findElement(By.tagName("a")).click();
    page.wait.until(ExpectedConditions.textToBe(By.id("desk-title"), "Saved searches"));
    WebElement saved = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#desk .saved-search")));
    assertTrue(saved.getText().contains("Venezuela watch"), saved.getText());
    assertTrue(saved.getText().contains("“Venezuela”") && saved.getText().contains("sort: newest"), saved.getText());
    // "Counting new matches…" says "new match" too: wait until the count (or word that counting failed) replaces it.
    page.wait.until(driver -> !saved.findElement(By.cssSelector(".saved-search-status")).getText().startsWith("Counting new matches"));
    assertTrue(saved.findElement(By.cssSelector(".saved-search-status")).getText().matches("(?s).*\\d+ new match.*since your last run.*"),
        saved.findElement(By.cssSelector(".saved-search-status")).getText());

    saved.findElement(By.cssSelector(".saved-search-run")).click();
    page.wait.until(ExpectedConditions.urlContains("q=Venezuela"));
    List<WebElement> hits = page.hits();
    assertEquals("newest", new Select(browser.findElement(By.id("sort"))).getFirstSelectedOption().getDomAttribute("value"));
    // The page says what the run found new, and marks it: never run before, every match is new.
    WebElement news = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".run-news")));
    java.util.regex.Matcher count = java.util.regex.Pattern.compile("(\\d+) match(?:es)? new since the last run of “Venezuela watch”, marked New")
        .matcher(news.getText());
    assertTrue(count.find(), news.getText());
    int fresh = Integer.parseInt(count.group(1));
    assertTrue(fresh > 0 && fresh <= hits.size(), fresh + " new of " + hits.size() + " listed");
    assertEquals(fresh, browser.findElements(By.cssSelector(".hit .new-match")).size(), "each new match is marked");
    // The run reset "new since", so a reload must not lose what it found: the tab keeps it.
    browser.navigate().refresh();
    page.hits();
    news = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".run-news")));
    assertTrue(news.getText().contains(fresh + " match"), news.getText());
    assertEquals(fresh, browser.findElements(By.cssSelector(".hit .new-match")).size(), "still marked after a reload");
    news.findElement(By.tagName("a")).click();
    page.wait.until(ExpectedConditions.urlContains("id%3A"));
    page.wait.until(driver -> page.hits().size() == fresh);
  }

  @Test
  @Order(5)
  void theChangesRecordNamesTheCuratorNewestFirst() {
    page.open("/?view=changes");
    page.wait.until(ExpectedConditions.textToBe(By.id("desk-title"), "Changes"));
    List<WebElement> rows = page.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#desk tr.change"), 2));
    assertTrue(rows.stream().allMatch(row -> row.findElement(By.cssSelector(".change-curator")).getText().equals(CURATOR)));
    assertEquals("saved-search", rows.get(0).findElement(By.cssSelector(".change-target")).getText().replaceFirst(":.*", ""),
        "the saved search, made last, comes first");
    assertTrue(rows.stream().anyMatch(row -> row.findElement(By.cssSelector(".change-reason")).getText().equals("a test of the desk")));
    // What each change did is on the page, field by field: the saved search made last came from nothing.
    WebElement what = rows.get(0).findElement(By.cssSelector(".change-details"));
    assertTrue(what.findElement(By.tagName("summary")).getText().startsWith("Made: "),
        "made from nothing, and said so: " + what.findElement(By.tagName("summary")).getText());
    what.findElement(By.tagName("summary")).click();
    String fields = what.findElement(By.tagName("dl")).getText();
    assertTrue(fields.contains("(none) →") && fields.contains("Venezuela watch"), fields);
    assertNoAxeViolations("the changes record");
  }

  @Test
  @Order(6)
  void aRefusedTokenIsForgottenAndThePageSaysSo() {
    // Refused at sign-in: the server is asked whose the token is before the page keeps it.
    signOut();
    page.open("/?view=collections");
    page.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#curator .curator-toggle"))).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("curator-token"))).sendKeys("not-the-token");
    browser.findElement(By.cssSelector("#curator-form button[type=submit]")).click();
    WebElement refused = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#curator [role=alert]")));
    assertTrue(refused.getText().contains("not a curator token of this server"), refused.getText());
    assertFalse(browser.findElement(By.id("curator")).getText().contains("Signed in"));
    assertEquals(null, ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('morgue.curator-token')"));
    assertEquals("curator-token", browser.switchTo().activeElement().getDomAttribute("id"), "back in the box to type it again");

    // Refused at a change (the server restarted with other tokens since the sign-in): forgotten then.
    ((JavascriptExecutor) browser).executeScript("sessionStorage.setItem('morgue.curator-token', 'not-the-token')");
    page.open("/?q=crackdown");
    WebElement hit = page.hits().get(0);
    hit.findElement(By.cssSelector(".add-toggle")).click();
    WebElement form = page.wait.until(driver -> hit.findElement(By.cssSelector(".add-form[data-loaded]")));
    new Select(form.findElement(By.cssSelector(".add-collection-select"))).selectByVisibleText("New collection…");
    form.findElement(By.cssSelector(".add-collection-name")).sendKeys("Never made");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement alert = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#curator [role=alert]")));
    assertTrue(alert.getText().contains("refused the curator token"), alert.getText());
    page.wait.until(driver -> driver.findElements(By.cssSelector("#hits .add-toggle")).isEmpty());
    assertFalse(browser.findElement(By.id("curator")).getText().contains("Signed in"));
    assertEquals(null, ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('morgue.curator-token')"));
  }

  @Test
  @Order(7)
  void aCuratorCorrectsAnArticlesDetailsInTheReaderWhichThenSaysWhichFieldsWereCorrected() {
    // A librarian's trial: the page corrected only actors, and a corrected headline read as the
    // source's own. Now the reader's "Correct details" fixes the headline, the date and a theme.
    signIn(TOKEN);
    page.open("/?article=" + SeedIndex.CRACKDOWN);
    page.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#reader .correct-details"))).click();
    WebElement form = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .article-correction-form")));
    WebElement headline = form.findElement(By.cssSelector("input[type=text]"));
    assertEquals(CRACKDOWN_TITLE, headline.getDomProperty("value"));
    headline.clear();
    headline.sendKeys("Trump widens the Venezuela crackdown");
    WebElement date = form.findElements(By.cssSelector("input[type=text]")).get(1);
    date.clear();
    date.sendKeys("2025-10");
    // The source by the name the page shows it by; left so, the correction leaves the source alone
    // (the fields corrected, below, are the title, date and themes only).
    assertEquals("Seed articles (project brief)", form.findElements(By.cssSelector("input[type=text]")).get(2).getDomProperty("value"));
    WebElement theme = form.findElements(By.cssSelector("input[type=checkbox]")).get(0);
    String themeName = theme.getDomAttribute("value");
    theme.click();
    form.findElement(By.cssSelector(".correction-reason")).sendKeys("the wire's own headline and month");
    assertNoAxeViolations("the article correction form");
    form.findElement(By.cssSelector("button[type=submit]")).click();

    page.wait.until(ExpectedConditions.textToBe(By.id("article-title"), "Trump widens the Venezuela crackdown"));
    WebElement corrected = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .meta .corrected")));
    assertTrue(corrected.getText().startsWith("Corrected by a curator (" + CURATOR + ") on "), corrected.getText());
    assertTrue(corrected.getText().endsWith(": title, date, themes"), corrected.getText());
    assertEquals("October 2025", browser.findElement(By.cssSelector("#reader .meta time")).getText());
    assertTrue(browser.findElements(By.cssSelector("#reader .theme-row .summary-name")).stream()
        .noneMatch(element -> element.getText().equals(themeName)), themeName + " is taken off");
    assertNoAxeViolations("a corrected article in the reader");

    // Opened again, the form says what the source gives for each corrected field: what withdrawing
    // the correction would bring back.
    browser.findElement(By.cssSelector("#reader .correct-details")).click();
    WebElement again = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .article-correction-form")));
    List<WebElement> notes = page.wait.until(ExpectedConditions.numberOfElementsToBe(
        By.cssSelector("#reader .article-correction-form .correction-source"), 2));
    assertEquals("Corrected by a curator; the source gives: " + CRACKDOWN_TITLE, notes.get(0).getText());
    assertTrue(notes.get(1).getText().startsWith("Corrected by a curator; the source gives: "), notes.get(1).getText());
    WebElement headlineAgain = again.findElement(By.cssSelector("input[type=text]"));
    assertEquals(notes.get(0).getDomAttribute("id"), headlineAgain.getDomAttribute("aria-describedby"));
    assertNoAxeViolations("the correction form with the source's values");
  }

  @Test
  @Order(8)
  void aCuratorFilesAnArticleInAnotherStoryFromTheReaderAndLetsDetectionDecideAgain() {
    // The API's filing, on the page: the two seed articles are about the same events but not copies.
    signIn(TOKEN);
    page.open("/?article=" + SeedIndex.KILL_CLAIMS);
    page.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#reader .file-story"))).click();
    WebElement form = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .story-filing-form")));
    assertTrue(form.getText().contains("one row in exports and feeds"), "what filing does to exports, said before: " + form.getText());
    form.findElement(By.cssSelector(".filing-target")).sendKeys(SeedIndex.CRACKDOWN);
    form.findElement(By.cssSelector(".correction-reason")).sendKeys("one running story");
    assertNoAxeViolations("the story filing form");
    form.findElement(By.cssSelector(".filing-with")).click();

    WebElement versions = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .story-versions")));
    WebElement here = versions.findElement(By.cssSelector(".version-current"));
    assertTrue(here.getText().contains("filed by a curator"), here.getText());
    assertEquals("Filed by a curator: change", browser.findElement(By.cssSelector("#reader .file-story")).getText());

    browser.findElement(By.cssSelector("#reader .file-story")).click();
    page.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#reader .filing-withdraw"))).click();
    page.wait.until(ExpectedConditions.textToBe(By.cssSelector("#reader .file-story"), "File in a story"));
    assertTrue(browser.findElements(By.cssSelector("#reader .story-versions")).isEmpty(), "a story of one version again");
  }

  /** The desk's views meet WCAG 2.1 A and AA as the rest of the page does (axe-core, vendored). */
  private static void assertNoAxeViolations(String where) {
    List<AxeCheck.Violation> violations = AxeCheck.violations(browser);
    assertTrue(violations.isEmpty(), AxeCheck.report(where, violations));
  }

  /** Signs in through the page's Curator control, as a person would. */
  private static void signIn(String token) {
    signOut();
    page.open("/?view=collections");
    page.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#curator .curator-toggle"))).click();
    WebElement box = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("curator-token")));
    box.sendKeys(token);
    browser.findElement(By.cssSelector("#curator-form button[type=submit]")).click();
    // The page names the curator the server says the token is (the single token's is "curator").
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("curator"), "Signed in as " + CURATOR));
  }

  private static void signOut() {
    page.open("/?view=collections");
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
  }
}
