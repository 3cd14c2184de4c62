package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.morgue.curation.Curation;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.Curators;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Renames a curator makes across the archive, on the page, over the seed articles and the shipped wire
 * copies (which come from "Morgue Wire", "The Gazette" and "The Courier"): a source renamed from the
 * reader becomes one value of the Source facet, and a mark of an actor a curator renamed says so where
 * the text names it by its old name. Each test withdraws its rename, so they run in any order.
 */
class CuratorRenamesBrowserTest {
  static final String TOKEN = "curator-renames-token";
  static final String WIRE = "Morgue Wire";
  static final String GAZETTE = "The Gazette";
  static final String GAZETTE_COPY = "kill-claims-gazette";
  static final String WIRE_COPY = "kill-claims-original";
  /** The seed articles' source: their folder's name, which the page shows by a name of its own. */
  static final String SEED = "seed-articles";
  static final String SEED_NAME = "Seed articles (project brief)";
  static final ObjectMapper JSON = new ObjectMapper();

  static PageBrowser page;
  static WebDriver browser;
  static Javalin server;

  @BeforeAll
  static void start() throws IOException {
    PageBrowser.requireChromium();
    Path tmp = Files.createTempDirectory("morgue-curator-renames");
    Path corpus = SeedIndex.corpus(tmp, Map.of(), List.of());
    Path copies = Files.createDirectories(corpus.resolve("wire-copies"));
    Files.copy(Path.of("..", "corpus", "wire-copies", "wire-copies.jsonl"), copies.resolve("wire-copies.jsonl"));
    Curation curation = Curation.open(tmp.resolve("curation"));
    TestEngine.Archive archive = TestEngine.LUCENE.index(tmp, List.of(corpus), CurationApiTest.indexer(curation));
    LiveIndex live = LiveIndex.open(archive.stores(), CurationApiTest.indexer(curation), archive.engine(), curation, Map.of());
    LiveUpdates updates = new LiveUpdates(live, Curators.single(BearerToken.of(TOKEN, "the test")));
    server = MorgueServer.create(archive.engine(), Optional.of(updates), HttpOptions.defaults(), Optional.of(curation));
    page = PageBrowser.serving(server, () -> {
      try (archive; curation; live) {
        // closed in reverse: the live index, then the curation, then the archive
      }
    });
    browser = page.driver;
  }

  @AfterAll
  static void stop() throws IOException {
    if (page != null) {
      page.close();
    }
  }

  @AfterEach
  void screenshot(TestInfo test) throws IOException {
    if (page != null) {
      page.screenshot("renames-" + test.getTestMethod().orElseThrow().getName());
    }
  }

