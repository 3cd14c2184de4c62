package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The reader as a working desk: related coverage from the server, previous / next through the
 * results the page holds (by keyboard) and a permalink. Screenshots land in server/target/screenshots as reader-features-*.png.
 */
class ReaderFeaturesBrowserTest {
  static final String AIRLIFT = "cited-airlift";
  static final String AIRLIFT_TITLE = "Allied airlift thwarts the Berlin blockade";
  static final String LATER_TITLE = "Berlin blockade lifted as the airlift flies on";
  static final String URL = "https://example.org/news/airlift?id=7";

  @TempDir static Path tmp;
  static PageBrowser page;

  @BeforeAll
  static void start() throws IOException {
    page = PageBrowser.start(SeedIndex.build(tmp, Map.of(), List.of("/reader/cited.jsonl")), tmp);
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
}
