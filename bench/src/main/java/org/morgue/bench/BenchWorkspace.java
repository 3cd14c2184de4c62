package org.morgue.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.engine.lucene.index.ArchiveWriter;

/**
 * The benchmark's folder for one corpus size and seed: the generated corpus, Morgue's index of it,
 * and scratch space. Each is reused by later commands when it is complete, which a marker file
 * written last says.
 */
final class BenchWorkspace {
  private static final String GENERATOR = Integer.toString(CorpusGenerator.VERSION);
  private final Path root;
  private final int count;
  private final long seed;
  /** Percent of the corpus's articles that are wire copies of earlier ones (0 but for {@code bench stories}). */
  private final int copyPercent;

  BenchWorkspace(Path root, int count, long seed) {
    this(root, count, seed, 0);
  }

  BenchWorkspace(Path root, int count, long seed, int copyPercent) {
    this.root = root;
    this.count = count;
    this.seed = seed;
    this.copyPercent = copyPercent;
  }

  int count() {
    return count;
  }

  String name() {
    return count + "-seed-" + seed + (copyPercent == 0 ? "" : "-copies-" + copyPercent);
  }

  /** The generator of this workspace's corpus, sampling the articles under {@code sentences}. */
  CorpusGenerator generator(Path sentences) throws IOException {
    return CorpusGenerator.sampling(sentences, seed).withCopies(copyPercent);
  }

  Path corpusFolder() {
    return root.resolve("corpus-" + name());
  }

  Path indexFolder() {
    return root.resolve("index-" + name());
  }

  Path scratch() {
    return root.resolve("scratch");
  }

  /** The generated corpus, written now (from the articles under {@code sentences}) unless already complete. */
  CorpusSummary corpus(Path sentences) throws IOException {
    Path marker = marker(corpusFolder());
    if (Files.exists(marker)) {
      Properties summary = load(marker);
      if (GENERATOR.equals(summary.getProperty("generator"))) {
        return new CorpusSummary(corpusFolder(), Integer.parseInt(summary.getProperty("articles")),
            Integer.parseInt(summary.getProperty("files")), Long.parseLong(summary.getProperty("textBytes")));
      }
      // Made by an earlier generator: its text is not what this version writes, nor its index.
      unmarkIndexed();
      Files.delete(marker);
    }
    IndexingBenchmark.deleteTree(corpusFolder());
    System.out.println("generating " + count + " articles (seed " + seed + ", " + copyPercent + "% copies) in "
        + corpusFolder() + " ...");
    long start = System.nanoTime();
    CorpusSummary summary = generator(sentences).write(corpusFolder(), count, filesOf(count));
    System.out.printf(java.util.Locale.ROOT, "generated %d articles, %.1f MB of text, in %.1f s%n", summary.articles(),
        summary.textBytes() / 1e6, (System.nanoTime() - start) / 1e9);
    Properties properties = new Properties();
    properties.setProperty("articles", Integer.toString(summary.articles()));
    properties.setProperty("files", Integer.toString(summary.files()));
    properties.setProperty("textBytes", Long.toString(summary.textBytes()));
    properties.setProperty("generator", GENERATOR);
    store(properties, marker);
    return summary;
  }

  /**
   * Articles per file: about twenty files, so two or more indexing threads always have files to
   * share, and at most ten thousand articles a file.
   */
  static int filesOf(int count) {
    return Math.max(1, Math.min(10_000, count / 20));
  }

  /** Morgue's index of the corpus, if a complete one was left by an earlier run. */
  Optional<Path> morgueIndex() {
    return Files.exists(marker(indexFolder())) ? Optional.of(indexFolder()) : Optional.empty();
  }

  /** Records that the index folder holds Morgue's complete index of the corpus. */
  void markIndexed() throws IOException {
    Properties properties = new Properties();
    properties.setProperty("articles", Integer.toString(count));
    store(properties, marker(indexFolder()));
  }

  /** Builds Morgue's index of the corpus unless a complete one exists; not timed. */
  Path ensureMorgueIndex(CorpusSummary corpus) throws IOException {
    Optional<Path> existing = morgueIndex();
    if (existing.isPresent()) {
      return existing.get();
    }
    System.out.println("indexing the corpus with Morgue into " + indexFolder() + " (not timed) ...");
    IndexingBenchmark.deleteTree(indexFolder());
    try (ArchiveWriter writer = ArchiveWriter.open(indexFolder())) {
      IndexingBenchmark.morgueIndexer(ArchiveIndexer.DEFAULT_THREADS).index(List.of(corpus.folder()), writer, Map.of());
    }
    markIndexed();
    return indexFolder();
  }

  /** Forgets the index, before a run rewrites it. */
  void unmarkIndexed() throws IOException {
    Files.deleteIfExists(marker(indexFolder()));
  }

  private static Path marker(Path folder) {
    return folder.resolveSibling(folder.getFileName() + ".complete");
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    }
    return properties;
  }

  private static void store(Properties properties, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (Writer out = Files.newBufferedWriter(file)) {
      properties.store(out, "written by morgue bench once the folder beside it was complete");
    }
  }
}
