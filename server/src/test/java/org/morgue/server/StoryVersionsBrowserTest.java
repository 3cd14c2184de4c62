package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Stories on the page, over the wire-copies fixture (four stories in eight articles) and one hostile
 * copy of its one-version story whose added sentence and title hold markup: one hit per story with
 * its versions, the "Group copies" switch, the reader's versions and the comparison of two of them.
 * Screenshots land in server/target/screenshots as story-versions-*.png.
 */
class StoryVersionsBrowserTest {
  /** Surefire runs in the server module; the corpus folder is its sibling. */
  static final Path COPIES = Path.of("..", "corpus", "wire-copies");
  static final String HOSTILE_MARKUP = "<img src=x onerror=\"document.title='pwned'\">";
  static final String HOSTILE_SCRIPT = "<script>document.title='pwned'</script>";

  @TempDir static Path tmp;
  static PageBrowser page;

  @BeforeAll
  static void indexTheWireCopiesAndOpenTheBrowser() throws IOException {
    PageBrowser.requireChromium();
    page = PageBrowser.start(TestEngine.LUCENE.index(tmp, List.of(COPIES, hostileCopy())));
  }

  /**
   * reuters-2 re-issued by a hostile wire a day later: the same five paragraphs and one added
   * sentence, both it and the new title holding markup that must show as text and never run.
   */
  static Path hostileCopy() throws IOException {
    String original = Files.readAllLines(COPIES.resolve("wire-copies.jsonl")).stream()
        .filter(line -> line.contains("\"id\": \"reuters-2\"")).findFirst().orElseThrow();
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var article = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(original);
    article.put("id", "reuters-2-hostile");
    article.put("title", "OHIO MATTRESS <OMT> MAY HAVE LOWER 1ST QTR NET " + HOSTILE_MARKUP);
    article.put("body", article.get("body").asText()
        + "\n\nThe company's auditors " + HOSTILE_SCRIPT + " will confirm the figures in April.");
    article.put("published", "1987-02-27");
    article.put("source", "Hostile Wire");
    Path folder = Files.createDirectories(tmp.resolve("hostile-wire"));
    Files.writeString(folder.resolve("hostile-wire.jsonl"), json.writeValueAsString(article) + "\n");
    return folder;
  }

  @AfterAll
  static void closeTheBrowser() throws IOException {
    if (page != null) {
      page.close();
      page = null;
    }
  }

  @AfterEach
  void screenshot(TestInfo test) throws IOException {
    if (page != null) {
      page.screenshot("story-versions-" + test.getTestMethod().orElseThrow().getName());
    }
  }

  static String summary() {
    return page.driver.findElement(By.id("summary")).getText();
  }

  /**
   * The "N versions" disclosure of the hit for a story, by its first published version (a story's id
   * is the first of its versions indexed, which on two threads need not be the earliest).
   */
  static WebElement versionsOfStory(String firstVersion) {
    return page.wait.until(driver -> driver.findElements(By.cssSelector("#hits .hit-versions")).stream()
        .filter(details -> ids(details.findElements(By.cssSelector(".version-link"))).indexOf(firstVersion) == 0)
        .findFirst().orElse(null));
  }

  static List<String> ids(List<WebElement> elements) {
    return elements.stream().map(element -> element.getDomAttribute("data-article-id")).toList();
  }

  static Object script(String code, Object... arguments) {
    return ((JavascriptExecutor) page.driver).executeScript(code, arguments);
  }

  /** Opens an article in the reader from its URL and waits for its versions to be listed. */
  static WebElement openVersions(String id) {
    page.open("/?article=" + id);
    return page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .story-versions")));
  }