  @Test
  void aCuratorRenamesTheGazetteIntoTheWireFromTheReaderAndTheSourceFacetShowsOneValue() throws Exception {
    signIn();
    // The wire's copy and the Gazette's of one story: two sources until the rename.
    String search = "/?" + "q=" + RunningServer.enc("id:" + WIRE_COPY + " OR id:" + GAZETTE_COPY) + "&group=articles";
    page.open(search + "&article=" + GAZETTE_COPY);
    page.hits();
    assertEquals(Map.of(WIRE, "1", GAZETTE, "1"), sourceFacet());
    page.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#reader .rename-source"))).click();
    WebElement form = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .source-rename-form")));
    WebElement name = form.findElement(By.cssSelector(".source-rename"));
    assertEquals(GAZETTE, name.getDomProperty("value"));
    name.clear();
    name.sendKeys(WIRE);
    form.findElement(By.cssSelector(".correction-reason")).sendKeys("the Gazette prints the <b>wire</b>");
    assertNoAxeViolations("the source rename form");
    form.findElement(By.cssSelector("button[type=submit]")).click();

    // The article, the results and the facet are drawn again: one source, both articles.
    page.wait.until(ExpectedConditions.textToBe(By.cssSelector("#reader .meta .source"), WIRE));
    page.wait.until(driver -> sourceFacet().equals(Map.of(WIRE, "2")));
    assertTrue(page.hits().stream().noneMatch(hit -> hit.getText().contains(GAZETTE)), "no hit is from the Gazette");
    JsonNode change = JSON.readTree(call("GET", "/api/changes?target=" + RunningServer.enc("source:" + GAZETTE), null).body())
        .get("changes").get(0);
    assertEquals("the Gazette prints the <b>wire</b>", change.get("reason").asText());

    // Renaming the wire back into the Gazette would make a circle: refused, in words about the names shown.
    browser.findElement(By.cssSelector("#reader .rename-source")).click();
    WebElement again = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .source-rename-form")));
    WebElement back = again.findElement(By.cssSelector(".source-rename"));
    back.clear();
    back.sendKeys(GAZETTE);
    again.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement refused = page.wait.until(driver -> again.findElements(By.cssSelector("[role=alert]")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
    assertTrue(refused.getText().contains("“" + GAZETTE + "” is already renamed") && refused.getText().contains("withdraw that rename first"),
        refused.getText());
    assertEquals(0, browser.findElements(By.cssSelector("#main b")).size(), "no curator text became markup");

    // The reader says whose name the source shown is, and withdrawing the rename is asked first.
    assertEquals("Source renamed by a curator from “" + GAZETTE + "”",
        browser.findElement(By.cssSelector("#reader .meta .source-renamed")).getText());
    browser.findElement(By.cssSelector("#reader .withdraw-source-rename")).click();
    WebElement confirm = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .source-rename-withdrawal")));
    assertTrue(confirm.getText().contains("Withdraw the rename of “" + GAZETTE + "”?"), confirm.getText());
    assertNoAxeViolations("the withdrawal's confirmation");
    confirm.findElement(By.cssSelector(".correction-reason")).sendKeys("the Gazette has its own desk");
    confirm.findElement(By.cssSelector("button[type=submit]")).click();

    // Withdrawn, the article and the Source facet show the Gazette as a source of its own again.
    page.wait.until(ExpectedConditions.textToBe(By.cssSelector("#reader .meta .source"), GAZETTE));
    page.wait.until(driver -> sourceFacet().equals(Map.of(WIRE, "1", GAZETTE, "1")));
    assertTrue(browser.findElements(By.cssSelector("#reader .source-renamed, #reader .withdraw-source-rename")).isEmpty(),
        "nothing is said of a rename withdrawn");
    assertEquals(404, call("GET", "/api/corrections/sources/" + CurationApiTest.path(GAZETTE), null).statusCode());
    JsonNode withdrawn = JSON.readTree(call("GET", "/api/changes?target=" + RunningServer.enc("source:" + GAZETTE), null).body())
        .get("changes").get(0);
    assertEquals("the Gazette has its own desk", withdrawn.get("reason").asText());
  }

  @Test
  void aSourceThePageNamesItselfGoesByThatOneNameThroughARenameAndItsWithdrawal() throws Exception {
    String path = "/api/corrections/sources/" + CurationApiTest.path(SEED);
    try {
      signIn();
      String search = "/?" + "q=" + RunningServer.enc("id:" + SeedIndex.CRACKDOWN + " OR id:" + SeedIndex.KILL_CLAIMS) + "&group=articles";
      page.open(search + "&article=" + SeedIndex.CRACKDOWN);
      page.hits();
      assertOneName(SEED_NAME);

      // The form offers the name shown; left as it is, nothing is renamed (not the folder into its display name).
      page.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#reader .rename-source"))).click();
      WebElement form = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .source-rename-form")));
      assertEquals("Rename the source “" + SEED_NAME + "”", form.getDomAttribute("aria-label"));
      WebElement name = form.findElement(By.cssSelector(".source-rename"));
      assertEquals(SEED_NAME, name.getDomProperty("value"));
      form.findElement(By.cssSelector("button[type=submit]")).click();
      WebElement nothing = page.wait.until(driver -> form.findElements(By.cssSelector("[role=alert]")).stream()
          .filter(WebElement::isDisplayed).findFirst().orElse(null));
      assertTrue(nothing.getText().contains("Nothing to rename"), nothing.getText());
      assertEquals(404, call("GET", path, null).statusCode(), "no rename made");
      name.clear();
      name.sendKeys("The Project Brief");
      form.findElement(By.cssSelector("button[type=submit]")).click();

      // Renamed, the note says the old name as the page showed it, and so does the withdrawal.
      page.wait.until(ExpectedConditions.textToBe(By.cssSelector("#reader .meta .source"), "The Project Brief"));
      page.wait.until(driver -> sourceFacetNames().equals(Map.of("The Project Brief", "2")));
      assertOneName("The Project Brief");
      assertEquals("Source renamed by a curator from “" + SEED_NAME + "”",
          browser.findElement(By.cssSelector("#reader .meta .source-renamed")).getText());
      browser.findElement(By.cssSelector("#reader .withdraw-source-rename")).click();
      WebElement confirm = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .source-rename-withdrawal")));
      assertTrue(confirm.getText().contains("Withdraw the rename of “" + SEED_NAME + "”? Every article from “" + SEED_NAME
          + "” goes by that name again, not “The Project Brief”"), confirm.getText());
      confirm.findElement(By.cssSelector("button[type=submit]")).click();

      // Withdrawn, the same name as before the rename, everywhere.
      page.wait.until(ExpectedConditions.textToBe(By.cssSelector("#reader .meta .source"), SEED_NAME));
      page.wait.until(driver -> sourceFacetNames().equals(Map.of(SEED_NAME, "2")));
      assertOneName(SEED_NAME);
      assertTrue(browser.findElements(By.cssSelector("#reader .source-renamed")).isEmpty(), "nothing is said of a rename withdrawn");

      // The changes record names the source as the rest of the page does, in its targets and its fields.
      page.open("/?view=changes");
      page.wait.until(ExpectedConditions.textToBe(By.id("desk-title"), "Changes"));
      List<WebElement> rows = page.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#desk tr.change"), 1));
      List<WebElement> seedRows = rows.stream()
          .filter(row -> row.findElement(By.cssSelector(".change-target")).getText().equals("source:" + SEED_NAME)).toList();
      assertEquals(2, seedRows.size(), "the rename and its withdrawal, by the name shown: " + rows.stream().map(row -> row.getText()).toList());
      assertTrue(rows.stream().noneMatch(row -> row.getDomProperty("textContent").contains(SEED)),
          "the stored value is nowhere on the record: " + rows.stream().map(row -> row.getDomProperty("textContent")).toList());
      String withdrawal = seedRows.get(0).findElement(By.cssSelector(".change-details dl")).getDomProperty("textContent");
      assertTrue(withdrawal.contains("source“" + SEED_NAME + "” → (none)"), withdrawal);
    } finally {
      HttpResponse<String> left = call("GET", path, null);
      if (left.statusCode() == 200) {
        call("DELETE", path, null, "If-Match", left.headers().firstValue("ETag").orElseThrow());
      }
    }
  }

  /**
   * The seed articles' source as the Source facet, each result card (under the reader, so read as text
   * content) and the reader name it: {@code name}, one name.
   */
  private static void assertOneName(String name) {
    assertEquals(Map.of(name, "2"), sourceFacetNames());
    page.wait.until(driver -> page.hits().stream().allMatch(hit -> hit.findElement(By.cssSelector(".meta .source")).getDomProperty("textContent").equals(name)));
    assertEquals(name, browser.findElement(By.cssSelector("#reader .meta .source")).getText());
  }

  @Test
  void aReaderWithoutATokenIsToldOfASourceRenameButOfferedNoWithdrawal() throws Exception {
    String path = "/api/corrections/sources/" + CurationApiTest.path(GAZETTE);
    HttpResponse<String> put = call("PUT", path, "{\"renameTo\": \"" + WIRE + "\"}");
    assertEquals(201, put.statusCode(), put.body());
    try {
      assertEquals(GAZETTE, JSON.readTree(call("GET", "/api/articles/" + GAZETTE_COPY, null).body()).get("sourceRenamedFrom").asText());
      assertTrue(JSON.readTree(call("GET", "/api/articles/" + WIRE_COPY, null).body()).get("sourceRenamedFrom").isNull(),
          "the wire's own copy was not renamed");
      signOut();
      page.open("/?article=" + GAZETTE_COPY);
      page.wait.until(ExpectedConditions.textToBe(By.cssSelector("#reader .meta .source"), WIRE));
      assertEquals("Source renamed by a curator from “" + GAZETTE + "”",
          browser.findElement(By.cssSelector("#reader .meta .source-renamed")).getText());
      assertTrue(browser.findElements(By.cssSelector("#reader .withdraw-source-rename")).isEmpty(), "no control that writes");
    } finally {
      assertEquals(204, call("DELETE", path, null, "If-Match", "\"v1\"").statusCode());
    }
  }

  @Test
  void aCuratorWithdrawsAnActorsRenameFromTheReaderAndItsTypeStays() throws Exception {
    JsonNode actors = JSON.readTree(call("GET", "/api/articles/" + SeedIndex.CRACKDOWN, null).body()).get("actors");
    String actor = actors.get(0).get("name").asText();
    String renamed = actor + " (as the desk has it)";
    String path = "/api/corrections/actors/" + CurationApiTest.path(actor);
    HttpResponse<String> put = call("PUT", path, "{\"renameTo\": \"" + renamed + "\", \"type\": \"group\"}");
    assertEquals(201, put.statusCode(), put.body());
    try {
      signIn();
      page.open("/?article=" + SeedIndex.CRACKDOWN);
      WebElement withdraw = page.wait.until(ExpectedConditions.elementToBeClickable(
          By.cssSelector("#reader .actor-list button[aria-label='Withdraw rename of “" + actor + "” into “" + renamed + "”']")));
      assertEquals("renamed by a curator from “" + actor + "” Withdraw rename",
          withdraw.findElement(By.xpath("..")).getText());
      withdraw.click();
      WebElement confirm = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .actor-rename-withdrawal")));
      assertTrue(confirm.getText().contains("Withdraw the rename of “" + actor + "” into “" + renamed + "”?"), confirm.getText());
      confirm.findElement(By.cssSelector("button[type=submit]")).click();

      // Reloaded, the list names the actor as the text does, and nothing says it was renamed.
      page.wait.until(driver -> driver.findElements(By.cssSelector("#reader .actor-list .summary-name")).stream()
          .anyMatch(name -> name.getText().equals(actor)));
      assertTrue(browser.findElements(By.cssSelector("#reader .actor-renamed")).isEmpty(), "nothing is said of a rename withdrawn");
      JsonNode correction = JSON.readTree(call("GET", path, null).body()).get("correction");
      assertTrue(correction.get("renameTo").isNull(), correction.toString());
      assertEquals("group", correction.get("type").asText(), "the type the same correction gave stays");
    } finally {
      HttpResponse<String> current = call("GET", path, null);
      String version = "\"v" + JSON.readTree(current.body()).get("correction").get("version").asText() + "\"";
      assertEquals(204, call("DELETE", path, null, "If-Match", version).statusCode());
    }
  }

  @Test
  void aMarkOfAnActorACuratorRenamedSaysSoWhereTheTextNamesItByItsOldName() throws Exception {
    // An actor the crackdown article names by its name, renamed across the archive over the API.
    JsonNode actors = JSON.readTree(call("GET", "/api/articles/" + SeedIndex.CRACKDOWN, null).body()).get("actors");
    String actor = null;
    String other = null;
    for (JsonNode candidate : actors) {
      boolean namedSo = candidate.get("mentions").get(0).get("text").asText().equals(candidate.get("name").asText());
      if (namedSo && actor == null) {
        actor = candidate.get("name").asText();
      } else if (namedSo && other == null) {
        other = candidate.get("name").asText();
      }
    }
    assertTrue(actor != null && other != null, actors.toString());
    String renamed = actor + " (as the desk has it)";
    String path = "/api/corrections/actors/" + CurationApiTest.path(actor);
    HttpResponse<String> put = call("PUT", path, "{\"renameTo\": \"" + renamed + "\", \"reason\": \"house style\"}");
    assertEquals(201, put.statusCode(), put.body());
    try {
      JsonNode answer = JSON.readTree(call("GET", "/api/articles/" + SeedIndex.CRACKDOWN, null).body()).get("actors");
      Map<String, String> renamedFrom = new LinkedHashMap<>();
      answer.forEach(a -> renamedFrom.put(a.get("name").asText(), a.get("renamedFrom").toString()));
      assertEquals("[\"" + actor + "\"]", renamedFrom.get(renamed), renamedFrom.toString());
      assertEquals("[]", renamedFrom.get(other), "not renamed: " + renamedFrom);

      // Read by anyone, signed in or not: the mark shows the new name and says which the text uses.
      signOut();
      page.open("/?article=" + SeedIndex.CRACKDOWN);
      assertEquals("Renamed by a curator from “" + actor + "”", markDetails(renamed).get("Name"));
      assertFalse(markDetails(other).containsKey("Name"), "an actor no curator renamed says nothing of it");
    } finally {
      assertEquals(204, call("DELETE", path, null, "If-Match", "\"v1\"").statusCode());
    }
  }

  /** Opens the first mark of the actor named {@code name} and reads its details' facts, label to value. */
  private static Map<String, String> markDetails(String name) {
    WebElement mark = page.wait.until(driver -> driver.findElements(By.cssSelector("#reader .article-body mark.actor")).stream()
        .filter(m -> m.getDomAttribute("title").startsWith(name + " (")).findFirst().orElse(null));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", mark);
    mark.click();
    WebElement details = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .mark-details")));
    page.wait.until(ExpectedConditions.textToBePresentInElement(details.findElement(By.cssSelector(".mark-details-heading")), name));
    List<WebElement> terms = details.findElements(By.cssSelector("dt"));
    List<WebElement> values = details.findElements(By.cssSelector("dd"));
    Map<String, String> facts = new LinkedHashMap<>();
    for (int i = 0; i < terms.size(); i++) {
      facts.put(terms.get(i).getText(), values.get(i).getText());
    }
    details.findElement(By.cssSelector(".mark-details-close")).click();
    return facts;
  }

  /** The Source facet as drawn (beside the reader on a wide screen, or under it): each value and its count. */
  private static Map<String, String> sourceFacet() {
    Map<String, String> values = new LinkedHashMap<>();
    for (WebElement box : browser.findElements(By.cssSelector("#facets input[data-facet=source]"))) {
      values.put(box.getDomAttribute("data-value"),
          box.findElement(By.xpath("following-sibling::span[@class='count']")).getDomProperty("textContent"));
    }
    return values;
  }

  /** The Source facet as the page names its values: each name shown and its count. */
  private static Map<String, String> sourceFacetNames() {
    Map<String, String> values = new LinkedHashMap<>();
    for (WebElement box : browser.findElements(By.cssSelector("#facets input[data-facet=source]"))) {
      values.put(box.findElement(By.xpath("following-sibling::span[@class='facet-name']")).getDomProperty("textContent"),
          box.findElement(By.xpath("following-sibling::span[@class='count']")).getDomProperty("textContent"));
    }
    return values;
  }

  private static HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
    return RunningServer.curatorCall(server.port(), method, path, body, TOKEN, headers);
  }

  private static void assertNoAxeViolations(String where) {
    List<AxeCheck.Violation> violations = AxeCheck.violations(browser);
    assertTrue(violations.isEmpty(), AxeCheck.report(where, violations));
  }

  /** Signs in through the page's Curator control, as a person would. */
  private static void signIn() {
    signOut();
    page.open("/?view=collections");
    page.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#curator .curator-toggle"))).click();
    page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("curator-token"))).sendKeys(TOKEN);
    browser.findElement(By.cssSelector("#curator-form button[type=submit]")).click();
    page.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("curator"), "Signed in as "));
  }

  private static void signOut() {
    page.open("/?view=collections");
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
  }
}
