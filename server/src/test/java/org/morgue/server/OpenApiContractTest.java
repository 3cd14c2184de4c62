package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.RunningServer.JSON;
import static org.morgue.server.RunningServer.enc;
import static org.morgue.server.RunningServer.mediaType;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.response.ResponseValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiPathImpl;
import com.atlassian.oai.validator.model.NormalisedPathImpl;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.server.curation.CurationRequests;
import org.morgue.server.http.AccessLog;
import org.morgue.server.http.SearchAdmission;
import org.morgue.curation.Curation;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.Curators;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;
import org.morgue.server.problem.Problem;
import org.morgue.server.problem.ProblemCode;
import org.morgue.search.Facet;
import org.morgue.server.api.SearchParameters;

/**
 * The hand-written OpenAPI document against the running server, judged by a real OpenAPI validator
 * (Atlassian's openapi-request-validator: swagger-parser reads the document, networknt's
 * json-schema-validator checks bodies and headers). Two servers over the shipped corpus, one taking
 * live updates and one read-only, are called with real HTTP for every operation and every status the
 * document lists; each answer's status, content type, headers and body must be what the document
 * says, and every request meant to be valid must be valid by the document too.
 */
class OpenApiContractTest {
  static final String TOKEN = "openapi-contract-token-4d1e";
  /** Small, so a 413 costs a small body. */
  static final int BODY_LIMIT = 64 * 1024;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path tmp;
  static ArchiveSearcher searcher;
  static Curation curation;
  static LiveIndex live;
  static Javalin writable;
  static Javalin readOnly;
  /** A server that lets one index read run and queues none, held busy by the test for its 429s. */
  static Javalin busy;
  static SearchAdmission busyAdmission = new SearchAdmission(1, 0);
  static JsonNode doc;
  static OpenAPI api;
  /** Requests are matched to their operation by path, as any client's would be. */
  static OpenApiInteractionValidator requests;
  /**
   * Answers are checked against the operation the test called, named by its path template: the
   * validator's own path matching reads {@code /api/articles/} (an empty id) as {@code /api/articles}.
   */
  static ResponseValidator responses;
  /** "METHOD /path/template STATUS" for every answer validated so far. */
  static final Set<String> validated = new TreeSet<>();
  /** The document's schemas read as ajv reads them, made on first use ({@link #everySchemaIsOneAjvCompiles}). */
  static NullableAsAjvReadsIt strict;

  @BeforeAll
  static void start() throws Exception {
    Path index = SeedIndex.shippedCorpus(tmp);
    searcher = ArchiveSearcher.open(index);
    curation = Curation.open(tmp.resolve("curation"));
    live = LiveIndex.open(() -> ArchiveWriter.open(index), new ArchiveIndexer(ArticleFiles.standard(),
        ArticleEnricher.standard(), ArchiveIndexer.COMMIT_EVERY, 1, curation), searcher, curation, Map.of());
    LiveUpdates updates = new LiveUpdates(live, Curators.single(BearerToken.of(TOKEN, "the test")), BODY_LIMIT);
    writable = MorgueServer.create(searcher, Optional.of(updates), HttpOptions.defaults(), Optional.of(curation))
        .start("127.0.0.1", 0);
    readOnly = MorgueServer.create(searcher).start("127.0.0.1", 0);
    // Takes curators' changes too, so that a saved search's run (a write that reads the index) meets its 429.
    busy = MorgueServer.create(searcher, Optional.of(updates), new HttpOptions(List.of(), 1, 0), AccessLog.toLogger(),
        busyAdmission, Optional.of(curation)).start("127.0.0.1", 0);

    // The collection the document's example of the collection filter names: an id no collection has is
    // an unknown filter value, which an export refuses.
    assertEquals(201, send(writable, "POST", "/api/collections", "{\"name\": \"Reading list\"}",
        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN)).statusCode());

