package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails after its article's story was decided (here the index folder is away when it
 * commits) leaves no story behind (a user's trial): the story desk remembered the lost article until
 * the next commit, so the next copy of its text was filed in the lost article's story, and
 * {@code GET /api/stories/phantom-src} answered 200 with that copy as its only version.
 */
class FailedWriteLeavesNoStoryTest {
  static final String ANA = "ana-no-phantom-token-51c7";
  static final String BODY = "The harbour authority announced new tariffs on Tuesday for all container ships.";

  @TempDir Path tmp;
  CuratedCopiesServer server;

  @BeforeEach
  void start() throws Exception {
    server = CuratedCopiesServer.start(tmp, "ana", ANA);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void aCopyOfAnArticleWhoseWriteFailedStartsItsOwnStory() throws Exception {
    Path index = tmp.resolve("index");
    Path away = tmp.resolve("index-away");
    Files.move(index, away);
    Files.writeString(index, "not an index");
    HttpResponse<String> failed = post("phantom-src");
    assertEquals(503, failed.statusCode(), failed.body());
    Files.delete(index);
    Files.move(away, index);

    HttpResponse<String> posted = post("real-copy");
    assertEquals(201, posted.statusCode(), posted.body());
    assertEquals(404, get("/api/stories/phantom-src").statusCode(), "no story is named by an article never written");
    JsonNode story = json(get("/api/stories/real-copy"));
    assertEquals(1, story.get("versionCount").asInt(), story.toString());
    assertEquals("real-copy", story.get("versions").get(0).get("id").asText());
    assertEquals(404, get("/api/articles/phantom-src").statusCode());

    // And the lost article, sent again, is the copy it is: a version of real-copy's story.
    assertEquals(201, post("phantom-src").statusCode());
    assertEquals(2, json(get("/api/stories/real-copy")).get("versionCount").asInt());
  }

  private HttpResponse<String> post(String id) throws Exception {
    String article = LiveUpdatesTest.JSON.createObjectNode().put("id", id).put("body", BODY).toString();
    return RunningServer.curatorCall(server.port(), "POST", "/api/articles", article, ANA);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return RunningServer.curatorCall(server.port(), "GET", path, null, null);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return LiveUpdatesTest.JSON.readTree(response.body());
  }
}
