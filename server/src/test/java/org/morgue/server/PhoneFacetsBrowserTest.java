package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * At phone size the filter panel stands above the results: ticking a facet there used to leave the
 * new results below the open panel, off screen (#19).
 */
class PhoneFacetsBrowserTest extends ShippedCorpusPageTest {

  @BeforeAll
  static void onAPhone() {
    page.driver.manage().window().setSize(new Dimension(390, 844));
  }

  @SuppressWarnings("unchecked")
  @Test
  void tickingAFacetOnAPhoneBringsTheNewResultsIntoViewAndLeavesTheFocusOnTheCheckbox() throws IOException {
    JavascriptExecutor js = (JavascriptExecutor) page.driver;
    page.open("/?q=Venezuela");
    page.hits();
    WebElement disclosure = page.driver.findElement(By.id("facets-disclosure"));
    assertEquals(null, disclosure.getDomAttribute("open"), "the filters start folded on a phone");
    page.driver.findElement(By.cssSelector("#facets-disclosure > summary")).click();
    WebElement box = page.wait.until(driver -> driver.findElements(By.cssSelector("#facets input[data-facet=source]"))
        .stream().findFirst().orElse(null));
    String facet = box.getDomAttribute("data-facet");
    String value = box.getDomAttribute("data-value");
    js.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
    String before = page.driver.getCurrentUrl();
    box.click();
    page.wait.until(driver -> !driver.getCurrentUrl().equals(before)
        && "false".equals(driver.findElement(By.id("results")).getDomAttribute("aria-busy")));
    // The facets are drawn again, and the results scrolled into view, a frame after the hits: the box
    // ticked is selected before that, so wait for the answer drawn whole.
    page.answerDrawn();
    page.wait.until(driver -> page.facetCheckbox(facet, value).isSelected());
    page.screenshot("tickingAFacetOnAPhone");

    List<Number> top = (List<Number>) js.executeScript("const r = document.getElementById('results')"
        + ".getBoundingClientRect(); const h = document.getElementById('summary').getBoundingClientRect();"
        + " return [r.top, h.bottom, window.innerHeight];");
    double resultsTop = top.get(0).doubleValue();
    double countBottom = top.get(1).doubleValue();
    double height = top.get(2).doubleValue();
    assertTrue(resultsTop >= -1 && resultsTop < height / 2, "the results' top is on screen: " + top);
    assertTrue(countBottom > 0 && countBottom < height, "the result count is on screen: " + top);
    assertTrue(disclosure.getDomAttribute("open") != null, "the panel stays open");
    WebElement focused = page.driver.switchTo().activeElement();
    assertEquals(value, focused.getDomAttribute("data-value"), "focus stays on the checkbox just ticked");
    assertNotEquals(0L, js.executeScript("return window.scrollY"), "the page scrolled down to the results");
  }

  @SuppressWarnings("unchecked")
  @Test
  void mostNamedShowsWholeNamesOnAPhone() throws IOException {
    JavascriptExecutor js = (JavascriptExecutor) page.driver;
    page.open("/?q=tariff");
    page.hits();
    page.wait.until(driver -> !driver.findElements(By.cssSelector("#top-actors .top-name")).isEmpty());
    page.screenshot("mostNamedOnAPhone");
    // Each name: its text fits its box (nothing cut to "U.S. Congre..."), and the row stays inside the chart.
    List<List<Object>> names = (List<List<Object>>) js.executeScript("const frame = document.querySelector('.top-values')"
        + ".getBoundingClientRect(); return [...document.querySelectorAll('.top-values .top-name')].map(n => {"
        + " const row = n.closest('.top-row').getBoundingClientRect();"
        + " return [n.textContent, n.scrollWidth <= n.clientWidth, row.right <= frame.right + 0.5]; });");
    assertTrue(names.size() >= 6, "actors and themes are charted: " + names);
    assertTrue(names.stream().anyMatch(n -> ((String) n.get(0)).length() > 20), "a long name is among them: " + names);
    for (List<Object> name : names) {
      assertEquals(true, name.get(1), "the whole name shows: " + name.get(0));
      assertEquals(true, name.get(2), "its row fits the chart: " + name.get(0));
    }
  }

  @Test
  void tickingAFacetWithTheKeyboardOnAPhoneLeavesTheScrollAndFocusWhereTheyAre() {
    JavascriptExecutor js = (JavascriptExecutor) page.driver;
    page.open("/?q=Venezuela");
    page.hits();
    js.executeScript("document.getElementById('facets-disclosure').open = true");
    WebElement box = page.wait.until(driver -> driver.findElements(By.cssSelector("#facets input[data-facet=source]"))
        .stream().findFirst().orElse(null));
    String value = box.getDomAttribute("data-value");
    js.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", box);
    Number scrolled = (Number) js.executeScript("return window.scrollY");
    String before = page.driver.getCurrentUrl();
    box.sendKeys(Keys.SPACE);
    page.wait.until(driver -> !driver.getCurrentUrl().equals(before)
        && "false".equals(driver.findElement(By.id("results")).getDomAttribute("aria-busy")));
    // A scroll to the results would come with the facets, a frame after the hits: measure after it.
    page.answerDrawn();
    page.wait.until(driver -> value.equals(driver.switchTo().activeElement().getDomAttribute("data-value")));
    double now = ((Number) js.executeScript("return window.scrollY")).doubleValue();
    assertTrue(Math.abs(now - scrolled.doubleValue()) < 100, "no jump away from the focus: " + scrolled + " -> " + now);
  }

  /**
   * On a phone the reader's key stands above the article: a hit opened the reader inside the key, the
   * headline below, and a mark near the screen's foot opened its details half off screen (a
   * journalist's trial, session 40).
   */
  @SuppressWarnings("unchecked")
  @Test
  void aHitOpensTheReaderAtItsHeadlineAndAMarksDetailsOpenOnScreen() throws IOException {
    JavascriptExecutor js = (JavascriptExecutor) page.driver;
    page.open("/?q=Venezuela");
    page.hits();
    WebElement hit = page.driver.findElement(By.cssSelector("#hits .hit-title"));
    js.executeScript("arguments[0].scrollIntoView({block: 'center'})", hit);
    hit.click();
    WebElement title = page.wait.until(driver -> driver.findElements(By.cssSelector("#reader h2#article-title:not(.loading)"))
        .stream().findFirst().orElse(null));
    page.wait.until(driver -> !driver.findElements(By.cssSelector("#reader .article-body [data-mark]")).isEmpty());
    page.screenshot("readerOpenedOnAPhone");
    List<Number> at = (List<Number>) js.executeScript("const t = arguments[0].getBoundingClientRect();"
        + " const key = document.querySelector('.reader-key').getBoundingClientRect();"
        + " return [t.top, t.bottom, window.innerHeight, key.bottom];", title);
    assertTrue(at.get(0).doubleValue() >= -2 && at.get(1).doubleValue() < at.get(2).doubleValue() * 0.4,
        "the headline is at the top of the screen: " + at);
    assertTrue(at.get(3).doubleValue() <= at.get(0).doubleValue() + 1, "the key is above, scrolled past: " + at);
    assertEquals("article-title", page.driver.switchTo().activeElement().getDomAttribute("id"));

    // A mark brought to the screen's foot, then opened: its details are on screen whole.
    WebElement mark = page.driver.findElement(By.cssSelector("#reader .article-body [data-mark]"));
    js.executeScript("arguments[0].scrollIntoView({block: 'end'})", mark);
    mark.click();
    WebElement details = page.wait.until(driver -> driver.findElements(By.cssSelector(".mark-details:not([hidden])"))
        .stream().findFirst().orElse(null));
    page.screenshot("markDetailsOnAPhone");
    List<Number> box = (List<Number>) js.executeScript("const r = arguments[0].getBoundingClientRect();"
        + " return [r.top, r.bottom, window.innerHeight];", details);
    assertTrue(box.get(0).doubleValue() >= 0 && box.get(1).doubleValue() <= box.get(2).doubleValue() + 1,
        "the details are on screen whole: " + box);
  }
}
