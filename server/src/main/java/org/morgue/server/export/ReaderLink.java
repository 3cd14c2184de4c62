package org.morgue.server.export;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The page's address that opens an article in the reader: what a feed entry and an export row link to. */
final class ReaderLink {
  private ReaderLink() {}

  /** {@code site/?article=<id>}, the id encoded as a query value. */
  static String of(String site, String articleId) {
    return site + "/?article=" + URLEncoder.encode(articleId, StandardCharsets.UTF_8);
  }
}
