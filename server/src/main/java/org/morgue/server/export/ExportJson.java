package org.morgue.server.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.morgue.server.view.ApiViews;
import org.morgue.server.view.ContractJson;

/** The JSON settings of exports: ISO dates, absent optionals as null, and an ASCII-only form for headers. */
public final class ExportJson {
  private ExportJson() {}

  static ObjectMapper mapper() {
    return builder().build();
  }

  private static JsonMapper.Builder builder() {
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(ContractJson.module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /**
   * The provenance as one line of ASCII JSON, non-ASCII characters escaped: HTTP header values are
   * not UTF-8, so this is what {@code X-Morgue-Provenance} carries.
   */
  public static String asciiHeader(ExportProvenance provenance) {
    try {
      return builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build().writeValueAsString(provenance);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("provenance cannot be written as JSON", e);
    }
  }

  /** Filter values the archive holds under no name, as one line of ASCII JSON for a header, as a search's answer lists them. */
  public static String asciiHeader(List<ApiViews.UnknownFilter> unknownFilters) {
    try {
      return builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build().writeValueAsString(unknownFilters);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unknown filters cannot be written as JSON", e);
    }
  }
}
