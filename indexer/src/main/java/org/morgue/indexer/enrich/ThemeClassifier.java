package org.morgue.indexer.enrich;

import java.util.List;
import org.morgue.indexer.article.Article;
import org.morgue.indexer.article.Theme;

/** Assigns taxonomy themes to an article. PLACEHOLDER: replaced by the taxonomy-based classifier. */
public final class ThemeClassifier {
  /** The classifier with the taxonomy that ships with Morgue. */
  public static ThemeClassifier fromResources() {
    return new ThemeClassifier();
  }

  /** Every theme above the threshold, highest score first. */
  public List<Theme> classify(Article article) {
    return List.of();
  }
}
