package org.morgue.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.morgue.article.Article;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.ArticleSink;
import org.morgue.indexer.source.MalformedArticleException;

/**
 * Reads the articles an annotated set refers to, with the same readers indexing uses, so the
 * enrichments see exactly the text they see in the archive.
 */
final class EvalArticles {
  private final Path root;
  private final ArticleFiles files = ArticleFiles.standard();

  /** @param root the repository root, which the sets' paths are relative to */
  EvalArticles(Path root) {
    this.root = root;
  }

  /** Every article in a file or folder under the root; a malformed one is an error in the set. */
  List<Article> all(String path) throws IOException {
    Path target = root.resolve(path);
    if (!Files.exists(target)) {
      throw new NoSuchFileException(target.toString());
    }
    List<Article> articles = new ArrayList<>();
    for (Path file : files.files(List.of(target))) {
      files.read(file, new ArticleSink() {
        @Override
        public void accept(Article article) {
          articles.add(article);
        }

        @Override
        public void reject(MalformedArticleException problem) {
          throw new IllegalStateException("annotated set refers to a malformed article: " + problem.getMessage());
        }
      });
    }
    return articles;
  }

  /**
   * One article: {@code path} for a one-article file, {@code path#id} for one record of a file
   * that holds several.
   */
  Article one(String reference) throws IOException {
    int hash = reference.indexOf('#');
    String path = hash < 0 ? reference : reference.substring(0, hash);
    List<Article> articles = all(path);
    if (hash < 0) {
      if (articles.size() != 1) {
        throw new IllegalArgumentException(reference + " holds " + articles.size() + " articles; name one with #id");
      }
      return articles.get(0);
    }
    String id = reference.substring(hash + 1);
    return articles.stream().filter(a -> a.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no article with id '" + id + "' in " + path));
  }

  /** The article with only its first {@code blocks} body blocks; all of it for 0. */
  static Article firstBlocks(Article article, int blocks) {
    if (blocks <= 0 || blocks >= article.blocks().size()) {
      return article;
    }
    return new Article(article.id(), article.title(), article.blocks().subList(0, blocks), article.published(),
        article.source(), article.url(), article.authors(), article.origin(), article.metadata());
  }
}
