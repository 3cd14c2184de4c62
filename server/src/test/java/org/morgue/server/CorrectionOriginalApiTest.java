package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.morgue.curation.Curation;
import org.morgue.search.SearchEngine;
import org.morgue.server.live.Curators;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;

/**
 * A correction's {@code original} is what the source gives now: the wire re-sends an article a curator
 * corrected with another headline, and the correction shows that headline as the source's, through a
 * restart too, and withdrawn it puts that headline back, not the one the source gave when it was
 * corrected; when the wire re-sends the curator's own headline, the correction says the source agrees.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class CorrectionOriginalApiTest {
  static final String ANA = "ana-original-token-5e21";
  static final String ID = "harbour-strike";
  static final String BODY = "Dock workers in the port voted on Friday to accept the employers' offer and return to"
      + " work on Monday, ending a strike that had held up shipping for nine days.";

  static Path tmp;
  static TestEngine.Archive archive;
  static SearchEngine searcher;
  static Curators curators;
  static Curation curation;
  static LiveIndex live;
  static Javalin app;

  @Parameter TestEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(TestEngine engine) throws Exception {
    tmp = Files.createTempDirectory("morgue-correction-original");
    Path tokens = tmp.resolve("curators.txt");
    Files.writeString(tokens, "ana sha256:" + CurationApiTest.sha256(ANA) + "\n");
    curators = Curators.read(tokens, Optional.empty());
    curation = Curation.open(tmp.resolve("curation"));
    archive = engine.index(tmp, List.of(SeedIndex.corpus(tmp, Map.of(), List.of())), CurationApiTest.indexer(curation));
    searcher = archive.engine();
    open(Map.of());
  }

  static void open(Map<String, String> lastCommit) throws IOException {
    live = LiveIndex.open(archive.stores(), CurationApiTest.indexer(curation), searcher, curation, lastCommit);
    app = MorgueServer.create(searcher, Optional.of(new LiveUpdates(live, curators)), HttpOptions.defaults(),
        Optional.of(curation)).start("127.0.0.1", 0);
  }

  static void close() throws IOException {
    app.stop();
    live.close();
    curation.close();
  }

  @AfterParameterizedClassInvocation
  static void stop() throws IOException {
    close();
    archive.close();
  }

  @Test
  void theOriginalIsWhatTheSourceGivesNowAndSaysWhenItAgrees() throws Exception {
    post("Harbour strike ends");
    HttpResponse<String> corrected = send("PUT", "/api/corrections/articles/" + ID,
        "{\"title\": \"Harbour strike ends after nine days\"}");
    assertEquals(201, corrected.statusCode(), corrected.body());
    JsonNode correction = correction();
    assertEquals("Harbour strike ends", correction.get("original").get("title").asText());
    assertEquals(List.of(), CurationApiTest.texts(correction.get("sourceAgrees")));
    String before = send("GET", "/api/corrections/articles/" + ID, null).headers().firstValue("ETag").orElseThrow();

    post("Dockers end nine-day harbour strike");
    assertEquals("Harbour strike ends after nine days", title(), "the curator's headline stands");
    assertEquals("Dockers end nine-day harbour strike", correction().get("original").get("title").asText(),
        "what the wire sends now, not what it sent when corrected");
    assertNotEquals(before, send("GET", "/api/corrections/articles/" + ID, null).headers().firstValue("ETag")
        .orElseThrow(), "a copy read before the re-import is not current");

    close();
    curation = Curation.open(tmp.resolve("curation"));
    open(Map.of(Curation.COMMIT_KEY, Long.toString(curation.seq())));
    assertEquals("Dockers end nine-day harbour strike", correction().get("original").get("title").asText(),
        "after a restart too");

    HttpResponse<String> withdrawn = send("DELETE", "/api/corrections/articles/" + ID, null);
    assertEquals(204, withdrawn.statusCode(), withdrawn.body());
    assertEquals("Dockers end nine-day harbour strike", title(), "withdrawn, the source's latest headline is back");

    assertEquals(201, send("PUT", "/api/corrections/articles/" + ID,
        "{\"title\": \"Harbour strike ends after nine days\"}").statusCode());
    post("Harbour strike ends after nine days");
    correction = correction();
    assertEquals("Harbour strike ends after nine days", correction.get("original").get("title").asText());
    assertEquals(List.of("title"), CurationApiTest.texts(correction.get("sourceAgrees")),
        "the wire now says what the curator wrote");
  }

  private static void post(String title) throws IOException, InterruptedException {
    HttpResponse<String> posted = send("POST", "/api/articles", CurationApiTest.article(ID, title, "Harbour Gazette", BODY));
    assertEquals(201, posted.statusCode(), posted.body());
  }

  private static JsonNode correction() throws IOException, InterruptedException {
    return CurationApiTest.getJson("http://127.0.0.1:" + app.port(), "/api/corrections/articles/" + ID);
  }

  private static String title() throws IOException, InterruptedException {
    return CurationApiTest.getJson("http://127.0.0.1:" + app.port(), "/api/articles/" + ID).get("title").asText();
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    return RunningServer.curatorCall(app.port(), method, path, body, ANA);
  }
}