  /** Presses "Compare" beside a version and waits for the comparison to be drawn. */
  static WebElement compareWith(String otherId) {
    WebElement button = page.wait.until(driver -> driver.findElements(By.cssSelector("#reader .version-compare")).stream()
        .filter(b -> otherId.equals(b.getDomAttribute("data-article-id"))).findFirst().orElse(null));
    button.click();
    WebElement diff = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("version-diff")));
    page.wait.until(driver -> diff.getDomAttribute("aria-busy") == null && !diff.findElements(By.cssSelector(".diff-summary")).isEmpty());
    assertEquals("true", button.getDomAttribute("aria-expanded"));
    return diff;
  }

  static List<String> texts(WebElement root, String selector) {
    return root.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
  }

  @Test
  void groupedResultsShowOneHitPerStoryWithItsVersionsEachOpeningInTheReader() {
    // Oldest first, each story's hit is its first published version.
    page.open("/?sort=oldest");
    page.waitForHitCount(4);
    assertTrue(summary().startsWith("4 stories (9 articles)"), summary());
    assertTrue(page.driver.findElement(By.id("group")).isSelected(), "Group copies is on by default");

    WebElement versions = versionsOfStory("crackdown-original");
    WebElement toggle = versions.findElement(By.tagName("summary"));
    // Then, for screen readers only, which hit's versions they are.
    assertTrue(toggle.getText().startsWith("3 versions"), toggle.getText());
    assertNull(versions.getDomAttribute("open"), "the versions start folded");
    toggle.click();
    page.wait.until(driver -> versions.getDomAttribute("open") != null);
    List<WebElement> links = versions.findElements(By.cssSelector(".version-link"));
    assertEquals(List.of("crackdown-original", "crackdown-courier", "crackdown-corrected"), ids(links), "earliest first");
    assertEquals(List.of("Morgue Wire", "The Courier", "Morgue Wire"), links.stream().map(WebElement::getText).toList());
    List<WebElement> items = versions.findElements(By.cssSelector(".version"));
    assertTrue(items.get(0).getText().contains("first published"), items.get(0).getText());
    assertTrue(items.get(0).getText().contains("this result"), items.get(0).getText());
    assertFalse(items.get(1).getText().contains("first published"), items.get(1).getText());
    assertTrue(items.get(1).getText().contains("Venezuela crackdown enters volatile phase"), "a version's own headline is shown");
    assertTrue(versionsOfStory("reuters-2").findElement(By.tagName("summary")).getText().startsWith("2 versions"),
        "the hostile copy joined reuters-2's story");

    links.get(1).click();
    page.wait.until(ExpectedConditions.urlContains("article=crackdown-courier"));
    WebElement reader = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader")));
    page.wait.until(ExpectedConditions.textToBePresentInElement(reader, "Venezuela crackdown enters volatile phase"));
  }

  @Test
  void switchingGroupCopiesOffListsEveryArticleAndTheUrlKeepsItThroughReloadAndBack() {
    page.open("/");
    page.waitForHitCount(4);
    WebElement groupSwitch = page.driver.findElement(By.id("group"));
    assertEquals("switch", groupSwitch.getDomAttribute("role"));
    assertEquals("Group copies", page.driver.findElement(By.cssSelector("label.group-switch")).getText());

    // By keyboard: a switch toggles with Space.
    script("arguments[0].focus()", groupSwitch);
    groupSwitch.sendKeys(Keys.SPACE);
    page.wait.until(ExpectedConditions.urlContains("group=articles"));
    page.waitForHitCount(9);
    assertTrue(summary().startsWith("9 articles"), summary());
    assertFalse(page.driver.findElement(By.id("group")).isSelected());
    List<String> shown = ids(page.driver.findElements(By.cssSelector("#hits .hit-title")));
    for (String id : List.of("crackdown-original", "crackdown-courier", "crackdown-corrected", "kill-claims-original",
        "kill-claims-gazette", "reuters-1-original", "reuters-1-reissue", "reuters-2")) {
      assertTrue(shown.contains(id), id + " is listed: " + shown);
    }
    assertTrue(page.driver.findElement(By.id("export-csv")).getDomAttribute("href").contains("group=articles"),
        "the downloads are of what is shown");

    page.driver.navigate().refresh();
    page.waitForHitCount(9);
    assertFalse(page.driver.findElement(By.id("group")).isSelected(), "a reload keeps the switch off");

    page.driver.navigate().back();
    page.wait.until(driver -> !driver.getCurrentUrl().contains("group="));
    page.waitForHitCount(4);
    assertTrue(page.driver.findElement(By.id("group")).isSelected(), "back, the copies are grouped again");
    assertTrue(summary().startsWith("4 stories (9 articles)"), summary());
  }

  @Test
  void theReaderListsTheStorysVersionsWithTheOneShownMarked() {
    WebElement versions = openVersions("crackdown-courier");
    assertEquals("Versions (3)", versions.findElement(By.tagName("h3")).getText());
    List<WebElement> items = versions.findElements(By.cssSelector(".version"));
    assertEquals(3, items.size());
    assertEquals("true", items.get(1).getDomAttribute("aria-current"), "the version being read is marked");
    assertTrue(items.get(1).getText().contains("this version"), items.get(1).getText());
    assertTrue(items.get(1).findElements(By.tagName("a")).isEmpty(), "the version being read is not a link to itself");
    assertTrue(items.get(0).getText().contains("first published"), items.get(0).getText());
    assertEquals(List.of("crackdown-original", "crackdown-corrected"), ids(versions.findElements(By.cssSelector(".version-link"))));
    assertEquals(List.of("crackdown-original", "crackdown-corrected"), ids(versions.findElements(By.cssSelector(".version-compare"))));

    versions.findElements(By.cssSelector(".version-link")).get(1).click();
    page.wait.until(ExpectedConditions.urlContains("article=crackdown-corrected"));
    page.wait.until(driver -> ids(driver.findElements(By.cssSelector("#reader .version-link")))
        .equals(List.of("crackdown-original", "crackdown-courier")));
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#reader .article-body"),
        "Correction: an earlier version of this story"));
  }

  @Test
  void comparingTheReissueMarksTheChangedFigureInTheTextInOneClick() {
    openVersions("reuters-1-original");
    WebElement body = page.driver.findElement(By.cssSelector("#reader .article-body"));
    WebElement diff = compareWith("reuters-1-reissue");
    assertEquals("1 sentence changed", diff.findElement(By.cssSelector(".diff-summary")).getText());
    // Two Reuters copies: each named by its headline too, not "Reuters to Reuters" (a wire editor's trial).
    String heading = diff.findElement(By.id("version-diff-heading")).getText();
    assertTrue(heading.contains("“COMPUTER TERMINAL SYSTEMS <CPML> COMPLETES SALE” to "), heading);
    assertTrue(diff.findElements(By.cssSelector(".diff-title")).isEmpty(), "the title is the same");
    // The missing title line left the word "null" in its place (a journalist's trial, session 40).
    assertFalse(diff.getText().contains("null"), diff.getText());
    WebElement changed = diff.findElement(By.cssSelector(".diff-changed"));
    assertTrue(texts(changed, "ins").stream().anyMatch(text -> text.contains("300,000")), changed.getText());
    assertTrue(texts(changed, "del").stream().anyMatch(text -> text.contains("200,000")), changed.getText());
    assertFalse(texts(changed, "ins").stream().anyMatch(text -> text.contains("shares")), "only the figure is marked");
    assertTrue(changed.getText().contains("<Sedio N.V.>"), "the wire's own angle brackets are text: " + changed.getText());
    assertFalse(body.isDisplayed(), "the comparison takes the text's place");
    assertTrue(diff.findElements(By.cssSelector(".diff-same")).size() >= 5, "the unchanged sentences are shown too");
    List<AxeCheck.Violation> violations = AxeCheck.violations(page.driver);
    assertTrue(violations.isEmpty(), AxeCheck.report("the comparison", violations));

    diff.findElement(By.cssSelector(".version-diff-close")).click();
    page.wait.until(ExpectedConditions.visibilityOf(body));
    assertEquals("reuters-1-reissue", page.driver.switchTo().activeElement().getDomAttribute("data-article-id"),
        "focus goes back to the Compare button");
  }

  @Test
  void aCorrectionReadFromEitherVersionComparesEarlierToLater() {
    openVersions("crackdown-corrected");
    WebElement diff = compareWith("crackdown-original");
    List<String> added = texts(diff, ".diff-added ins");
    assertTrue(added.stream().anyMatch(text -> text.startsWith("Correction: an earlier version of this story")), added.toString());
    assertTrue(texts(diff, ".diff-removed del").isEmpty(), "the correction only added");
    assertTrue(diff.findElement(By.cssSelector(".diff-summary")).getText().contains("added"));
  }

  @Test
  void markupInACopysTitleAndTextIsShownAsTextAndNeverRuns() {
    page.open("/");
    versionsOfStory("reuters-2").findElement(By.tagName("summary")).click();
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hits"), HOSTILE_MARKUP));

    openVersions("reuters-2");
    WebElement diff = compareWith("reuters-2-hostile");
    assertTrue(texts(diff, ".diff-title ins").contains("OHIO MATTRESS <OMT> MAY HAVE LOWER 1ST QTR NET " + HOSTILE_MARKUP),
        texts(diff, ".diff-title ins").toString());
    assertTrue(texts(diff, "ins").stream().anyMatch(text -> text.contains(HOSTILE_SCRIPT)), diff.getText());
    assertTrue(diff.findElement(By.cssSelector(".diff-summary")).getText().startsWith("1 sentence added"),
        diff.findElement(By.cssSelector(".diff-summary")).getText());
    assertEquals(0, page.driver.findElements(By.cssSelector("#main img, #main script, #main omt")).size());
    assertFalse("pwned".equals(page.driver.getTitle()), "no article markup ran");
  }
}
