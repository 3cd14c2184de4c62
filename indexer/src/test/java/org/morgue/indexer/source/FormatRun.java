package org.morgue.indexer.source;

import org.morgue.indexer.TestFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.morgue.article.Article;
import org.morgue.article.Block;
import org.morgue.article.BlockKind;

/** What one format read from one file: the articles, the rejected records and the warnings, in order. */
record FormatRun(List<Article> articles, List<MalformedArticleException> problems, List<ReadWarning> warnings) {

  /** Reads a file with the given format, which must accept it. */
  static FormatRun read(ArticleFormat format, Path file) {
    try {
      RecordingSink sink = RecordingSink.read(format, file);
      return new FormatRun(sink.articles, sink.rejected, sink.warnings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A test resource under {@code formats/} as a file. */
  static Path resource(String name) {
    return TestFiles.path("/formats/" + name);
  }

  /** The texts of an article's blocks of one kind, in order. */
  static List<String> texts(Article article, BlockKind kind) {
    return article.blocks().stream().filter(block -> block.kind() == kind).map(Block::text).toList();
  }
}
