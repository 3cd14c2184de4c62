package org.morgue.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code docs/benchmarks.md}: an introduction on how to rerun each part, hand-written profiles,
 * and one generated section per corpus size between markers. Writing a size replaces its section and
 * keeps everything else, so 100k and 1M results and the profiles live side by side.
 */
final class BenchmarksDocument {
  /** The kind of section {@code bench all} writes, one per size. */
  static final String ALL = "bench";
  /** The kind of section {@code bench indexing-targets} writes, one per size. */
  static final String INDEXING_TARGETS = "bench-indexing-targets";

  static final String INTRODUCTION = """
      # Benchmarks

      What Morgue costs next to plain Lucene on the same text and the same index, measured by the
      harness in `bench/` (issue #9). Each size below is one run of `./morgue bench all`, and each
      "Indexing targets" section one run of `./morgue bench indexing-targets` (issue #21); rerunning a
      size replaces its section. Numbers from a shared or busy machine are not comparable.

      ## How to rerun

      | part | command | measures |
      | --- | --- | --- |
      | corpus | `./morgue bench generate --count 100000` | writes N articles of real sentences from `corpus/articles`, about one lower-case word in four swapped for another so distinct articles share no text (fixed seed, `--seed`) to `var/bench/corpus-N-seed-S/` as gzipped JSON Lines; reused by every other part |
      | indexing | `./morgue bench index --count 100000` | R0 (read + parse only), T0 (StandardAnalyzer tokens over title and body), B0 (plain Lucene index of title and body) with 1 and 2 threads, and Morgue's full indexing (`ArchiveIndexer`: parse, enrich, index, commit); leaves Morgue's index in `var/bench/index-N-seed-S/` |
      | search | `./morgue bench search --count 100000` | the query mix (`bench/src/main/resources/org/morgue/bench/queries.tsv`) through `ArchiveSearcher` and through plain Lucene (top-10, sorted-set facet counts, UnifiedHighlighter) on the same index; indexes first if no index is there |
      | HTTP | `./morgue bench http --count 100000` | 1, 4 and 16 concurrent clients (`--clients`) against the server started in process on a free port; live-update visibility; server start in a fresh JVM; heap after warm-up and GC |
      | both engines | `./morgue bench all --count 100000 --engines lucene,opensearch` | also the OpenSearch engine, beside the embedded one on the same corpus, query mix and HTTP clients: indexing through `ArchiveIndexer` into `OpenSearchStore` (2 threads; docs/s, primaries' size from `_segments`), the mix through `OpenSearchEngine.search` (p50/p95 by category), the same HTTP clients against a `MorgueServer` over it, server start, Morgue's heap and the cluster JVM's resident memory, each with its ratio to the embedded engine's figure. After the indexing, issue #21's yardstick: the documents of the archive Morgue's own two-thread run wrote (each stored article made into the document `OpenSearchStore` would send for it, its band keys signed again from its body) are written untimed to an NDJSON file in `var/bench/scratch/`; the first 10,000 are sent untimed to a throwaway index to warm the cluster up (Morgue's runs are timed after a warm-up too), then all of them to `_bulk` of a fresh index with the archive's mapping and settings (500 documents or 5 MB a request, two in flight, as `OpenSearchStore` sends them), timed up to its refresh: docs/s beside the embedded engine's full indexing with the ratio embedded / bulk (target >= 1.0x), the cluster JVM's CPU ms per article (a cluster the bench started) and the primaries' size; the scratch index and file are deleted. Without `--opensearch URL,...` the bench starts a local cluster of `--cluster-nodes` nodes (default 1: one machine against one machine) from `cluster/` and stops it at the end; the archive goes behind the alias `morgue-bench-N-seed-S`. `--engines` defaults to `lucene`, so a run needs no cluster unless asked |
      | indexing targets | `./morgue bench indexing-targets --count 100000` | issue #21's figures from one run: the indexing part's R0, T0, B0 and Morgue (one and two threads, on the parallel collector `./morgue index` uses), then the yardstick described under "both engines" (OpenSearch's bulk of the documents of Morgue's own archive, in a local one-node cluster unless `--opensearch URL,...`), without any run of Morgue into the cluster, which at a million articles would take hours on one machine; a table of each target (Morgue / bulk >= 1.0x, Morgue / B0 >= 0.5x, two threads / one >= 1.7x, index / text <= 1.2x, a million articles in under 5 minutes, projected from the run's rate below a million), written to this size's "Indexing targets" section of this file (`--report FILE` to write elsewhere). About 6 minutes at 100k and 50 at 1M on two cores |
      | story detection | `./morgue bench stories --count 100000` | indexing with and without story detection (issue #20) on its own corpus, `var/bench/corpus-N-seed-S-copies-P/`, where `--copies` percent (default 10) of the articles are wire copies of earlier ones made by eval's `CopyEditor` (new headline, cut ending, changed figure, correction line, re-issue, a paper's run): docs/s, CPU per article, index size and points files each way, then the stories of the index made with detection against the copies generated; not part of `bench all` |
      | everything | `./morgue bench all --count 100000` | all of the above, then rewrites this size's section of this file (`--report FILE` to write elsewhere) |

      Every timed figure is a warm-up (`--warmup`, default 10 s) and then `--repeats` runs (default 3) of
      `--seconds` each (default 30); the median of the runs is reported. Indexing runs each way
      `--index-repeats` times (default 1; one pass over 100k articles is already long). For a quick
      check: `--seconds 5 --warmup 2 --repeats 1`.

      """;

