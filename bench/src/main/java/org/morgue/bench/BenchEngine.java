package org.morgue.bench;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An engine the bench can measure: the embedded Lucene one, or the OpenSearch one over a cluster. */
enum BenchEngine {
  LUCENE,
  OPENSEARCH;

  /** The name on the command line and in the report: {@code lucene}, {@code opensearch}. */
  String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code --engines lucene,opensearch}. */
  static final class Converter implements ITypeConverter<BenchEngine> {
    @Override
    public BenchEngine convert(String value) {
      return Arrays.stream(values()).filter(engine -> engine.optionName().equals(value.strip().toLowerCase(Locale.ROOT)))
          .findFirst().orElseThrow(() -> new TypeConversionException("'" + value + "' is not an engine: name lucene"
              + " or opensearch"));
    }
  }
}
