package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Who is quoted, on the page: the Quoted panel over a Reuters story beside the seed articles, its
 * filter from the URL, and the reader's actor list saying which words quote the company that spoke
 * ("Computer Terminal Systems Inc said ... to Sedio N.V."), and nothing for the company it names.
 */
class QuotedReaderBrowserTest {
  private static final String SPEAKER = "Computer Terminal Systems Inc";

  @TempDir static Path tmp;
  static PageBrowser page;

  @BeforeAll
  static void start() throws IOException {
    Path reuters = Files.createDirectories(tmp.resolve("corpus/reuters"));
    try (InputStream in = QuotedReaderBrowserTest.class.getResourceAsStream("/reuters/reut-00001.xml")) {
      Files.write(reuters.resolve("reut-00001.xml"), in.readAllBytes());
    }
    page = PageBrowser.start(SeedIndex.build(tmp, Map.of()));
  }

  @AfterAll
  static void stop() throws IOException {
    if (page != null) {
      page.close();
    }
  }

  @Test
  void theQuotedPanelFiltersAndTheReaderSaysWhichWordsQuoteEachActor() throws IOException {
    page.open("/?quoted=" + SPEAKER.replace(" ", "+"));
    List<WebElement> hits = page.hits();
    assertEquals(1, hits.size(), "one story quotes the company");
    page.answerDrawn();
    WebElement box = page.facetCheckbox("quoted", SPEAKER);
    assertTrue(box.isSelected(), "the URL's filter is ticked in the Quoted panel");

    hits.get(0).findElement(By.cssSelector(".hit-title")).click();
    WebElement reader = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader")));
    page.wait.until(driver -> !driver.findElements(By.cssSelector("#reader .actor-list li")).isEmpty());
    Map<String, String> quoted = new LinkedHashMap<>();
    for (WebElement item : reader.findElements(By.cssSelector(".actor-list li"))) {
      List<WebElement> note = item.findElements(By.cssSelector(".summary-quoted"));
      quoted.put(item.findElement(By.cssSelector(".summary-name")).getText(), note.isEmpty() ? "" : note.get(0).getText());
    }
    assertTrue(quoted.get(SPEAKER).matches("quoted: said \\(\\d+\\)"), quoted.toString());
    assertEquals("", quoted.get("Sedio N.V."), "named, not quoted: " + quoted);
    page.screenshot("quoted-reader");
  }
}
