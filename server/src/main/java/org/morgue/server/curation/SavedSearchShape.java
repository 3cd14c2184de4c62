package org.morgue.server.curation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.morgue.search.Facet;

/**
 * The shape a saved search's {@code search} has in every answer and in the changes record: a
 * parameter /api/search takes once (q, from, to, sort, group) as a string, a filter (one per facet,
 * repeatable) as a list, however many values it has. Each parameter has one type, so a client reads
 * back what it wrote in that shape, and code reading a saved search never tests which it got; a
 * body may still send a filter as one string or a parameter as a list of one (what reads answered
 * before), which are the same search.
 */
final class SavedSearchShape {
  private SavedSearchShape() {}

  /** The parameters, shaped; a parameter with no value is left out, as /api/search reads it. */
  static ObjectNode of(Map<String, List<String>> parameters) {
    ObjectNode search = JsonNodeFactory.instance.objectNode();
    parameters.forEach((name, values) -> {
      if (Facet.ids().contains(name) || values.size() > 1) {
        ArrayNode list = search.putArray(name);
        values.forEach(list::add);
      } else if (values.size() == 1) {
        search.put(name, values.getFirst());
      }
    });
    return search;
  }

  /**
   * What a kept search asks of /api/search: each parameter's values. It reads both shapes: saved
   * searches stored before this one kept every value as a list.
   */
  static Map<String, List<String>> parameters(JsonNode search) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : search.properties()) {
      List<String> values = new ArrayList<>();
      if (entry.getValue().isArray()) {
        entry.getValue().forEach(value -> values.add(value.asText()));
      } else if (!entry.getValue().isNull()) {
        values.add(entry.getValue().asText());
      }
      parameters.put(entry.getKey(), values);
    }
    return parameters;
  }
}
