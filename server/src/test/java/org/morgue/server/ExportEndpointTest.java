package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.RunningServer.JSON;
import static org.morgue.server.RunningServer.enc;
import static org.morgue.server.RunningServer.mediaType;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.morgue.server.problem.Problem;

/**
 * {@code GET /api/export} over the seed articles plus one with a hostile, comma-and-quote-laden title,
 * on each engine.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class ExportEndpointTest {
  static final String FORMULA = "formula";
  static final String FORMULA_TITLE = "=HYPERLINK(\"http://evil.example\",\"click\"), a title";

  static RunningServer server;

  @Parameter TestEngine engine;

  @BeforeParameterizedClassInvocation
  static void start(TestEngine engine) throws Exception {
    Path tmp = Files.createTempDirectory("morgue-export");
    Path corpus = SeedIndex.corpus(tmp, Map.of(FORMULA,
        FORMULA_TITLE + "\n\nOfficials said a Venezuela story may have\nline breaks.\n"), List.of());
    server = RunningServer.on(engine.index(tmp, List.of(corpus)));
  }

  @AfterParameterizedClassInvocation
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void csvHasAHeaderRowAndOneQuotedRowPerMatchWithFormulasDefused() throws Exception {
    HttpResponse<String> response = server.get("/api/export?format=csv&q=Venezuela&sort=oldest");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("text/csv", mediaType(response));
    assertTrue(response.headers().firstValue("Content-Disposition").orElse("")
        .matches("attachment; filename=\"morgue-export-\\d{8}T\\d{6}Z\\.csv\""),
        response.headers().firstValue("Content-Disposition").orElse(""));
    assertTrue(response.body().endsWith("\r\n"), "RFC 4180 rows end in CRLF");

    List<List<String>> rows = parseCsv(response.body());
    assertEquals(List.of("id", "title", "published", "source", "url", "authors", "actors", "themes",
        "hedging_level", "hedging_score", "story", "versionCount", "added", "link", "lead"), rows.get(0));
    Map<String, List<String>> byId = new LinkedHashMap<>();
    rows.subList(1, rows.size()).forEach(row -> byId.put(row.get(0), row));
    assertEquals(List.of(SeedIndex.CRACKDOWN, SeedIndex.KILL_CLAIMS, FORMULA).stream().sorted().toList(),
        byId.keySet().stream().sorted().toList());

    assertEquals("'" + FORMULA_TITLE, byId.get(FORMULA).get(1), "a formula becomes text, quotes and comma survive");
    assertTrue(response.body().contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\"), a title\""),
        "the raw cell is quoted with its quotes doubled");
    List<String> kill = byId.get(SeedIndex.KILL_CLAIMS);
    assertEquals("US Military Kill Claims Raise the Stakes", kill.get(1));
    assertEquals("seed-articles", kill.get(3));
    assertTrue(List.of(kill.get(6).split("; ")).contains("Tren de Aragua"), kill.get(6));
    assertTrue(List.of("low", "medium", "high").contains(kill.get(8)), kill.get(8));
    JsonNode killed = server.getJson("/api/articles/" + SeedIndex.KILL_CLAIMS, 200);
    assertTrue(kill.get(9).matches("0\\.\\d{3}"), "rounded to three places: " + kill.get(9));
    assertEquals(killed.get("hedging").get("score").asDouble(), Double.parseDouble(kill.get(9)), 0.0005);
    assertEquals(killed.get("added").asText(), kill.get(12), "when the archive took it in, as the API says it");
    // A way back from the sheet to the reader, on the server that made it, and something to read.
    assertEquals(server.base() + "/?article=" + SeedIndex.KILL_CLAIMS, kill.get(13));
    assertEquals(200, server.get(kill.get(13).substring(server.base().length())).statusCode());
    String firstParagraph = killed.get("blocks").get(0).get("text").asText();
    assertTrue(kill.get(14).length() > 80 && firstParagraph.startsWith(kill.get(14).substring(0, 40)),
        kill.get(14) + " | " + firstParagraph);
  }

  @Test
  void jsonLinesStartsWithProvenanceThenOneArticlePerLine() throws Exception {
    HttpResponse<String> response = server.get("/api/export?format=jsonl&actor=" + enc("Tren de Aragua"));
    assertEquals(200, response.statusCode(), response.body());
    String[] lines = response.body().split("\n");
    JsonNode provenance = JSON.readTree(lines[0]).get("provenance");
    assertEquals("", provenance.get("query").asText());
    assertEquals("Tren de Aragua", provenance.get("filters").get("actor").get(0).asText());
    assertEquals("relevance", provenance.get("sort").asText());
    assertEquals(2, provenance.get("matches").asInt());
    assertEquals(3, provenance.get("indexArticles").asInt());
    assertTrue(provenance.get("indexLastUpdate").asText().matches("\\d{4}-.*Z"), provenance.toString());
    assertTrue(provenance.get("exportedAt").asText().endsWith("Z"));
    assertFalse(provenance.get("morgueVersion").asText().isBlank());
    assertEquals(provenance, JSON.readTree(response.headers().firstValue("X-Morgue-Provenance").orElseThrow()),
        "the header and the first line say the same");

    assertEquals(3, lines.length, "provenance and two articles");
    List<String> ids = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      JsonNode article = JSON.readTree(lines[i]);
      ids.add(article.get("id").asText());
      assertEquals("seed-articles", article.get("source").asText());
      assertTrue(article.get("hedging").has("level") && article.get("hedging").has("score"), lines[i]);
      assertFalse(article.has("text"), "the body, not the view's text and offsets");
      assertFalse(article.get("blocks").get(0).has("start"), "blocks without the view's offsets");
      // Read back as the JSON Lines format reads an import, the line is the article again, text and all:
      // without its body, re-importing an export replaced every article with its headline.
      org.morgue.article.Article read = new org.morgue.indexer.source.JsonLinesFormat()
          .readObject(lines[i].getBytes(java.nio.charset.StandardCharsets.UTF_8), "export", "line " + i);
      JsonNode stored = server.getJson("/api/articles/" + read.id(), 200);
      assertEquals(stored.get("title").asText(), read.title());
      StringBuilder body = new StringBuilder();
      stored.get("blocks").forEach(block -> body.append(body.isEmpty() ? "" : "\n\n").append(block.get("text").asText()));
      assertEquals(body.toString(), read.body(), read.id());
      // And its layout: the seed articles' lede, key points, headings and quotes, which the body's
      // paragraphs alone flattened, changing what its hedging counted (a librarian's trial, session 39).
      List<String> kinds = new ArrayList<>();
      stored.get("blocks").forEach(block -> kinds.add(block.get("kind").asText()));
      assertEquals(kinds, read.blocks().stream().map(block -> block.kind().id()).toList(), read.id());
      assertTrue(kinds.contains("key_point") && kinds.contains("lede"), kinds.toString());
      assertEquals(stored.get("published").asText(null), read.published().map(Object::toString).orElse(null));
      assertEquals(stored.get("added").asText(), article.get("added").asText(), "when the archive took it in");
      assertFalse(read.metadata().containsKey("added"), "read back, that is Morgue's, not the article's");
    }
    assertEquals(List.of(SeedIndex.CRACKDOWN, SeedIndex.KILL_CLAIMS), ids.stream().sorted().toList());
  }

  @Test
  void risRecordOfASeedArticleHasItsFields() throws Exception {
    HttpResponse<String> response = server.get("/api/export?format=ris&q=" + enc("id:" + SeedIndex.KILL_CLAIMS));
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/x-research-info-systems", mediaType(response));
    List<String> lines = List.of(response.body().split("\r\n"));
    assertEquals("TY  - NEWS", lines.get(0));
    assertTrue(lines.contains("ID  - " + SeedIndex.KILL_CLAIMS), lines.toString());
    assertTrue(lines.contains("TI  - US Military Kill Claims Raise the Stakes"));
    assertTrue(lines.contains("T2  - seed-articles"));
    assertTrue(lines.contains("KW  - Tren de Aragua"), "actors are keywords");
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("AB  - The reported US military kill of a Tren de Aragua leader")));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("N1  - Exported from Morgue ")
        && l.contains("query \"id:" + SeedIndex.KILL_CLAIMS + "\"") && l.contains("1 of 3 articles matched")), lines.toString());
    assertEquals("ER  - ", lines.get(lines.size() - 1));
    assertEquals(1, lines.stream().filter(l -> l.startsWith("TY  - ")).count());
    for (String line : lines) {
      assertTrue(line.isEmpty() || line.matches("[A-Z][A-Z0-9]  - .*"), "every line is a RIS tag: " + line);
    }
  }

  @Test
  void anArticleWithLineBreaksStaysOneRisLineAndOneCsvRecord() throws Exception {
    String ris = server.get("/api/export?format=ris&q=" + enc("id:" + FORMULA)).body();
    assertTrue(ris.contains("AB  - Officials said a Venezuela story may have line breaks.\r\n"), ris);
    List<List<String>> rows = parseCsv(server.get("/api/export?format=csv&q=" + enc("id:" + FORMULA)).body());
    assertEquals(2, rows.size());
  }

  @Test
  void missingOrUnknownFormatIsA400NamingFormat() throws Exception {
    for (String query : List.of("", "?format=xls", "?format=csv&format=ris", "?q=Venezuela")) {
      HttpResponse<String> response = server.get("/api/export" + query);
      assertEquals(400, response.statusCode(), query);
      assertEquals(Problem.MEDIA_TYPE, mediaType(response));
      assertEquals("format", JSON.readTree(response.body()).get("parameter").asText(), query);
    }
    assertTrue(server.getJson("/api/export?format=xls", 400).get("detail").asText().contains("'xls'"));
  }

  /**
   * A client that says what it takes instead of naming a format (curl -H 'Accept: text/csv', a
   * reference manager asking for RIS) gets that format; the parameter, where given, decides.
   */
  @Test
  void withoutAFormatTheAcceptHeaderChoosesOneAndEachHasItsOwnEntityTag() throws Exception {
    Map<String, String> etags = new LinkedHashMap<>();
    for (String[] asked : new String[][] {{"text/csv", "text/csv"}, {"application/x-ndjson", "application/x-ndjson"},
        {"application/x-research-info-systems", "application/x-research-info-systems"},
        {"text/csv;q=0.5, application/x-research-info-systems;q=0.9, */*;q=0.1", "application/x-research-info-systems"},
        {"text/html, application/jsonl", "application/x-ndjson"}}) {
      HttpResponse<String> response = accepting("/api/export?q=Venezuela", asked[0]);
      assertEquals(200, response.statusCode(), asked[0] + ": " + response.body());
      assertEquals(asked[1], mediaType(response), asked[0]);
      assertTrue(response.headers().allValues("Vary").stream().anyMatch(vary -> vary.contains("Accept")),
          response.headers().allValues("Vary").toString());
      etags.put(asked[1], response.headers().firstValue("ETag").orElseThrow());
    }
    assertEquals(3, new java.util.HashSet<>(etags.values()).size(), "one entity tag per format: " + etags);
    assertTrue(accepting("/api/export?q=Venezuela", "text/csv").body().startsWith("\uFEFFid,title,"));
    // The parameter decides over the header.
    assertEquals("application/x-research-info-systems", mediaType(accepting("/api/export?q=Venezuela&format=ris", "text/csv")));
    // A header that names no format, or refuses the one it names, still needs the parameter.
    for (String accept : List.of("*/*", "application/xml", "text/csv;q=0")) {
      HttpResponse<String> refused = accepting("/api/export?q=Venezuela", accept);
      assertEquals(400, refused.statusCode(), accept);
      assertTrue(JSON.readTree(refused.body()).get("detail").asText().contains("Accept header"), refused.body());
    }
    // A copy's tag is current for its own format only.
    HttpRequest stale = HttpRequest.newBuilder(URI.create(server.base() + "/api/export?q=Venezuela"))
        .header("Accept", "application/x-research-info-systems").header("If-None-Match", etags.get("text/csv")).build();
    assertEquals(200, server.send(stale).statusCode());
    HttpRequest current = HttpRequest.newBuilder(URI.create(server.base() + "/api/export?q=Venezuela"))
        .header("Accept", "text/csv").header("If-None-Match", etags.get("text/csv")).build();
    assertEquals(304, server.send(current).statusCode());
  }

  private static HttpResponse<String> accepting(String pathAndQuery, String accept) throws Exception {
    return server.send(HttpRequest.newBuilder(URI.create(server.base() + pathAndQuery)).header("Accept", accept).build());
  }

  @Test
  void badSearchParametersAre400sBeforeAnyFileIsSent() throws Exception {
    HttpResponse<String> response = server.get("/api/export?format=csv&q=" + enc("colour:red"));
    assertEquals(400, response.statusCode());
    assertEquals(Problem.MEDIA_TYPE, mediaType(response));
    assertTrue(response.headers().firstValue("Content-Disposition").isEmpty());
    assertEquals("q", JSON.readTree(response.body()).get("parameter").asText());
    assertEquals("colour", server.getJson("/api/export?format=csv&colour=red", 400).get("parameter").asText());
  }

  /**
   * An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. A CSV export
   * starts with a byte order mark, so Excel reads it as UTF-8.
   */
  static List<List<String>> parseCsv(String text) {
    assertTrue(text.startsWith("\uFEFF"), "a CSV export starts with a byte order mark: " + text.substring(0, Math.min(20, text.length())));
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    assertFalse(quoted, "unterminated quoted field");
    assertTrue(row.isEmpty() && cell.isEmpty(), "the last row ends in CRLF");
    return rows;
  }
}
