package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The keyboard's way through the search page and the reader, over the shipped corpus, with the keys a
 * keyboard user presses (an accessibility trial counted 59 Tabs from the search box to the first
 * result with the filters open, a Tab per facet value, and a Tab per mark in an article's text).
 */
class KeyboardPathsBrowserTest extends ShippedCorpusPageTest {
  /** Where the walks give up: far more stops than the page has between the search box and the results. */
  static final int GIVE_UP = 150;
  static final Pattern COUNT = Pattern.compile("^([\\d,]+) articles?");

  WebElement focused() {
    return page.driver.switchTo().activeElement();
  }

  void press(CharSequence key) {
    new Actions(page.driver).sendKeys(key).perform();
  }

  void shiftTab() {
    new Actions(page.driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
  }

  /** The articles the answer on screen counts (the page asked with group=articles). */
  int shownTotal() {
    String summary = page.driver.findElement(By.cssSelector("#summary strong")).getText();
    Matcher count = COUNT.matcher(summary);
    assertTrue(count.find(), summary);
    return Integer.parseInt(count.group(1).replace(",", ""));
  }

  List<WebElement> actorBoxes() {
    return page.driver.findElements(By.cssSelector("#facets input[data-facet=actor]"));
  }

  List<String> values(List<WebElement> boxes) {
    return boxes.stream().map(box -> box.getDomAttribute("data-value")).toList();
  }

  /** The count a facet value's label shows beside it. */
  static int count(WebElement box) {
    return Integer.parseInt(box.findElement(By.xpath("./ancestor::label")).findElement(By.cssSelector(".count")).getText().replace(",", ""));
  }

  String focusedValue() {
    return focused().getDomAttribute("data-value");
  }

  @Test
  void aFacetListIsOneTabStopWhoseValuesTheArrowsReachAndSpaceTicks() {
    page.open("/?q=Venezuela&group=articles");
    page.hits();
    page.answerDrawn();
    int before = shownTotal();
    List<String> actors = values(actorBoxes());
    assertEquals(10, actors.size(), "ten actors before Show more: " + actors);

    // From the actor list's filter box, Tab enters the list at its first value and the next Tab leaves it.
    page.driver.findElement(By.id("facet-filter-actor")).click();
    press(Keys.TAB);
    assertEquals(actors.get(0), focusedValue(), "Tab enters the list at its first value");
    press(Keys.TAB);
    assertEquals("actor", focused().getDomAttribute("data-toggle-facet"), "the next Tab is past the ten values, on Show more");
    shiftTab();
    assertEquals(actors.get(0), focusedValue());

    press(Keys.ARROW_DOWN);
    press(Keys.ARROW_DOWN);
    assertEquals(actors.get(2), focusedValue(), "Down twice: the third value");
    press(Keys.END);
    assertEquals(actors.get(9), focusedValue(), "End: the last value");
    press(Keys.ARROW_DOWN);
    assertEquals(actors.get(9), focusedValue(), "Down at the last value stays there");
    press(Keys.HOME);
    assertEquals(actors.get(0), focusedValue(), "Home: the first value");
    // Down to the first actor that not every match names, so that ticking it narrows the search.
    List<Integer> counts = actorBoxes().stream().map(KeyboardPathsBrowserTest::count).toList();
    int narrower = counts.indexOf(counts.stream().filter(count -> count < before).findFirst().orElseThrow());
    for (int step = 0; step < narrower; step++) {
      press(Keys.ARROW_DOWN);
    }
    String ticked = actors.get(narrower);
    assertEquals(ticked, focusedValue());
    assertEquals(List.of(ticked), actorBoxes().stream().filter(box -> "0".equals(box.getDomAttribute("tabindex")))
        .map(box -> box.getDomAttribute("data-value")).toList(), "the value the arrows reached is the list's one tab stop");

    // Space ticks it: the search narrows, and the focus stays on the value, now the list's stop.
    press(Keys.SPACE);
    page.wait.until(driver -> driver.getCurrentUrl().contains("actor="));
    page.answerDrawn();
    int narrowed = shownTotal();
    assertTrue(narrowed < before, "the search narrows: " + before + " -> " + narrowed);
    assertEquals(ticked, focusedValue(), "focus stays on the value ticked");
    assertTrue(focused().isSelected());
    assertEquals("0", focused().getDomAttribute("tabindex"));
    // Drill sideways: the other actors stay listed, each with its count under the other filters.
    List<WebElement> others = actorBoxes().stream().filter(box -> !ticked.equals(box.getDomAttribute("data-value"))).toList();
    assertFalse(others.isEmpty(), "other actors still offered");
    for (WebElement other : others) {
      assertTrue(count(other) > 0, other.getDomAttribute("data-value") + " counts " + count(other));
    }

    // Show more still opens the whole list, and the arrows reach its values past the first ten.
    page.open("/?q=Venezuela&group=articles");
    page.answerDrawn();
    page.driver.findElement(By.id("facet-filter-actor")).click();
    press(Keys.TAB);
    press(Keys.TAB);
    press(Keys.ENTER);
    page.wait.until(driver -> actorBoxes().size() > 10);
    assertEquals("actor", focused().getDomAttribute("data-toggle-facet"), "focus stays on the toggle, now Show fewer");
    shiftTab();
    assertEquals(actors.get(0), focusedValue(), "back into the list at its stop");
    press(Keys.END);
    List<String> whole = values(actorBoxes());
    assertEquals(whole.get(whole.size() - 1), focusedValue(), "End reaches the last of " + whole.size());

    // The filter box still narrows the list, and Tab from it enters the narrowed list.
    WebElement filter = page.driver.findElement(By.id("facet-filter-actor"));
    filter.click();
    filter.sendKeys("Trump");
    page.wait.until(driver -> !actorBoxes().isEmpty() && actorBoxes().stream()
        .allMatch(box -> box.getDomAttribute("data-value").contains("Trump")));
    page.wait.until(driver -> driver.findElement(By.id("facets")).getDomAttribute("aria-busy") == null);
    press(Keys.TAB);
    assertTrue(focusedValue() != null && focusedValue().contains("Trump"), "Tab enters the narrowed list: " + focusedValue());
  }

  /**
   * With the filters open, from the search box: Tab to Search, Tab to "Skip to results" (shown while
   * focused), Enter, and Tab is on the first result. Four keys; the trial counted 59 Tabs, 70 on this
   * corpus, and Tab alone still passes the examples, the dates, the facet lists and the results' tools.
   */
  @Test
  void fromTheSearchBoxTheFirstResultIsFourKeysAwayWithTheFiltersOpen() throws IOException {
    page.open("/?q=Venezuela");
    page.hits();
    page.answerDrawn();
    assertTrue(page.driver.findElement(By.id("facets-disclosure")).getDomAttribute("open") != null, "the filters are open");
    WebElement first = page.driver.findElement(By.cssSelector("#hits .hit-title"));
    page.driver.findElement(By.id("q")).click();
    List<String> keys = new ArrayList<>();
    while (!focused().equals(first) && keys.size() < GIVE_UP) {
      WebElement at = focused();
      if ("a".equals(at.getTagName()) && "Skip to results".equals(at.getText())) {
        int width = at.getRect().getWidth();
        int top = at.getRect().getY();
        assertTrue(width > 20 && top >= 0 && top < PageBrowser.DESKTOP.height, "the skip link shows while focused: " + at.getRect());
        page.screenshot("keyboard-skip-from-search");
        press(Keys.ENTER);
        keys.add("Enter");
      } else {
        press(Keys.TAB);
        keys.add("Tab");
      }
    }
    assertEquals(first, focused(), "the first result reached: " + keys.size() + " keys");
    assertTrue(keys.size() <= 4, "keys from the search box to the first result: " + keys.size() + " " + keys);
    assertFalse(page.driver.getCurrentUrl().contains("#"), "the URL keeps the search only");
  }

  /** On a phone the skip link beside Search shows whole, and the search box keeps its width meanwhile. */
  @Test
  void theSkipLinkAfterSearchShowsOnAPhoneWithoutSqueezingTheSearchBox() throws IOException {
    page.driver.manage().window().setSize(PageBrowser.PHONE);
    try {
      page.open("/?q=Venezuela");
      page.hits();
      WebElement box = page.driver.findElement(By.id("q"));
      box.click();
      int width = box.getRect().getWidth();
      press(Keys.TAB);
      press(Keys.TAB);
      WebElement skip = focused();
      assertEquals("skip-results-from-search", skip.getDomAttribute("id"));
      Rectangle shown = skip.getRect();
      assertTrue(shown.getX() >= 0 && shown.getX() + shown.getWidth() <= PageBrowser.PHONE.width && shown.getHeight() > 20,
          "the link shows whole on the phone's screen: " + shown.getX() + "," + shown.getY() + " " + shown.getWidth() + "x" + shown.getHeight());
      assertEquals(width, box.getRect().getWidth(), "the search box keeps its width");
      page.screenshot("keyboard-skip-from-search-phone");
    } finally {
      page.driver.manage().window().setSize(PageBrowser.DESKTOP);
    }
  }

  @Test
  void tabAlonePassesEachFacetListInOneStop() {
    page.open("/?q=Venezuela");
    page.hits();
    page.answerDrawn();
    assertTrue(page.driver.findElement(By.id("facets-disclosure")).getDomAttribute("open") != null, "the filters are open");
    WebElement first = page.driver.findElement(By.cssSelector("#hits .hit-title"));
    page.driver.findElement(By.id("q")).click();
    List<String> facetStops = new ArrayList<>();
    int tabs = 0;
    while (!focused().equals(first) && tabs < GIVE_UP) {
      press(Keys.TAB);
      tabs++;
      WebElement at = focused();
      Boolean inFacets = (Boolean) ((JavascriptExecutor) page.driver).executeScript(
          "return document.getElementById('facets').contains(arguments[0])", at);
      if (inFacets) {
        facetStops.add(at.getDomAttribute("data-facet") != null ? "values of " + at.getDomAttribute("data-facet")
            : at.getDomAttribute("data-filter-facet") != null ? "filter box" : "toggle");
      }
    }
    int groups = page.driver.findElements(By.cssSelector("#facets fieldset.facet")).size();
    int boxes = page.driver.findElements(By.cssSelector("#facets .facet-filter")).size();
    int toggles = page.driver.findElements(By.cssSelector("#facets .facet-toggle")).size();
    assertEquals(groups + boxes + toggles, facetStops.size(),
        "one stop per facet list, besides its filter box and Show more: " + facetStops + " (" + tabs + " Tabs in all)");
  }

  /**
   * An article's marks are one tab stop (a mark each was a Tab each), the arrows step from mark to mark,
   * and Enter still opens what a mark is; a kind turned off in the legend is stepped over.
   */
  @Test
  void anArticlesMarksAreOneTabStopThatTheArrowsStepThrough() {
    page.open("/?article=" + SeedIndex.KILL_CLAIMS);
    page.answerDrawn();
    WebElement reader = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader")));
    List<WebElement> marks = page.wait.until(driver -> {
      List<WebElement> found = driver.findElements(By.cssSelector("#reader .article-body [data-mark]"));
      return found.isEmpty() ? null : found;
    });
    assertTrue(marks.size() > 10, "an article with many marks: " + marks.size());

    // From the skip link just before the text, Tab enters it at its first mark and the next Tab leaves it.
    ((JavascriptExecutor) page.driver).executeScript("arguments[0].focus()", reader.findElement(By.cssSelector(".reader-skip")));
    press(Keys.TAB);
    assertEquals(marks.get(0), focused(), "Tab enters the text at its first mark");
    press(Keys.TAB);
    assertFalse(inText(focused()), "the next Tab leaves the text, past its other " + (marks.size() - 1) + " marks");
    shiftTab();
    assertEquals(marks.get(0), focused());

    press(Keys.ARROW_RIGHT);
    assertEquals(marks.get(1), focused(), "Right: the next mark");
    press(Keys.ARROW_DOWN);
    assertEquals(marks.get(2), focused(), "Down: the next mark too");
    press(Keys.ARROW_LEFT);
    assertEquals(marks.get(1), focused(), "Left: the previous mark");
    press(Keys.END);
    assertEquals(marks.get(marks.size() - 1), focused(), "End: the last mark");
    press(Keys.HOME);
    assertEquals(marks.get(0), focused(), "Home: the first mark");
    press(Keys.ARROW_RIGHT);
    WebElement second = marks.get(1);
    WebElement hint = page.driver.findElement(By.id(second.getDomAttribute("aria-describedby")));
    assertTrue(hint.getDomProperty("textContent").contains("arrow keys go to the next or previous mark"), hint.getDomProperty("textContent"));

    // Enter opens what the mark is, as before; Escape closes it and the focus is back on the mark, the text's stop.
    press(Keys.ENTER);
    WebElement details = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mark-details")));
    assertTrue(details.getText().contains("Kind"), details.getText());
    assertEquals("true", second.getDomAttribute("aria-expanded"));
    // The Close button sits beside the heading, never over it (a trial saw "Close" drawn over "Venezuela").
    org.openqa.selenium.Rectangle heading = details.findElement(By.cssSelector(".mark-details-heading")).getRect();
    org.openqa.selenium.Rectangle close = details.findElement(By.cssSelector(".mark-details-close")).getRect();
    boolean apart = close.getX() >= heading.getX() + heading.getWidth() || close.getY() >= heading.getY() + heading.getHeight()
        || close.getX() + close.getWidth() <= heading.getX() || close.getY() + close.getHeight() <= heading.getY();
    assertTrue(apart, "heading " + heading.getX() + "+" + heading.getWidth() + ", close " + close.getX() + "+" + close.getWidth());
    press(Keys.ESCAPE);
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("mark-details")));
    assertEquals(second, focused());
    assertEquals(List.of(second), stops(), "one stop in the text: the mark last reached");

    // Actors turned off: the stop and the arrows keep to the cues.
    WebElement actors = reader.findElement(By.cssSelector(".legend input[data-mark-type=actor]"));
    ((JavascriptExecutor) page.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", actors);
    actors.click();
    List<WebElement> cues = marks.stream().filter(mark -> !mark.getDomAttribute("class").contains("actor")).toList();
    assertTrue(cues.size() > 3 && cues.size() < marks.size(), cues.size() + " cues among " + marks.size() + " marks");
    ((JavascriptExecutor) page.driver).executeScript("arguments[0].focus()", reader.findElement(By.cssSelector(".reader-skip")));
    press(Keys.TAB);
    assertEquals(cues.get(0), focused(), "Tab enters the text at its first cue");
    for (int step = 1; step <= 3; step++) {
      press(Keys.ARROW_RIGHT);
      assertEquals(cues.get(step), focused(), "Right, " + step + " times: the next cue, past any actor");
    }
  }

  boolean inText(WebElement element) {
    return (Boolean) ((JavascriptExecutor) page.driver).executeScript(
        "return document.querySelector('#reader .article-body').contains(arguments[0])", element);
  }

  List<WebElement> stops() {
    return page.driver.findElements(By.cssSelector("#reader .article-body [data-mark][tabindex='0']"));
  }
}