  private BenchmarksDocument() {}

  /**
   * Writes one size's section into the document: in place of that size's earlier section, else
   * before the first larger size's, else at the end. Everything else in the file (the hand-written
   * profiles and fixes) stays as it is; a new file starts with the introduction.
   */
  static void update(Path file, int count, String section) throws IOException {
    update(file, ALL, count, section);
  }

  /** {@link #update(Path, int, String)} for one kind of section: sizes are ordered among sections of their kind. */
  static void update(Path file, String kind, int count, String section) throws IOException {
    String block = "<!-- " + kind + ":" + count + " start -->\n" + section.strip() + "\n<!-- " + kind + ":" + count
        + " end -->\n";
    Pattern sections = Pattern.compile("<!-- " + Pattern.quote(kind) + ":(\\d+) start -->\\n.*?<!-- "
        + Pattern.quote(kind) + ":\\1 end -->\\n", Pattern.DOTALL);
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : INTRODUCTION;
    int replaceFrom = -1;
    int replaceTo = -1;
    int insertAt = -1;
    Matcher matcher = sections.matcher(text);
    while (matcher.find()) {
      int size = Integer.parseInt(matcher.group(1));
      if (size == count) {
        replaceFrom = matcher.start();
        replaceTo = matcher.end();
      } else if (size > count && insertAt < 0) {
        insertAt = matcher.start();
      }
    }
    String updated;
    if (replaceFrom >= 0) {
      updated = text.substring(0, replaceFrom) + block + text.substring(replaceTo);
    } else if (insertAt >= 0) {
      updated = text.substring(0, insertAt) + block + "\n" + text.substring(insertAt);
    } else {
      updated = text + (text.endsWith("\n\n") || text.isEmpty() ? "" : text.endsWith("\n") ? "\n" : "\n\n") + block;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }

  /** The engine options of a run that measured OpenSearch too; nothing for the default, Lucene alone. */
  private static String engines(BenchOptions options) {
    if (!options.measuresOpenSearch()) {
      return "";
    }
    return " --engines " + options.engines.stream().map(BenchEngine::optionName).collect(Collectors.joining(","))
        + (options.opensearch == null ? " --cluster-nodes " + options.clusterNodes : " --opensearch " + options.opensearch);
  }

  /** One size's section of issue #21's targets: the command, the machine, the targets, then every indexing table. */
  static String indexingTargetsSection(BenchOptions options, BenchReport report, MachineDescription machine) {
    String command = String.format(Locale.ROOT, "./morgue bench indexing-targets --count %d --seed %d --index-repeats %d",
        options.count, options.seed, options.indexRepeats)
        + (options.opensearch == null ? " --cluster-nodes " + options.clusterNodes : " --opensearch " + options.opensearch);
    return String.format(Locale.ROOT, "## Indexing targets, %,d articles%n%n", options.count)
        + "- Date: " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME) + "\n"
        + "- Command: `" + command + "`\n"
        + machine.markdown() + "\n"
        + report.markdown();
  }

  /** One size's section: what ran where, then every table. */
  static String section(BenchOptions options, BenchReport report, MachineDescription machine) {
    String command = String.format(Locale.ROOT,
        "./morgue bench all --count %d --seed %d --seconds %s --warmup %s --repeats %d --index-repeats %d --clients %s",
        options.count, options.seed, ReportTable.number(options.seconds), ReportTable.number(options.warmup),
        options.repeats, options.indexRepeats,
        java.util.Arrays.stream(options.clients).mapToObj(Integer::toString).collect(Collectors.joining(",")))
        + engines(options);
    return String.format(Locale.ROOT, "## %,d articles%n%n", options.count)
        + "- Date: " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME) + "\n"
        + "- Command: `" + command + "`\n"
        + machine.markdown() + "\n"
        + report.markdown();
  }
}
