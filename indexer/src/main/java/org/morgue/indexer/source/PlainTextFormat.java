package org.morgue.indexer.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.morgue.article.Article;

/**
 * Plain-text articles in the seed-article layout ({@link PlainTextArticleParser}), one per {@code
 * .txt} file. The layout carries no metadata, so the id is the file name without its extension
 * (a morgue folder names each clipping once) and the source is the name of the folder holding it.
 */
public final class PlainTextFormat implements ArticleFormat {
  private final PlainTextArticleParser parser = new PlainTextArticleParser();

  @Override
  public String name() {
    return "plain-text";
  }

  @Override
  public boolean accepts(ArticleInput input) {
    return input.name().endsWith(".txt");
  }

  @Override
  public void read(ArticleInput input, ArticleSink sink) throws IOException {
    String origin = input.origin();
    String text;
    byte[] bytes;
    try (InputStream in = input.open()) {
      bytes = in.readAllBytes();
    }
    Optional<String> utf8 = LegacyText.utf8(bytes);
    boolean legacy = utf8.isEmpty();
    Optional<String> decoded = utf8.or(() -> LegacyText.windows1252(bytes));
    if (decoded.isEmpty()) {
      sink.reject(new MalformedArticleException(SkipReason.NOT_TEXT, origin, "not UTF-8 text (if it is text, save"
          + " it as UTF-8, e.g. iconv -f windows-1252 -t utf-8)"));
      return;
    }
    text = decoded.get();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte-order mark Windows editors write: no part of the headline
    }
    Optional<String> tooLarge = Article.tooLarge(text.length());
    if (tooLarge.isPresent()) {
      // Refused before the layout is parsed, which is what a huge text would make slow.
      sink.reject(new MalformedArticleException(SkipReason.TOO_LARGE, origin, tooLarge.get()));
      return;
    }
    if (text.indexOf('\0') >= 0) {
      sink.reject(new MalformedArticleException(SkipReason.NOT_TEXT, origin, "binary data, not text"));
      return;
    }
    String fileName = input.path().getFileName().toString();
    String id = ArticleIds.own(fileName.substring(0, fileName.toLowerCase(Locale.ROOT).indexOf(".txt")));
    try {
      Article article = parser.parse(text, id, input.folderName(), origin);
      sink.accept(article);
      if (article.blocks().isEmpty()) {
        sink.warn(new ReadWarning(origin, ReadWarning.TITLE_ALONE));
      }
      if (legacy) {
        sink.warn(new ReadWarning(origin, LegacyText.WARNING));
      }
    } catch (MalformedArticleException e) {
      sink.reject(e);
    }
  }
}