    HttpResponse<String> served = send(writable, "GET", "/api/openapi.json", null, Map.of());
    assertEquals(200, served.statusCode());
    doc = JSON.readTree(served.body());
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, options);
    assertEquals(List.of(), parsed.getMessages(), "swagger-parser reads the document without complaint");
    api = parsed.getOpenAPI();
    // Every finding is an error; the server refuses unknown query parameters, so the validator does too.
    requests = OpenApiInteractionValidator.createForInlineApiSpecification(served.body())
        .withLevelResolver(LevelResolver.create().withDefaultLevel(ValidationReport.Level.ERROR)
            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR).build())
        .build();
    MessageResolver messages = new MessageResolver();
    responses = new ResponseValidator(new SchemaValidator(api, messages), messages, api, List.of());
  }

  @AfterAll
  static void stop() throws IOException {
    writable.stop();
    readOnly.stop();
    busy.stop();
    live.close();
    curation.close();
    searcher.close();
  }

  @Test
  void theServedDocumentIsTheResourceAndDescribesEveryEndpoint() throws Exception {
    try (InputStream in = MorgueServer.class.getResourceAsStream(MorgueServer.OPENAPI_RESOURCE)) {
      assertEquals(JSON.readTree(in), doc);
    }
    assertEquals("3.0.3", api.getOpenapi());
    Map<String, Set<String>> expected = Map.of(
        "/api/search", Set.of("GET"),
        "/api/articles/{id}", Set.of("GET", "DELETE"),
        "/api/articles/{id}/related", Set.of("GET"),
        "/api/articles", Set.of("POST"),
        "/api/suggest", Set.of("GET"),
        "/api/export", Set.of("GET"),
        "/api/feed", Set.of("GET"),
        "/api/health", Set.of("GET"),
        "/api/stats", Set.of("GET"),
        "/api/openapi.json", Set.of("GET"));
    expected = new java.util.HashMap<>(expected);
    expected.put("/api/articles/{id}/diff", Set.of("GET"));
    expected.put("/api/articles/{id}/matches", Set.of("GET"));
    expected.putAll(Map.of(
        "/api/collections", Set.of("GET", "POST"),
        "/api/collections/{id}", Set.of("GET", "PATCH", "DELETE"),
        "/api/collections/{id}/articles", Set.of("POST", "DELETE"),
        "/api/collections/{id}/articles/{articleId}", Set.of("PATCH", "DELETE"),
        "/api/saved-searches", Set.of("GET", "POST"),
        "/api/saved-searches/{id}", Set.of("GET", "PUT", "DELETE"),
        "/api/saved-searches/{id}/run", Set.of("POST"),
        "/api/saved-searches/{id}/feed", Set.of("GET")));
    expected.putAll(Map.of(
        "/api/corrections", Set.of("GET", "PUT"),
        "/api/corrections/actors/{name}", Set.of("GET", "PUT", "PATCH", "DELETE"),
        "/api/corrections/articles/{id}", Set.of("GET", "PUT", "PATCH", "DELETE"),
        "/api/changes", Set.of("GET"),
        "/api/changes/export", Set.of("GET"),
        "/api/curator", Set.of("GET"),
        "/api/collections/{id}/export", Set.of("GET"),
        "/api/collections/{id}/feed", Set.of("GET")));
    expected.put("/api/corrections/sources/{name}", Set.of("GET", "PUT", "DELETE"));
    expected.putAll(Map.of(
        "/api/stories/{storyId}", Set.of("GET"),
        "/api/stories/{storyId}/record", Set.of("GET", "PUT", "DELETE"),
        "/api/articles/{id}/story", Set.of("GET", "PUT", "DELETE"),
        "/api/problems", Set.of("GET"),
        "/api/problems/{code}", Set.of("GET")));
    assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(api.getPaths().keySet()));
    expected.forEach((path, methods) -> {
      Set<String> documented = new TreeSet<>();
      api.getPaths().get(path).readOperationsMap().keySet().forEach(method -> documented.add(method.name()));
      assertEquals(new TreeSet<>(methods), documented, path);
    });
    for (String path : api.getPaths().keySet()) {
      api.getPaths().get(path).readOperationsMap().forEach((method, operation) -> {
        if (method != PathItem.HttpMethod.GET) {
          assertEquals(1, Optional.ofNullable(operation.getSecurity()).orElse(List.of()).size(),
              method + " " + path + " needs the bearer token");
          assertTrue(operation.getResponses().containsKey("401"), method + " " + path + " documents 401");
          assertTrue(operation.getResponses().containsKey("403"), method + " " + path + " documents 403");
        }
      });
    }
  }

  @Test
  void everySchemaIsOneAjvCompiles() {
    // ajv refuses nullable without a type, and applies a nullable enum as it is: the null the server
    // sends must be in the enum itself. Every answer below is validated that way too.
    assertEquals(List.of(), NullableAsAjvReadsIt.refusals(doc));
  }

  @Test
  void everyOperationDocumentsAnyOtherProblemAsItsDefault() throws Exception {
    // A server still opening its index answers every request 503 archive_unavailable: each operation's
    // default response (or its own 503) must describe it, so generated clients type it as a problem.
    try (StartingServer starting = StartingServer.start("127.0.0.1", 0)) {
      for (String template : api.getPaths().keySet()) {
        String path = template.replace("{id}", "x").replace("{articleId}", "y").replace("{name}", "z")
            .replace("{storyId}", "s").replace("{code}", "not_found");
        for (PathItem.HttpMethod method : api.getPaths().get(template).readOperationsMap().keySet()) {
          HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
              + starting.port() + path)).method(method.name(), HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
          assertEquals(503, response.statusCode(), method + " " + path);
          assertTrue(documents(method.name(), template, "default") || documents(method.name(), template, "503"),
              method + " " + template + " documents a default response");
          assertValid(method + " " + template + " -> 503", validateResponse(method.name(), template, path, response));
          assertStrictlyValid(method.name(), template, path, response);
        }
      }
    }
  }

  @Test
  void everyProblemCodeTheServerAnswersIsDocumentedWithItsStatus() {
    JsonNode code = doc.at("/components/schemas/Problem/properties/code");
    Set<String> documented = new TreeSet<>();
    code.get("enum").forEach(value -> documented.add(value.asText()));
    Set<String> answered = new TreeSet<>();
    List<String> types = new ArrayList<>();
    for (ProblemCode problem : ProblemCode.values()) {
      answered.add(problem.code());
      types.add(problem.type());
      // The description the server answers at the type's address is the one documented here.
      assertTrue(code.get("description").asText().contains(problem.code() + " (" + problem.status() + "): "
          + problem.description()), problem.code() + " is documented with status " + problem.status()
          + " and the description GET " + problem.type() + " answers");
    }
    assertEquals(answered, documented);
    List<String> typesDocumented = new ArrayList<>();
    doc.at("/components/schemas/Problem/properties/type/enum").forEach(value -> typesDocumented.add(value.asText()));
    assertEquals(new TreeSet<>(types), new TreeSet<>(typesDocumented), "every problem type");
  }

  @Test
  void everyExampleFitsItsSchema() {
    SchemaValidator schemas = new SchemaValidator(api, new MessageResolver());
    List<String> failures = new ArrayList<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
      operation.getResponses().forEach((status, response) -> content(response).forEach((media, type) -> {
        String where = method + " " + path + " " + status + " " + media;
        assertNotNull(type.getExample(), where + " has an example");
        if (isJson(media)) {
          collect(failures, where, schemas.validate(json(type.getExample()), type.getSchema(), "response.body"));
        }
      }));
      if (operation.getRequestBody() != null) {
        operation.getRequestBody().getContent().forEach((media, type) -> {
          assertNotNull(type.getExample(), method + " " + path + " request " + media + " has an example");
          if (isJson(media)) {
            collect(failures, method + " " + path + " request " + media,
                schemas.validate(json(type.getExample()), type.getSchema(), "request.body"));
          }
        });
      }
      List<Parameter> parameters = new ArrayList<>(Optional.ofNullable(item.getParameters()).orElse(List.of()));
      parameters.addAll(Optional.ofNullable(operation.getParameters()).orElse(List.of()));
      for (Parameter parameter : parameters) {
        if (parameter.getExample() != null) {
          // A parameter's value is validated as the text of the query string, not as JSON.
          Schema<?> schema = "array".equals(parameter.getSchema().getType()) ? parameter.getSchema().getItems()
              : parameter.getSchema();
          collect(failures, method + " " + path + " parameter " + parameter.getName(),
              schemas.validate(example(parameter), schema, "request.parameter"));
        }
      }
    }));
    assertEquals(List.of(), failures);
  }

  @Test
  void theDocumentedFacetParametersAreExactlyTheContractsFacets() {
    // Facet (in the search contract) is the one list of facets; the document must follow it, in order.
    Set<String> notFacets = Set.of("q", "from", "to", "sort", "size", "facetLimit", "facetOrder", "cursor", "interval", "format",
        "group", "title");
    for (String path : List.of("/api/search", "/api/export", "/api/feed")) {
      List<String> filters = new ArrayList<>();
      List<String> prefixes = new ArrayList<>();
      for (Parameter parameter : queryParameters(path)) {
        String name = parameter.getName();
        if (name.startsWith(SearchParameters.FACET_PREFIX)) {
          prefixes.add(name.substring(SearchParameters.FACET_PREFIX.length()));
        } else if (!notFacets.contains(name)) {
          filters.add(name);
        }
      }
      assertEquals(Facet.ids(), filters, path + " documents one filter parameter per facet, in Facet's order");
      assertEquals(path.equals("/api/search") ? Facet.ids() : List.of(), prefixes,
          path + " documents a facetPrefix.<facet> parameter for every facet it counts");
    }
    Set<String> suggested = new TreeSet<>();
    doc.at("/components/schemas/Suggestions/properties/suggestions/items/properties/facet/enum")
        .forEach(value -> suggested.add(value.asText()));
    assertTrue(!suggested.isEmpty() && Facet.ids().containsAll(suggested), "suggestions name facets: " + suggested);
  }

  @Test
  void everyDocumentedQueryParameterIsAcceptedWithItsExampleOrEmpty() throws Exception {
    for (String path : List.of("/api/search", "/api/export", "/api/feed", "/api/suggest")) {
      for (Parameter parameter : queryParameters(path)) {
        String name = parameter.getName();
        String required = path.equals("/api/export") && !name.equals("format") ? "&format=csv"
            : path.equals("/api/suggest") && !name.equals("prefix") ? "&prefix=Tr" : "";
        call(path, path + "?" + enc(name) + "=" + enc(example(parameter)) + required, 200);
        if (!Boolean.TRUE.equals(parameter.getRequired()) && !"array".equals(parameter.getSchema().getType())) {
          // Given empty, an optional parameter is as if left out (sort= too), and the document says so.
          assertEquals(Boolean.TRUE, parameter.getAllowEmptyValue(), path + " " + name + " allows an empty value");
          String empty = path + "?" + enc(name) + "=" + required;
          HttpResponse<String> response = send(writable, "GET", empty, null, Map.of());
          assertEquals(200, response.statusCode(), empty + " -> " + response.body());
          // The validator honours allowEmptyValue only for plain strings (not dates or numbers): check
          // the request as the document defines it, without the empty parameter.
          String leftOut = required.isEmpty() ? path : path + "?" + required.substring(1);
          assertValid(empty, requests.validateRequest(request("GET", leftOut, null, Map.of())));
          assertValid(empty + " -> 200", validateResponse("GET", path, empty, response));
        }
      }
    }
  }

  @Test
  void everyOperationAnswersEachDocumentedStatusAsTheDocumentSays() throws Exception {
    reads();
    writes();
    curation();
    Optional<String> noDisk = writesToAFullDisk();
    Set<String> documented = new TreeSet<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
        operation.getResponses().keySet().stream().filter(status -> !status.equals("default"))
            .forEach(status -> documented.add(method + " " + path + " " + status))));
    // Every answer here is of a status its operation lists; each default is met on a starting server
    // (everyOperationDocumentsAnyOtherProblemAsItsDefault).
    if (noDisk.isPresent()) {
      documented.removeAll(FULL_DISK);
    }
    assertEquals(documented, validated, "every documented status of every operation was answered and validated");
    Assumptions.assumeTrue(noDisk.isEmpty(), () -> FULL_DISK + " not checked: " + noDisk.get());
  }

  /** What only a full disk answers: the article writes, and every curation write. */
  static final Set<String> FULL_DISK = Set.of("POST /api/articles 507", "DELETE /api/articles/{id} 507",
      "PUT /api/articles/{id}/story 507", "DELETE /api/articles/{id}/story 507", "POST /api/collections 507",
      "PATCH /api/collections/{id} 507", "DELETE /api/collections/{id} 507", "POST /api/collections/{id}/articles 507",
      "DELETE /api/collections/{id}/articles 507", "PATCH /api/collections/{id}/articles/{articleId} 507",
      "DELETE /api/collections/{id}/articles/{articleId} 507", "POST /api/saved-searches 507",
      "PUT /api/saved-searches/{id} 507", "DELETE /api/saved-searches/{id} 507", "POST /api/saved-searches/{id}/run 507",
      "PUT /api/corrections 507", "PUT /api/corrections/actors/{name} 507", "PATCH /api/corrections/actors/{name} 507",
      "DELETE /api/corrections/actors/{name} 507", "PUT /api/corrections/sources/{name} 507",
      "DELETE /api/corrections/sources/{name} 507", "PUT /api/corrections/articles/{id} 507",
      "PATCH /api/corrections/articles/{id} 507", "DELETE /api/corrections/articles/{id} 507",
      "PUT /api/stories/{storyId}/record 507", "DELETE /api/stories/{storyId}/record 507");

  /**
   * Articles posted and deleted on a server whose index is on a small disk filled to the last byte;
   * the reason when no such disk can be mounted here (SmallDisk).
   */
  static Optional<String> writesToAFullDisk() throws Exception {
    SmallDisk.Mounted mounted = SmallDisk.mount(tmp.resolve("small-disk"), "16m");
    if (mounted.disk().isEmpty()) {
      return Optional.of(mounted.refusal());
    }
    try (SmallDisk disk = mounted.disk().get()) {
      Path index = IndexCopies.copy(SeedIndex.build(tmp.resolve("full-seed"), Map.of()), disk.folder().resolve("index"));
      try (ArchiveSearcher fullSearcher = ArchiveSearcher.open(index);
          LiveIndex fullLive = LiveIndex.open(() -> ArchiveWriter.open(index), new ArchiveIndexer(ArticleFiles.standard(),
              ArticleEnricher.standard()), fullSearcher)) {
        Javalin full = MorgueServer.create(fullSearcher, Optional.of(new LiveUpdates(fullLive,
            BearerToken.of(TOKEN, "the test"), BODY_LIMIT))).start("127.0.0.1", 0);
        try {
          Map<String, String> token = Map.of("Authorization", "Bearer " + TOKEN);
          disk.fillUp();
          call(full, "DELETE", "/api/articles/{id}", "/api/articles/" + SeedIndex.KILL_CLAIMS, null, token, 507);
          disk.fillUp();
          String article = JSON.writeValueAsString(Map.of("id", "full-disk", "title", "Trump escalates Venezuela crackdown",
              "body", Files.readString(SeedIndex.SHIPPED_CORPUS.resolve("seed-articles").resolve(SeedIndex.CRACKDOWN + ".txt"))));
          call(full, "POST", "/api/articles", "/api/articles", article,
              Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN), 507);
        } finally {
          full.stop();
        }
      }
      disk.free();
      curationOnAFullDisk(disk);
    }
    return Optional.empty();
  }

  /**
   * Every curation write on a server whose index and curation share a disk filled to the last byte.
   * The journal's last page may still hold a short line: short changes are made until one is refused,
   * and each write then gives a long reason, which no page's remainder holds.
   */
  private static void curationOnAFullDisk(SmallDisk disk) throws Exception {
    Path index = IndexCopies.copy(SeedIndex.build(tmp.resolve("curated-full-seed"), Map.of()),
        disk.folder().resolve("curated-index"));
    try (Curation fullCuration = Curation.open(disk.folder().resolve("curation"));
        ArchiveSearcher fullSearcher = ArchiveSearcher.open(index);
        LiveIndex fullLive = LiveIndex.open(() -> ArchiveWriter.open(index), new ArchiveIndexer(ArticleFiles.standard(),
            ArticleEnricher.standard(), ArchiveIndexer.COMMIT_EVERY, 1, fullCuration), fullSearcher, fullCuration,
            Map.of())) {
      Javalin full = MorgueServer.create(fullSearcher, Optional.of(new LiveUpdates(fullLive,
          Curators.single(BearerToken.of(TOKEN, "the test")), BODY_LIMIT)), HttpOptions.defaults(),
          Optional.of(fullCuration)).start("127.0.0.1", 0);
      try {
        Map<String, String> token = Map.of("Authorization", "Bearer " + TOKEN);
        Map<String, String> json = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN);
        Map<String, String> anyJson = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN,
            "If-Match", "*");
        Map<String, String> mergePatch = Map.of("Content-Type", "application/merge-patch+json", "Authorization",
            "Bearer " + TOKEN);
        String crackdown = SeedIndex.CRACKDOWN;
        String killClaims = SeedIndex.KILL_CLAIMS;
        // What the writes change, made while there is room.
        String coll = "/api/collections/" + JSON.readTree(made(full, "POST", "/api/collections",
            "{\"name\": \"Desk file\"}", json).body()).get("id").asText();
        made(full, "POST", coll + "/articles", "{\"ids\": [\"" + crackdown + "\"]}", json);
        String search = "/api/saved-searches/" + JSON.readTree(made(full, "POST", "/api/saved-searches",
            "{\"name\": \"Aragua\", \"search\": {\"q\": \"Aragua\"}}", json).body()).get("id").asText();
        made(full, "PUT", "/api/corrections/actors/Venezuela", "{\"type\": \"government\"}", json);
        made(full, "PUT", "/api/corrections/sources/seed-articles", "{\"renameTo\": \"Seed desk\"}", json);
        made(full, "PUT", "/api/corrections/articles/" + crackdown, "{\"title\": \"The Venezuela crackdown\"}", json);
        made(full, "PUT", "/api/articles/" + killClaims + "/story", "{\"story\": \"" + crackdown + "\"}", json);
        String storyId = JSON.readTree(send(full, "GET", "/api/articles/" + crackdown, null, Map.of()).body())
            .get("story").get("id").asText();
        String record = "/api/stories/" + storyId + "/record";
        made(full, "PUT", record, "{\"articleId\": \"" + crackdown + "\"}", json);

        disk.fillUp();
        for (int pad = 1; send(full, "POST", "/api/collections", "{\"name\": \"Pad " + pad + "\"}", json).statusCode()
            == 201; pad++) {
          assertTrue(pad < 100, "the journal's last page took 100 short changes");
        }
        String why = "a reason as long as a page of notes: " + "the desk asked for it. ".repeat(50);
        String reason = ", \"reason\": \"" + why + "\"}";
        String query = "reason=" + enc(why);
        call(full, "POST", "/api/collections", "/api/collections", "{\"name\": \"Raids\"" + reason, json, 507);
        call(full, "PATCH", "/api/collections/{id}", coll, "{\"description\": \"Raids\"" + reason, json, 507);
        call(full, "DELETE", "/api/collections/{id}", coll + "?" + query, null, token, 507);
        call(full, "POST", "/api/collections/{id}/articles", coll + "/articles", "{\"ids\": [\"" + killClaims + "\"]"
            + reason, json, 507);
        call(full, "DELETE", "/api/collections/{id}/articles", coll + "/articles?id=" + crackdown + "&" + query, null,
            token, 507);
        call(full, "PATCH", "/api/collections/{id}/articles/{articleId}", coll + "/articles/" + crackdown,
            "{\"note\": \"policy\"" + reason, json, 507);
        call(full, "DELETE", "/api/collections/{id}/articles/{articleId}", coll + "/articles/" + crackdown + "?" + query,
            null, token, 507);
        call(full, "POST", "/api/saved-searches", "/api/saved-searches", "{\"name\": \"Maduro\", \"search\":"
            + " {\"q\": \"Maduro\"}" + reason, json, 507);
        call(full, "PUT", "/api/saved-searches/{id}", search, "{\"name\": \"Aragua, newest\", \"search\":"
            + " {\"q\": \"Aragua\", \"sort\": \"newest\"}" + reason, anyJson, 507);
        call(full, "DELETE", "/api/saved-searches/{id}", search + "?" + query, null, token, 507);
        call(full, "POST", "/api/saved-searches/{id}/run", search + "/run", null, token, 507);
        call(full, "PUT", "/api/corrections", "/api/corrections?" + query, "{\"actors\": [], \"articles\": []}",
            anyJson, 507);
        String actor = "/api/corrections/actors/{name}";
        call(full, "PUT", actor, "/api/corrections/actors/Venezuela", "{\"type\": \"place\"" + reason, anyJson, 507);
        call(full, "PATCH", actor, "/api/corrections/actors/Venezuela", "{\"type\": \"place\"" + reason, mergePatch,
            507);
        call(full, "DELETE", actor, "/api/corrections/actors/Venezuela?" + query, null, token, 507);
        String source = "/api/corrections/sources/{name}";
        call(full, "PUT", source, "/api/corrections/sources/seed-articles", "{\"renameTo\": \"The seed desk\"" + reason,
            anyJson, 507);
        call(full, "DELETE", source, "/api/corrections/sources/seed-articles?" + query, null, token, 507);
        String article = "/api/corrections/articles/{id}";
        call(full, "PUT", article, "/api/corrections/articles/" + crackdown, "{\"title\": \"Another title\"" + reason,
            anyJson, 507);
        call(full, "PATCH", article, "/api/corrections/articles/" + crackdown, "{\"title\": \"Another title\""
            + reason, mergePatch, 507);
        call(full, "DELETE", article, "/api/corrections/articles/" + crackdown + "?" + query, null, token, 507);
        call(full, "PUT", "/api/stories/{storyId}/record", record, "{\"articleId\": \"" + killClaims + "\"" + reason,
            anyJson, 507);
        call(full, "DELETE", "/api/stories/{storyId}/record", record + "?" + query, null, token, 507);
        call(full, "PUT", "/api/articles/{id}/story", "/api/articles/" + killClaims + "/story", "{\"story\": null"
            + reason, anyJson, 507);
        call(full, "DELETE", "/api/articles/{id}/story", "/api/articles/" + killClaims + "/story?" + query, null, token,
            507);
      } finally {
        full.stop();
      }
    }
  }

  /** A write the full-disk checks need made first, with room. */
  private static HttpResponse<String> made(Javalin server, String method, String path, String body,
      Map<String, String> headers) throws Exception {
    HttpResponse<String> response = send(server, method, path, body, headers);
    assertTrue(response.statusCode() == 200 || response.statusCode() == 201, method + " " + path + " -> "
        + response.body());
    return response;
  }

  static void reads() throws Exception {
    call("/api/search", "/api/search?q=Venezuela&actor=" + enc("Tren de Aragua") + "&interval=year", 200);
    call("/api/search", "/api/search?q=Congress&sort=newest&size=2&facetLimit=3&facetPrefix.actor=Tr", 200);
    call("/api/search", "/api/search?size=0", 200);
    // A cursor is opaque to the document: a wrong one is a valid request answered 400.
    call("/api/search", "/api/search?cursor=AAAA", 400);
    refused("/api/search", "/api/search?colour=red", 400);
    // The validator trims a value of an array parameter and takes an empty one as no values at all,
    // so the document's refusal of an empty or blank facet value is checked on the items' schema.
    for (String blank : List.of("", " ")) {
      answered(writable, "GET", "/api/search", "/api/search?actor=" + enc(blank), null, Map.of(), 400);
      for (String facet : List.of("actor", "theme", "source")) {
        Parameter filter = api.getPaths().get("/api/search").getGet().getParameters().stream()
            .filter(p -> p.getName().equals(facet)).findFirst().orElseThrow();
        assertTrue(new SchemaValidator(api, new MessageResolver()).validate(blank, filter.getSchema().getItems(),
            "request.parameter").hasErrors(), facet + "='" + blank + "' is refused by the document");
      }
    }
    refused("/api/search", "/api/search?size=101", 400);

    call("/api/suggest", "/api/suggest?prefix=Tr&limit=3", 200);
    refused("/api/suggest", "/api/suggest", 400);
    refused("/api/suggest", "/api/suggest?prefix=", 400);

    call("/api/articles/{id}", "/api/articles/" + SeedIndex.KILL_CLAIMS, 200);
    call("/api/articles/{id}", "/api/articles/nope", 404);
    refused("/api/articles/{id}", "/api/articles/", 405);

    call("/api/articles/{id}/related", "/api/articles/" + SeedIndex.KILL_CLAIMS + "/related?size=3", 200);
    call("/api/articles/{id}/related", "/api/articles/nope/related", 404);
    refused("/api/articles/{id}/related", "/api/articles/" + SeedIndex.KILL_CLAIMS + "/related?size=21", 400);
    refused("/api/articles/{id}/related", "/api/articles/" + SeedIndex.KILL_CLAIMS + "/related?colour=red", 400);

    String matches = "/api/articles/" + SeedIndex.CRACKDOWN + "/matches?q=%22Venezuela+policy%22";
    call("/api/articles/{id}/matches", matches, 200);
    // A query that is not valid syntax is run as its plain words, and the answer says so, as a search's does.
    HttpResponse<String> interpreted = call("/api/articles/{id}/matches", "/api/articles/" + SeedIndex.CRACKDOWN
        + "/matches?q=" + enc("Trump's \"border"), 200);
    assertEquals("Trump's border", JSON.readTree(interpreted.body()).get("interpretedAs").asText(), interpreted.body());
    call("/api/articles/{id}/matches", "/api/articles/nope/matches?q=Venezuela", 404);
    refused("/api/articles/{id}/matches", "/api/articles/" + SeedIndex.CRACKDOWN + "/matches", 400);
    call("/api/articles/{id}/matches", "/api/articles/" + SeedIndex.CRACKDOWN + "/matches?q=title%3A%5Ba+TO", 400);

    String diff = "/api/articles/" + SeedIndex.KILL_CLAIMS + "/diff?with=" + SeedIndex.CRACKDOWN;
    call("/api/articles/{id}/diff", diff, 200);
    call("/api/articles/{id}/diff", "/api/articles/nope/diff?with=" + SeedIndex.CRACKDOWN, 404);
    call("/api/articles/{id}/diff", "/api/articles/" + SeedIndex.KILL_CLAIMS + "/diff?with=nope", 404);
    refused("/api/articles/{id}/diff", "/api/articles/" + SeedIndex.KILL_CLAIMS + "/diff", 400);
    refused("/api/articles/{id}/diff", diff + "&colour=red", 400);
    call("/api/search", "/api/search?q=Venezuela&group=articles", 200);
    refused("/api/search", "/api/search?group=copies", 400);

    for (String format : List.of("csv", "jsonl", "ris")) {
      HttpResponse<String> export = call("/api/export", "/api/export?q=Venezuela&format=" + format, 200);
      // The validator checks that the header is there; its JSON is checked against its declared schema here.
      Header provenance = api.getPaths().get("/api/export").getGet().getResponses().get("200").getHeaders()
          .get("X-Morgue-Provenance");
      MediaType declared = provenance.getContent().get("application/json");
      assertNotNull(declared, "X-Morgue-Provenance is declared as JSON");
      assertValid("X-Morgue-Provenance of " + format, new SchemaValidator(api, new MessageResolver()).validate(
          export.headers().firstValue("X-Morgue-Provenance").orElseThrow(), declared.getSchema(), "response.header"));
    }
    refused("/api/export", "/api/export?format=xls", 400);
    refused("/api/export", "/api/export?q=Venezuela", 400);

    call("/api/feed", "/api/feed?q=Venezuela", 200);
    refused("/api/feed", "/api/feed?from=yesterday", 400);

    // A validator from a 200 brings a 304 when nothing changed since.
    for (String[] read : List.of(new String[] {"/api/search", "/api/search?q=Venezuela"},
        new String[] {"/api/articles/{id}", "/api/articles/" + SeedIndex.KILL_CLAIMS},
        new String[] {"/api/articles/{id}/related", "/api/articles/" + SeedIndex.KILL_CLAIMS + "/related"},
        new String[] {"/api/articles/{id}/matches", matches},
        new String[] {"/api/articles/{id}/diff", diff},
        new String[] {"/api/export", "/api/export?q=Venezuela&format=csv"}, new String[] {"/api/feed", "/api/feed?q=Venezuela"},
        new String[] {"/api/stories/{storyId}", "/api/stories/" + SeedIndex.KILL_CLAIMS})) {
      String etag = call(read[0], read[1], 200).headers().firstValue("ETag").orElseThrow();
      call(writable, "GET", read[0], read[1], null, Map.of("If-None-Match", etag), 304);
    }
    // Every index read is refused with a 429 while the busy server's one place is taken (by the test).
    busyAdmission.enter();
    try {
      for (String[] read : List.of(new String[] {"/api/search", "/api/search?q=Venezuela"},
          new String[] {"/api/suggest", "/api/suggest?prefix=Tr"},
          new String[] {"/api/articles/{id}", "/api/articles/" + SeedIndex.KILL_CLAIMS},
          new String[] {"/api/articles/{id}/related", "/api/articles/" + SeedIndex.KILL_CLAIMS + "/related"},
          new String[] {"/api/articles/{id}/matches", matches},
          new String[] {"/api/articles/{id}/diff", diff},
          new String[] {"/api/export", "/api/export?q=Venezuela&format=csv"}, new String[] {"/api/feed", "/api/feed?q=Venezuela"},
        new String[] {"/api/stories/{storyId}", "/api/stories/" + SeedIndex.KILL_CLAIMS})) {
        call(busy, "GET", read[0], read[1], null, Map.of(), 429);
      }
    } finally {
      busyAdmission.leave();
    }

    call("/api/health", "/api/health", 200);
    call("/api/stats", "/api/stats", 200);
    // A server whose index folder was replaced by a file after it opened it (UnreadableIndexTest):
    // searches answer from what it opened, so health does too, degraded, and stats.
    Path brokenIndex = SeedIndex.build(tmp.resolve("broken"), Map.of());
    try (ArchiveSearcher brokenSearcher = ArchiveSearcher.open(brokenIndex)) {
      Javalin broken = MorgueServer.create(brokenSearcher).start("127.0.0.1", 0);
      try {
        IndexCopies.deleteQuietly(brokenIndex);
        java.nio.file.Files.writeString(brokenIndex, "not an index");
        HttpResponse<String> degraded = call(broken, "GET", "/api/health", "/api/health", null, Map.of(), 200);
        assertEquals("degraded", JSON.readTree(degraded.body()).get("status").asText(), degraded.body());
        call(broken, "GET", "/api/stats", "/api/stats", null, Map.of(), 200);
      } finally {
        broken.stop();
      }
    }
    // Health and stats unavailable, as a server answers them while it starts (UnreadableIndexTest has a
    // running server's over a cluster whose index is gone).
    try (StartingServer starting = StartingServer.start("127.0.0.1", 0)) {
      for (String path : List.of("/api/health", "/api/stats")) {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + starting.port()
            + path)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(503, response.statusCode(), path + " -> " + response.body());
        assertValid("GET " + path + " -> 503", validateResponse("GET", path, path, response));
        assertStrictlyValid("GET", path, path, response);
        validated.add("GET " + path + " 503");
      }
    }
    call("/api/openapi.json", "/api/openapi.json", 200);
    revalidated(writable, "/api/openapi.json", "/api/openapi.json");
    call("/api/problems", "/api/problems", 200);
    refused("/api/problems", "/api/problems?bogus=1", 400);
    call("/api/problems/{code}", "/api/problems/unknown_article", 200);
    call("/api/problems/{code}", "/api/problems/unknown_thing", 404);
    refused("/api/problems/{code}", "/api/problems/not_found?bogus=1", 400);
    // The OpenAPI media type, asked for alone, is answered as that type (validated as the document lists it).
    HttpResponse<String> ownType = call(writable, "GET", "/api/openapi.json", "/api/openapi.json", null,
        Map.of("Accept", "application/vnd.oai.openapi+json"), 200);
    assertEquals("application/vnd.oai.openapi+json", mediaType(ownType));
  }

  static void writes() throws Exception {
    String article = "{\"id\": \"openapi-contract\", \"title\": \"Allied airlift thwarts the Berlin blockade\","
        + " \"body\": \"The Soviet effort to capture Berlin by blockade was thwarted by the Allied airlift.\"}";
    Map<String, String> json = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN);
    Map<String, String> lines = Map.of("Content-Type", "application/x-ndjson", "Authorization", "Bearer " + TOKEN);
    Map<String, String> token = Map.of("Authorization", "Bearer " + TOKEN);
    call(writable, "POST", "/api/articles", "/api/articles", article, json, 201);
    call(writable, "POST", "/api/articles", "/api/articles", article, json, 200);
    call(writable, "POST", "/api/articles", "/api/articles", "{\"body\": \"Only a body, as the format allows.\"}", json, 201);
    call(writable, "POST", "/api/articles", "/api/articles", "{\"title\": \"Only a title\"}", json, 201);
    call(writable, "POST", "/api/articles", "/api/articles",
        "{\"id\": \"lines-1\", \"body\": \"One.\"}\n{\"id\": \"lines-2\", \"title\": \"Two\"}\n", lines, 201);
    call(writable, "POST", "/api/articles", "/api/articles", "{\"id\": \"lines-3\", \"lede\": \"Three.\"}\n",
        Map.of("Content-Type", "application/jsonl", "Authorization", "Bearer " + TOKEN), 201);
    refused(writable, "POST", "/api/articles", "/api/articles", "{\"title\": \"\"}", json, 400);
    refused(writable, "POST", "/api/articles", "/api/articles", "{\"title\": \" \", \"body\": \"\\n\"}", json, 400);
    refused(writable, "POST", "/api/articles", "/api/articles", article, Map.of("Content-Type", "application/json"), 401);
    // A wrong token is well-formed: only the server can tell it is not its own.
    call(writable, "POST", "/api/articles", "/api/articles", article,
        Map.of("Content-Type", "application/json", "Authorization", "Bearer wrong-token"), 401);
    // Live updates being off is the server's configuration, not the request's fault.
    call(readOnly, "POST", "/api/articles", "/api/articles", article, json, 403);
    call(writable, "POST", "/api/articles", "/api/articles", "{\"body\": \"" + "x".repeat(BODY_LIMIT) + "\"}", json, 413);
    refused(writable, "POST", "/api/articles", "/api/articles", article,
        Map.of("Content-Type", "text/plain", "Authorization", "Bearer " + TOKEN), 415);

    // A write over a version the article no longer has is refused.
    Map<String, String> stale = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN,
        "If-Match", "\"0000\"");
    call(writable, "POST", "/api/articles", "/api/articles", article, stale, 412);
    call(writable, "DELETE", "/api/articles/{id}", "/api/articles/openapi-contract", null,
        Map.of("Authorization", "Bearer " + TOKEN, "If-Match", "\"0000\""), 412);
    call(writable, "DELETE", "/api/articles/{id}", "/api/articles/openapi-contract", null, token, 204);
    call(writable, "DELETE", "/api/articles/{id}", "/api/articles/openapi-contract", null, token, 404);
    refused(writable, "DELETE", "/api/articles/{id}", "/api/articles/lines-1?reason=" + "x".repeat(2_001), null, token,
        400);
    refused(writable, "DELETE", "/api/articles/{id}", "/api/articles/lines-1", null, Map.of(), 401);
    // A reason as a body: plain text is no JSON, and a body past 64 KiB is no reason.
    refused(writable, "DELETE", "/api/articles/{id}", "/api/articles/lines-1", "a reason, as plain text",
        Map.of("Content-Type", "text/plain", "Authorization", "Bearer " + TOKEN), 415);
    refused(writable, "DELETE", "/api/articles/{id}", "/api/articles/lines-1", "{\"reason\": \"" + "x".repeat(70_000) + "\"}",
        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN), 413);
    call(readOnly, "DELETE", "/api/articles/{id}", "/api/articles/lines-1", null, token, 403);
    refused(writable, "DELETE", "/api/articles/{id}", "/api/articles/", null, token, 405);
  }

  /** Every curation operation and status: collections, saved searches, corrections, the changes record. */
  static void curation() throws Exception {
    Map<String, String> json = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN);
    Map<String, String> token = Map.of("Authorization", "Bearer " + TOKEN);
    Map<String, String> staleJson = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN,
        "If-Match", "\"v99\"");
    Map<String, String> stale = Map.of("Authorization", "Bearer " + TOKEN, "If-Match", "\"v99\"");
    Map<String, String> anyJson = Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN,
        "If-Match", "*");
    Map<String, String> asForm = Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization",
        "Bearer " + TOKEN, "If-Match", "*");

    // Whose a token is: what the page asks at sign-in.
    HttpResponse<String> whoAmI = call(writable, "GET", "/api/curator", "/api/curator", null, token, 200);
    assertEquals(Curators.DEFAULT_NAME, JSON.readTree(whoAmI.body()).get("name").asText());
    call(writable, "GET", "/api/curator", "/api/curator", null, Map.of("Authorization", "Bearer wrong-token"), 401);
    call(readOnly, "GET", "/api/curator", "/api/curator", null, token, 403);

    // Collections.
    String c = "/api/collections/{id}";
    HttpResponse<String> created = call(writable, "POST", "/api/collections", "/api/collections",
        "{\"name\": \"Tren de Aragua\", \"description\": \"The gang in US politics\", \"reason\": \"new desk file\"}", json, 201);
    String coll = "/api/collections/" + JSON.readTree(created.body()).get("id").asText();
    call(writable, "POST", "/api/collections", "/api/collections", "{\"name\": \"\"}", json, 400);
    // A name in use, in other capitals and spacing, names the same collection.
    call(writable, "POST", "/api/collections", "/api/collections", "{\"name\": \"tren  de ARAGUA\"}", json, 409);
    // Every change's body is bounded the same way, and answered 413 as the articles' is.
    String oversize = "{\"name\": \"" + "x".repeat(CurationRequests.MAX_BODY_BYTES) + "\"}";
    for (List<String> write : List.of(
        List.of("POST", "/api/collections", "/api/collections"),
        List.of("PATCH", c, coll),
        List.of("POST", "/api/collections/{id}/articles", coll + "/articles"),
        List.of("PATCH", "/api/collections/{id}/articles/{articleId}", coll + "/articles/" + SeedIndex.CRACKDOWN),
        List.of("POST", "/api/saved-searches", "/api/saved-searches"),
        List.of("PUT", "/api/saved-searches/{id}", "/api/saved-searches/any"),
        List.of("PUT", "/api/corrections", "/api/corrections"),
        List.of("PUT", "/api/corrections/actors/{name}", "/api/corrections/actors/Nicolas%20Maduro"),
        List.of("PATCH", "/api/corrections/actors/{name}", "/api/corrections/actors/Nicolas%20Maduro"),
        List.of("PUT", "/api/corrections/sources/{name}", "/api/corrections/sources/seed-articles"),
        List.of("PUT", "/api/corrections/articles/{id}", "/api/corrections/articles/" + SeedIndex.CRACKDOWN),
        List.of("PATCH", "/api/corrections/articles/{id}", "/api/corrections/articles/" + SeedIndex.CRACKDOWN),
        List.of("PUT", "/api/stories/{storyId}/record", "/api/stories/" + SeedIndex.CRACKDOWN + "/record"),
        List.of("PUT", "/api/articles/{id}/story", "/api/articles/" + SeedIndex.CRACKDOWN + "/story"))) {
      refused(writable, write.get(0), write.get(1), write.get(2), oversize, anyJson, 413);
      // And a body that says it is not JSON (curl -d's form type) is refused as such, whatever it holds.
      refused(writable, write.get(0), write.get(1), write.get(2), "{\"name\": \"x\"}", asForm, 415);
    }
    Map<String, String> text = Map.of("Content-Type", "text/plain", "Authorization", "Bearer " + TOKEN);
    for (List<String> delete : List.of(List.of(c, coll), List.of("/api/collections/{id}/articles", coll + "/articles?id=x"),
        List.of("/api/collections/{id}/articles/{articleId}", coll + "/articles/x"),
        List.of("/api/saved-searches/{id}", "/api/saved-searches/x"),
        List.of("/api/corrections/actors/{name}", "/api/corrections/actors/x"),
        List.of("/api/corrections/sources/{name}", "/api/corrections/sources/x"),
        List.of("/api/corrections/articles/{id}", "/api/corrections/articles/x"),
        List.of("/api/stories/{storyId}/record", "/api/stories/x/record"),
        List.of("/api/articles/{id}/story", "/api/articles/" + SeedIndex.KILL_CLAIMS + "/story"))) {
      refused(writable, "DELETE", delete.get(0), delete.get(1), "a reason, as plain text", text, 415);
    }
    call("/api/collections", "/api/collections", 200);
    call(c, coll + "?offset=0&size=10", 200);
    revalidated(writable, c, coll);
    refused(c, coll + "?size=5000", 400);
    call(c, "/api/collections/nope", 404);
    call(writable, "PATCH", c, coll, "{\"description\": \"Raids, strikes and claims\"}",
        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TOKEN, "If-Match", "\"v1\""), 200);
    call(writable, "PATCH", c, coll, "{\"name\": \" \"}", json, 400);
    call(writable, "PATCH", c, coll, "{\"name\": \"Overwritten\"}", staleJson, 412);
    call(writable, "PATCH", c, "/api/collections/nope", "{\"name\": \"x\"}", json, 404);
    String a = "/api/collections/{id}/articles";
    call(writable, "POST", a, coll + "/articles", "{\"search\": {\"q\": \"\\\"Tren de Aragua\\\"\"}, \"note\": \"found\"}",
        json, 200);
    call(writable, "POST", a, coll + "/articles", "{\"ids\": [\"no-such-article\"]}", json, 400);
    call(writable, "POST", a, coll + "/articles", "{\"ids\": [\"" + SeedIndex.CRACKDOWN + "\"]}", staleJson, 412);
    call(writable, "POST", a, "/api/collections/nope/articles", "{\"ids\": [\"" + SeedIndex.CRACKDOWN + "\"]}", json, 404);
    String m = "/api/collections/{id}/articles/{articleId}";
    call(writable, "PATCH", m, coll + "/articles/" + SeedIndex.CRACKDOWN, "{\"position\": 0, \"note\": \"policy\"}", json, 200);
    call(writable, "PATCH", m, coll + "/articles/" + SeedIndex.CRACKDOWN, "{\"position\": 9999}", json, 400);
    call(writable, "PATCH", m, coll + "/articles/" + SeedIndex.CRACKDOWN, "{\"note\": \"x\"}", staleJson, 412);
    call(writable, "PATCH", m, coll + "/articles/nope", "{\"note\": \"x\"}", json, 404);
    call(writable, "DELETE", m, coll + "/articles/nope", null, token, 404);
    call(writable, "DELETE", m, coll + "/articles/" + SeedIndex.CRACKDOWN, null, stale, 412);
    call(writable, "DELETE", m, coll + "/articles/" + SeedIndex.CRACKDOWN, null, token, 200);
    call(writable, "DELETE", a, coll + "/articles?id=" + SeedIndex.KILL_CLAIMS + "&reason=gone", null, token, 200);
    call(writable, "DELETE", a, coll + "/articles?id=nope", null, token, 404);
    call(writable, "DELETE", a, coll + "/articles?id=nope", null, stale, 412);
    refused(writable, "DELETE", a, coll + "/articles", null, token, 400);
    call(writable, "DELETE", c, coll, null, Map.of("Authorization", "Bearer " + TOKEN, "If-Match", "yesterday"), 400);
    call(writable, "DELETE", c, coll, null, stale, 412);
    // The collection as files and as a feed, validated like the search's own, 304 when unchanged.
    call(writable, "POST", a, coll + "/articles", "{\"articles\": [{\"id\": \"" + SeedIndex.CRACKDOWN
        + "\", \"note\": \"the political frame\"}]}", json, 200);
    for (String format : List.of("csv", "jsonl", "ris")) {
      HttpResponse<String> file = call(c + "/export", coll + "/export?format=" + format, 200);
      assertTrue(file.body().contains("the political frame"), format + ": " + file.body());
    }
    refused(c + "/export", coll + "/export?format=xls", 400);
    refused(c + "/export", coll + "/export", 400);
    call(c + "/export", "/api/collections/nope/export?format=csv", 404);
    HttpResponse<String> collectionFeed = call(c + "/feed", coll + "/feed", 200);
    assertTrue(collectionFeed.body().contains("the political frame"), collectionFeed.body());
    call(c + "/feed", "/api/collections/nope/feed", 404);
    refused(c + "/feed", coll + "/feed?q=Venezuela", 400);
    for (String read : List.of(coll + "/export?format=csv", coll + "/feed")) {
      String template = read.contains("/export") ? c + "/export" : c + "/feed";
      String etag = call(template, read, 200).headers().firstValue("ETag").orElseThrow();
      call(writable, "GET", template, read, null, Map.of("If-None-Match", etag), 304);
    }
    busyAdmission.enter();
    try {
      call(busy, "GET", c + "/export", "/api/collections/x/export?format=csv", null, Map.of(), 429);
      call(busy, "GET", c + "/feed", "/api/collections/x/feed", null, Map.of(), 429);
    } finally {
      busyAdmission.leave();
    }
    call(writable, "DELETE", c, coll + "?reason=" + enc("done"), null, token, 204);
    call(writable, "DELETE", c, coll, null, token, 404);

    // Saved searches.
    String s = "/api/saved-searches/{id}";
    HttpResponse<String> saved = call(writable, "POST", "/api/saved-searches", "/api/saved-searches",
        "{\"name\": \"Tren de Aragua\", \"search\": {\"q\": \"\\\"Tren de Aragua\\\"\", \"sort\": \"newest\"}}", json, 201);
    String search = "/api/saved-searches/" + JSON.readTree(saved.body()).get("id").asText();
    call(writable, "POST", "/api/saved-searches", "/api/saved-searches",
        "{\"name\": \"Colours\", \"search\": {\"colour\": \"red\"}}", json, 400);
    call("/api/saved-searches", "/api/saved-searches", 200);
    call(s, search, 200);
    revalidated(writable, s, search);
    call(s, "/api/saved-searches/nope", 404);
    call(writable, "POST", s + "/run", search + "/run", null, token, 200);
    call(writable, "POST", s + "/run", "/api/saved-searches/nope/run", null, token, 404);
    revalidated(writable, s + "/feed", search + "/feed");
    call(s + "/feed", "/api/saved-searches/nope/feed", 404);
    refused(s + "/feed", search + "/feed?q=Venezuela", 400);
    String replacement = "{\"name\": \"Tren de Aragua, newest\", \"search\": {\"q\": \"Aragua\", \"source\": [\"seed-articles\"]}}";
    call(writable, "PUT", s, search, replacement, json, 428);
    call(writable, "PUT", s, search, replacement, anyJson, 200);
    call(writable, "PUT", s, search, "{\"name\": \" \", \"search\": {\"q\": \"Aragua\"}}", anyJson, 400);
    // A stale version is refused when the write would change something (one asking for what is kept is done).
    call(writable, "PUT", s, search, replacement.replace("newest", "oldest"), staleJson, 412);
    call(writable, "PUT", s, "/api/saved-searches/nope", replacement, json, 404);
    call(writable, "DELETE", s, search, null, stale, 412);
    call(writable, "DELETE", s, search, null, token, 204);
    call(writable, "DELETE", s, search, null, token, 404);

    // Corrections: an actor renamed, an article corrected, the file exported and imported, all withdrawn.
    String actor = "/api/corrections/actors/{name}";
    String tren = "/api/corrections/actors/Tren%20de%20Aragua";
    call(writable, "PUT", actor, tren, "{\"renameTo\": \"Tren de Aragua\"}", json, 400);
    call(writable, "PUT", actor, "/api/corrections/actors/Nobody%20At%20All", "{\"type\": \"group\"}", json, 404);
    call(writable, "PUT", actor, tren, "{\"renameTo\": \"Tren de Aragua gang\", \"type\": \"group\", \"reason\": \"house style\"}",
        json, 201);
    call(writable, "PUT", actor, tren, "{\"renameTo\": \"Tren de Aragua gang\", \"type\": \"group\"}", anyJson, 200);
    call(actor, tren, 200);
    revalidated(writable, actor, tren);
    call(actor, "/api/corrections/actors/nope", 404);
    call(writable, "PUT", actor, tren, "{\"type\": \"organisation\"}", staleJson, 412);
    call(writable, "PUT", actor, tren, "{\"type\": \"organisation\"}", json, 428);
    call(writable, "PUT", actor, "/api/corrections/actors/Tren%20de%20Aragua%20gang", "{\"renameTo\": \"Tren de Aragua\"}",
        json, 409);
    Map<String, String> mergePatch = Map.of("Content-Type", "application/merge-patch+json", "Authorization",
        "Bearer " + TOKEN);
    call(writable, "PATCH", actor, tren, "{\"type\": \"organisation\", \"reason\": \"the renaming stays\"}", mergePatch, 200);
    call(writable, "PATCH", actor, "/api/corrections/actors/Venezuela", "{\"type\": \"government\"}", mergePatch, 201);
    call(writable, "DELETE", actor, "/api/corrections/actors/Venezuela", null, token, 204);
    call(writable, "PATCH", actor, tren, "{\"renameTo\": \"Tren de Aragua\"}", json, 400);
    call(writable, "PATCH", actor, tren, "{\"type\": \"group\"}", staleJson, 412);
    call(writable, "PATCH", actor, "/api/corrections/actors/Nobody%20At%20All", "{\"type\": \"group\"}", json, 404);
    call(writable, "PATCH", actor, "/api/corrections/actors/Tren%20de%20Aragua%20gang", "{\"renameTo\": \"Tren de Aragua\"}",
        json, 409);
    // A source renamed, then a cycle, a blind and a stale write refused, and the rename withdrawn.
    String source = "/api/corrections/sources/{name}";
    String seed = "/api/corrections/sources/seed-articles";
    call(writable, "PUT", source, seed, "{\"renameTo\": \"seed-articles\"}", json, 400);
    refused(writable, "PUT", source, seed, "{}", json, 400);
    call(writable, "PUT", source, "/api/corrections/sources/Nobody%20At%20All", "{\"renameTo\": \"x\"}", json, 404);
    call(writable, "PUT", source, seed, "{\"renameTo\": \"Seed desk\", \"reason\": \"house style\"}", json, 201);
    call(writable, "PUT", source, seed, "{\"renameTo\": \"Seed desk\"}", anyJson, 200);
    call(source, seed, 200);
    revalidated(writable, source, seed);
    call(source, "/api/corrections/sources/nope", 404);
    call(writable, "PUT", source, seed, "{\"renameTo\": \"Seed wire\"}", staleJson, 412);
    call(writable, "PUT", source, seed, "{\"renameTo\": \"Seed wire\"}", json, 428);
    call(writable, "PUT", source, "/api/corrections/sources/Seed%20desk", "{\"renameTo\": \"seed-articles\"}", json, 409);
    call(writable, "DELETE", source, seed, null, stale, 412);
    call(writable, "DELETE", source, seed, null, token, 204);
    call(writable, "DELETE", source, seed, null, token, 404);
    String article = "/api/corrections/articles/{id}";
    String crackdown = "/api/corrections/articles/" + SeedIndex.CRACKDOWN;
    call(writable, "PUT", article, crackdown, "{\"title\": \"Trump widens the Venezuela crackdown\", \"removeActors\":"
        + " [\"Venezuela\"], \"addActors\": [{\"name\": \"Nicolás Maduro\", \"type\": \"person\"}], \"addThemes\": [\"Corruption\"]}",
        json, 201);
    call(writable, "PUT", article, crackdown, "{\"title\": \"Trump widens the Venezuela crackdown\", \"removeActors\":"
        + " [\"Venezuela\"], \"addThemes\": [\"Corruption\"]}", anyJson, 200);
    call(writable, "PUT", article, crackdown, "{\"addThemes\": [\"Space\"]}", anyJson, 400);
    call(writable, "PUT", article, crackdown, "{\"title\": \"x\"}", json, 428);
    call(writable, "PUT", article, crackdown, "{\"title\": \"x\"}", staleJson, 412);
    call(writable, "PUT", article, "/api/corrections/articles/nope", "{\"title\": \"x\"}", json, 404);
    call(writable, "PATCH", article, crackdown, "{\"addThemes\": [\"Diplomacy\"], \"title\": null}", mergePatch, 200);
    String killClaims = "/api/corrections/articles/" + SeedIndex.KILL_CLAIMS;
    call(writable, "PATCH", article, killClaims, "{\"addThemes\": [\"Diplomacy\"]}", mergePatch, 201);
    call(writable, "DELETE", article, killClaims, null, token, 204);
    call(writable, "PATCH", article, crackdown, "{\"removeThemes\": [\"Sport\"]}", json, 200);
    call(writable, "PATCH", article, crackdown, "{\"addThemes\": [\"Space\"]}", json, 400);
    call(writable, "PATCH", article, crackdown, "{\"title\": \"x\"}", staleJson, 412);
    call(writable, "PATCH", article, "/api/corrections/articles/nope", "{\"title\": \"x\"}", json, 404);
    call(article, crackdown, 200);
    revalidated(writable, article, crackdown);
    revalidated(writable, "/api/corrections", "/api/corrections");
    call(article, "/api/corrections/articles/nope", 404);
    String exported = call("/api/corrections", "/api/corrections?download=1", 200).body();
    String correction = "{\"curator\": \"ana\", \"updated\": \"2025-11-03T09:12:44Z\", \"version\": 1, \"type\": null, ";
    call(writable, "PUT", "/api/corrections", "/api/corrections", "{\"actors\": [" + correction
        + "\"actor\": \"A\", \"renameTo\": \"A\"}], \"articles\": []}", json, 400);
    call(writable, "PUT", "/api/corrections", "/api/corrections", "{\"actors\": [" + correction
        + "\"actor\": \"A\", \"renameTo\": \"B\"}, " + correction + "\"actor\": \"B\", \"renameTo\": \"A\"}], \"articles\": []}",
        json, 409);
    // The file as it stands changes nothing and needs no version; one that changes it does.
    call(writable, "PUT", "/api/corrections", "/api/corrections", exported, json, 200);
    String emptied = "{\"actors\": [], \"articles\": []}";
    call(writable, "PUT", "/api/corrections", "/api/corrections", emptied, json, 428);
    call(writable, "PUT", "/api/corrections", "/api/corrections", emptied, staleJson, 412);
    call(writable, "PUT", "/api/corrections", "/api/corrections?reason=" + enc("restored"), exported, anyJson, 200);
    call(writable, "DELETE", article, crackdown, null, stale, 412);
    call(writable, "DELETE", article, crackdown, null, token, 204);
    call(writable, "DELETE", article, crackdown, null, token, 404);
    call(writable, "DELETE", actor, tren, null, stale, 412);
    call(writable, "DELETE", actor, tren + "?reason=" + enc("back as found"), null, token, 204);
    call(writable, "DELETE", actor, tren, null, token, 404);

    // A story's record.
    String storyId = JSON.readTree(send(writable, "GET", "/api/articles/" + SeedIndex.CRACKDOWN, null, Map.of()).body())
        .get("story").get("id").asText();
    String story = "/api/stories/{storyId}";
    String record = "/api/stories/{storyId}/record";
    String crackdownRecord = "/api/stories/" + storyId + "/record";
    call(story, "/api/stories/" + storyId, 200);
    call(story, "/api/stories/nope", 404);
    // An id that names no story but an article (an absorbed story's, after a merge) leads to its story.
    JsonNode original = JSON.readTree(send(writable, "GET", "/api/articles/" + SeedIndex.KILL_CLAIMS, null, Map.of()).body());
    String copy = JSON.createObjectNode().put("id", "kill-claims-copy").put("title", original.get("title").asText())
        .put("body", original.get("text").asText()).toString();
    assertEquals(201, send(writable, "POST", "/api/articles", copy, json).statusCode());
    call(story, "/api/stories/kill-claims-copy", 308);
    call(record, crackdownRecord, 404);
    call(writable, "PUT", record, crackdownRecord, "{\"articleId\": \"" + SeedIndex.CRACKDOWN + "\", \"reason\": \"the one to cite\"}",
        json, 201);
    call(writable, "PUT", record, crackdownRecord, "{\"articleId\": \"" + SeedIndex.CRACKDOWN + "\"}", anyJson, 200);
    call(record, crackdownRecord, 200);
    call(writable, "PUT", record, crackdownRecord, "{\"articleId\": \"" + SeedIndex.KILL_CLAIMS + "\"}", anyJson, 409);
    call(writable, "PUT", record, crackdownRecord, "{\"articleId\": \"no-such-article\"}", anyJson, 400);
    // The story has one version, so a pick that a write would replace comes from a corrections file (whose
    // picks are taken as they are): a write that changes it must name its version.
    call(writable, "PUT", "/api/corrections", "/api/corrections", "{\"actors\": [], \"articles\": [], \"stories\": [{"
        + "\"storyId\": \"" + storyId + "\", \"articleId\": \"" + SeedIndex.KILL_CLAIMS + "\", \"curator\": \"ana\", "
        + "\"updated\": \"2025-11-03T09:12:44Z\", \"version\": 7}]}", anyJson, 200);
    call(writable, "PUT", record, crackdownRecord, "{\"articleId\": \"" + SeedIndex.CRACKDOWN + "\"}", json, 428);
    call(writable, "PUT", record, "/api/stories/nope/record", "{\"articleId\": \"" + SeedIndex.CRACKDOWN + "\"}", json, 404);
    call(writable, "PUT", record, crackdownRecord, "{\"articleId\": \"" + SeedIndex.CRACKDOWN + "\"}", staleJson, 412);
    call(writable, "DELETE", record, crackdownRecord, null, stale, 412);
    call(writable, "DELETE", record, crackdownRecord + "?reason=" + enc("back to the earliest"), null, token, 204);
    call(writable, "DELETE", record, crackdownRecord, null, token, 404);

    // A curator's filing of an article's story: the copy posted above, apart and back.
    String filing = "/api/articles/{id}/story";
    String copyFiling = "/api/articles/kill-claims-copy/story";
    call(filing, copyFiling, 404);
    call(writable, "PUT", filing, copyFiling, "{\"story\": null, \"reason\": \"a copy kept apart\"}", json, 201);
    call(filing, copyFiling, 200);
    String intoKillClaims = "{\"story\": \"" + SeedIndex.KILL_CLAIMS + "\"}";
    call(writable, "PUT", filing, copyFiling, intoKillClaims, json, 428);
    call(writable, "PUT", filing, copyFiling, intoKillClaims, staleJson, 412);
    call(writable, "PUT", filing, copyFiling, intoKillClaims, anyJson, 200);
    call(writable, "PUT", filing, copyFiling, "{\"story\": \"no-such-story\"}", anyJson, 400);
    refused(writable, "PUT", filing, copyFiling, "{}", anyJson, 400);
    call(writable, "PUT", filing, "/api/articles/" + SeedIndex.CRACKDOWN + "/story", "{\"story\": \"" + storyId + "\"}",
        json, 409);
    call(writable, "PUT", filing, "/api/articles/nope/story", "{\"story\": null}", json, 404);
    call(writable, "DELETE", filing, copyFiling, null, stale, 412);
    call(writable, "DELETE", filing, copyFiling + "?reason=" + enc("detection decides"), null, token, 204);
    call(writable, "DELETE", filing, copyFiling, null, token, 404);

    // The changes record.
    call("/api/changes", "/api/changes?size=2", 200);
    call("/api/changes", "/api/changes?target=" + enc("collection:tren-de-aragua") + "&before=1000", 200);
    call("/api/changes", "/api/changes?since=1", 200);
    revalidated(writable, "/api/changes", "/api/changes?since=1");
    refused("/api/changes", "/api/changes?size=1000", 400);
    call("/api/changes/export", "/api/changes/export", 200);

    // A read given a parameter it does not take says so.
    for (String[] read : new String[][] {
        {"/api/articles/{id}", "/api/articles/" + SeedIndex.KILL_CLAIMS}, {"/api/health", "/api/health"},
        {"/api/stats", "/api/stats"}, {"/api/openapi.json", "/api/openapi.json"},
        {"/api/stories/{storyId}", "/api/stories/" + SeedIndex.KILL_CLAIMS},
        {"/api/stories/{storyId}/record", "/api/stories/" + SeedIndex.KILL_CLAIMS + "/record"},
        {"/api/articles/{id}/story", "/api/articles/" + SeedIndex.KILL_CLAIMS + "/story"},
        {"/api/collections", "/api/collections"}, {"/api/saved-searches", "/api/saved-searches"},
        {"/api/saved-searches/{id}", "/api/saved-searches/nope"}, {"/api/corrections", "/api/corrections"},
        {"/api/corrections/actors/{name}", "/api/corrections/actors/nope"},
        {"/api/corrections/sources/{name}", "/api/corrections/sources/nope"},
        {"/api/corrections/articles/{id}", "/api/corrections/articles/nope"},
        {"/api/changes/export", "/api/changes/export"}}) {
      refused(read[0], read[1] + "?bogus=1", 400);
    }

    // Every change needs a curator's token, and a server that takes changes; every read needs curation.
    api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
      if (isCuration(template) && method != PathItem.HttpMethod.GET) {
        String path = template.replace("{id}", "x").replace("{articleId}", "y").replace("{name}", "z")
            .replace("{storyId}", "s")
            + (template.equals("/api/collections/{id}/articles") && method == PathItem.HttpMethod.DELETE ? "?id=y" : "");
        String body = operation.getRequestBody() == null ? null
            : json(operation.getRequestBody().getContent().get("application/json").getExample());
        Map<String, String> headers = body == null ? Map.of() : Map.of("Content-Type", "application/json");
        try {
          Map<String, String> wrong = new java.util.HashMap<>(headers);
          wrong.put("Authorization", "Bearer wrong-token");
          call(writable, method.name(), template, path, body, wrong, 401);
          Map<String, String> right = new java.util.HashMap<>(headers);
          right.put("Authorization", "Bearer " + TOKEN);
          call(readOnly, method.name(), template, path, body, right, 403);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }));
    for (String list : List.of("/api/collections", "/api/saved-searches", "/api/corrections", "/api/changes",
        "/api/changes/export")) {
      call(readOnly, "GET", list, list, null, Map.of(), 404);
    }
    busyAdmission.enter();
    try {
      call(busy, "GET", c, "/api/collections/x", null, Map.of(), 429);
      call(busy, "GET", "/api/stories/{storyId}", "/api/stories/" + SeedIndex.KILL_CLAIMS, null, Map.of(), 429);
      call(busy, "GET", "/api/saved-searches", "/api/saved-searches", null, Map.of(), 429);
      call(busy, "GET", s, "/api/saved-searches/x", null, Map.of(), 429);
      call(busy, "POST", s + "/run", "/api/saved-searches/x/run", null, token, 429);
    } finally {
      busyAdmission.leave();
    }
  }

  static boolean isCuration(String template) {
    return List.of("/api/collections", "/api/saved-searches", "/api/corrections", "/api/changes", "/api/stories/{storyId}/record",
        "/api/articles/{id}/story")
        .stream()
        .anyMatch(template::startsWith);
  }

  // --- calling the servers and validating what they answer

  /** A read's ETag sent back as If-None-Match brings a 304 while nothing changed. */
  static void revalidated(Javalin server, String template, String pathAndQuery) throws Exception {
    String etag = call(template, pathAndQuery, 200).headers().firstValue("ETag").orElseThrow();
    call(server, "GET", template, pathAndQuery, null, Map.of("If-None-Match", etag), 304);
  }

  static HttpResponse<String> call(String template, String pathAndQuery, int status) throws Exception {
    return call(writable, "GET", template, pathAndQuery, null, Map.of(), status);
  }

  /** A request the document allows, answered {@code status}: the request and the answer are both validated. */
  static HttpResponse<String> call(Javalin server, String method, String template, String pathAndQuery, String body,
      Map<String, String> headers, int status) throws Exception {
    assertValid(method + " " + pathAndQuery, requests.validateRequest(request(method, pathAndQuery, body, headers)));
    return answered(server, method, template, pathAndQuery, body, headers, status);
  }

  static void refused(String template, String pathAndQuery, int status) throws Exception {
    refused(writable, "GET", template, pathAndQuery, null, Map.of(), status);
  }

  /** A request the document does not allow: the validator must say so, and the answer is validated. */
  static void refused(Javalin server, String method, String template, String pathAndQuery, String body,
      Map<String, String> headers, int status) throws Exception {
    assertTrue(requests.validateRequest(request(method, pathAndQuery, body, headers)).hasErrors(),
        method + " " + pathAndQuery + " is not a request the document allows");
    answered(server, method, template, pathAndQuery, body, headers, status);
  }

  private static HttpResponse<String> answered(Javalin server, String method, String template, String pathAndQuery,
      String body, Map<String, String> headers, int status) throws Exception {
    HttpResponse<String> response = send(server, method, pathAndQuery, body, headers);
    assertEquals(status, response.statusCode(), method + " " + pathAndQuery + " -> " + response.body());
    assertValid(method + " " + pathAndQuery + " -> " + status, validateResponse(method, template, pathAndQuery, response));
    assertStrictlyValid(method, template, pathAndQuery, response);
    validated.add(method + " " + template + " " + status);
    if (method.equals("GET") && status == 200 && documents(method, template, "412") && readsMatched.add(template)) {
      // The same read with an If-Match naming no tag of its answer (RFC 9110, 13.1.1).
      Map<String, String> stale = new java.util.HashMap<>(headers);
      stale.put("If-Match", "\"no-such-tag\"");
      answered(server, method, template, pathAndQuery, body, stale, 412);
    }
    if (status / 100 == 2 && documents(method, template, "406") && acceptsRefused.add(method + " " + template)) {
      // The same request from a client that takes no JSON: refused before anything is done.
      Map<String, String> xml = new java.util.HashMap<>(headers);
      xml.put("Accept", "application/xml");
      answered(server, method, template, pathAndQuery, body, xml, 406);
    }
    return response;
  }

  /**
   * A JSON answer against its documented schema as ajv reads it (the Atlassian validator's networknt
   * reads nullable leniently): a null in a nullable enum that does not list it is refused here.
   */
  static void assertStrictlyValid(String method, String template, String pathAndQuery, HttpResponse<String> response)
      throws IOException {
    String media = mediaType(response);
    if (response.body().isEmpty() || !(isJson(media) || media.equals("application/vnd.oai.openapi+json"))) {
      return;
    }
    JsonNode responses = doc.get("paths").get(template).get(method.toLowerCase(Locale.ROOT)).get("responses");
    JsonNode documented = responses.has(String.valueOf(response.statusCode()))
        ? responses.get(String.valueOf(response.statusCode())) : responses.get("default");
    JsonNode schema = documented.path("content").path(media).path("schema");
    assertTrue(!schema.isMissingNode(), method + " " + template + " " + response.statusCode() + " documents " + media);
    if (strict == null) {
      strict = new NullableAsAjvReadsIt(doc);
    }
    assertEquals(List.of(), strict.validate(schema, JSON.readTree(response.body())),
        method + " " + pathAndQuery + " -> " + response.statusCode() + ", read as ajv reads the document");
  }

  /** The operations whose Accept has been refused once. */
  static final Set<String> acceptsRefused = new TreeSet<>();

  /** The reads whose If-Match has been refused once. */
  static final Set<String> readsMatched = new TreeSet<>();

  /** A read's parameters in its query string (not its headers, such as If-Match). */
  static List<Parameter> queryParameters(String path) {
    return api.getPaths().get(path).getGet().getParameters().stream().filter(p -> p.getIn().equals("query")).toList();
  }

  static boolean documents(String method, String template, String status) {
    Operation operation = api.getPaths().get(template).readOperationsMap().get(PathItem.HttpMethod.valueOf(method));
    return operation != null && operation.getResponses().containsKey(status);
  }

  static HttpResponse<String> send(Javalin server, String method, String pathAndQuery, String body,
      Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A real answer against the document's operation {@code method template}: status, content type, headers, body. */
  static ValidationReport validateResponse(String method, String template, String pathAndQuery,
      HttpResponse<String> response) {
    PathItem.HttpMethod httpMethod = PathItem.HttpMethod.valueOf(method);
    Operation operation = api.getPaths().get(template).readOperationsMap().get(httpMethod);
    assertNotNull(operation, method + " " + template + " is documented");
    String path = pathAndQuery.split("\\?", 2)[0];
    return responses.validateResponse(response(response),
        new ApiOperation(new ApiPathImpl(template, null), new NormalisedPathImpl(path, null), httpMethod, operation));
  }

  static Request request(String method, String pathAndQuery, String body, Map<String, String> headers) {
    String[] parts = pathAndQuery.split("\\?", 2);
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, parts[0]);
    if (parts.length > 1) {
      for (String pair : parts[1].split("&")) {
        String[] nameValue = pair.split("=", 2);
        request.withQueryParam(decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "");
      }
    }
    headers.forEach(request::withHeader);
    if (body != null) {
      request.withBody(body);
    }
    return request.build();
  }

  static SimpleResponse response(HttpResponse<String> response) {
    SimpleResponse.Builder built = SimpleResponse.Builder.status(response.statusCode());
    response.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":")) {
        built.withHeader(name, values);
      }
    });
    if (!response.body().isEmpty()) {
      built.withBody(response.body());
    }
    return built.build();
  }

  static void assertValid(String what, ValidationReport report) {
    assertTrue(!report.hasErrors(), what + ":\n" + SimpleValidationReportFormat.getInstance().apply(report));
  }

  static void collect(List<String> failures, String where, ValidationReport report) {
    if (report.hasErrors()) {
      failures.add(where + ": " + SimpleValidationReportFormat.getInstance().apply(report));
    }
  }

  static Map<String, MediaType> content(ApiResponse response) {
    return response.getContent() == null ? Map.of() : response.getContent();
  }

  static String json(Object example) {
    try {
      return JSON.writeValueAsString(example);
    } catch (IOException e) {
      throw new IllegalStateException("an example that cannot be written as JSON: " + example, e);
    }
  }

  /** A parameter's example as it is written in a query string; the first value of an array's. */
  static String example(Parameter parameter) {
    JsonNode example = JSON.valueToTree(parameter.getExample());
    return example.isArray() ? example.get(0).asText() : example.asText();
  }

  static String decode(String text) {
    return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** JSON documents, not JSON Lines. */
  static boolean isJson(String mediaType) {
    return mediaType.toLowerCase(Locale.ROOT).equals("application/json") || mediaType.equals(Problem.MEDIA_TYPE);
  }
}
