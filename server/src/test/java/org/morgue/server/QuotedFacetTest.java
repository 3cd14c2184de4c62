package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
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

/**
 * Who is quoted, over HTTP on each engine: the quoted facet, its filter, and the article answer's
 * quotes, on two Reuters stories beside the seed articles. "Computer Terminal Systems Inc said it has
 * completed the sale ... to Sedio N.V.": the company is quoted, Sedio only named.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class QuotedFacetTest {
  private static final String SPEAKER = "Computer Terminal Systems Inc";
  private static final String NAMED_ONLY = "Sedio N.V.";
  private static final String STORY = "reuters-10";

  static RunningServer server;

  @Parameter TestEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(TestEngine engine) throws IOException {
    Path tmp = Files.createTempDirectory("morgue-quoted");
    Path reuters = Files.createDirectories(tmp.resolve("corpus/reuters"));
    for (String file : List.of("reut-00001.xml", "reut-00007.xml")) {
      try (InputStream in = QuotedFacetTest.class.getResourceAsStream("/reuters/" + file)) {
        Files.write(reuters.resolve(file), in.readAllBytes());
      }
    }
    server = RunningServer.on(engine.index(tmp, List.of(SeedIndex.corpus(tmp, Map.of(), List.of()))));
  }

  @AfterParameterizedClassInvocation
  static void stop() throws IOException {
    server.close();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static List<String> values(JsonNode facet) {
    List<String> values = new ArrayList<>();
    facet.forEach(v -> values.add(v.get("value").asText()));
    return values;
  }

  private static List<String> ids(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
    return ids;
  }

  @Test
  void theQuotedFacetListsWhoSpokeNotWhoWasNamed() throws Exception {
    JsonNode all = server.getJson("/api/search?facetLimit=100", 200);

    List<String> quoted = values(all.get("facets").get("quoted"));
    assertTrue(quoted.contains(SPEAKER), quoted.toString());
    assertFalse(quoted.contains(NAMED_ONLY), quoted.toString());
    assertTrue(values(all.get("facets").get("actor")).contains(NAMED_ONLY), "Sedio is an actor of the story all the same");
  }

  @Test
  void filteringByAQuotedActorFindsTheStoriesThatQuoteIt() throws Exception {
    JsonNode exact = server.getJson("/api/search?quoted=" + enc(SPEAKER), 200);
    assertEquals(List.of(STORY), ids(exact));
    assertEquals(1, exact.get("total").asInt());
    JsonNode quoted = exact.get("facets").get("quoted");
    assertEquals(SPEAKER, quoted.get(0).get("value").asText());
    assertEquals(1, quoted.get(0).get("count").asInt());

    assertEquals(0, server.getJson("/api/search?quoted=" + enc(NAMED_ONLY), 200).get("total").asInt());
    assertEquals(1, server.getJson("/api/search?actor=" + enc(NAMED_ONLY), 200).get("total").asInt());
  }

  @Test
  void theFacetPrefixAndTheExportTakeTheQuotedFacetToo() throws Exception {
    JsonNode prefixed = server.getJson("/api/search?facetPrefix.quoted=comp", 200);
    assertEquals(List.of(SPEAKER), values(prefixed.get("facets").get("quoted")));

    HttpResponse<String> csv = server.get("/api/export?format=csv&quoted=" + enc(SPEAKER));
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.body().contains(STORY), csv.body());
    assertFalse(csv.body().contains("reuters-110"), csv.body());
  }

  @Test
  void theArticleAnswerSaysWhereEachActorIsQuoted() throws Exception {
    JsonNode article = server.getJson("/api/articles/" + STORY, 200);
    String text = article.get("title").asText();
    JsonNode speaker = null;
    JsonNode named = null;
    for (JsonNode actor : article.get("actors")) {
      if (actor.get("name").asText().equals(SPEAKER)) {
        speaker = actor;
      } else if (actor.get("name").asText().equals(NAMED_ONLY)) {
        named = actor;
      }
    }
    assertTrue(speaker != null && named != null, article.get("actors").toString());
    assertTrue(speaker.get("quotes").size() >= 5, speaker.toString());
    for (JsonNode quote : speaker.get("quotes")) {
      assertEquals("said", quote.get("text").asText().toLowerCase(), quote.toString());
      assertTrue(quote.get("end").asInt() - quote.get("start").asInt() == 4, quote.toString());
    }
    assertEquals(0, named.get("quotes").size(), text + ": " + named);
  }
}
