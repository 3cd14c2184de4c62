package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A story's versions of one day in the order they were filed, on each engine: a real Reuters take
 * filed at 15:18 and the desk's correction of it at 18:10 (test resources wire-times: the correction
 * is read first and has the id that sorts first), so only the time of day can make the take the
 * story's first published version. Until the time was kept, the correction was "first published".
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class StoryTimesApiTest {
  static final Path TAKES = Path.of("src", "test", "resources", "wire-times");

  static RunningServer server;

  @Parameter TestEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(TestEngine engine) throws Exception {
    Path tmp = Files.createTempDirectory("morgue-story-times");
    server = RunningServer.on(engine.index(tmp, List.of(TAKES), StoriesApiTest.oneThread()));
  }

  @AfterParameterizedClassInvocation
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void theTakeFiledFirstThatDayIsFirstPublishedWhateverItsIdOrReadingOrder() throws Exception {
    JsonNode story = server.getJson("/api/articles/reuters-1", 200).get("story");

    // The story is named after the version received first, as ever; its record is the earliest filed.
    assertEquals("reuters-1", story.get("id").asText());
    assertEquals("earliest", story.get("record").asText());
    assertEquals(List.of("reuters-10", "reuters-1"), StoriesApiTest.ids(story.get("versions"), "id"));
    assertEquals(List.of("15:18:06", "18:10:00"), StoriesApiTest.ids(story.get("versions"), "publishedTime"));
    assertTrue(story.get("versions").get(0).get("representative").asBoolean());

    JsonNode byId = server.getJson("/api/stories/reuters-1", 200);
    assertEquals(List.of("reuters-10", "reuters-1"), StoriesApiTest.ids(byId.get("versions"), "id"));
  }

  @Test
  void theArticleAndItsHitSayTheTimeBesideTheDate() throws Exception {
    JsonNode take = server.getJson("/api/articles/reuters-10", 200);
    assertEquals("1987-02-26", take.get("published").asText());
    assertEquals("15:18:06", take.get("publishedTime").asText());

    JsonNode hits = server.getJson("/api/search?q=Sedio&group=articles&sort=oldest", 200).get("hits");
    assertEquals(2, hits.size());
    for (JsonNode hit : hits) {
      assertEquals(hit.get("id").asText().equals("reuters-10") ? "15:18:06" : "18:10:00",
          hit.get("publishedTime").asText(), hit.get("id").asText());
    }
  }

  @Test
  void newestAndOldestOrderOneDaysArticlesByTheClock() throws Exception {
    // By id, reuters-1 (the 18:10 correction) would come first either way.
    assertEquals(List.of("reuters-10", "reuters-1"), StoriesApiTest.ids(
        server.getJson("/api/search?q=Sedio&group=articles&sort=oldest", 200).get("hits"), "id"));
    assertEquals(List.of("reuters-1", "reuters-10"), StoriesApiTest.ids(
        server.getJson("/api/search?q=Sedio&group=articles&sort=newest", 200).get("hits"), "id"));
    // One per page, the cursor carries the key of the day and time.
    JsonNode first = server.getJson("/api/search?q=Sedio&group=articles&sort=newest&size=1", 200);
    JsonNode second = server.getJson("/api/search?q=Sedio&group=articles&sort=newest&size=1&cursor="
        + java.net.URLEncoder.encode(first.get("nextCursor").asText(), java.nio.charset.StandardCharsets.UTF_8), 200);
    assertEquals(List.of("reuters-1", "reuters-10"),
        List.of(first.get("hits").get(0).get("id").asText(), second.get("hits").get(0).get("id").asText()));
  }

  @Test
  void aComparisonSaysBothTimes() throws Exception {
    JsonNode diff = server.getJson("/api/articles/reuters-10/diff?with=reuters-1", 200);

    assertTrue(diff.get("sameStory").asBoolean());
    assertEquals("15:18:06", diff.get("from").get("publishedTime").asText());
    assertEquals("18:10:00", diff.get("to").get("publishedTime").asText());
  }
}
