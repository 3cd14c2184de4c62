package org.morgue.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.lucene.codecs.CompoundDirectory;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.IndexReport;
import org.morgue.indexer.source.ArticleFiles;

/**
 * What story detection (issue #20) adds to indexing. The same generated corpus, a share of it wire
 * copies of earlier articles, is indexed by Morgue's whole pipeline twice per repeat: once as every
 * article its own story ({@link ArchiveIndexer#withoutStoryDetection()}: no signing, no look-up, no
 * band keys), once with detection; the difference is detection's cost in time, CPU and index size.
 * Then the index made with detection is read back and its stories compared with what the generator
 * made: each copy should share its original's story, and no two distinct articles should share one.
 */
final class StoryBenchmark {
  static final String WITHOUT = "without detection (each article alone)";
  static final String WITH = "with story detection";

  /**
   * One indexing run.
   *
   * @param seconds wall time, from the first file opened to the index committed and closed
   * @param cpuSeconds the JVM's CPU time over the same span (every thread: reader, workers, merges, GC)
   * @param indexBytes the index's size on disk
   * @param pointBytes the points files' size (.kdd, .kdi, .kdm): the band keys and the publication day
   * @param loadAverage the 1, 5 and 15 minute load averages when the run ended
   */
  record Run(String name, int articles, double seconds, double cpuSeconds, long indexBytes, long pointBytes,
      long peakHeapBytes, String loadAverage) {
    double articlesPerSecond() {
      return articles / seconds;
    }

    double cpuMillisPerArticle() {
      return cpuSeconds * 1000 / articles;
    }
  }

  /**
   * The stories of the index made with detection against the generated truth.
   *
   * @param distinct generated articles that are no copy
   * @param copies generated copies
   * @param copiesWithOriginal copies filed under their original's story
   * @param copiesWithOthers copies filed under a story that holds a distinct article other than their original
   * @param distinctFiledTogether distinct articles that share their story with another distinct article
   * @param stories distinct story ids in the index; {@code distinct} when every copy is found and nothing else
   */
  record Detection(int distinct, int copies, int copiesWithOriginal, int copiesWithOthers, int distinctFiledTogether,
      int stories) {}

  private final CorpusSummary corpus;
  private final CorpusGenerator generator;
  private final Path scratch;
  private final int repeats;
  private final int threads;

  /**
   * @param generator the generator that wrote the corpus: it says which articles are copies of which
   * @param scratch a folder for the two indexes, deleted at the end
   * @param repeats runs each way, alternating; the median (by time) is reported
   */
  StoryBenchmark(CorpusSummary corpus, CorpusGenerator generator, Path scratch, int repeats, int threads) {
    this.corpus = corpus;
    this.generator = generator;
    this.scratch = scratch;
    this.repeats = repeats;
    this.threads = threads;
  }

  /** The median run each way, the stories found, and their tables. */
  record Result(Run without, Run with, Detection detection, BenchReport tables) {}

