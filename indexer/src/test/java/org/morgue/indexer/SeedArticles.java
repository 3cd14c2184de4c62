package org.morgue.indexer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
}
