package org.morgue.server.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short load run in every build: 4 search clients and a writer for 100 requests against the real
 * server over the shipped corpus. Every answer must be right and every posted article found by the
 * first search after its 201. The run is bounded by its request count, not by time, and nothing here
 * depends on how fast the machine is: a busy machine makes it slower, never red. The long run, and
 * every figure of speed, is {@link LoadSoakTest} and {@code morgue bench}.
 */
class LoadTest {
  static final LoadPlan SHORT = new LoadPlan(4, Duration.ofMinutes(30), 100, Duration.ofMillis(100), 20261123);

  @TempDir static Path tmp;
  static ArchiveUnderLoad server;
  /** The corpus's sentences, read once for the class. */
  static LoadArticles sentences;

  @BeforeAll
  static void startTheServerOverTheShippedCorpus() throws Exception {
    server = ArchiveUnderLoad.start(tmp);
    sentences = LoadArticles.fromCorpus(ArchiveUnderLoad.CORPUS, SHORT.seed());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void fourClientsAndAWriterFor100RequestsGetOnlyRightAnswersAndSeeEveryPostAtOnce() throws Exception {
    LoadReport report = new LoadDriver(server.base(), server.token(), SHORT, new SearchMix(),
        sentences).run();
    Path written = Files.createDirectories(Path.of("target", "load")).resolve("report-verify.md");
    Files.writeString(written, report.markdown());

    assertEquals(List.of(), report.errors(), report.markdown());
    assertEquals(0, report.errorCount(), report.markdown());
    assertEquals("request count", report.stoppedBy(), report.markdown());
    assertTrue(report.searches().count() > 0, "the clients searched: " + report.markdown());
    assertTrue(report.acknowledged() > 0, "the writer posted: " + report.markdown());
    assertEquals(report.acknowledged(), report.posts().count(), report.markdown());
    assertEquals(report.acknowledged(), report.visibleAtOnce(), "the documented promise: " + report.markdown());
    assertEquals(report.articlesBefore() + report.acknowledged(), report.articlesAfter(), report.markdown());
    assertEquals(report.requests(), report.searches().count() + report.posts().count() + report.checks().count());
  }

  @Test
  void theRunStopsAtTheRequestCountWhenThatComesFirst() throws Exception {
    LoadPlan few = new LoadPlan(2, Duration.ofMinutes(5), 40, Duration.ofMillis(50), 7);
    LoadReport report = new LoadDriver(server.base(), server.token(), few, new SearchMix(),
        sentences.withSeed(few.seed())).run();
    assertEquals("request count", report.stoppedBy(), report.markdown());
    assertEquals(40, report.requests(), "a visibility check beyond the first would count on top: " + report.markdown());
    assertEquals(0, report.errorCount(), report.markdown());
  }

  @Test
  void everySearchOfTheMixFindsArticlesInTheShippedCorpus() throws Exception {
    SearchMix mix = new SearchMix();
    ObjectMapper json = new ObjectMapper();
    List<String> empty = new ArrayList<>();
    try (HttpClient http = HttpClient.newHttpClient()) {
      for (int i = 0; i < mix.size(); i++) {
        String search = mix.search(i);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.base().resolve(search)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), search + " -> " + response.body());
        JsonNode result = json.readTree(response.body());
        if (result.get("total").asLong() == 0) {
          empty.add(search);
        }
      }
    }
    assertEquals(List.of(), empty, "a search that finds nothing loads nothing");
  }

  @Test
  void theSoakIsSizedBySystemPropertiesAndABadOneIsNamed() {
    Properties properties = new Properties();
    properties.setProperty(LoadPlan.SECONDS, "60");
    properties.setProperty(LoadPlan.CLIENTS, "8");
    LoadPlan plan = LoadPlan.from(properties, SHORT);
    assertEquals(Duration.ofSeconds(60), plan.duration());
    assertEquals(8, plan.clients());
    assertEquals(SHORT.maxRequests(), plan.maxRequests());

    properties.setProperty(LoadPlan.CLIENTS, "eight");
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> LoadPlan.from(properties, SHORT));
    assertTrue(bad.getMessage().contains(LoadPlan.CLIENTS + " must be a whole number, not 'eight'"), bad.getMessage());
    properties.setProperty(LoadPlan.CLIENTS, "8");
    properties.setProperty(LoadPlan.SECONDS, "86400");
    assertThrows(IllegalArgumentException.class, () -> LoadPlan.from(properties, SHORT), "a day is not a test");
  }

  @Test
  void theDriverRefusesAnyAddressButLoopback() throws Exception {
    LoadArticles articles = sentences;
    for (String address : List.of("http://localhost:7070", "http://192.168.1.10:7070", "https://127.0.0.1:7070")) {
      assertThrows(IllegalArgumentException.class,
          () -> new LoadDriver(URI.create(address), "token", SHORT, new SearchMix(), articles), address);
    }
  }
}
