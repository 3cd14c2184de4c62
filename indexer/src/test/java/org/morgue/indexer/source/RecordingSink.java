package org.morgue.indexer.source;

import org.morgue.indexer.TestFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.morgue.article.Article;

/** Keeps what a format reads, for tests to assert on. */
public final class RecordingSink implements ArticleSink {
  public final List<Article> articles = new ArrayList<>();
  public final List<MalformedArticleException> rejected = new ArrayList<>();
  public final List<ReadWarning> warnings = new ArrayList<>();

  @Override
  public void accept(Article article) {
    articles.add(article);
  }

  @Override
  public void reject(MalformedArticleException problem) {
    rejected.add(problem);
  }

  @Override
  public void warn(ReadWarning warning) {
    warnings.add(warning);
  }

  /** The reasons of the rejected records, in order. */
  List<String> reasons() {
    return rejected.stream().map(MalformedArticleException::reason).toList();
  }

  /** Where the rejected records were, in order. */
  List<String> origins() {
    return rejected.stream().map(MalformedArticleException::origin).toList();
  }

  /** Reads a file with a format, asserting the format recognises it. */
  public static RecordingSink read(ArticleFormat format, Path file) throws IOException {
    ArticleInput input = ArticleInput.of(file);
    if (!format.accepts(input)) {
      throw new AssertionError(format.name() + " does not recognise " + file);
    }
    RecordingSink sink = new RecordingSink();
    format.read(input, sink);
    return sink;
  }

  /** The one article a single-record file holds; fails when there are others or rejections. */
  static Article single(ArticleFormat format, Path file) throws IOException {
    RecordingSink sink = read(format, file);
    if (!sink.rejected.isEmpty() || sink.articles.size() != 1) {
      throw new AssertionError(file + ": expected one article and no rejection, got " + sink.articles.size()
          + " articles and " + sink.reasons());
    }
    return sink.articles.get(0);
  }

  /** The path of a test resource. */
  public static Path resource(String name) {
    return TestFiles.path("/" + name);
  }
}
