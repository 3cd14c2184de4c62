package org.morgue.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.index.ArchiveWriter;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;

/** Builds, in a temp folder, an index of the two seed articles plus any extra plain-text articles. */
final class SeedIndex {
  static final String CRACKDOWN = "trump-escalates-venezuela-crackdown";
  static final String KILL_CLAIMS = "us-military-kill-claims-raise-the-stakes";

  private SeedIndex() {}

  /**
   * Writes the seed articles and the extra ones (file stem to text) into {@code tmp/corpus/seed-articles}
   * and indexes them into {@code tmp/index}, which it returns.
   */
  static Path build(Path tmp, Map<String, String> extra) throws IOException {
    Path corpus = Files.createDirectories(tmp.resolve("corpus/seed-articles"));
    for (String name : List.of(CRACKDOWN, KILL_CLAIMS)) {
      try (InputStream in = SeedIndex.class.getResourceAsStream("/seed/" + name + ".txt")) {
        Files.write(corpus.resolve(name + ".txt"), in.readAllBytes());
      }
    }
    for (Map.Entry<String, String> article : extra.entrySet()) {
      Files.writeString(corpus.resolve(article.getKey() + ".txt"), article.getValue());
    }
    Path index = tmp.resolve("index");
    try (ArchiveWriter writer = ArchiveWriter.open(index)) {
      new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard())
          .index(List.of(tmp.resolve("corpus")), writer, Map.of());
    }
    return index;
  }
}
