package org.morgue.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Which engines a run measures, as {@code --engines} reads. */
class BenchOptionsTest {
  @Command(name = "test")
  static final class Holder {
    @Mixin
    BenchOptions options;
  }

  private static BenchOptions parse(String... args) {
    Holder holder = new Holder();
    new CommandLine(holder).parseArgs(args);
    return holder.options;
  }

  @Test
  void theDefaultRunMeasuresTheEmbeddedEngineAloneAndNeedsNoCluster() {
    BenchOptions options = parse();
    assertEquals(List.of(BenchEngine.LUCENE), options.engines);
    assertFalse(options.measuresOpenSearch());
  }

  @Test
  void bothEnginesAreNamedInLowerCaseWithOneLocalNodeByDefault() {
    BenchOptions options = parse("--engines", "lucene,opensearch");
    assertTrue(options.measuresOpenSearch());
    assertEquals(1, options.clusterNodes);
    assertEquals(null, options.opensearch);
  }

  @Test
  void openSearchAloneIsRefusedSinceItsFiguresAreRatiosOverTheEmbeddedOnes() {
    BenchOptions options = parse("--engines", "opensearch");
    IllegalArgumentException problem = assertThrows(IllegalArgumentException.class, options::measuresOpenSearch);
    assertTrue(problem.getMessage().contains("--engines must include lucene"), problem.getMessage());
  }

  @Test
  void anUnknownEngineIsAParameterError() {
    CommandLine.ParameterException problem = assertThrows(CommandLine.ParameterException.class,
        () -> parse("--engines", "lucene,elastic"));
    assertTrue(problem.getMessage().contains("'elastic' is not an engine"), problem.getMessage());
  }
}
