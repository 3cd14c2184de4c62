package org.morgue.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.indexer.source.ArticleFiles;

/**
 * A digest of a corpus folder (every file's path, size and modification time), of the schema
 * version and of the Morgue build. Stored with the index commit, it tells whether the index still
 * reflects the corpus as this build would index it: any added, removed or touched file, a schema
 * change, or a rebuilt Morgue (whose enrichment data may differ) gives a different fingerprint.
 */
public final class CorpusFingerprint {
  /** Commit metadata key under which the fingerprint is stored. */
  public static final String KEY = "morgue.corpus";

  private final ArticleFiles files;

  public CorpusFingerprint(ArticleFiles files) {
    this.files = files;
  }

  /** The fingerprint of the corpus under a folder. */
  public String of(Path corpus) throws IOException {
    MessageDigest digest = sha256();
    digest.update(ArchiveSchema.VERSION.getBytes(StandardCharsets.UTF_8));
    digest.update(build());
    Path root = corpus.toAbsolutePath().normalize();
    List<Path> all = files.files(List.of(root));
    for (Path file : all) {
      String line = root.relativize(file.toAbsolutePath().normalize()) + "\t" + Files.size(file) + "\t"
          + Files.getLastModifiedTime(file).toMillis() + "\n";
      digest.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The build.properties the build wrote; empty when running from an IDE that skipped filtering. */
  private static byte[] build() throws IOException {
    try (var in = CorpusFingerprint.class.getResourceAsStream("/org/morgue/indexer/build.properties")) {
      return in == null ? new byte[0] : in.readAllBytes();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
