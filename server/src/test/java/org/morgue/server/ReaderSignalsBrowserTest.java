package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The reader's signals explained where they are shown: a legend drawn with the marks' own styles,
 * marks that open their meaning by keyboard and touch, and the key above the article on a phone.
 * Screenshots land in server/target/screenshots as reader-signals-*.png.
 */
class ReaderSignalsBrowserTest {
  static final List<String> ACTOR_TYPES = List.of("person", "organisation", "place", "government", "group");
  static final Dimension DESKTOP = PageBrowser.DESKTOP;
  static final Dimension PHONE = PageBrowser.PHONE;

  @TempDir static Path tmp;
  static PageBrowser page;

  @BeforeAll
  static void start() throws IOException {
    page = PageBrowser.start(SeedIndex.build(tmp, Map.of()));
  }

  @AfterAll
  static void stop() throws IOException {
    if (page != null) {
      page.close();
    }
  }

  @AfterEach
  void backToDesktop() {
    if (page != null) {
      page.driver.manage().window().setSize(DESKTOP);
    }
  }

  /** Opens the kill-claims seed article from its search and waits for its marks. */
  static WebElement openKillClaims() {
    page.open("/?q=%22signal+flare%22");
    page.hits().get(0).findElement(By.cssSelector(".hit-title")).click();
    WebElement reader = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reader")));
    page.wait.until(ExpectedConditions.textToBePresentInElement(reader, "US Military Kill Claims Raise the Stakes"));
    page.wait.until(driver -> !driver.findElements(By.cssSelector("#reader .article-body [data-mark]")).isEmpty());
    return reader;
  }

  @Test
  void theLegendShowsEachActorTypeAndCueInTheStyleItsMarksHave() throws IOException {
    WebElement reader = openKillClaims();
    Set<String> swatchColours = new HashSet<>();
    int typesInText = 0;
    for (String type : ACTOR_TYPES) {
      WebElement swatch = reader.findElement(By.cssSelector(".legend .swatch.actor-" + type));
      assertEquals(type, swatch.getText());
      String colour = swatch.getCssValue("background-color");
      swatchColours.add(colour);
      List<WebElement> marks = reader.findElements(By.cssSelector(".article-body .actor-" + type));
      if (!marks.isEmpty()) {
        typesInText++;
        assertEquals(colour, marks.get(0).getCssValue("background-color"), type + " marks have the legend's colour");
        assertEquals(swatch.getCssValue("box-shadow"), marks.get(0).getCssValue("box-shadow"));
      }
    }
    assertEquals(ACTOR_TYPES.size(), swatchColours.size(), "each actor type has its own colour: " + swatchColours);
    assertTrue(typesInText >= 2, "the article marks actors of several types");
    for (String kind : List.of("hedge", "booster", "attribution")) {
      WebElement swatch = reader.findElement(By.cssSelector(".legend .swatch.cue-" + kind));
      List<WebElement> marks = reader.findElements(By.cssSelector(".article-body .cue-" + kind));
      assertTrue(!marks.isEmpty() || !"hedge".equals(kind), "the article has hedge marks");
      if (marks.isEmpty()) {
        continue;
      }
      WebElement mark = marks.get(0);
      for (String property : List.of("text-decoration-style", "text-decoration-color", "background-color", "font-weight")) {
        assertEquals(mark.getCssValue(property), swatch.getCssValue(property), kind + " " + property);
      }
    }
    page.screenshot("reader-signals-legend-desktop");
    page.driver.manage().window().setSize(PHONE);
    ((JavascriptExecutor) page.driver).executeScript("window.scrollTo(0, 0)");
    page.screenshot("reader-signals-legend-phone");
  }

  @Test
  void hedgeMarksAreADottedUnderlineOnATintNotASpellCheckWave() {
    WebElement hedge = openKillClaims().findElement(By.cssSelector(".article-body .cue-hedge"));
    assertEquals("dotted", hedge.getCssValue("text-decoration-style"));
    assertNotEquals("rgba(0, 0, 0, 0)", hedge.getCssValue("background-color"), "a hedge has a tinted background");
  }

