package org.morgue.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.morgue.cli.MorgueHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code morgue bench}: generates a corpus and measures Morgue on it next to plain Lucene. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure Morgue's indexing, search and HTTP serving against plain Lucene on a generated corpus,"
        + " and the OpenSearch engine against the embedded one (--engines lucene,opensearch).",
    subcommands = {
        BenchCommand.Generate.class, BenchCommand.Index.class, BenchCommand.Search.class, BenchCommand.Http.class,
        BenchCommand.Page.class, BenchCommand.Stories.class, BenchCommand.IndexingTargetsCommand.class,
        BenchCommand.All.class})
public final class BenchCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
        "name a benchmark: generate, index, search, http, page, stories, indexing-targets or all");
  }

  /** {@code bench generate}: writes the corpus only. */
  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Write the generated corpus (gzipped JSON Lines) unless it exists.")
  static final class Generate implements Callable<Integer> {
    @Mixin
    BenchOptions options;

    @Override
    public Integer call() throws IOException {
      CorpusSummary corpus = options.workspace().corpus(options.sentences);
      System.out.println(corpus.articles() + " articles in " + corpus.files() + " files at " + corpus.folder());
      return 0;
    }
  }

  /** {@code bench index}: R0, T0, B0 and Morgue indexing. */
  @Command(name = "index", mixinStandardHelpOptions = true,
      description = "Index the corpus with plain Lucene (B0), tokenizing only (T0) and Morgue, side by side.")
  static final class Index implements Callable<Integer> {
    @Mixin
    BenchOptions options;

    @Override
    public Integer call() throws IOException {
      System.out.print(indexing(options).markdown());
      return 0;
    }
  }

  /** {@code bench search}: in-process search latencies. */
  @Command(name = "search", mixinStandardHelpOptions = true,
      description = "Time the query mix through ArchiveSearcher and through plain Lucene on the same index.")
  static final class Search implements Callable<Integer> {
    @Mixin
    BenchOptions options;

    @Override
    public Integer call() throws Exception {
      System.out.print(search(options).markdown());
      return 0;
    }
  }

  /** {@code bench http}: concurrent clients against a running server, live updates, start time. */
  @Command(name = "http", mixinStandardHelpOptions = true,
      description = "Time concurrent HTTP clients, live-update visibility, server start and heap.")
  static final class Http implements Callable<Integer> {
    @Mixin
    BenchOptions options;

    @Override
    public Integer call() throws Exception {
      System.out.print(http(options).markdown());
      return 0;
    }
  }

  /** {@code bench page}: the search page in headless chromium, from navigation to results painted. */
  @Command(name = "page", mixinStandardHelpOptions = true,
      description = "Time the search page from navigation to its first results painted, in headless chromium "
          + "(Debian's /usr/bin/chromium and chromedriver), on the sample corpus, cold and warm cache.")
  static final class Page implements Callable<Integer> {
    @Option(names = "--index", paramLabel = "DIR",
        description = "index of the corpus, made or brought up to date by serve (default: ${DEFAULT-VALUE})")
    Path index = MorgueHome.home().resolve("bench").resolve("target").resolve("page-index");

    @Option(names = "--corpus", paramLabel = "DIR", description = "the corpus served (default: ${DEFAULT-VALUE})")
    Path corpus = MorgueHome.defaultCorpus();

    @Option(names = "--repeats", description = "loads of each page per cache state (default: ${DEFAULT-VALUE})")
    int repeats = 7;

    @Option(names = "--query", paramLabel = "Q",
        description = "a search to load, repeatable; an empty one loads / (default: Venezuela, \"Tren de Aragua\", "
            + "actor:\"Donald Trump\", and everything)")
    java.util.List<String> queries = java.util.List.of("Venezuela", "\"Tren de Aragua\"", "actor:\"Donald Trump\"", "");

    @Override
    public Integer call() throws Exception {
      System.out.print(new PageBenchmark(index, corpus).measure(queries, repeats).markdown());
      return 0;
    }
  }

  /** {@code bench stories}: indexing with and without story detection, on a corpus with wire copies. */
  @Command(name = "stories", mixinStandardHelpOptions = true,
      description = "Index a corpus with a share of wire copies (its own corpus folder, generated if missing) with "
          + "and without story detection, and check the stories found against the copies generated.")
  static final class Stories implements Callable<Integer> {
    @Mixin
    BenchOptions options;

    @Option(names = "--copies", paramLabel = "PERCENT",
        description = "percent of the articles that are wire copies of earlier ones (default: ${DEFAULT-VALUE})")
    int copies = 10;

    @Option(names = "--threads", description = "indexing threads (default: ${DEFAULT-VALUE}, the processors)")
    int threads = org.morgue.indexer.ingest.ArchiveIndexer.DEFAULT_THREADS;

    @Override
    public Integer call() throws IOException {
      BenchWorkspace workspace = new BenchWorkspace(options.work, options.count, options.seed, copies);
      CorpusSummary corpus = workspace.corpus(options.sentences);
      System.out.println("load average at the start: " + MachineDescription.current().loadAverage().orElse("unknown"));
      BenchReport report = new StoryBenchmark(corpus, workspace.generator(options.sentences), workspace.scratch(),
          options.indexRepeats, threads).measure().tables();
      System.out.print(report.markdown());
      return 0;
    }
  }

  /**
   * A benchmark that writes its section of the report file: runs, prints its tables, and replaces
   * its size's section of that kind.
   */
  abstract static class ReportingBenchmark implements Callable<Integer> {
    @Mixin
    BenchOptions options;

    @Option(names = "--report", paramLabel = "FILE", description = "the report to update (default: ${DEFAULT-VALUE})")
    Path report = MorgueHome.home().resolve("docs").resolve("benchmarks.md");

    abstract BenchReport measure(BenchRun run) throws Exception;

    /** The kind of section written ({@link BenchmarksDocument#ALL}, ...). */
    abstract String kind();

    abstract String section(BenchReport results, MachineDescription machine);

    @Override
    public Integer call() throws Exception {
      BenchReport results;
      try (BenchRun run = new BenchRun(options)) {
        results = measure(run);
      }
      System.out.print(results.markdown());
      BenchmarksDocument.update(report, kind(), options.count, section(results, MachineDescription.current()));
      System.out.println("wrote " + report);
      return 0;
    }
  }

  /**
   * {@code bench indexing-targets}: issue #21's figures from one run (every way of indexing, then
   * OpenSearch's bulk of the enriched documents), written to docs/benchmarks.md.
   */
  @Command(name = "indexing-targets", mixinStandardHelpOptions = true,
      description = "Index the corpus every way (R0, T0, B0 and Morgue, one and two threads), then time OpenSearch's"
          + " bulk of the documents of Morgue's archive in a cluster (started locally unless --opensearch), and"
          + " write issue #21's targets with the figures to the report file, replacing this size's section.")
  static final class IndexingTargetsCommand extends ReportingBenchmark {
    @Override
    BenchReport measure(BenchRun run) throws IOException {
      return run.indexingTargets();
    }

    @Override
    String kind() {
      return BenchmarksDocument.INDEXING_TARGETS;
    }

    @Override
    String section(BenchReport results, MachineDescription machine) {
      return BenchmarksDocument.indexingTargetsSection(options, results, machine);
    }
  }

  /** {@code bench all}: everything, written to docs/benchmarks.md. */
  @Command(name = "all", mixinStandardHelpOptions = true,
      description = "Run every benchmark and write the results to the report file, replacing this size's section.")
  static final class All extends ReportingBenchmark {
    @Override
    BenchReport measure(BenchRun run) throws Exception {
      return run.all();
    }

    @Override
    String kind() {
      return BenchmarksDocument.ALL;
    }

    @Override
    String section(BenchReport results, MachineDescription machine) {
      return BenchmarksDocument.section(options, results, machine);
    }
  }

  private static BenchReport indexing(BenchOptions options) throws IOException {
    try (BenchRun run = new BenchRun(options)) {
      return run.indexing();
    }
  }

  private static BenchReport search(BenchOptions options) throws Exception {
    try (BenchRun run = new BenchRun(options)) {
      return run.search();
    }
  }

  private static BenchReport http(BenchOptions options) throws Exception {
    try (BenchRun run = new BenchRun(options)) {
      return run.http();
    }
  }

  public static void main(String[] args) {
    int status = MorgueHome.commandLine(new BenchCommand()).execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }
}
