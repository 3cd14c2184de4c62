package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Hits over the corpus Morgue ships, whose long addresses name dozens of actors and themes each:
 * a hit shows its few most salient ones and a "+N more" button for the rest.
 */
class CompactHitsBrowserTest extends ShippedCorpusPageTest {
  /** Chips a hit shows before "+N more" is pressed. */
  static final int CHIPS_PER_HIT = 5;


  /** The names the API lists for a hit: its actors most salient first, then its themes by score. */
  static List<List<String>> actorsAndThemes(JsonNode hit) {
    List<String> actors = new ArrayList<>();
    hit.get("actors").forEach(actor -> actors.add(actor.get("name").asText()));
    List<String> themes = new ArrayList<>();
    hit.get("themes").forEach(theme -> themes.add(theme.asText()));
    return List.of(actors, themes);
  }

  static List<String> chipNames(WebElement hit) {
    return hit.findElements(By.cssSelector(".hit-tags .chip")).stream()
        .map(chip -> chip.getDomAttribute("data-value")).toList();
  }

  @Test
  void aPageOfTwentyHitsShowsAtMostFiveChipsAHitTheMostSalientFirst() throws Exception {
    page.open("/");
    page.waitForHitCount(20);
    List<WebElement> hits = page.hits();
    int chips = page.driver.findElements(By.cssSelector("#hits .chip")).size();
    System.out.println("chip buttons on the first page of 20 hits of the shipped corpus: " + chips);
    page.screenshot("aPageOfTwentyHitsShowsAtMostFiveChipsAHitTheMostSalientFirst");

    JsonNode api = RunningServer.JSON.readTree(HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(page.url("/api/search?size=20"))).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
    for (int i = 0; i < hits.size(); i++) {
      WebElement hit = hits.get(i);
      List<List<String>> listed = actorsAndThemes(api.get("hits").get(i));
      int all = listed.get(0).size() + listed.get(1).size();
      List<String> shown = chipNames(hit);
      assertEquals(Math.min(all, CHIPS_PER_HIT), shown.size(), "chips of hit " + i + ": " + shown);
      // Each kind's chips are that kind's first names, in the API's order (most salient first).
      List<String> shownActors = shown.stream().filter(listed.get(0)::contains).toList();
      assertEquals(listed.get(0).subList(0, shownActors.size()), shownActors);
      List<String> shownThemes = shown.stream().filter(name -> !listed.get(0).contains(name)).toList();
      assertEquals(listed.get(1).subList(0, shownThemes.size()), shownThemes);
      List<WebElement> more = hit.findElements(By.cssSelector(".more-tags"));
      assertEquals(all > CHIPS_PER_HIT ? 1 : 0, more.size(), "a +N more button only when there is more");
      if (all > CHIPS_PER_HIT) {
        assertEquals("+" + (all - CHIPS_PER_HIT) + " more", more.get(0).getText());
      }
      // Title, date, source, snippet and hedging level stay on every hit.
      assertEquals(1, hit.findElements(By.cssSelector(".hit-title")).size());
      assertEquals(1, hit.findElements(By.cssSelector(".meta time, .meta .undated")).size());
      assertEquals(1, hit.findElements(By.cssSelector(".meta .source")).size());
      assertEquals(1, hit.findElements(By.cssSelector(".snippet")).size());
      assertEquals(1, hit.findElements(By.cssSelector(".hit-tags .badge")).size());
    }
    assertTrue(chips <= 20 * CHIPS_PER_HIT, "at most five chips a hit: " + chips);
  }

