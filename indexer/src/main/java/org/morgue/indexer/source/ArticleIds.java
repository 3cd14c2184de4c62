package org.morgue.indexer.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable article ids, the same way for every format: the source's own id where it has one, else
 * one derived from the URL, else from the content. Derived ids are short digests with a prefix that
 * says what they were derived from ({@code url-}, {@code text-}), so the same input always gets the
 * same id and a librarian can tell how an id was made.
 */
public final class ArticleIds {
  private ArticleIds() {}

  /** A source's own id, cleaned of surrounding space and control characters. */
  public static String own(String id) {
    return id.strip().replaceAll("\\p{Cntrl}", "");
  }

  /** An id from a URL: the same page under trivially different spellings gets the same id. */
  public static String fromUrl(String url) {
    return "url-" + digest(normaliseUrl(url));
  }

  /** An id from the article's content: its title and body. */
  public static String fromContent(String title, String body) {
    return "text-" + digest(title.strip() + "\n" + body.strip());
  }

  /** Lower-cases scheme and host and drops the fragment, which never names a different article. */
  static String normaliseUrl(String url) {
    String trimmed = url.strip();
    try {
      URI uri = new URI(trimmed);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return trimmed;
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      int port = uri.getPort();
      boolean defaultPort = port == -1 || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
          || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
      return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
          + (defaultPort ? "" : ":" + port) + path + query;
    } catch (URISyntaxException e) {
      return trimmed;
    }
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
