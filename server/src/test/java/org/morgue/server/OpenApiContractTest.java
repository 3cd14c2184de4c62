package org.morgue.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.server.RunningServer.JSON;
import static org.morgue.server.RunningServer.enc;
import static org.morgue.server.RunningServer.mediaType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written OpenAPI document against the running server: every endpoint is described, every
 * GET the seed index can answer is called, and its real answer must have every property the schema
 * requires and no top-level property the schema does not name.
 */
class OpenApiContractTest {

  @TempDir static Path tmp;
  static RunningServer server;
  static JsonNode doc;

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.on(SeedIndex.build(tmp, Map.of()));
    HttpResponse<String> response = server.get("/api/openapi.json");
    assertEquals(200, response.statusCode());
    assertEquals("application/json", mediaType(response));
    doc = JSON.readTree(response.body());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void theServedDocumentIsTheResourceAndDescribesEveryEndpoint() throws Exception {
    try (InputStream in = MorgueServer.class.getResourceAsStream(MorgueServer.OPENAPI_RESOURCE)) {
      assertEquals(JSON.readTree(in), doc);
    }
    assertEquals("3.0.3", doc.get("openapi").asText());
    Map<String, Set<String>> expected = Map.of(
        "/api/search", Set.of("get"),
        "/api/articles/{id}", Set.of("get", "delete"),
        "/api/articles", Set.of("post"),
        "/api/suggest", Set.of("get"),
        "/api/export", Set.of("get"),
        "/api/feed", Set.of("get"),
        "/api/health", Set.of("get"),
        "/api/stats", Set.of("get"),
        "/api/openapi.json", Set.of("get"));
    assertEquals(new TreeSet<>(expected.keySet()), names(doc.get("paths")));
    expected.forEach((path, methods) -> {
      Set<String> documented = names(doc.get("paths").get(path));
      documented.remove("parameters");
      assertEquals(methods, documented, path);
      for (String method : methods) {
        JsonNode responses = doc.get("paths").get(path).get(method).get("responses");
        assertNotNull(responses, path + " " + method);
        for (String status : names(responses)) {
          JsonNode content = responses.get(status).get("content");
          if (content != null) {
            content.properties().forEach(media -> assertNotNull(media.getValue().get("example"),
                method + " " + path + " " + status + " " + media.getKey() + " has an example"));
          }
        }
      }
    });
    for (String path : List.of("/api/articles", "/api/articles/{id}")) {
      for (String method : names(doc.get("paths").get(path))) {
        if (!method.equals("get") && !method.equals("parameters")) {
          assertTrue(doc.get("paths").get(path).get(method).get("responses").has("401"), method + " " + path);
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
    for (ProblemCode problem : ProblemCode.values()) {
      answered.add(problem.code());
      assertTrue(code.get("description").asText().contains(problem.code() + " (" + problem.status() + ")"),
          problem.code() + " is documented with status " + problem.status());
    }
    assertEquals(answered, documented);
  }

  @Test
  void everyJsonExampleFitsItsSchema() {
    doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
      JsonNode responses = operation.getValue().get("responses");
      if (responses == null) {
        return;
      }
      responses.properties().forEach(status -> {
        JsonNode content = status.getValue().get("content");
        if (content == null) {
          return;
        }
        content.properties().forEach(media -> {
          if (isJson(media.getKey())) {
            List<String> errors = new ArrayList<>();
            check(media.getValue().get("schema"), media.getValue().get("example"), "example", Set.of(), errors);
            assertEquals(List.of(), errors, operation.getKey() + " " + path.getKey() + " " + status.getKey());
          }
        });
      });
    }));
  }

