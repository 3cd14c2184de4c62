package org.morgue.server.view;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.morgue.search.FacetOrder;
import org.morgue.search.Grouping;
import org.morgue.search.SortOrder;
import org.morgue.search.TimelineInterval;

/**
 * How the search contract's named values appear in JSON: by their API names ({@code most-hedged},
 * {@code month}), as requests spell them, and every instant to the millisecond. The contract knows no
 * JSON library, so the HTTP layer says it here, once, for the API and the exports alike.
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
        .addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
          // One precision for every time the API gives: the clock gives a change's time to the
          // microsecond, and answers mixed "14:20:43.476Z" with "14:20:43.476512Z", which some
          // clients' parsers take and others refuse (a developer's trial, session 43).
          @Override
          public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(DateTimeFormatter.ISO_INSTANT.format(value.truncatedTo(ChronoUnit.MILLIS)));
          }
        });
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
