package org.morgue.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 document's schemas read strictly, as ajv reads them (the validator under
 * express-openapi-validator, openapi-backend, fastify and Prism): {@code nullable: true} adds null to
 * the schema's {@code type} and nothing else, so a nullable {@code enum} must list null itself, and
 * {@code nullable} without a {@code type} is refused. swagger-parser and the validator the contract
 * test uses read {@code nullable} leniently and let a document through that these tools reject
 * (developer's trial, session 43: the README's first search answered a null ajv refused).
 */
final class NullableAsAjvReadsIt {
  private final ObjectNode components;
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
  private final Map<String, Schema> compiled = new HashMap<>();

  /** The document's schemas as JSON Schema draft 7; fails, as ajv's compile does, on a nullable with no type. */
  NullableAsAjvReadsIt(JsonNode document) {
    List<String> refused = refusals(document);
    if (!refused.isEmpty()) {
      throw new IllegalArgumentException("ajv would refuse these schemas: " + refused);
    }
    JsonNode converted = converted(document.get("components"));
    this.components = (ObjectNode) converted;
  }

  /** Where a schema says what ajv refuses: nullable with no type, or a nullable enum that leaves null out. */
  static List<String> refusals(JsonNode document) {
    List<String> found = new ArrayList<>();
    walk(document, "", found);
    return found;
  }

  private static void walk(JsonNode node, String where, List<String> found) {
    if (node.isObject()) {
      if (node.path("nullable").asBoolean(false)) {
        if (!node.has("type")) {
          found.add(where + ": nullable with no type");
        }
        if (node.has("enum") && !containsNull(node.get("enum"))) {
          found.add(where + ": a nullable enum without null");
        }
      }
      node.properties().forEach(field -> walk(field.getValue(), where + "/" + field.getKey(), found));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), where + "/" + i, found);
      }
    }
  }

  private static boolean containsNull(JsonNode values) {
    for (JsonNode value : values) {
      if (value.isNull()) {
        return true;
      }
    }
    return false;
  }

  /** nullable rewritten as a type that allows null, as ajv and openapi-backend do. */
  private static JsonNode converted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(field -> {
        if (!field.getKey().equals("nullable")) {
          copy.set(field.getKey(), converted(field.getValue()));
        }
      });
      if (node.path("nullable").asBoolean(false)) {
        ArrayNode types = JsonNodeFactory.instance.arrayNode().add(node.get("type").asText()).add("null");
        copy.set("type", types);
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(converted(item)));
      return copy;
    }
    return node;
  }

  /** What is wrong with {@code value} by {@code schema} (one of the document's, usually a $ref), read strictly. */
  List<String> validate(JsonNode schema, JsonNode value) {
    Schema strict = compiled.computeIfAbsent(schema.toString(), key -> {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      root.putArray("allOf").add(converted(schema));
      root.set("components", components);
      return registry.getSchema(root);
    });
    return strict.validate(value).stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
  }
}
