package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.morgue.server.api.SearchParameters;

/**
 * The real server on a free port over an index of the seed articles, called over real HTTP, on each
 * engine: the embedded index and an OpenSearch cluster (one node, three shards).
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class MorgueServerTest {
  static final String CRACKDOWN = SeedIndex.CRACKDOWN;
  static final String KILL_CLAIMS = SeedIndex.KILL_CLAIMS;

  static RunningServer server;
  static final ObjectMapper json = new ObjectMapper();

  @Parameter TestEngine engine;

  @BeforeParameterizedClassInvocation
  static void startServerOnSeedIndex(TestEngine engine) throws IOException {
    Path tmp = Files.createTempDirectory("morgue-server");
    Path corpus = SeedIndex.corpus(tmp, Map.of("markup",
        "<img src=x onerror=alert(1)> Headline\n\nOfficials said the body of this story is about Venezuela."
            + " Body with <script>alert('body')</script> markup.\n"), List.of());
    server = RunningServer.on(engine.index(tmp, List.of(corpus)));
  }

  @AfterParameterizedClassInvocation
  static void stop() throws IOException {
    server.close();
  }

  static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return server.get(pathAndQuery);
  }

  static JsonNode getJson(String pathAndQuery, int expectedStatus) throws Exception {
    return server.getJson(pathAndQuery, expectedStatus);
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static List<String> values(JsonNode facet) {
    List<String> values = new ArrayList<>();
    facet.forEach(v -> values.add(v.get("value").asText()));
    return values;
  }

  @Test
  void aCollectionIsAFilterOnSearchExportAndFeed() throws Exception {
    // The seed index puts no article in a collection: the filter matches nothing, but is taken,
    // echoed, and its ticked value stays listed with its count.
    JsonNode body = getJson("/api/search?q=Venezuela&collection=reading-list", 200);
    assertEquals(0, body.get("total").asInt());
    assertEquals(List.of("reading-list"), values(body.get("facets").get("collection")));
    assertEquals(0, body.get("facets").get("collection").get(0).get("count").asInt());
    assertEquals("reading-list", body.get("filters").get("collection").get(0).asText());
    assertEquals(200, get("/api/export?format=csv&collection=reading-list").statusCode());
    assertEquals(200, get("/api/feed?collection=reading-list").statusCode());
    getJson("/api/search?collection=", 400);
  }

  @Test
  void searchForVenezuelaReturnsBothSeedArticlesWithFacetsIncludingTrenDeAragua() throws Exception {
    JsonNode body = getJson("/api/search?q=Venezuela", 200);
    List<String> ids = new ArrayList<>();
    body.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
    assertTrue(ids.containsAll(List.of(CRACKDOWN, KILL_CLAIMS)), ids.toString());
    assertEquals(ids.size(), body.get("total").asInt());
    JsonNode first = body.get("hits").get(0);
    assertTrue(first.get("snippet").asText().contains("<mark>"), first.toString());
    assertFalse(first.get("title").asText().isEmpty());
    for (String facet : List.of("actor", "actorType", "theme", "hedging", "source", "year", "collection")) {
      assertTrue(body.get("facets").has(facet), "facet " + facet);
    }
    JsonNode tren = null;
    for (JsonNode value : body.get("facets").get("actor")) {
      if (value.get("value").asText().equals("Tren de Aragua")) {
        tren = value;
      }
    }
    assertTrue(tren != null, "actor facet lists Tren de Aragua: " + body.get("facets").get("actor"));
    assertEquals(2, tren.get("count").asInt());
  }

  @Test
  void repeatingAFacetParameterFiltersWithOrAndSidewaysCounts() throws Exception {
    JsonNode seedsOnly = getJson("/api/search?source=seed-articles", 200);
    assertEquals(3, seedsOnly.get("total").asInt());
    JsonNode trenOnly = getJson("/api/search?actor=" + enc("Tren de Aragua"), 200);
    assertEquals(2, trenOnly.get("total").asInt());
    JsonNode hedged = getJson("/api/search?hedging=low&hedging=medium&hedging=high", 200);
    assertEquals(3, hedged.get("total").asInt());
    JsonNode bothFilters = getJson("/api/search?actor=" + enc("Tren de Aragua") + "&hedging=low", 200);
    // The hedging facet is counted without its own filter, so every level of the Tren de Aragua articles shows.
    long sideways = 0;
    for (JsonNode value : bothFilters.get("facets").get("hedging")) {
      sideways += value.get("count").asLong();
    }
    assertEquals(2, sideways);
  }

  @Test
  void articleViewHasTextBlocksAndEnrichmentsWithOffsets() throws Exception {
    JsonNode article = getJson("/api/articles/" + KILL_CLAIMS, 200);
    assertEquals("US Military Kill Claims Raise the Stakes", article.get("title").asText());
    String text = article.get("text").asText();
    JsonNode lede = article.get("blocks").get(0);
    assertEquals("lede", lede.get("kind").asText());
    assertEquals(lede.get("text").asText(), text.substring(lede.get("start").asInt(), lede.get("end").asInt()));
    assertTrue(values(getJson("/api/search?q=" + enc("\"signal flare\""), 200).get("facets").get("source"))
        .contains("seed-articles"));
    boolean sawTren = false;
    for (JsonNode actor : article.get("actors")) {
      for (JsonNode mention : actor.get("mentions")) {
        assertEquals(mention.get("text").asText(),
            text.substring(mention.get("start").asInt(), mention.get("end").asInt()));
      }
      sawTren |= actor.get("name").asText().equals("Tren de Aragua") && actor.get("type").asText().equals("group");
    }
    assertTrue(sawTren, article.get("actors").toString());
    boolean sawMay = false;
    for (JsonNode cue : article.get("hedging").get("cues")) {
      assertEquals(cue.get("text").asText(), text.substring(cue.get("start").asInt(), cue.get("end").asInt()));
      sawMay |= cue.get("text").asText().equals("may") && cue.get("kind").asText().equals("hedge");
    }
    assertTrue(sawMay, "'may' is a hedge cue in this article");
  }

  @Test
  void articleViewGivesGazetteerRolesAndSaysWhichCuesAreQuoted() throws Exception {
    JsonNode article = getJson("/api/articles/" + CRACKDOWN, 200);
    java.util.Map<String, JsonNode> actors = new java.util.HashMap<>();
    article.get("actors").forEach(actor -> actors.put(actor.get("name").asText(), actor));
    assertEquals("President of the United States (2017-2021, 2025-)", actors.get("Donald Trump").get("role").asText());
    assertTrue(actors.get("Tren de Aragua").get("role").isNull(), actors.get("Tren de Aragua").toString());
    // A pull quote is set apart from the running text: its hedges are quoted ("the government thinks" in
    // the other seed's), the lede's are not.
    java.util.Set<String> quoted = new java.util.HashSet<>();
    java.util.Set<String> unquoted = new java.util.HashSet<>();
    for (JsonNode seed : List.of(article, getJson("/api/articles/" + KILL_CLAIMS, 200))) {
      for (JsonNode cue : seed.get("hedging").get("cues")) {
        (cue.get("quoted").asBoolean() ? quoted : unquoted).add(cue.get("text").asText());
      }
    }
    assertTrue(quoted.contains("thinks"), quoted.toString());
    assertTrue(unquoted.contains("suspected"), unquoted.toString());
  }

  @Test
  void aBrokenPercentEncodingIsRefusedNotReadAsAnEmptyQuery() throws Exception {
    // Sent raw: java.net.URI refuses these URLs, as a careful client would; a careless one sends them.
    for (String[] bad : List.of(new String[] {"/api/search?q=%ZZ", "q", "%ZZ"},
        new String[] {"/api/search?q=50%", "q", "%"}, new String[] {"/api/export?format=csv&q=caf%C3%A9%2", "q", "%2"},
        new String[] {"/api/feed?from=2020&actor=Tren%2Gde", "actor", "%2G"})) {
      RawHttp.Answer answer = RawHttp.get(server.base(), bad[0]);
      assertEquals(400, answer.status(), bad[0] + " -> " + answer.body());
      JsonNode problem = new ObjectMapper().readTree(answer.body());
      assertEquals("malformed_request", problem.get("code").asText(), answer.body());
      assertEquals(bad[1], problem.get("parameter").asText(), answer.body());
      assertTrue(problem.get("detail").asText().contains("'" + bad[2] + "'"), answer.body());
    }
    assertEquals(getJson("/api/search?q=Venezuela", 200).get("total").asInt(),
        getJson("/api/search?q=%56enezuela%20", 200).get("total").asInt(), "good escapes still read");
  }

  @Test
  void malformedQueriesAndParametersAreProblem400sNamingTheParameter() throws Exception {
    HttpResponse<String> response = get("/api/search?q=" + enc("(\""));
    assertEquals(400, response.statusCode());
    assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    JsonNode problem = json.readTree(response.body());
    assertEquals(400, problem.get("status").asInt());
    assertEquals("q", problem.get("parameter").asText());
    assertEquals("query_syntax", problem.get("code").asText());
    assertEquals("unbalanced quote; there are no words to search", problem.get("detail").asText());

    record Bad(String url, String parameter, String code) {}
    for (Bad bad : List.of(
        new Bad("/api/search?size=abc", "size", "invalid_parameter"),
        new Bad("/api/search?size=1000000", "size", "invalid_parameter"),
        new Bad("/api/search?size=1&size=2", "size", "repeated_parameter"),
        new Bad("/api/search?hedging=extreme", "hedging", "invalid_parameter"),
        new Bad("/api/search?colour=red", "colour", "unknown_parameter"),
        new Bad("/api/search?facetPrefix.colour=r", "facetPrefix.colour", "unknown_facet"),
        new Bad("/api/search?from=yesterday", "from", "invalid_parameter"),
        new Bad("/api/search?q=colour:red", "q", "query_syntax"),
        new Bad("/api/search?q=" + enc("(".repeat(40) + "a" + ")".repeat(40)), "q", "query_too_complex"),
        new Bad("/api/search?cursor=not-a-cursor", "cursor", "cursor_malformed"),
        new Bad("/api/suggest", "prefix", "missing_parameter"),
        new Bad("/api/export?format=xls", "format", "invalid_parameter"))) {
      JsonNode answer = getJson(bad.url(), 400);
      assertEquals(bad.parameter(), answer.get("parameter").asText(), answer.toString());
      assertEquals(bad.code(), answer.get("code").asText(), answer.toString());
    }
    assertTrue(getJson("/api/search?q=colour:red", 400).get("detail").asText().startsWith("unknown field 'colour'"));
  }

  @Test
  void optionalParametersGivenEmptyAreAsIfLeftOutSortIncluded() throws Exception {
    JsonNode plain = getJson("/api/search?q=Venezuela", 200);
    JsonNode empty = getJson("/api/search?q=Venezuela&sort=&size=&facetLimit=&from=&to=&cursor=&interval="
        + "&facetPrefix.actor=", 200);
    assertEquals("relevance", empty.get("sort").asText());
    assertEquals(SearchParameters.DEFAULT_SIZE, empty.get("size").asInt());
    assertEquals(plain.get("total"), empty.get("total"));
    assertEquals(plain.get("facets"), empty.get("facets"));
    assertEquals(200, get("/api/search?sort=%20").statusCode(), "blank is empty");
    assertEquals(200, get("/api/export?format=csv&sort=").statusCode());
    assertEquals(200, get("/api/feed?sort=").statusCode());
    assertEquals(200, get("/api/suggest?prefix=Tr&limit=").statusCode());
  }

  @Test
  void cursorsWalkEveryHitPageByPageAndTheResponseSaysWhatRan() throws Exception {
    JsonNode all = getJson("/api/search?sort=newest&size=100", 200);
    List<String> expected = new ArrayList<>();
    all.get("hits").forEach(hit -> expected.add(hit.get("id").asText()));
    assertEquals(3, expected.size());
    assertTrue(all.get("nextCursor").isNull(), "one page holds everything: " + all.get("nextCursor"));

    List<String> walked = new ArrayList<>();
    String path = "/api/search?sort=newest&size=1";
    JsonNode page = getJson(path, 200);
    assertEquals("", page.get("query").asText());
    assertEquals("newest", page.get("sort").asText());
    assertEquals(1, page.get("size").asInt());
    assertEquals(0, page.get("filters").size());
    while (true) {
      assertEquals(3, page.get("total").asInt(), "every page has the whole total");
      page.get("hits").forEach(hit -> walked.add(hit.get("id").asText()));
      if (page.get("nextCursor").isNull()) {
        break;
      }
      page = getJson(path + "&cursor=" + enc(page.get("nextCursor").asText()), 200);
    }
    assertEquals(expected, walked);
  }

  @Test
  void filtersAreEchoedAsAnObjectOfFacetValues() throws Exception {
    JsonNode body = getJson("/api/search?q=Venezuela&hedging=low&actor=" + enc("Tren de Aragua")
        + "&hedging=high", 200);
    assertEquals("Venezuela", body.get("query").asText());
    assertEquals("relevance", body.get("sort").asText());
    assertEquals(SearchParameters.DEFAULT_SIZE, body.get("size").asInt());
    assertEquals(json.readTree("{\"actor\": [\"Tren de Aragua\"], \"hedging\": [\"low\", \"high\"]}"),
        body.get("filters"));
  }

  @Test
  void timelineStatesItsIntervalAndLeavesUndatedArticlesOut() throws Exception {
    JsonNode timeline = getJson("/api/search?interval=month", 200).get("timeline");
    assertEquals("month", timeline.get("interval").asText());
    assertEquals(0, timeline.get("buckets").size(), "the seed articles carry no date");
    assertEquals("year", getJson("/api/search", 200).get("timeline").get("interval").asText());
  }

  @Test
  void facetPrefixNarrowsOneFacetsValues() throws Exception {
    JsonNode facets = getJson("/api/search?q=Venezuela&facetPrefix.actor=tr&facetLimit=5", 200).get("facets");
    List<String> actors = values(facets.get("actor"));
    assertTrue(actors.contains("Tren de Aragua"), actors.toString());
    for (String actor : actors) {
      assertTrue(java.util.Arrays.stream(actor.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
          .anyMatch(word -> word.startsWith("tr")), "a word of it starts with tr: " + actor);
    }
    assertTrue(actors.contains("Donald Trump"), "a word other than the first: " + actors);
    assertEquals(List.of("seed-articles"), values(
        getJson("/api/search?facetPrefix.source=SEED", 200).get("facets").get("source")));
  }

  @Test
  void suggestCompletesNamesMostFrequentFirst() throws Exception {
    JsonNode body = getJson("/api/suggest?prefix=Tr&limit=10", 200);
    assertEquals("Tr", body.get("prefix").asText());
    assertTrue(body.get("suggestions").size() <= 10);
    assertTrue(body.get("suggestions").toString().contains(
        json.readTree("{\"value\": \"Tren de Aragua\", \"facet\": \"actor\", \"count\": 2}").toString()),
        body.toString());
    long previous = Long.MAX_VALUE;
    for (JsonNode suggestion : body.get("suggestions")) {
      assertTrue(suggestion.get("count").asLong() <= previous, body.toString());
      previous = suggestion.get("count").asLong();
    }
    assertEquals("Tren de Aragua", getJson("/api/suggest?prefix=aragua", 200).get("suggestions").get(0)
        .get("value").asText());
    assertEquals(1, getJson("/api/suggest?prefix=t&limit=1", 200).get("suggestions").size());
  }

  @Test
  void badCursorsIntervalsPrefixesAndSuggestParametersAreProblem400s() throws Exception {
    JsonNode garbled = getJson("/api/search?cursor=not-a-cursor", 400);
    assertEquals("cursor", garbled.get("parameter").asText());
    assertTrue(garbled.get("detail").asText().startsWith("cursor is malformed"), garbled.toString());
    String newest = getJson("/api/search?sort=newest&size=1", 200).get("nextCursor").asText();
    JsonNode otherSort = getJson("/api/search?sort=oldest&size=1&cursor=" + enc(newest), 400);
    assertEquals("cursor", otherSort.get("parameter").asText());
    assertTrue(otherSort.get("detail").asText().startsWith("cursor is not valid for this search"), otherSort.toString());
    JsonNode otherQuery = getJson("/api/search?q=Venezuela&sort=newest&size=1&cursor=" + enc(newest), 400);
    assertTrue(otherQuery.get("detail").asText().startsWith("cursor is not valid for this search"));
    assertEquals("size", getJson("/api/search?size=101", 400).get("parameter").asText());
    assertEquals("interval", getJson("/api/search?interval=week", 400).get("parameter").asText());
    assertEquals("facetPrefix.colour", getJson("/api/search?facetPrefix.colour=r", 400).get("parameter").asText());

    assertEquals("prefix", getJson("/api/suggest", 400).get("parameter").asText());
    assertEquals("prefix", getJson("/api/suggest?prefix=%20%20", 400).get("parameter").asText());
    assertEquals("limit", getJson("/api/suggest?prefix=Tr&limit=0", 400).get("parameter").asText());
    assertEquals("limit", getJson("/api/suggest?prefix=Tr&limit=51", 400).get("parameter").asText());
    assertEquals("limit", getJson("/api/suggest?prefix=Tr&limit=many", 400).get("parameter").asText());
    assertEquals("q", getJson("/api/suggest?prefix=Tr&q=x", 400).get("parameter").asText());
  }

  @Test
  void relatedCoverageListsTheOtherVenezuelaStoryAsAHitNeverTheArticleItself() throws Exception {
    JsonNode answer = getJson("/api/articles/" + CRACKDOWN + "/related", 200);
    assertEquals(CRACKDOWN, answer.get("id").asText());
    assertEquals(5, answer.get("size").asInt());
    JsonNode related = answer.get("related");
    assertEquals(KILL_CLAIMS, related.get(0).get("id").asText());
    assertEquals("US Military Kill Claims Raise the Stakes", related.get(0).get("title").asText());
    assertEquals("seed-articles", related.get(0).get("source").asText());
    related.forEach(hit -> assertNotEquals(CRACKDOWN, hit.get("id").asText()));
    assertEquals(1, getJson("/api/articles/" + CRACKDOWN + "/related?size=1", 200).get("related").size());
  }

  @Test
  void relatedCoverageRefusesBadSizesAndUnknownArticles() throws Exception {
    assertEquals("size", getJson("/api/articles/" + CRACKDOWN + "/related?size=0", 400).get("parameter").asText());
    assertEquals("size", getJson("/api/articles/" + CRACKDOWN + "/related?size=21", 400).get("parameter").asText());
    assertEquals("size", getJson("/api/articles/" + CRACKDOWN + "/related?size=many", 400).get("parameter").asText());
    assertEquals("q", getJson("/api/articles/" + CRACKDOWN + "/related?q=x", 400).get("parameter").asText());
    assertEquals("no article with id 'nope'", getJson("/api/articles/nope/related", 404).get("detail").asText());
  }

  @Test
  void unknownArticlesAndPathsAre404Problems() throws Exception {
    assertEquals("no article with id 'nope'", getJson("/api/articles/nope", 404).get("detail").asText());
    assertEquals(404, getJson("/api/nothing-here", 404).get("status").asInt());
  }

  @Test
  void markupInArticlesComesBackAsTextAndThePageForbidsInlineScripts() throws Exception {
    JsonNode article = getJson("/api/articles/markup", 200);
    assertEquals("<img src=x onerror=alert(1)> Headline", article.get("title").asText());
    JsonNode hit = getJson("/api/search?q=body", 200).get("hits").get(0);
    assertFalse(hit.get("snippet").asText().contains("<script>"), hit.toString());
    assertTrue(hit.get("snippet").asText().contains("&lt;script&gt;"), hit.toString());
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    assertTrue(page.body().contains("<title>Morgue"), "the search page is served at /");
  }
}
