package org.morgue.server;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A reader link inside a search ({@code ?q=tariff&article=...}), reloaded or shared, over the corpus
 * Morgue ships: a journalist's trial found that it lost Previous / Next and its place among the
 * results, since the reader drew its bar before the search had answered (the article is one small
 * answer, the search of the shipped addresses a larger one).
 */
class SharedReaderLinkBrowserTest extends ShippedCorpusPageTest {
  @Test
  void aReaderLinkOpenedAfreshKeepsItsPlaceAmongTheResults() {
    for (int load = 0; load < 2; load++) {
      page.open("/?q=tariff&article=sotu-1931-hoover");
      page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-title")));
      page.wait.until(ExpectedConditions.textMatches(By.cssSelector(".reader-position"),
          java.util.regex.Pattern.compile("\\d+ of \\d+")));
      page.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".reader-steps .step-next")));
    }
  }
}
