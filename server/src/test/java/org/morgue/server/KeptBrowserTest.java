package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A reader keeps articles without a curator's token (a journalist's trial: "I cannot keep
 * anything"): Keep on a hit and in the reader, the header's count, the Kept view, the kept articles
 * as one search with its exports, a reload that keeps them, and letting one go. Over the two Reuters
 * takes of test resources wire-times. Screenshot: server/target/screenshots/kept.png.
 */
class KeptBrowserTest {
  @TempDir static Path tmp;
  static PageBrowser page;

  @BeforeAll
  static void indexAndOpenTheBrowser() throws IOException {
    PageBrowser.requireChromium();
    page = PageBrowser.start(TestEngine.LUCENE.index(tmp, List.of(StoryTimesApiTest.TAKES)));
  }

  @AfterAll
  static void closeTheBrowser() throws IOException {
    if (page != null) {
      page.screenshot("kept");
      page.close();
      page = null;
    }
  }

  static String keptLink() {
    return page.driver.findElement(By.id("kept-link")).getText();
  }

  @Test
  void aReaderKeepsArticlesFromAHitAndTheReaderAndFindsThemAsOneSearchAfterAReload() {
    page.open("/?q=Sedio&group=articles");
    List<WebElement> hits = page.hits();
    assertEquals(2, hits.size());
    assertEquals("Kept", keptLink());
    WebElement keep = hits.get(0).findElement(By.cssSelector(".keep-toggle"));
    assertEquals("false", keep.getDomAttribute("aria-pressed"));
    keep.click();
    page.wait.until(driver -> "true".equals(keep.getDomAttribute("aria-pressed")));
    assertEquals("Kept (1)", keptLink());

    String first = hits.get(0).findElement(By.cssSelector(".hit-title")).getDomAttribute("data-article-id");
    String other = first.equals("reuters-1") ? "reuters-10" : "reuters-1";

    page.open("/?article=" + other);
    WebElement inReader = page.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#reader .keep-toggle")));
    inReader.click();
    page.wait.until(driver -> keptLink().equals("Kept (2)"));

    // Kept in the browser, not the tab: a reload (or another tab) still has them.
    page.open("/?view=kept");
    page.wait.until(ExpectedConditions.textToBe(By.id("desk-title"), "Kept"));
    assertEquals("Kept (2)", keptLink());
    List<WebElement> items = page.driver.findElements(By.cssSelector(".kept-item"));
    assertEquals(2, items.size());
    assertEquals(List.of(other, first), items.stream()
        .map(item -> item.findElement(By.cssSelector("a")).getDomAttribute("href").replaceFirst(".*article=", "")).toList(),
        "the last kept first");
    List<AxeCheck.Violation> violations = AxeCheck.violations(page.driver);
    assertTrue(violations.isEmpty(), AxeCheck.report("the Kept view", violations));

    page.driver.findElement(By.cssSelector(".kept-search")).click();
    page.wait.until(driver -> driver.findElement(By.id("summary")).getText().contains("2 articles"));
    String csv = page.driver.findElement(By.id("export-csv")).getDomAttribute("href");
    assertTrue(csv.contains("id%3A"), "the exports are of the kept articles: " + csv);

    page.open("/?view=kept");
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".kept-item button"))).click();
    page.wait.until(driver -> driver.findElements(By.cssSelector(".kept-item")).size() == 1);
    assertEquals("Kept (1)", keptLink());
  }
}
