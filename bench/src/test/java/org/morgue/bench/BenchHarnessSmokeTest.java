package org.morgue.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.cli.MorgueHome;

/**
 * {@code morgue bench all} end to end on a tiny corpus and one-second runs: the report must hold
 * every table and every figure. Not timed; what the numbers are is not asserted, only that each is
 * there.
 */
class BenchHarnessSmokeTest {
  static final Path SENTENCES = Path.of("..", "corpus", "articles", "brown-press-reportage");

  /** Every table of a size's section, with the first cell of each of its rows. */
  private static final Map<String, List<String>> EXPECTED = expected();

  private static Map<String, List<String>> expected() {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    tables.put("Indexing", List.of("R0 read + parse", "T0 tokenize", "T0 tokenize", IndexingBenchmark.T1, "B0 plain Lucene",
        "B0 plain Lucene", "Morgue", "Morgue"));
    tables.put("Indexing ratios", List.of("Morgue / B0, 1 thread", "Morgue / T0, 1 thread",
        "Morgue / B0, 2 threads (target >= 0.5x)", "Morgue / T0, 2 threads", IndexingBenchmark.ANALYSIS_RATIO,
        "B0 speed-up, 2 threads / 1", "T0 speed-up, 2 threads / 1", "Morgue speed-up, 2 threads / 1 (target >= 1.6x)",
        "Morgue index / B0 index"));
    List<String> searches = new ArrayList<>();
    for (String search : List.of(SearchBenchmark.LUCENE_TOP10, SearchBenchmark.LUCENE_FACETS,
        SearchBenchmark.LUCENE_HIGHLIGHT, SearchBenchmark.MORGUE_COUNTS, SearchBenchmark.MORGUE_PAGE)) {
      for (int category = 0; category < 4; category++) {
        searches.add(search);
      }
    }
    tables.put("Search latency, in process", searches);
    tables.put("Search ratios", List.of("Morgue facets + timeline / Lucene facet counts",
        "Morgue facets + timeline / Lucene top-10", "Morgue full page / Lucene top-10"));
    tables.put("Search targets", List.of(
        "plain query p50, selective (Lucene top-10: ArchiveSearcher always counts facets)",
        "plain query p50, broad (Lucene top-10: ArchiveSearcher always counts facets)",
        "facets + timeline p50 / plain p50, selective",
        "browse all with all facets p50 (Morgue, 10 hits)",
        "10 highlighted hits add, p50, selective",
        "10 highlighted hits add, p50, broad",
        "faceting cost / Lucene's facet counting, p50, selective",
        "faceting cost / Lucene's facet counting, p50, broad",
        "faceting cost / Lucene's facet counting, p50, browse"));
    tables.put("HTTP search", List.of("in process, 1 thread", "1", "2"));
    tables.put("HTTP and server targets", List.of("HTTP p50 (1 client) - in-process p50",
        "searches/s on the mixed set (best client count)", "live update visible to search (median of 5)",
        "server heap after warm-up and full GC (harness included)"));
    tables.put("Server start", List.of("start on the existing index until the first search answers (median of 1)"));
    return tables;
  }

