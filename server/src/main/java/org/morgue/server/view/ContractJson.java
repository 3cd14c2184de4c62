package org.morgue.server.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;
import org.morgue.search.FacetOrder;
import org.morgue.search.Grouping;
import org.morgue.search.SortOrder;
import org.morgue.search.Timeline;
import org.morgue.search.TimelineInterval;

/**
 * How the search contract's named values appear in JSON: by their API names ({@code most-hedged},
 * {@code month}), as requests spell them, and times as {@link InstantText} writes them. The contract knows no JSON library, so the HTTP layer
 * says it here, once, for the API and the exports alike.
 */
public final class ContractJson {
  private ContractJson() {}

  /** A Jackson module writing each named value of the contract by its API name. */
  public static SimpleModule module() {
    return new SimpleModule("morgue-search-contract")
        .addSerializer(SortOrder.class, byName(SortOrder.class, SortOrder::id))
        .addSerializer(FacetOrder.class, byName(FacetOrder.class, FacetOrder::id))
        .addSerializer(Grouping.class, byName(Grouping.class, Grouping::id))
        .addSerializer(TimelineInterval.class, byName(TimelineInterval.class, TimelineInterval::id))
        .addSerializer(Instant.class, byName(Instant.class, InstantText::of))
        .setMixInAnnotation(Timeline.class, TimelineJson.class);
  }

  /** A timeline's {@code shareBase}: not one of its components, so not written unless named here. */
  private abstract static class TimelineJson {
    @JsonProperty("shareBase")
    abstract int shareBase();
  }

  private static <T> StdSerializer<T> byName(Class<T> type, Function<T, String> name) {
    return new StdSerializer<>(type) {
      @Override
      public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
        json.writeString(name.apply(value));
      }
    };
  }
}
