package org.morgue.indexer.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Saved web pages, one article per {@code .html} or {@code .htm} file, read by {@link
 * HtmlArticleExtractor}. The character set comes from the page's BOM or {@code <meta charset>},
 * else UTF-8, else, for bytes that are not UTF-8, Windows-1252 ({@link LegacyText}). Parsing never fetches anything: jsoup reads the bytes it is given and no more.
 */
public final class HtmlFormat implements ArticleFormat {
  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

  @Override
  public String name() {
    return "html";
  }

  @Override
  public boolean accepts(ArticleInput input) {
    return input.name().endsWith(".html") || input.name().endsWith(".htm");
  }

  @Override
  public void read(ArticleInput input, ArticleSink sink) throws IOException {
    byte[] bytes;
    try (InputStream in = input.open()) {
      bytes = in.readAllBytes();
    }
    // No base address: a relative canonical link names no page on its own and is not used.
    Document page = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
    // A page whose encoding jsoup took as UTF-8 (none declared, or UTF-8 declared wrongly) but whose
    // bytes are not UTF-8 is an older Windows page: read as Windows-1252, as browsers do, with a word.
    boolean legacy = page.charset().equals(StandardCharsets.UTF_8) && LegacyText.utf8(bytes).isEmpty()
        && LegacyText.windows1252(bytes).isPresent();
    if (legacy) {
      page = Jsoup.parse(new ByteArrayInputStream(bytes), LegacyText.WINDOWS_1252.name(), "");
    }
    try {
      sink.accept(extractor.extract(page, HtmlArticleExtractor.PageContext.file(input.origin(), input.folderName()),
          sink::warn));
      if (legacy) {
        sink.warn(new ReadWarning(input.origin(), LegacyText.WARNING));
      }
    } catch (MalformedArticleException e) {
      sink.reject(e);
    }
  }
}
