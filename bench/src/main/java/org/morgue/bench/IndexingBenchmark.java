package org.morgue.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.morgue.article.Article;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.IndexReport;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.ArticleSink;
import org.morgue.indexer.source.MalformedArticleException;

/**
 * Indexes one generated corpus several ways, each from the same files through Morgue's own reader,
 * so the differences are what each way does with an article: R0 reads and parses only; T0 also runs
 * StandardAnalyzer over title and body, T1 Morgue's own analysis of them; B0 indexes title and body
 * with plain Lucene; Morgue parses, enriches, indexes and commits through {@link ArchiveIndexer}.
 */
final class IndexingBenchmark {
  /** The RAM buffer Morgue's writer uses, given to B0 as well so both flush alike. */
  private static final double RAM_BUFFER_MB = 64;

  /**
   * One indexing run.
   *
   * @param seconds wall time, from the first file opened to the index committed and closed
   * @param indexBytes the index's size on disk; 0 for the runs that write none
   * @param peakHeapBytes the highest heap use sampled during the run
   */
  record Run(String name, int threads, int articles, double seconds, long textBytes, long indexBytes,
      long peakHeapBytes) {
    double articlesPerSecond() {
      return articles / seconds;
    }

    double megabytesPerSecond() {
      return textBytes / 1e6 / seconds;
    }
  }

  private final CorpusSummary corpus;
  private final Path scratch;
  private final int repeats;

  /**
   * @param scratch a folder for the indexes written while measuring; emptied before each run
   * @param repeats how many times each way runs; the median run (by time) is reported
   */
  IndexingBenchmark(CorpusSummary corpus, Path scratch, int repeats) {
    this.corpus = corpus;
    this.scratch = scratch;
    this.repeats = repeats;
  }

