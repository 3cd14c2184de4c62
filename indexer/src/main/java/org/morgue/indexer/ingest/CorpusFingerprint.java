package org.morgue.indexer.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.morgue.indexer.index.ArchiveSchema;
import org.morgue.indexer.source.ArticleFiles;

/**
 * A digest of a corpus folder (every file's path, size and modification time) and of the schema
 * version. Stored with the index commit, it tells whether the index still reflects the corpus: any
 * added, removed or touched file, or a schema change, gives a different fingerprint.
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
    Path root = corpus.toAbsolutePath().normalize();
    List<Path> all = files.files(List.of(root));
    for (Path file : all) {
      String line = root.relativize(file.toAbsolutePath().normalize()) + "\t" + Files.size(file) + "\t"
          + Files.getLastModifiedTime(file).toMillis() + "\n";
      digest.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
