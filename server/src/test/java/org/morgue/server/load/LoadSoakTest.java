package org.morgue.server.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long load run, skipped unless asked for:
 * {@code ./mvnw -q -pl server -am verify -Dtest=LoadSoakTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dmorgue.load.seconds=60 -Dmorgue.load.clients=8}. Prints its report and writes it to {@code
 * server/target/load/report.md}; docs/reliability-load.md records a run.
 */
class LoadSoakTest {
  /**
   * What the properties leave out: 8 clients, a post planned every 500 ms (a 2-core machine under 8
   * search clients manages about 1.6 a second: see docs/reliability-load.md), a million requests at most.
   */
  static final LoadPlan DEFAULTS = new LoadPlan(8, Duration.ofSeconds(60), 1_000_000, Duration.ofMillis(500), 20261123);

  @TempDir Path tmp;

  @Test
  void soakRunsForTheGivenTimeWithoutAnError() throws Exception {
    assumeTrue(System.getProperty(LoadPlan.SECONDS) != null,
        "the soak runs only when -D" + LoadPlan.SECONDS + "=N gives its length in seconds");
    LoadPlan plan = LoadPlan.from(System.getProperties(), DEFAULTS);
    LoadReport report;
    try (ArchiveUnderLoad server = ArchiveUnderLoad.start(tmp)) {
      report = new LoadDriver(server.base(), server.token(), plan, new SearchMix(),
          LoadArticles.fromCorpus(ArchiveUnderLoad.CORPUS, plan.seed())).run();
    }
    Path written = Files.createDirectories(Path.of("target", "load")).resolve("report.md");
    Files.writeString(written, report.markdown());
    System.out.println(report.markdown());
    System.out.println("report written to " + written.toAbsolutePath().normalize());

    assertEquals(0, report.errorCount(), report.markdown());
    assertEquals(report.acknowledged(), report.visibleAtOnce(), report.markdown());
  }
}
