package org.morgue.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.cli.MorgueHome;

/**
 * The bench's other commands end to end on a tiny corpus, as {@link BenchHarnessSmokeTest} runs
 * {@code bench all}: a class of their own so the module's two test JVMs run them beside it (each
 * starts its own cluster or indexes twice; together they took as long as it).
 */
class BenchCommandsSmokeTest {
  /**
   * {@code morgue bench indexing-targets}: one run gives every figure of issue #21 (Morgue beside
   * OpenSearch's bulk of the documents of Morgue's own archive, beside B0, one thread beside two, the
   * index beside the text, a million projected from the run's rate) and writes them into a section of
   * their own, leaving the size's {@code bench all} section alone. The bulk itself checks that the
   * cluster holds every article afterwards; here the ratios must follow from the figures they name.
   */
  @Test
  void indexingTargetsWritesIssue21sFiguresFromOneRun(@TempDir Path work) throws Exception {
    Path report = work.resolve("benchmarks.md");
    BenchmarksDocument.update(report, 300, "## 300 articles\n\nkept as it was\n");
    int status = MorgueHome.commandLine(new BenchCommand()).execute("indexing-targets", "--count", "300", "--work",
        work.resolve("bench").toString(), "--sentences", BenchHarnessSmokeTest.SENTENCES.toString(), "--report", report.toString());
    assertEquals(0, status);

    String text = Files.readString(report);
    assertTrue(text.contains("<!-- bench:300 start -->\n## 300 articles\n\nkept as it was\n<!-- bench:300 end -->"), text);
    Matcher section = Pattern.compile("<!-- bench-indexing-targets:300 start -->\\n(.*)"
        + "<!-- bench-indexing-targets:300 end -->", Pattern.DOTALL).matcher(text);
    assertTrue(section.find(), text);
    String body = section.group(1);
    assertTrue(body.startsWith("## Indexing targets, 300 articles"), body);
    assertTrue(body.contains("- Command: `./morgue bench indexing-targets --count 300 --seed 9 --index-repeats 1"
        + " --cluster-nodes 1`"), body);
    Map<String, List<List<String>>> tables = BenchHarnessSmokeTest.tables(body);
    assertEquals(List.of(IndexingTargets.TITLE, "Indexing", "Indexing ratios"), List.copyOf(tables.keySet()));
    List<List<String>> targets = tables.get(IndexingTargets.TITLE);
    assertEquals(5, targets.size(), targets.toString());
    for (List<String> row : targets) {
      // "measured" is the ratio of the two figures the row names in brackets, to the digits shown.
      Matcher named = Pattern.compile("\\(([0-9.]+)(?: MB)? / ([0-9.]+)(?: MB)?[;)]").matcher(row.get(0));
      if (named.find()) {
        double ratio = Double.parseDouble(named.group(1)) / Double.parseDouble(named.group(2));
        assertEquals(ratio, BenchHarnessSmokeTest.figure(row.get(1)), 0.02 * ratio + 0.002, row.toString());
      }
      assertTrue(List.of("yes", "**no**").contains(row.get(3)), row.toString());
    }
    assertTrue(targets.get(0).get(0).startsWith("Morgue full indexing / OpenSearch bulk"), targets.get(0).toString());
    assertTrue(targets.get(4).get(0).startsWith("1,000,000 articles at this run's rate"), targets.get(4).toString());
    assertTrue(body.contains("the cluster spent "), "a cluster the bench started reports its CPU");
  }

  /**
   * {@code morgue bench stories} on a tiny corpus with 10% wire copies: the index made with story
   * detection files every copy with its original and no two distinct articles together, and only it
   * holds the band keys (42 points an article). What the times are is not asserted.
   */
  @Test
  void benchStoriesFindsEveryGeneratedCopyAndOnlyDetectionWritesBandKeys(@TempDir Path work) throws Exception {
    BenchWorkspace workspace = new BenchWorkspace(work, 300, 9, 10);
    CorpusSummary corpus = workspace.corpus(BenchHarnessSmokeTest.SENTENCES);
    StoryBenchmark.Result result = new StoryBenchmark(corpus, workspace.generator(BenchHarnessSmokeTest.SENTENCES), workspace.scratch(), 1, 2)
        .measure();

    StoryBenchmark.Detection detection = result.detection();
    assertEquals(300, detection.distinct() + detection.copies());
    assertTrue(detection.copies() >= 15, detection.toString());
    assertEquals(detection.copies(), detection.copiesWithOriginal(), detection.toString());
    assertEquals(0, detection.distinctFiledTogether(), detection.toString());
    assertEquals(detection.distinct(), detection.stories(), detection.toString());
    assertTrue(result.with().pointBytes() - result.without().pointBytes() >= 300L * 42,
        result.with().pointBytes() + " bytes of points with detection, " + result.without().pointBytes() + " without");
    assertEquals(List.of("Story detection: indexing", "Story detection: what it adds", "Story detection: copies found"),
        result.tables().tables().stream().map(ReportTable::title).toList());
  }

}
