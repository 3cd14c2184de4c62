package org.morgue.indexer.source;

import java.io.IOException;
import java.io.InputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Saved web pages, one article per {@code .html} or {@code .htm} file, read by {@link
 * HtmlArticleExtractor}. The character set comes from the page's BOM or {@code <meta charset>},
 * else UTF-8. Parsing never fetches anything: jsoup reads the bytes it is given and no more.
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
    Document page;
    try (InputStream in = input.open()) {
      // No base address: a relative canonical link names no page on its own and is not used.
      page = Jsoup.parse(in, null, "");
    }
    try {
      sink.accept(extractor.extract(page, HtmlArticleExtractor.PageContext.file(input.origin(), input.folderName()),
          sink::warn));
    } catch (MalformedArticleException e) {
      sink.reject(e);
    }
  }
}