  /**
   * With {@code --engines lucene,opensearch} the same run starts a real one-node cluster (from the
   * packaged cluster module), measures the OpenSearch engine too, stops the cluster, and adds the
   * comparison tables after the embedded engine's, each figure with its ratio, the indexing table with
   * OpenSearch's own bulk of the enriched documents (a positive rate, and the ratio of issue #21's
   * target worked out from it). One run checks both
   * engines' reports (a run of the embedded engine alone writes the same first part): the suite's time
   * is kept for what only it can check.
   */
  @Test
  void benchAllWithBothEnginesAddsTheOpenSearchComparison(@TempDir Path work) throws Exception {
    Path report = work.resolve("benchmarks.md");
    int status = MorgueHome.commandLine(new BenchCommand()).execute("all", "--count", "300", "--work",
        work.resolve("bench").toString(), "--sentences", SENTENCES.toString(), "--seconds", "0.2", "--warmup", "0",
        "--repeats", "1", "--clients", "1,2", "--engines", "lucene,opensearch", "--report", report.toString());
    assertEquals(0, status);

    String text = Files.readString(report);
    assertTrue(text.startsWith(BenchmarksDocument.INTRODUCTION));
    Matcher section = Pattern.compile("<!-- bench:300 start -->\\n(.*)<!-- bench:300 end -->", Pattern.DOTALL)
        .matcher(text);
    assertTrue(section.find(), "the 300-article section");
    String body = section.group(1);
    assertTrue(body.startsWith("## 300 articles"), body);
    assertTrue(body.contains("- Command: `./morgue bench all --count 300 --seed 9 --seconds 0.20"), body);
    assertTrue(Pattern.compile("- CPU: .+, \\d+ cores").matcher(body).find(), body);
    assertTrue(body.contains("- JVM flags: `"), body);
    assertTrue(body.contains("--clients 1,2 --engines lucene,opensearch --cluster-nodes 1`"), body);
    Map<String, List<List<String>>> tables = tables(body);
    Map<String, List<String>> expected = new LinkedHashMap<>(EXPECTED);
    expected.put(EngineComparison.INDEXING, List.of("indexing, docs/s", "indexing, seconds", "index size",
        "OpenSearch bulk of the enriched documents, docs/s (embedded: full indexing)",
        "OpenSearch bulk of the enriched documents, cluster CPU ms per article", "OpenSearch bulk-built index size",
        EngineComparison.BULK_TARGET));
    expected.put(EngineComparison.SEARCH, tables.get("Search latency, in process").stream().map(List::getFirst)
        .filter(name -> name.startsWith("Morgue")).toList());
    expected.put(EngineComparison.HTTP, List.of("1", "2"));
    expected.put(EngineComparison.START_AND_MEMORY, List.of("server start to first search, s", "cluster start, s",
        "live update visible to search, ms", "Morgue heap after warm-up and GC, MB", "cluster heap in use, MB",
        "cluster JVM resident memory, MB", "Morgue heap + cluster resident memory, MB"));
    assertEquals(expected.keySet(), new java.util.HashSet<>(tables.keySet()));
    expected.forEach((title, rows) -> {
      List<List<String>> found = tables.get(title);
      assertEquals(rows, found.stream().map(List::getFirst).toList(), title);
      for (List<String> row : found) {
        for (String cell : row) {
          assertFalse(cell.isBlank() || cell.contains("NaN") || cell.contains("Infinity"), title + ": " + row);
        }
      }
    });
    List<String> categories = tables.get("Search latency, in process").stream().map(row -> row.get(1)).toList();
    assertEquals(List.of(LatencyLoop.MIX, BenchQuery.SELECTIVE, BenchQuery.BROAD, BenchQuery.BROWSE),
        categories.subList(0, 4));
    // Issue #21's yardstick: OpenSearch's bulk of every enriched document, beside the embedded engine's
    // full indexing, the cluster's CPU over it (the bench started the cluster), and the ratio.
    List<List<String>> indexing = tables.get(EngineComparison.INDEXING);
    List<String> bulk = indexing.get(3);
    assertTrue(figure(bulk.get(1)) > 0 && figure(bulk.get(2)) > 0, bulk.toString());
    assertEquals(figure(bulk.get(2)) / figure(bulk.get(1)), figure(bulk.get(3)), 0.02 * figure(bulk.get(3)),
        bulk.toString());
    assertTrue(figure(indexing.get(4).get(2)) > 0, indexing.get(4).toString());
    assertTrue(figure(indexing.get(5).get(2)) > 0, indexing.get(5).toString());
    assertEquals(figure(bulk.get(1)) / figure(bulk.get(2)), figure(indexing.get(6).get(1)),
        0.02 * figure(indexing.get(6).get(1)), indexing.get(6).toString());
    // Every figure OpenSearch has is set beside the embedded engine's, with a ratio.
    for (List<String> row : tables.get(EngineComparison.HTTP)) {
      assertTrue(row.get(3).endsWith("x") && row.get(6).endsWith("x") && row.get(9).endsWith("x"), row.toString());
    }
  }

  /** A report cell's figure: a number, a ratio ({@code 1.50x}) or megabytes ({@code 12.0 MB}). */
  static double figure(String cell) {
    return Double.parseDouble(cell.replaceAll("( MB|x)$", ""));
  }

  /** The Markdown tables under each {@code ###} heading: rows of cells, header and rule left out. */
  static Map<String, List<List<String>>> tables(String markdown) {
    Map<String, List<List<String>>> tables = new LinkedHashMap<>();
    String title = null;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("### ")) {
        title = line.substring(4);
        tables.put(title, new ArrayList<>());
      } else if (title != null && line.startsWith("| ") && !line.startsWith("| --- |")) {
        List<String> cells = List.of(line.substring(2, line.length() - 2).split(" \\| ", -1));
        tables.get(title).add(cells);
      }
    }
    // The first row of each table is its header.
    tables.replaceAll((name, rows) -> rows.subList(1, rows.size()));
    return tables;
  }
}
