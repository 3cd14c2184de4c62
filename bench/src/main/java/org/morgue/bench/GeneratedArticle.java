package org.morgue.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

/**
 * One generated article, with the keys Morgue's JSON Lines reader takes (docs/formats.md).
 *
 * @param paragraphs the body's paragraphs, written joined by blank lines
 */
record GeneratedArticle(
    String id, String title, List<String> paragraphs, LocalDate published, String source, List<String> authors,
    String url) {
  GeneratedArticle {
    paragraphs = List.copyOf(paragraphs);
    authors = List.copyOf(authors);
  }

  /** The body as written to the file and as Morgue reads it back. */
  String body() {
    return String.join("\n\n", paragraphs);
  }

  /** The article as Morgue reads it back from the file (paragraphs as blocks). */
  Article asArticle() {
    return new Article(id, title, paragraphs.stream().map(p -> new Block(BlockKind.PARAGRAPH, p)).toList(),
        Optional.of(published), source, Optional.of(url), authors, id);
  }

  /** The title and body in UTF-8 bytes: the raw text that throughput and index size are measured against. */
  long textBytes() {
    return title.getBytes(StandardCharsets.UTF_8).length + body().getBytes(StandardCharsets.UTF_8).length;
  }
}
