package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.morgue.curation.Curation;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.Curators;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A story's record on the page, over the wire-copies fixture (indexed on one thread): once a curator
 * picks the corrected re-issue of the crackdown story, the reader and the hit's versions list it first,
 * marked "the record, picked by a curator" instead of "first published". Screenshots land in
 * server/target/screenshots as story-record-*.png.
 */
class StoryRecordBrowserTest {
  static final String TOKEN = "story-record-page-token";

  static PageBrowser page;

  @BeforeAll
  static void start() throws Exception {
    PageBrowser.requireChromium();
    Path tmp = Files.createTempDirectory("morgue-story-record-page");
    Curation curation = Curation.open(tmp.resolve("curation"));
    TestEngine.Archive archive = TestEngine.LUCENE.index(tmp, List.of(StoriesApiTest.COPIES),
        CurationApiTest.indexer(curation));
    LiveIndex live = LiveIndex.open(archive.stores(), CurationApiTest.indexer(curation), archive.engine(), curation,
        Map.of());
    LiveUpdates updates = new LiveUpdates(live, Curators.single(BearerToken.of(TOKEN, "the test")));
    Javalin server = MorgueServer.create(archive.engine(), Optional.of(updates), HttpOptions.defaults(),
        Optional.of(curation));
    page = PageBrowser.serving(server, () -> {
      try (archive; curation; live) {
        // closed in reverse: the live index, then the curation, then the archive
      }
    });
    HttpResponse<String> picked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(page.url("/api/stories/crackdown-original/record")))
        .header("Authorization", "Bearer " + TOKEN)
        .PUT(HttpRequest.BodyPublishers.ofString("{\"articleId\": \"crackdown-corrected\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(201, picked.statusCode(), picked.body());
  }

  @AfterAll
  static void stop() throws IOException {
    if (page != null) {
      page.screenshot("story-record-reader");
      page.close();
    }
  }

  @Test
  void theReaderListsTheCuratorsRecordFirstAndSaysWhoPickedIt() {
    page.open("/?article=crackdown-courier");
    WebElement versions = page.wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reader .story-versions")));
    List<WebElement> items = versions.findElements(By.cssSelector(".version"));
    assertEquals(3, items.size());
    assertEquals(List.of("crackdown-corrected", "crackdown-original"),
        StoryVersionsBrowserTest.ids(versions.findElements(By.cssSelector(".version-link"))), "the record first");
    assertTrue(items.get(0).getText().contains("the record, picked by a curator"), items.get(0).getText());
    assertFalse(versions.getText().contains("first published"), versions.getText());
  }
}