  @Test
  void theReadersHedgedShareNeverRoundsIntoTheNextLevel() throws Exception {
    // Nixon's 1974 address: 10 of 203 sentences hedged, 4.93%, low; the reader said "5%" beside the
    // "low" badge and a scale whose medium starts at 5%.
    String id = "sotu-1974-nixon";
    JsonNode hedging = RunningServer.JSON.readTree(HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(page.url("/api/articles/" + id))).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body()).get("hedging");
    page.open("/?article=" + id);
    WebElement figure = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hedging-line .summary-figure")));
    double shown = Double.parseDouble(figure.getText().replaceFirst("% of sentences hedged$", ""));
    double share = hedging.get("score").asDouble() * 100;
    assertTrue(shown <= share && share - shown < 0.1, figure.getText() + " for " + share);
    String level = hedging.get("level").asText();
    assertTrue(level.equals("low") ? shown < 5 : level.equals("medium") ? shown >= 5 && shown < 15 : shown >= 15,
        figure.getText() + " beside " + level);
  }

  @Test
  void aHitsHedgingBadgeSaysWhatItsLevelMeansOnHoverAndToScreenReaders() {
    page.open("/");
    page.waitForHitCount(20);
    Map<String, String> meanings = Map.of(
        "low", "under 5% of sentences hedged",
        "medium", "5-15% of sentences hedged",
        "high", "15% or more of sentences hedged");
    List<WebElement> badges = page.driver.findElements(By.cssSelector("#hits .hit-tags .badge"));
    assertEquals(20, badges.size());
    for (WebElement badge : badges) {
      String level = badge.getDomProperty("className").replaceAll(".*hedging-", "");
      String meaning = meanings.get(level);
      assertTrue(meaning != null, "a known level: " + level);
      // What the eye reads stays short: the meaning is in a visually hidden span after the label.
      assertEquals("Hedging: " + level, script("return arguments[0].firstChild.textContent", badge));
      assertEquals(" — " + meaning, script("const hidden = arguments[0].querySelector('.visually-hidden');"
          + " return getComputedStyle(hidden).position === 'absolute' && hidden.offsetWidth <= 1 ? hidden.textContent : null", badge));
      assertEquals("Hedging: " + level + " — " + meaning + " (low: under 5%, medium: 5-15%, high: 15% or more)",
          badge.getDomAttribute("title"));
      // What a screen reader reads: the badge's whole text, hidden part included.
      assertEquals("Hedging: " + level + " — " + meaning, badge.getDomProperty("textContent"));
    }
  }

  static Object script(String code, WebElement element) {
    return ((JavascriptExecutor) page.driver).executeScript(code, element);
  }

  @Test
  void plusNMoreIsReachedByTabAndRevealsTheRestOfThatHitOnly() throws Exception {
    page.open("/");
    page.waitForHitCount(20);
    WebElement hit = page.hits().stream()
        .filter(candidate -> !candidate.findElements(By.cssSelector(".more-tags")).isEmpty()).findFirst().orElseThrow();
    WebElement more = hit.findElement(By.cssSelector(".more-tags"));
    int hidden = Integer.parseInt(more.getText().replaceAll("\\D", ""));
    assertEquals("false", more.getDomAttribute("aria-expanded"));
    String controls = more.getDomAttribute("aria-controls");
    int chipsElsewhere = page.driver.findElements(By.cssSelector("#hits .chip")).size() - CHIPS_PER_HIT;

    // From the hit's last visible chip, Tab lands on the button and Enter presses it.
    List<WebElement> chips = hit.findElements(By.cssSelector(".hit-tags .chip"));
    chips.get(chips.size() - 1).sendKeys(Keys.TAB);
    assertEquals(more, page.driver.switchTo().activeElement());
    page.driver.switchTo().activeElement().sendKeys(Keys.ENTER);

    page.wait.until(driver -> "true".equals(more.getDomAttribute("aria-expanded")));
    WebElement rest = page.driver.findElement(By.id(controls));
    assertTrue(rest.isDisplayed());
    assertEquals(CHIPS_PER_HIT + hidden, chipNames(hit).size(), "every actor and theme of the hit");
    assertEquals(chipsElsewhere, page.driver.findElements(By.cssSelector("#hits .chip")).size() - CHIPS_PER_HIT - hidden,
        "other hits stay compact");
    assertEquals("Show fewer", more.getText());
    page.screenshot("plusNMoreIsReachedByTabAndRevealsTheRestOfThatHitOnly");

    more.sendKeys(Keys.ENTER);
    page.wait.until(driver -> "false".equals(more.getDomAttribute("aria-expanded")));
    assertEquals(CHIPS_PER_HIT, hit.findElements(By.cssSelector(".hit-tags .chip")).stream().filter(WebElement::isDisplayed).count());
  }
}