  /** Both ways of indexing, the added cost, and the detection check. */
  Result measure() throws IOException {
    System.out.println("indexing " + corpus.articles() + " articles with and without story detection, "
        + repeats + " time(s) each, " + threads + " thread(s) ...");
    Path without = scratch.resolve("stories-without");
    Path with = scratch.resolve("stories-with");
    warmUp(scratch.resolve("stories-warmup"));
    List<Run> withoutRuns = new ArrayList<>();
    List<Run> withRuns = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      withoutRuns.add(run(WITHOUT, IndexingBenchmark.morgueIndexer(threads).withoutStoryDetection(), without));
      System.out.println(line(withoutRuns.getLast()));
      withRuns.add(run(WITH, IndexingBenchmark.morgueIndexer(threads), with));
      System.out.println(line(withRuns.getLast()));
    }
    Detection detection = detect(with);
    IndexingBenchmark.deleteTree(without);
    IndexingBenchmark.deleteTree(with);
    Run withoutMedian = median(withoutRuns);
    Run withMedian = median(withRuns);
    return new Result(withoutMedian, withMedian, detection, tables(withoutMedian, withMedian, detection));
  }

  private static String line(Run run) {
    return String.format(java.util.Locale.ROOT, "  %s: %.1f s, %.0f docs/s, %.3f ms CPU per article, %.1f MB, load %s",
        run.name(), run.seconds(), run.articlesPerSecond(), run.cpuMillisPerArticle(), run.indexBytes() / 1e6,
        run.loadAverage());
  }

  /** Indexes the first file both ways, untimed, so neither timed run pays for class loading and the JIT. */
  private void warmUp(Path folder) throws IOException {
    List<Path> first = ArticleFiles.standard().files(List.of(corpus.folder())).subList(0, 1);
    for (ArchiveIndexer indexer : List.of(IndexingBenchmark.morgueIndexer(threads).withoutStoryDetection(),
        IndexingBenchmark.morgueIndexer(threads))) {
      IndexingBenchmark.deleteTree(folder);
      try (ArchiveWriter writer = ArchiveWriter.open(folder)) {
        indexer.index(first, writer, Map.of());
      }
    }
    IndexingBenchmark.deleteTree(folder);
  }

  private Run run(String name, ArchiveIndexer indexer, Path folder) throws IOException {
    IndexingBenchmark.deleteTree(folder);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (HeapSampler heap = HeapSampler.start()) {
      long cpu = os.getProcessCpuTime();
      long start = System.nanoTime();
      try (ArchiveWriter writer = ArchiveWriter.open(folder)) {
        IndexReport report = indexer.index(List.of(corpus.folder()), writer, Map.of());
        if (report.indexed() != corpus.articles() || !report.skipped().isEmpty()) {
          throw new IllegalStateException("Morgue indexed " + report.indexed() + " of " + corpus.articles()
              + " articles and skipped " + report.skippedByReason());
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
      return new Run(name, corpus.articles(), seconds, cpuSeconds, IndexingBenchmark.folderBytes(folder),
          pointBytes(folder), heap.peakBytes(), MachineDescription.current().loadAverage().orElse("unknown"));
    }
  }

  /** The points files' bytes in the committed index, inside compound files too. */
  private static long pointBytes(Path folder) throws IOException {
    long total = 0;
    try (FSDirectory directory = FSDirectory.open(folder)) {
      for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
        if (segment.info.getUseCompoundFile()) {
          try (CompoundDirectory compound = segment.info.getCodec().compoundFormat()
              .getCompoundReader(directory, segment.info)) {
            for (String file : compound.listAll()) {
              total += isPoints(file) ? compound.fileLength(file) : 0;
            }
          }
        } else {
          for (String file : segment.files()) {
            total += isPoints(file) ? directory.fileLength(file) : 0;
          }
        }
      }
    }
    return total;
  }

  private static boolean isPoints(String file) {
    return file.endsWith(".kdd") || file.endsWith(".kdi") || file.endsWith(".kdm");
  }

  private static Run median(List<Run> runs) {
    List<Run> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingDouble(Run::seconds));
    return sorted.get(sorted.size() / 2);
  }

  /** Reads every article's story id from the index and compares the stories with the generator's copies. */
  Detection detect(Path index) throws IOException {
    int[] story = new int[corpus.articles()];
    Arrays.fill(story, -1);
    Map<String, Integer> storyNumbers = new HashMap<>();
    try (FSDirectory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        SortedSetDocValues ids = DocValues.getSortedSet(leaf.reader(), ArchiveSchema.ID);
        SortedDocValues stories = DocValues.getSorted(leaf.reader(), ArchiveSchema.STORY);
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          if (!ids.advanceExact(doc) || !stories.advanceExact(doc)) {
            throw new IllegalStateException("an article without an id or a story id in " + index);
          }
          int number = number(ids.lookupOrd(ids.nextOrd()).utf8ToString());
          String storyId = stories.lookupOrd(stories.ordValue()).utf8ToString();
          story[number] = storyNumbers.computeIfAbsent(storyId, s -> storyNumbers.size());
        }
      }
    }
    int[] distinctPerStory = new int[storyNumbers.size()];
    int distinct = 0;
    for (int number = 0; number < story.length; number++) {
      if (story[number] < 0) {
        throw new IllegalStateException("article " + CorpusGenerator.id(number) + " is not in " + index);
      }
      if (generator.originalOf(number).isEmpty()) {
        distinct++;
        distinctPerStory[story[number]]++;
      }
    }
    int copies = 0;
    int withOriginal = 0;
    int withOthers = 0;
    int together = 0;
    for (int number = 0; number < story.length; number++) {
      OptionalInt original = generator.originalOf(number);
      if (original.isPresent()) {
        copies++;
        if (story[number] == story[original.getAsInt()]) {
          withOriginal++;
        } else if (distinctPerStory[story[number]] > 0) {
          withOthers++;
        }
      } else if (distinctPerStory[story[number]] > 1) {
        together++;
      }
    }
    return new Detection(distinct, copies, withOriginal, withOthers, together, storyNumbers.size());
  }

  private static int number(String id) {
    return Integer.parseInt(id.substring(id.indexOf('-') + 1));
  }

  private BenchReport tables(Run without, Run with, Detection detection) {
    ReportTable runs = new ReportTable("Story detection: indexing", "The same " + corpus.articles() + " articles ("
        + ReportTable.megabytes(corpus.textBytes()) + " of title and body text, " + detection.copies()
        + " of them wire copies of earlier ones) through Morgue's whole pipeline on " + threads + " thread(s), "
        + "from the first file opened to the index committed and closed; CPU is the JVM's, every thread; points are "
        + "the .kdd/.kdi/.kdm files (the band keys and the publication day); median of " + repeats + " run(s) each way, "
        + "alternating.",
        "run", "seconds", "docs/s", "CPU ms / article", "index size", "index / raw text", "points files", "peak heap",
        "load average at the end");
    for (Run run : List.of(without, with)) {
      runs.row(run.name(), ReportTable.number(run.seconds()), ReportTable.number(run.articlesPerSecond()),
          ReportTable.number(run.cpuMillisPerArticle()), ReportTable.megabytes(run.indexBytes()),
          ReportTable.ratio((double) run.indexBytes() / corpus.textBytes()), ReportTable.megabytes(run.pointBytes()),
          ReportTable.megabytes(run.peakHeapBytes()), run.loadAverage());
    }
    long addedBytes = with.indexBytes() - without.indexBytes();
    ReportTable added = new ReportTable("Story detection: what it adds", "With over without.", "figure", "value");
    added.row("docs/s, with / without", ReportTable.ratio(with.articlesPerSecond() / without.articlesPerSecond()));
    added.row("CPU per article, with / without", ReportTable.ratio(with.cpuMillisPerArticle()
        / without.cpuMillisPerArticle()));
    added.row("CPU per article added, ms", ReportTable.number(with.cpuMillisPerArticle()
        - without.cpuMillisPerArticle()));
    added.row("index size added", ReportTable.megabytes(addedBytes) + " ("
        + ReportTable.number(100.0 * addedBytes / with.indexBytes()) + "% of the index with detection)");
    added.row("index size added per article, bytes", ReportTable.number((double) addedBytes / corpus.articles()));
    added.row("points files added", ReportTable.megabytes(with.pointBytes() - without.pointBytes()));

    ReportTable found = new ReportTable("Story detection: copies found", "The stories of the index made with "
        + "detection against the generator's truth: each copy is a copy of one distinct article.", "figure", "value");
    found.row("distinct articles generated", Integer.toString(detection.distinct()));
    found.row("copies generated", Integer.toString(detection.copies()));
    found.row("copies filed with their original", detection.copiesWithOriginal() + " ("
        + ReportTable.number(100.0 * detection.copiesWithOriginal() / Math.max(1, detection.copies())) + "%)");
    found.row("copies filed with another distinct article", Integer.toString(detection.copiesWithOthers()));
    found.row("distinct articles sharing a story with another distinct article",
        Integer.toString(detection.distinctFiledTogether()));
    found.row("stories in the index (distinct articles generated)", detection.stories() + " ("
        + detection.distinct() + ")");
    BenchReport report = new BenchReport();
    report.add(runs);
    report.add(added);
    report.add(found);
    return report;
  }
}
