package org.morgue.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.RecordingStore;
import org.morgue.indexer.source.ArticleFiles;

/**
 * Writes, in a temp folder, a corpus of the two seed articles plus any extra plain-text or JSON Lines
 * articles, and builds an embedded index of it (or leaves it for {@link TestEngine#index} to index).
 */
public final class SeedIndex {
  static final String CRACKDOWN = "trump-escalates-venezuela-crackdown";
  static final String KILL_CLAIMS = "us-military-kill-claims-raise-the-stakes";

  /** The corpus Morgue ships; surefire runs in the server module, which is its sibling. */
  static final Path SHIPPED_CORPUS = Path.of("..", "corpus", "articles");

  private SeedIndex() {}

  /** The shipped corpus's index, built by the first test that asks for it; never handed out itself. */
  private static Path shippedOnce;
  /** The writes that built it, for an archive of it in another engine. */
  private static List<RecordingStore.Write> shippedWrites;

  /**
   * An embedded index of the whole shipped corpus in {@code tmp/index}, which it returns. Enriching
   * its 279 articles takes seconds and a dozen test classes want them (the load tests too), so the
   * index is built once per test JVM and each caller gets its own copy of the files, free to write to.
   */
  public static Path shippedCorpus(Path tmp) throws IOException {
    return IndexCopies.copy(shippedOnce(), tmp.resolve("index"));
  }

  private static synchronized Path shippedOnce() throws IOException {
    if (shippedOnce == null) {
      Path folder = IndexCopies.tempFolderDeletedAtExit("morgue-shipped-corpus");
      Path index = folder.resolve("index");
      try (RecordingStore writer = new RecordingStore(ArchiveWriter.open(index))) {
        new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard()).index(List.of(SHIPPED_CORPUS), writer, Map.of());
        shippedWrites = writer.writes();
      }
      shippedOnce = index;
    }
    return shippedOnce;
  }

  /**
   * The writes that built the shipped corpus's embedded index, to make the same archive in another
   * engine's store without enriching its articles a second time.
   */
  static synchronized List<RecordingStore.Write> shippedCorpusWrites() throws IOException {
    shippedOnce();
    return shippedWrites;
  }

  /**
   * Writes the seed articles and the extra ones (file stem to text) into {@code tmp/corpus/seed-articles}
   * and indexes them into {@code tmp/index}, which it returns.
   */
  static Path build(Path tmp, Map<String, String> extra) throws IOException {
    return build(tmp, extra, List.of());
  }

  /**
   * As {@link #build(Path, Map)}, plus JSON Lines files from the test resources (e.g.
   * {@code /sotu/state-of-the-union.jsonl}), each copied into its own folder of the corpus.
   */
  static Path build(Path tmp, Map<String, String> extra, List<String> jsonLinesResources) throws IOException {
    Path corpus = corpus(tmp, extra, jsonLinesResources);
    Path index = tmp.resolve("index");
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard()).index(List.of(corpus), writer, Map.of());
    }
    return index;
  }

  /**
   * Writes the seed articles and the extra ones (file stem to text) into {@code tmp/corpus/seed-articles},
   * and the JSON Lines test resources each into its own folder of {@code tmp/corpus}, which it returns
   * for either engine to index (files a test wrote there beforehand are indexed too).
   */
  static Path corpus(Path tmp, Map<String, String> extra, List<String> jsonLinesResources) throws IOException {
    for (String resource : jsonLinesResources) {
      String file = Path.of(resource).getFileName().toString();
      Path folder = Files.createDirectories(tmp.resolve("corpus").resolve(file.replaceFirst("\\.jsonl$", "")));
      try (InputStream in = SeedIndex.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("no test resource " + resource);
        }
        Files.write(folder.resolve(file), in.readAllBytes());
      }
    }
    Path seeds = Files.createDirectories(tmp.resolve("corpus/seed-articles"));
    for (String name : List.of(CRACKDOWN, KILL_CLAIMS)) {
      try (InputStream in = SeedIndex.class.getResourceAsStream("/seed/" + name + ".txt")) {
        Files.write(seeds.resolve(name + ".txt"), in.readAllBytes());
      }
    }
    for (Map.Entry<String, String> article : extra.entrySet()) {
      Files.writeString(seeds.resolve(article.getKey() + ".txt"), article.getValue());
    }
    return tmp.resolve("corpus");
  }
}
