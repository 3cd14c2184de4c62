package org.morgue.curation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.morgue.article.Article;
import org.morgue.article.DatePrecision;

/**
 * An article's own fields as its source gave them, kept when a curator first corrects one: withdrawing
 * the correction later restores them without reading the source again.
 */
public record OriginalFields(String title, Optional<LocalDate> published, String source, List<String> authors,
    Optional<String> publishedPrecision) {
  public OriginalFields {
    published = published == null ? Optional.empty() : published;
    authors = authors == null ? List.of() : List.copyOf(authors);
    publishedPrecision = publishedPrecision == null || published.isEmpty() ? Optional.empty() : publishedPrecision;
  }

  /** Fields without the date's precision, as records made before 2026-12-06 kept them. */
  public OriginalFields(String title, Optional<LocalDate> published, String source, List<String> authors) {
    this(title, published, source, authors, Optional.empty());
  }

  /**
   * An article's own fields, with how precisely its source dated it ({@code year}, {@code month} or
   * {@code day}), so that the changes record says a source gave "1988", not 1 January 1988 (a
   * librarian's trial read the record as the source's word).
   */
  public static OriginalFields of(Article article) {
    return new OriginalFields(article.title(), article.published(), article.source(), article.authors(),
        article.published().map(date -> DatePrecision.of(article).id()));
  }
}