  @Test
  void realResponsesHaveEveryRequiredPropertyAndNoUndocumentedOne() throws Exception {
    record Call(String path, String url, int status) {}
    List<Call> calls = List.of(
        new Call("/api/search", "/api/search?q=Venezuela&actor=" + enc("Tren de Aragua"), 200),
        new Call("/api/search", "/api/search?size=0", 200),
        new Call("/api/search", "/api/search?colour=red", 400),
        new Call("/api/articles/{id}", "/api/articles/" + SeedIndex.KILL_CLAIMS, 200),
        new Call("/api/articles/{id}", "/api/articles/nope", 404),
        new Call("/api/export", "/api/export?format=csv", 200),
        new Call("/api/export", "/api/export?format=jsonl", 200),
        new Call("/api/export", "/api/export?format=ris", 200),
        new Call("/api/export", "/api/export?format=xls", 400),
        new Call("/api/feed", "/api/feed?q=Venezuela", 200),
        new Call("/api/feed", "/api/feed?from=yesterday", 400),
        new Call("/api/suggest", "/api/suggest?prefix=Tr", 200),
        new Call("/api/suggest", "/api/suggest", 400),
        new Call("/api/health", "/api/health", 200),
        new Call("/api/stats", "/api/stats", 200),
        new Call("/api/openapi.json", "/api/openapi.json", 200));
    Set<String> called = new TreeSet<>();
    for (Call call : calls) {
      called.add(call.path());
      HttpResponse<String> response = server.get(call.url());
      assertEquals(call.status(), response.statusCode(), call.url() + " -> " + response.body());
      JsonNode documented = doc.get("paths").get(call.path()).get("get").get("responses").get(Integer.toString(call.status()));
      assertNotNull(documented, call.path() + " documents status " + call.status());
      JsonNode media = documented.get("content").get(mediaType(response));
      assertNotNull(media, call.url() + " answers " + mediaType(response) + ", which is not documented");
      if (isJson(mediaType(response))) {
        List<String> errors = new ArrayList<>();
        check(media.get("schema"), JSON.readTree(response.body()), "response", Set.of(), errors);
        assertEquals(List.of(), errors, call.url());
      }
      if (call.path().equals("/api/export") && call.status() == 200) {
        List<String> errors = new ArrayList<>();
        check(documented.get("headers").get("X-Morgue-Provenance").get("schema"),
            JSON.readTree(response.headers().firstValue("X-Morgue-Provenance").orElseThrow()), "provenance", Set.of(), errors);
        assertEquals(List.of(), errors, call.url());
      }
    }
    Set<String> gets = new TreeSet<>();
    doc.get("paths").properties().forEach(p -> {
      if (p.getValue().has("get")) {
        gets.add(p.getKey());
      }
    });
    assertEquals(gets, called, "every documented GET is called");
  }

  @Test
  void everyDocumentedQueryParameterIsAccepted() throws Exception {
    for (String path : List.of("/api/search", "/api/export", "/api/feed")) {
      for (JsonNode parameter : doc.get("paths").get(path).get("get").get("parameters")) {
        JsonNode resolved = resolve(parameter);
        String name = resolved.get("name").asText();
        JsonNode example = resolved.get("example");
        String value = example.isArray() ? example.get(0).asText() : example.asText();
        if (name.equals("cursor")) {
          // A cursor is only valid for the search that made it: take a real one from a first page.
          value = JSON.readTree(server.get("/api/search?size=1").body()).get("nextCursor").asText();
        }
        String url = path + "?" + enc(name) + "=" + enc(value) + (name.equals("format") ? "" : path.equals("/api/export") ? "&format=csv" : "");
        HttpResponse<String> response = server.get(url);
        assertEquals(200, response.statusCode(), url + " -> " + response.body());
      }
    }
  }

  /** JSON documents, not JSON Lines. */
  static boolean isJson(String mediaType) {
    return mediaType.equals("application/json") || mediaType.equals(Problem.MEDIA_TYPE);
  }

  static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static JsonNode resolve(JsonNode node) {
    while (node.has("$ref")) {
      String[] parts = node.get("$ref").asText().substring(2).split("/");
      JsonNode target = doc;
      for (String part : parts) {
        target = target.get(part);
      }
      assertNotNull(target, "unresolved " + node.get("$ref"));
      node = target;
    }
    return node;
  }

  /**
   * A small OpenAPI 3.0 schema check: types, enums, nullable, required properties at every depth,
   * and at the top level no property the schema does not name. {@code pending} required properties
   * at the top level may be missing.
   */
  static void check(JsonNode schemaOrRef, JsonNode value, String at, Set<String> pending, List<String> errors) {
    JsonNode schema = resolve(schemaOrRef);
    if (value == null || value.isMissingNode()) {
      errors.add(at + " is missing");
      return;
    }
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) {
        errors.add(at + " is null but not nullable");
      }
      return;
    }
    String type = schema.path("type").asText("");
    boolean fits = switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
    if (!fits) {
      errors.add(at + " should be " + type + ": " + value);
      return;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode allowed : schema.get("enum")) {
        listed |= allowed.equals(value);
      }
      if (!listed) {
        errors.add(at + " = " + value + " is not one of " + schema.get("enum"));
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), at + "[" + i + "]", Set.of(), errors);
      }
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText()) && !pending.contains(required.asText())) {
          errors.add(at + "." + required.asText() + " is required but missing");
        }
      }
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        if (properties.has(field.getKey())) {
          check(properties.get(field.getKey()), field.getValue(), at + "." + field.getKey(), Set.of(), errors);
        } else if (schema.path("additionalProperties").isObject()) {
          check(schema.get("additionalProperties"), field.getValue(), at + "." + field.getKey(), Set.of(), errors);
        } else if (at.equals("response") || !schema.path("additionalProperties").asBoolean(true)) {
          errors.add(at + "." + field.getKey() + " is not documented");
        }
      }
    }
  }
}
