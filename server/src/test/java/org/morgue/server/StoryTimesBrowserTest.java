package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Times of day on the page, over a Reuters take filed at 15:18 and its correction at 18:10 of one
 * day (test resources wire-times): the reader shows each version's time, lists the take first as
 * "first published", and compares the earlier to the later. Screenshots land in
 * server/target/screenshots as story-times.png.
 */
class StoryTimesBrowserTest {
  @TempDir static Path tmp;
  static PageBrowser page;

  @BeforeAll
  static void indexTheTakesAndOpenTheBrowser() throws IOException {
    PageBrowser.requireChromium();
    page = PageBrowser.start(TestEngine.LUCENE.index(tmp, List.of(StoryTimesApiTest.TAKES)));
  }

  @AfterAll
  static void closeTheBrowser() throws IOException {
    if (page != null) {
      page.screenshot("story-times");
      page.close();
      page = null;
    }
  }

  @Test
  void theReaderShowsEachVersionsTimeAndTheEarlierTakeFirst() {
    page.open("/?article=reuters-1");
    WebElement versions = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .story-versions")));
    WebElement header = page.driver.findElement(By.cssSelector("#reader .article-header time"));
    assertTrue(header.getText().endsWith("18:10"), "the correction's own time: " + header.getText());
    assertEquals("1987-02-26T18:10:00", header.getDomAttribute("datetime"));

    List<WebElement> items = versions.findElements(By.cssSelector(".version"));
    assertEquals(2, items.size());
    assertEquals(List.of("reuters-10"), StoryVersionsBrowserTest.ids(versions.findElements(By.cssSelector(".version-link"))));
    assertTrue(items.get(0).getText().contains("15:18"), items.get(0).getText());
    assertTrue(items.get(0).getText().contains("first published"), items.get(0).getText());
    assertTrue(items.get(1).getText().contains("this version"), items.get(1).getText());
    assertFalse(items.get(1).getText().contains("first published"), items.get(1).getText());

    // Compared from the correction, the page still reads from the earlier take to the later.
    page.driver.findElement(By.cssSelector("#reader .version-compare[data-article-id='reuters-10']")).click();
    WebElement diff = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("version-diff")));
    page.wait.until(driver -> !diff.findElements(By.cssSelector(".diff-summary")).isEmpty());
    String heading = diff.findElement(By.id("version-diff-heading")).getText();
    assertTrue(heading.indexOf("15:18") < heading.indexOf("18:10") && heading.contains("15:18"), heading);
  }
}