  @Test
  void aMarkOpensWhatItIsByKeyboardAndEscapeClosesItWithoutLeavingTheArticle() throws IOException {
    WebElement reader = openKillClaims();
    WebElement hedge = reader.findElements(By.cssSelector(".article-body .cue-hedge")).stream()
        .filter(mark -> mark.getText().equalsIgnoreCase("may")).findFirst().orElseThrow();
    assertTrue(hedge.getDomAttribute("tabindex") != null, "marks take the focus (the text's one stop moves among them)");
    assertEquals("button", hedge.getDomAttribute("role"));
    assertEquals("mark-details", hedge.getDomAttribute("aria-controls"));
    ((JavascriptExecutor) page.driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", hedge);
    hedge.sendKeys(Keys.ENTER);

    WebElement details = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mark-details")));
    assertEquals("true", hedge.getDomAttribute("aria-expanded"));
    String text = details.getText();
    assertTrue(text.contains("Hedge") && text.contains("may") && text.contains("Category")
        && text.contains("Whose words"), text);
    page.screenshot("reader-signals-details-desktop");

    page.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("mark-details")));
    assertEquals("false", hedge.getDomAttribute("aria-expanded"));
    assertEquals(hedge, page.driver.switchTo().activeElement(), "focus returns to the mark");
    assertTrue(reader.isDisplayed(), "the first Escape closes only the details, not the reader");
  }

  @Test
  void aHedgeInAPullQuoteSaysItIsTheArticlesOwnWordsRepeatedNotAQuotedSpeakers() {
    // A journalist's trial: "thinks" in a pull quote said "the quoted speaker's", and the article has no speaker there.
    WebElement reader = openKillClaims();
    WebElement thinks = reader.findElements(By.cssSelector(".article-body blockquote .cue-hedge")).stream()
        .filter(mark -> mark.getText().equals("thinks")).findFirst().orElseThrow();
    assertTrue(thinks.getDomAttribute("title").endsWith("(in a pull quote: the article's own words)"), thinks.getDomAttribute("title"));
    ((JavascriptExecutor) page.driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", thinks);
    thinks.sendKeys(Keys.ENTER);
    WebElement details = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mark-details")));
    page.wait.until(ExpectedConditions.textToBePresentInElement(details, "thinks"));
    assertTrue(details.getText().contains("Set as a pull quote: the article's own words, repeated"), details.getText());
    assertFalse(details.getText().contains("speaker"), details.getText());
    page.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
  }

  @Test
  void theActorsListSaysWhereEachIsNamedSoItsOrderByWeightReads() {
    // Ordered by salience, the list showed bare mention counts: "1 mention" above "4 mentions" read as wrong.
    WebElement reader = openKillClaims();
    WebElement section = reader.findElement(By.cssSelector(".actor-list")).findElement(By.xpath(".."));
    assertTrue(section.getText().contains("Most central first: a mention counts three times in the headline, twice in the lede"),
        section.getText());
    Map<String, String> figures = new java.util.LinkedHashMap<>();
    for (WebElement item : reader.findElements(By.cssSelector(".actor-list li"))) {
      figures.put(item.findElement(By.cssSelector(".summary-name")).getText(), item.findElement(By.cssSelector(".summary-figure")).getText());
    }
    assertEquals("9 mentions: 1 in the headline, 1 in the lede", figures.get("United States"), figures.toString());
    assertEquals("7 mentions: 1 in the lede", figures.get("Tren de Aragua"), figures.toString());
    assertEquals("1 mention, in the lede", figures.get("Latin America"), figures.toString());
    assertEquals("1 mention", figures.get("Venezuela"), figures.toString());
  }

  @Test
  void tappingAnActorOnAPhoneShowsItsNameTypeAndRole() throws IOException {
    page.driver.manage().window().setSize(PHONE);
    WebElement reader = openKillClaims();
    WebElement actor = reader.findElement(By.cssSelector(".article-body .actor"));
    ((JavascriptExecutor) page.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", actor);
    actor.click();
    WebElement details = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mark-details")));
    String text = details.getText();
    assertTrue(text.contains("Actor") && text.contains("Type"), text);
    String title = actor.getDomAttribute("title");
    assertTrue(title.startsWith(text.lines().filter(line -> !line.equals("Close")).findFirst().orElseThrow()),
        "the details are headed by the actor's name: " + text + " / " + title);
    int right = details.getRect().getX() + details.getRect().getWidth();
    assertTrue(right <= PHONE.getWidth(), "the details fit on the phone's screen: right edge at " + right);
    page.screenshot("reader-signals-details-phone");

    reader.findElement(By.cssSelector(".article-header h2")).click();
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("mark-details")));
  }

  @Test
  void onAPhoneTheLegendAndHedgingScaleComeBeforeTheArticleText() throws IOException {
    page.driver.manage().window().setSize(PHONE);
    WebElement reader = openKillClaims();
    int bodyTop = reader.findElement(By.cssSelector(".article-body")).getLocation().getY();
    WebElement legend = reader.findElement(By.cssSelector(".legend"));
    WebElement scale = reader.findElement(By.cssSelector(".hedging-scale"));
    assertTrue(legend.isDisplayed() && scale.isDisplayed());
    assertTrue(scale.getText().contains("The marks are automatic"), "the scale says how far to trust the marks: " + scale.getText());
    assertTrue(legend.getLocation().getY() < bodyTop, "legend above the article text");
    assertTrue(scale.getLocation().getY() < bodyTop, "hedging scale above the article text");
    assertTrue(legend.getLocation().getY() < PHONE.getHeight(), "the legend starts on the first screen");
    ((JavascriptExecutor) page.driver).executeScript("window.scrollTo(0, 0)");
    page.screenshot("reader-signals-key-phone");
  }

  @Test
  void hidingAHighlightTakesItsMarksOutOfTheTabOrder() {
    WebElement reader = openKillClaims();
    WebElement actors = reader.findElement(By.cssSelector(".legend input[data-mark-type=actor]"));
    actors.click();
    assertFalse(actors.isSelected());
    assertTrue(reader.findElements(By.cssSelector(".article-body .actor")).stream()
        .allMatch(mark -> "-1".equals(mark.getDomAttribute("tabindex"))));
    assertTrue(reader.findElements(By.cssSelector(".article-body [data-mark][tabindex='0']")).stream()
        .noneMatch(mark -> mark.getDomAttribute("class").contains("actor")), "the text's one stop is not an actor");
    actors.click();
    assertEquals(1, reader.findElements(By.cssSelector(".article-body [data-mark][tabindex='0']")).size(),
        "the text is still one stop");
  }

  @Test
  void themesShowTheirStrengthInWordsAndABarWithTheirEvidenceNeverARawScore() throws IOException {
    WebElement reader = openKillClaims();
    List<WebElement> themes = reader.findElements(By.cssSelector(".theme-row"));
    ((org.openqa.selenium.JavascriptExecutor) page.driver).executeScript("arguments[0].scrollIntoView()", themes.get(0));
    page.screenshot("themesShowTheirStrengthInWordsAndABarWithTheirEvidenceNeverARawScore");

    assertFalse(themes.isEmpty());
    assertEquals("strong", themes.get(0).getDomAttribute("data-strength"));
    for (WebElement theme : themes) {
      String text = theme.getDomProperty("textContent");
      assertFalse(text.matches("(?s).*(score|\\d\\.\\d).*"), "a raw score is shown: " + text);
      assertTrue(List.of("strong", "moderate", "slight").contains(theme.getDomAttribute("data-strength")), text);
      assertTrue(text.contains(theme.getDomAttribute("data-strength")), text);
      assertTrue(text.contains("Evidence: "), text);
      assertEquals("true", theme.findElement(By.cssSelector(".strength-bar")).getDomAttribute("aria-hidden"));
    }
  }
}
