package org.morgue.indexer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.morgue.article.Article;
import org.morgue.indexer.source.MalformedArticleException;
import org.morgue.indexer.source.PlainTextArticleParser;

/** The two seed articles, copied into the test resources, parsed for tests. */
public final class SeedArticles {
  public static final String CRACKDOWN = "trump-escalates-venezuela-crackdown";
  public static final String KILL_CLAIMS = "us-military-kill-claims-raise-the-stakes";

  private SeedArticles() {}

  /** The raw text of a seed article. */
  public static String text(String name) {
    try (InputStream in = SeedArticles.class.getResourceAsStream("/seed/" + name + ".txt")) {
      if (in == null) {
        throw new IllegalArgumentException("no seed article " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A seed article parsed by the plain-text parser. */
  public static Article article(String name) {
    try {
      return new PlainTextArticleParser().parse(text(name), name, "seed-articles", "seed/" + name + ".txt");
    } catch (MalformedArticleException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes both seed articles as text files into {@code root/seed-articles}, as the corpus holds them. */
  public static Path writeFolder(Path root) throws IOException {
    Path folder = Files.createDirectories(root.resolve("seed-articles"));
    for (String name : List.of(CRACKDOWN, KILL_CLAIMS)) {
      Files.writeString(folder.resolve(name + ".txt"), text(name));
    }
    return folder;
  }
}
