package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Over the corpus Morgue ships, where long State of the Union addresses dominate every count: facet
 * values ranked by how characteristic they are of the results, and "Did you mean" for a misspelling.
 */
class StoryFacetsBrowserTest extends ShippedCorpusPageTest {

  @AfterEach
  void screenshot(TestInfo test) throws IOException {
    if (page != null) {
      page.screenshot(test.getTestMethod().orElseThrow().getName());
    }
  }

  static List<String> actorValues() {
    return page.driver.findElements(By.cssSelector("#facets input[type=checkbox][data-facet=actor]")).stream()
        .map(box -> box.getDomAttribute("data-value")).toList();
  }

  @Test
  void choosingMostCharacteristicRanksTheActorsOfTheResultsAndStaysInTheUrl() {
    page.open("/?q=Venezuela");
    page.hits();
    page.wait.until(driver -> !actorValues().isEmpty() && actorValues().get(0).equals("United States"));

    page.driver.findElement(By.cssSelector("#facet-order input[value=significance]")).click();
    page.wait.until(ExpectedConditions.urlContains("facetOrder=significance"));
    page.wait.until(driver -> actorValues().size() >= 4
        && actorValues().subList(0, 4).equals(List.of("Venezuela", "Tren de Aragua", "Argentina", "Donald Trump")));
    // Counts stay shown, and Venezuela's is every article the search for it finds: the ones that name
    // only "the Government of Venezuela" count too (a journalist's trial had 48 against 50).
    WebElement venezuela = page.driver.findElement(By.cssSelector("#facets input[data-facet=actor][data-value=Venezuela]"))
        .findElement(By.xpath("./ancestor::label")).findElement(By.className("count"));
    String total = page.driver.findElement(By.id("summary")).getText().split(" ")[0];
    assertEquals(total, venezuela.getText(), "Venezuela's count is the result count");

    page.open("/?q=Venezuela&facetOrder=significance");
    page.wait.until(driver -> !actorValues().isEmpty() && actorValues().get(0).equals("Venezuela"));
    assertTrue(page.driver.findElement(By.cssSelector("#facet-order input[value=significance]")).isSelected());

    page.driver.findElement(By.cssSelector("#facet-order input[value=count]")).click();
    page.wait.until(driver -> !actorValues().isEmpty() && actorValues().get(0).equals("United States"));
    assertEquals(-1, page.driver.getCurrentUrl().indexOf("facetOrder"));
  }

  /**
   * A journalist's trial: ticking "organisation" left the United States, Congress and Europe at the
   * top of the actors, as every address that names an organisation names them too. The actors are
   * now those of the ticked type; unticking brings the others back.
   */
  @Test
  void tickingAnActorTypeListsTheActorsOfThatType() {
    page.open("/?q=war");
    page.hits();
    page.wait.until(driver -> !actorValues().isEmpty() && actorValues().get(0).equals("United States"));

    page.facetCheckbox("actorType", "organisation").click();
    page.wait.until(ExpectedConditions.urlContains("actorType=organisation"));
    page.wait.until(driver -> !actorValues().isEmpty() && actorValues().get(0).equals("United Nations"));
    page.answerDrawn();
    List<String> organisations = actorValues();
    assertTrue(organisations.containsAll(List.of("United Nations", "NATO")), organisations.toString());
    assertTrue(organisations.stream().noneMatch(List.of("United States", "U.S. Congress", "Europe")::contains),
        organisations.toString());
    // The chart of the results' top actors says it holds organisations, and holds them.
    assertEquals("Organisations", page.driver.findElement(By.id("top-actors-heading")).getText());
    assertEquals("United Nations", page.driver.findElement(By.cssSelector("#top-actors .top-row")).getDomAttribute("data-value"));

    page.facetCheckbox("actorType", "organisation").click();
    page.wait.until(driver -> !actorValues().isEmpty() && actorValues().get(0).equals("United States"));
    page.answerDrawn();
    assertEquals("Actors", page.driver.findElement(By.id("top-actors-heading")).getText());
  }

  @Test
  void aMisspelledQueryOffersDidYouMeanAsALinkThatSearchesTheCorrection() {
    page.open("/?q=Venezeula");
    WebElement offer = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("did-you-mean")));
    assertEquals("Did you mean Venezuela?", offer.getText());
    WebElement link = offer.findElement(By.tagName("a"));
    assertEquals("Venezuela", link.getText());

    link.click();
    page.wait.until(ExpectedConditions.urlContains("q=Venezuela"));
    page.hits();
    page.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("did-you-mean")));
    assertEquals("Venezuela", page.driver.findElement(By.id("q")).getDomProperty("value"));
  }
}
