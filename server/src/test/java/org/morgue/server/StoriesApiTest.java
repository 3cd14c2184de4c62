package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.RunningServer.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;

/**
 * Stories over HTTP, on each engine, over the wire-copies fixture (corpus/wire-copies: four stories
 * in eight articles): search lists one hit per story unless {@code group=articles}, every hit and
 * the article view carry the whole story, two versions compare sentence by sentence, and exports and
 * the feed take the same switch.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class StoriesApiTest {
  static final Path COPIES = Path.of("..", "corpus", "wire-copies");
  /** The fixture's stories, each story's versions earliest first (its README). */
  static final Map<String, List<String>> STORIES = Map.of(
      "crackdown-original", List.of("crackdown-original", "crackdown-courier", "crackdown-corrected"),
      "kill-claims-original", List.of("kill-claims-original", "kill-claims-gazette"),
      "reuters-1-original", List.of("reuters-1-original", "reuters-1-reissue"),
      "reuters-2", List.of("reuters-2"));
  static final int ARTICLES = 8;
  /**
   * A story's id is the id of its first version received; on one thread the fixture is received in
   * file order, each story's original first, so the ids are the ones above on every run.
   */
  static ArchiveIndexer oneThread() {
    return new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard(), ArchiveIndexer.COMMIT_EVERY, 1);
  }

  static RunningServer server;

  @Parameter TestEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(TestEngine engine) throws Exception {
    Path tmp = Files.createTempDirectory("morgue-stories");
    server = RunningServer.on(engine.index(tmp, List.of(COPIES), oneThread()));
  }

  @AfterParameterizedClassInvocation
  static void stop() throws Exception {
    server.close();
  }

  /** The story id each article of the fixture belongs to. */
  static String storyOf(String articleId) {
    return STORIES.entrySet().stream().filter(story -> story.getValue().contains(articleId)).findFirst()
        .orElseThrow().getKey();
  }

  static List<String> ids(JsonNode array, String field) {
    List<String> ids = new ArrayList<>();
    array.forEach(item -> ids.add(field.isEmpty() ? item.asText() : item.get(field).asText()));
    return ids;
  }

  @Test
  void searchListsOneHitPerStoryByDefaultAndCountsArticlesAndStories() throws Exception {
    JsonNode page = server.getJson("/api/search?size=100&sort=oldest", 200);

    assertEquals("stories", page.get("group").asText());
    assertEquals("articles", page.get("counted").asText());
    assertEquals(ARTICLES, page.get("total").asInt(), "total counts articles");
    assertEquals(STORIES.size(), page.get("stories").asInt());
    JsonNode hits = page.get("hits");
    List<String> storyIds = new ArrayList<>();
    hits.forEach(hit -> storyIds.add(hit.get("story").get("id").asText()));
    assertEquals(STORIES.keySet(), new HashSet<>(storyIds), "every story once: " + storyIds);
    assertEquals(STORIES.size(), storyIds.size(), "no story twice: " + storyIds);
    for (JsonNode hit : hits) {
      // Oldest first, a story's first match is its earliest version: the representative.
      assertEquals(hit.get("story").get("id").asText(), hit.get("id").asText());
      assertStory(hit.get("story"));
    }
    int sourceTotal = 0;
    for (JsonNode count : page.get("facets").get("source")) {
      sourceTotal += count.get("count").asInt();
    }
    assertEquals(ARTICLES, sourceTotal, "facets count articles, not stories");
  }

  @Test
  void groupArticlesListsEveryVersionEachWithItsWholeStory() throws Exception {
    JsonNode page = server.getJson("/api/search?size=100&group=articles", 200);

    assertEquals("articles", page.get("group").asText());
    assertEquals(ARTICLES, page.get("total").asInt());
    assertEquals(STORIES.size(), page.get("stories").asInt(), "stories are counted either way");
    assertEquals(ARTICLES, page.get("hits").size());
    Set<String> seen = new HashSet<>();
    for (JsonNode hit : page.get("hits")) {
      seen.add(hit.get("id").asText());
      assertEquals(storyOf(hit.get("id").asText()), hit.get("story").get("id").asText(), hit.get("id").asText());
      assertStory(hit.get("story"));
    }
    assertEquals(ARTICLES, seen.size());
  }

  @Test
  void aStoryIsListedOnceAcrossPagesAndSizeCountsStories() throws Exception {
    List<String> stories = new ArrayList<>();
    String query = "/api/search?size=1&sort=newest";
    for (int page = 0; page < 10; page++) {
      JsonNode answer = server.getJson(query, 200);
      assertTrue(answer.get("hits").size() <= 1);
      answer.get("hits").forEach(hit -> stories.add(hit.get("story").get("id").asText()));
      if (answer.get("nextCursor").isNull()) {
        break;
      }
      query = "/api/search?size=1&sort=newest&cursor=" + RunningServer.enc(answer.get("nextCursor").asText());
    }
    assertEquals(STORIES.size(), stories.size(), "one page per story: " + stories);
    assertEquals(STORIES.keySet(), new LinkedHashSet<>(stories));

    // A page of stories ends elsewhere than a page of articles: its cursor used with the other
    // grouping skipped articles for good (a developer's trial), so it is refused as for another sort.
    String storiesCursor = server.getJson("/api/search?size=1&sort=newest", 200).get("nextCursor").asText();
    HttpResponse<String> mixed = server.get("/api/search?size=1&sort=newest&group=articles&cursor="
        + RunningServer.enc(storiesCursor));
    assertEquals(400, mixed.statusCode(), mixed.body());
    JsonNode problem = JSON.readTree(mixed.body());
    assertEquals("cursor_stale", problem.get("code").asText());
    assertTrue(problem.get("detail").asText().contains("grouping"), problem.toString());
  }

  @Test
  void aGroupOtherThanStoriesOrArticlesIsAProblemNamingTheParameter() throws Exception {
    for (String bad : List.of("copies", "story")) {
      HttpResponse<String> response = server.get("/api/search?group=" + bad);
      assertEquals(400, response.statusCode(), response.body());
      assertEquals("application/problem+json", RunningServer.mediaType(response));
      JsonNode problem = JSON.readTree(response.body());
      assertEquals("group", problem.get("parameter").asText());
      assertTrue(problem.get("detail").asText().contains(bad), problem.toString());
    }
    assertEquals(400, server.get("/api/export?format=csv&group=copies").statusCode());
    assertEquals(400, server.get("/api/feed?group=copies").statusCode());
  }

  @Test
  void theArticleViewListsItsStorysVersionsEarliestFirst() throws Exception {
    JsonNode article = server.getJson("/api/articles/crackdown-courier", 200);

    JsonNode story = article.get("story");
    assertEquals("crackdown-original", story.get("id").asText());
    assertEquals(List.of("crackdown-original", "crackdown-courier", "crackdown-corrected"), ids(story.get("versions"), "id"));
    assertStory(story);
    JsonNode courier = story.get("versions").get(1);
    assertEquals("The Courier", courier.get("source").asText());
    assertEquals("2025-03-15", courier.get("published").asText());
    assertEquals(article.get("title").asText(), courier.get("title").asText());

    JsonNode alone = server.getJson("/api/articles/reuters-2", 200).get("story");
    assertEquals("reuters-2", alone.get("id").asText());
    assertEquals(1, alone.get("versionCount").asInt());
  }

  @Test
  void aReissueDiffersInOneChangedSentenceWhoseWordsShowTheNewFigure() throws Exception {
    JsonNode diff = server.getJson("/api/articles/reuters-1-original/diff?with=reuters-1-reissue", 200);

    assertEquals("reuters-1-original", diff.get("from").get("id").asText());
    assertEquals("reuters-1-reissue", diff.get("to").get("id").asText());
    assertEquals("1987-02-27", diff.get("to").get("published").asText());
    assertTrue(diff.get("sameStory").asBoolean());
    assertFalse(diff.get("title").get("changed").asBoolean());
    assertEquals(1, diff.get("counts").get("changed").asInt());
    assertEquals(0, diff.get("counts").get("added").asInt() + diff.get("counts").get("removed").asInt());
    List<JsonNode> changed = new ArrayList<>();
    diff.get("sentences").forEach(sentence -> {
      if (!sentence.get("change").asText().equals("same")) {
        changed.add(sentence);
      }
    });
    assertEquals(1, changed.size());
    JsonNode sentence = changed.get(0);
    assertEquals("changed", sentence.get("change").asText());
    assertTrue(sentence.get("from").asText().contains("200,000 shares"), sentence.toString());
    assertTrue(sentence.get("to").asText().contains("300,000 shares"), sentence.toString());
    assertFalse(sentence.has("text"), "a changed sentence has from and to, not text");
    List<String> edits = new ArrayList<>();
    sentence.get("words").forEach(word -> {
      if (!word.get("change").asText().equals("same")) {
        edits.add(word.get("change").asText() + " " + word.get("text").asText());
      }
    });
    assertEquals(List.of("removed 200,000", "added 300,000"), edits);
    assertEquals(diff.get("sentences").size() - 1, diff.get("counts").get("same").asInt());
  }

  @Test
  void aCorrectionIsOneAddedSentenceAndACutCopyRemovesTheTail() throws Exception {
    JsonNode corrected = server.getJson("/api/articles/crackdown-original/diff?with=crackdown-corrected", 200);
    assertEquals(1, corrected.get("counts").get("added").asInt());
    assertEquals(0, corrected.get("counts").get("removed").asInt() + corrected.get("counts").get("changed").asInt());

    JsonNode cut = server.getJson("/api/articles/crackdown-original/diff?with=crackdown-courier", 200);
    assertTrue(cut.get("title").get("changed").asBoolean());
    assertEquals("Venezuela crackdown enters volatile phase", cut.get("title").get("to").asText());
    JsonNode sentences = cut.get("sentences");
    JsonNode last = sentences.get(sentences.size() - 1);
    assertEquals("removed", last.get("change").asText(), "the cut ending is removed");
    assertEquals(0, cut.get("counts").get("added").asInt());
    assertTrue(cut.get("counts").get("removed").asInt() > 0);
  }

  @Test
  void articlesOfTwoStoriesCompareButAreNotOneStory() throws Exception {
    JsonNode diff = server.getJson("/api/articles/reuters-1-original/diff?with=reuters-2", 200);
    assertFalse(diff.get("sameStory").asBoolean());
    assertTrue(diff.get("title").get("changed").asBoolean());
  }

  @Test
  void aDiffWithAMissingArticleIs404AndWithoutWithIs400() throws Exception {
    for (String path : List.of("/api/articles/nope/diff?with=reuters-2", "/api/articles/reuters-2/diff?with=nope")) {
      HttpResponse<String> missing = server.get(path);
      assertEquals(404, missing.statusCode(), path + " -> " + missing.body());
      assertEquals("application/problem+json", RunningServer.mediaType(missing));
      assertTrue(missing.body().contains("nope"), missing.body());
    }
    for (String path : List.of("/api/articles/reuters-2/diff", "/api/articles/reuters-2/diff?with=")) {
      HttpResponse<String> refused = server.get(path);
      assertEquals(400, refused.statusCode(), path + " -> " + refused.body());
      assertEquals("with", JSON.readTree(refused.body()).get("parameter").asText());
    }
  }

  @Test
  void exportsHaveOneRowPerStoryByDefaultAndEveryRowNamesItsStory() throws Exception {
    List<List<String>> grouped = ExportEndpointTest.parseCsv(server.get("/api/export?format=csv&sort=oldest").body());
    List<String> header = grouped.get(0);
    int story = header.indexOf("story");
    int versions = header.indexOf("versionCount");
    assertTrue(story > 0 && versions > 0, header.toString());
    List<List<String>> rows = grouped.subList(1, grouped.size());
    assertEquals(STORIES.size(), rows.size(), rows.toString());
    for (List<String> row : rows) {
      assertEquals(row.get(0), row.get(story), "oldest first, each story's row is its representative");
      assertEquals(Integer.toString(STORIES.get(row.get(story)).size()), row.get(versions));
    }

    List<List<String>> every = ExportEndpointTest.parseCsv(server.get("/api/export?format=csv&group=articles").body());
    assertEquals(ARTICLES, every.size() - 1);
    for (List<String> row : every.subList(1, every.size())) {
      assertEquals(storyOf(row.get(0)), row.get(story), row.get(0));
    }

    String jsonLines = server.get("/api/export?format=jsonl&group=articles").body();
    List<String> lines = jsonLines.lines().toList();
    assertEquals("articles", JSON.readTree(lines.get(0)).get("provenance").get("group").asText());
    assertEquals(ARTICLES + 1, lines.size());
    Map<String, Integer> versionCounts = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      JsonNode article = JSON.readTree(line);
      assertEquals(storyOf(article.get("id").asText()), article.get("story").asText());
      versionCounts.put(article.get("id").asText(), article.get("versionCount").asInt());
    }
    assertEquals(3, versionCounts.get("crackdown-corrected"));
    assertEquals(1, versionCounts.get("reuters-2"));
    assertEquals(STORIES.size() + 1, server.get("/api/export?format=jsonl").body().lines().count());

    String ris = server.get("/api/export?format=ris&group=articles&q=" + RunningServer.enc("Computer Terminal")).body();
    assertTrue(ris.contains("N1  - Story: reuters-1-original, 2 versions\r\n"), ris);
  }

  @Test
  void theFeedHasOneEntryPerStoryUnlessAskedForEveryVersion() throws Exception {
    assertEquals(STORIES.size(), entries(server.get("/api/feed").body()));
    assertEquals(ARTICLES, entries(server.get("/api/feed?group=articles").body()));
  }

  /**
   * A wire editor following every version tells copies of one story from new stories: each entry
   * links to its story, the same address for every version (wire editor's trial, session 39).
   */
  @Test
  void everyEntryOfTheFeedLinksToItsStoryTheSameForEveryVersion() throws Exception {
    org.w3c.dom.Document feed = javax.xml.parsers.DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
        .parse(new org.xml.sax.InputSource(new java.io.StringReader(server.get("/api/feed?group=articles").body())));
    org.w3c.dom.NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    Map<String, String> storyLinks = new java.util.TreeMap<>();
    for (int i = 0; i < entries.getLength(); i++) {
      org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
      String id = entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent()
          .substring("urn:morgue:article:".length());
      org.w3c.dom.NodeList links = entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
      for (int j = 0; j < links.getLength(); j++) {
        org.w3c.dom.Element link = (org.w3c.dom.Element) links.item(j);
        if (link.getAttribute("href").contains("/api/stories/")) {
          storyLinks.put(id, link.getAttribute("href"));
          int versions = STORIES.get(storyOf(id)).size();
          assertEquals("story " + storyOf(id) + ": " + versions + (versions == 1 ? " version" : " versions"),
              link.getAttribute("title"));
        }
      }
    }
    assertEquals(ARTICLES, storyLinks.size(), "every entry links to its story: " + storyLinks);
    for (Map.Entry<String, String> link : storyLinks.entrySet()) {
      assertTrue(link.getValue().endsWith("/api/stories/" + storyOf(link.getKey())), link.toString());
      String path = link.getValue().substring(link.getValue().indexOf("/api/stories/"));
      assertEquals(storyOf(link.getKey()), server.getJson(path, 200).get("id").asText(), "the link answers the story");
    }
  }

  private static int entries(String atom) {
    return atom.split("<id>urn:morgue:article:", -1).length - 1;
  }

  /** A story as the fixture has it: its versions earliest first, the first the representative. */
  private static void assertStory(JsonNode story) {
    List<String> expected = STORIES.get(story.get("id").asText());
    assertEquals(expected, ids(story.get("versions"), "id"), story.toString());
    assertEquals(expected.size(), story.get("versionCount").asInt());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(i == 0, story.get("versions").get(i).get("representative").asBoolean(), story.toString());
    }
  }
}