  /** Morgue's indexer for a number of threads: the one place the thread count reaches it. */
  static ArchiveIndexer morgueIndexer(int threads) {
    return new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard(), ArchiveIndexer.COMMIT_EVERY, threads);
  }

  /** R0: decompress and parse every article, nothing else. */
  Run readOnly() throws IOException {
    return median(() -> timed("R0 read + parse", 1, Optional.empty(), () -> feed(1, article -> {})));
  }

  /** T0: read, then consume StandardAnalyzer's tokens over title and body. */
  Run tokenize(int threads) throws IOException {
    return median(() -> {
      try (Analyzer analyzer = new StandardAnalyzer()) {
        return timed("T0 tokenize", threads, Optional.empty(), () -> feed(threads, article -> {
          consume(analyzer, "title", article.title());
          consume(analyzer, "body", article.body());
        }));
      }
    });
  }

  /**
   * T1: read, then consume Morgue's own analysis of title and body (the prose chain of {@link
   * ArchiveSchema#analyzer}: names' spellings, British spellings, the forms of "use", stemming), one
   * thread. Beside T0 it says what Morgue's analysis costs over Lucene's standard one, which a change
   * to the chain is measured by.
   */
  Run morgueAnalysis() throws IOException {
    return median(() -> {
      try (Analyzer analyzer = ArchiveSchema.analyzer()) {
        return timed(T1, 1, Optional.empty(), () -> feed(1, article -> {
          consume(analyzer, ArchiveSchema.TITLE, article.title());
          consume(analyzer, ArchiveSchema.BODY, article.body());
        }));
      }
    });
  }

  static final String T1 = "T1 Morgue's analysis";
  static final String ANALYSIS_RATIO = "T1 / T0 time, 1 thread (reading included in both)";

  /** B0: read, then index title and body with StandardAnalyzer into a plain Lucene index. */
  Run plainLucene(int threads) throws IOException {
    return median(() -> {
      Path folder = emptyFolder("b0");
      return timed("B0 plain Lucene", threads, Optional.of(folder), () -> {
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
        config.setRAMBufferSizeMB(RAM_BUFFER_MB);
        try (FSDirectory directory = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(directory, config)) {
          feed(threads, article -> add(writer, article));
          writer.commit();
        }
      });
    });
  }

  /**
   * Morgue's full indexing into {@code folder}, which is left holding the index of the last repeat.
   */
  Run morgue(int threads, Path folder) throws IOException {
    ArchiveIndexer indexer = morgueIndexer(threads);
    return median(() -> {
      deleteTree(folder);
      return timed("Morgue", threads, Optional.of(folder), () -> {
        try (ArchiveWriter writer = ArchiveWriter.open(folder)) {
          IndexReport report = indexer.index(List.of(corpus.folder()), writer, Map.of());
          if (report.indexed() != corpus.articles() || !report.skipped().isEmpty()) {
            throw new IllegalStateException("Morgue indexed " + report.indexed() + " of " + corpus.articles()
                + " articles and skipped " + report.skippedByReason());
          }
        }
      });
    });
  }

  /**
   * The tables of every way of indexing, and the runs issue #21's targets are read from: Morgue's
   * two-thread run (which other engines are set beside), its one-thread run and B0's two-thread run.
   */
  record Result(BenchReport tables, Run morgue, Run morgueOneThread, Run plain) {}

  /**
   * Every run side by side, and the ratios between them. Leaves Morgue's index of the corpus in
   * {@code morgueIndex}.
   */
  Result report(Path morgueIndex) throws IOException {
    System.out.println("indexing " + corpus.articles() + " articles: R0, T0, T1, B0 and Morgue ...");
    warmUp(morgueIndex.resolveSibling(morgueIndex.getFileName() + "-warmup"));
    Run read = readOnly();
    Run tokens1 = tokenize(1);
    Run tokens2 = tokenize(2);
    Run analysis = morgueAnalysis();
    Run plain1 = plainLucene(1);
    Run plain2 = plainLucene(2);
    Run morgue1 = morgue(1, morgueIndex.resolveSibling(morgueIndex.getFileName() + "-1thread"));
    deleteTree(morgueIndex.resolveSibling(morgueIndex.getFileName() + "-1thread"));
    // The two-thread run, like `./morgue index` by default, leaves the index the search runs use.
    Run morgue2 = morgue(2, morgueIndex);
    deleteTree(scratch.resolve("b0"));

    ReportTable runs = new ReportTable("Indexing", "The same " + corpus.articles() + " articles ("
        + ReportTable.megabytes(corpus.textBytes()) + " of title and body text) read from the generated files by "
        + "Morgue's reader each time. Time runs from the first file opened to the index committed and closed; "
        + "median of " + repeats + " run(s).",
        "run", "threads", "seconds", "docs/s", "MB/s", "index size", "index / raw text", "peak heap");
    List<Run> all = List.of(read, tokens1, tokens2, analysis, plain1, plain2, morgue1, morgue2);
    for (Run run : all) {
      runs.row(run.name(), Integer.toString(run.threads()), ReportTable.number(run.seconds()),
          ReportTable.number(run.articlesPerSecond()), ReportTable.number(run.megabytesPerSecond()),
          run.indexBytes() == 0 ? "-" : ReportTable.megabytes(run.indexBytes()),
          run.indexBytes() == 0 ? "-" : ReportTable.ratio((double) run.indexBytes() / run.textBytes()),
          ReportTable.megabytes(run.peakHeapBytes()));
    }
    ReportTable ratios = new ReportTable("Indexing ratios", "Throughput ratios (docs/s over docs/s).",
        "ratio", "value");
    ratios.row("Morgue / B0, 1 thread", ReportTable.ratio(morgue1.articlesPerSecond() / plain1.articlesPerSecond()));
    ratios.row("Morgue / T0, 1 thread", ReportTable.ratio(morgue1.articlesPerSecond() / tokens1.articlesPerSecond()));
    ratios.row("Morgue / B0, 2 threads (target >= 0.5x)",
        ReportTable.ratio(morgue2.articlesPerSecond() / plain2.articlesPerSecond()));
    ratios.row("Morgue / T0, 2 threads", ReportTable.ratio(morgue2.articlesPerSecond() / tokens2.articlesPerSecond()));
    ratios.row(ANALYSIS_RATIO, ReportTable.ratio(tokens1.articlesPerSecond() / analysis.articlesPerSecond()));
    ratios.row("B0 speed-up, 2 threads / 1", ReportTable.ratio(plain2.articlesPerSecond() / plain1.articlesPerSecond()));
    ratios.row("T0 speed-up, 2 threads / 1", ReportTable.ratio(tokens2.articlesPerSecond() / tokens1.articlesPerSecond()));
    ratios.row("Morgue speed-up, 2 threads / 1 (target >= 1.6x)",
        ReportTable.ratio(morgue2.articlesPerSecond() / morgue1.articlesPerSecond()));
    ratios.row("Morgue index / B0 index", ReportTable.ratio((double) morgue2.indexBytes() / plain2.indexBytes()));
    BenchReport report = new BenchReport();
    report.add(runs);
    report.add(ratios);
    return new Result(report, morgue2, morgue1, plain2);
  }

  /**
   * Runs every way once, untimed, over the first file: otherwise the first timed run of each would
   * also time class loading and the JIT compiling its code, which weighs most in small corpora.
   */
  private void warmUp(Path morgueFolder) throws IOException {
    List<Path> first = ArticleFiles.standard().files(List.of(corpus.folder())).subList(0, 1);
    feed(1, first, article -> {});
    try (Analyzer analyzer = new StandardAnalyzer(); Analyzer morgue = ArchiveSchema.analyzer()) {
      feed(1, first, article -> consume(analyzer, "body", article.body()));
      feed(1, first, article -> consume(morgue, ArchiveSchema.BODY, article.body()));
    }
    Path plain = emptyFolder("b0-warmup");
    try (FSDirectory directory = FSDirectory.open(plain);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      feed(1, first, article -> add(writer, article));
      writer.commit();
    }
    deleteTree(plain);
    deleteTree(morgueFolder);
    try (ArchiveWriter writer = ArchiveWriter.open(morgueFolder)) {
      morgueIndexer(1).index(first, writer, Map.of());
    }
    deleteTree(morgueFolder);
  }

  private static void add(IndexWriter writer, Article article) {
    Document doc = new Document();
    doc.add(new TextField("title", article.title(), Field.Store.NO));
    doc.add(new TextField("body", article.body(), Field.Store.NO));
    try {
      writer.addDocument(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface Work {
    void run() throws IOException;
  }

  @FunctionalInterface
  private interface Measured {
    Run run() throws IOException;
  }

  private Run median(Measured measured) throws IOException {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      runs.add(measured.run());
    }
    runs.sort(Comparator.comparingDouble(Run::seconds));
    return runs.get(runs.size() / 2);
  }

  private Run timed(String name, int threads, Optional<Path> index, Work work) throws IOException {
    try (HeapSampler heap = HeapSampler.start()) {
      long start = System.nanoTime();
      work.run();
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Run(name, threads, corpus.articles(), seconds, corpus.textBytes(),
          index.isPresent() ? folderBytes(index.get()) : 0, heap.peakBytes());
    }
  }

  /** Reads every corpus file on {@code threads} threads, each taking the next unread file. */
  private void feed(int threads, java.util.function.Consumer<Article> each) throws IOException {
    int read = feed(threads, ArticleFiles.standard().files(List.of(corpus.folder())), each);
    if (read != corpus.articles()) {
      throw new IllegalStateException("read " + read + " articles, the corpus has " + corpus.articles());
    }
  }

  /** Reads files on {@code threads} threads, each taking the next unread file; returns the articles read. */
  private static int feed(int threads, List<Path> paths, java.util.function.Consumer<Article> each)
      throws IOException {
    ConcurrentLinkedQueue<Path> files = new ConcurrentLinkedQueue<>(paths);
    AtomicInteger read = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      workers.add(Thread.ofPlatform().name("bench-index-" + t).start(() -> {
        ArticleFiles reader = ArticleFiles.standard();
        ArticleSink sink = new ArticleSink() {
          @Override
          public void accept(Article article) {
            each.accept(article);
            read.incrementAndGet();
          }

          @Override
          public void reject(MalformedArticleException problem) {
            throw new IllegalStateException("a generated article does not read: " + problem.getMessage(), problem);
          }
        };
        try {
          for (Path file = files.poll(); file != null; file = files.poll()) {
            reader.read(file, sink);
          }
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }));
    }
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while indexing", e);
      }
    }
    if (!failures.isEmpty()) {
      throw new IOException("indexing failed", failures.getFirst());
    }
    return read.get();
  }

  private static void consume(Analyzer analyzer, String field, String text) {
    try (TokenStream tokens = analyzer.tokenStream(field, text)) {
      tokens.reset();
      while (tokens.incrementToken()) {
        // Consuming the stream is the work being measured.
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path emptyFolder(String name) throws IOException {
    Path folder = scratch.resolve(name);
    deleteTree(folder);
    return folder;
  }

  static long folderBytes(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> {
        try {
          return Files.size(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
