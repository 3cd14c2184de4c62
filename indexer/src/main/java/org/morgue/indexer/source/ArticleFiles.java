package org.morgue.indexer.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Walks files and folders (recursively, in name order so runs are repeatable) and hands each file to
 * the format that reads it. A file no format reads, or one that cannot be opened, is rejected with
 * its path and the reason; the walk goes on.
 */
public final class ArticleFiles {
  private final List<ArticleFormat> formats;

  public ArticleFiles(List<ArticleFormat> formats) {
    this.formats = List.copyOf(formats);
  }

  /** The formats Morgue reads out of the box. */
  public static ArticleFiles standard() {
    return new ArticleFiles(List.of(new PlainTextFormat(), new JsonLinesFormat(), new HtmlFormat(), new FeedFormat(),
        new WarcFormat(), new Reuters21578Format(), new Rcv1NewsMlFormat(), new SotuJsonFormat(),
        new BrownCorpusFormat()));
  }

  /** Every regular file under the given paths that would be read, in the order it would be. */
  public List<Path> files(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such file or folder");
      }
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).filter(file -> !isHidden(file)).sorted().forEach(files::add);
        }
      } else {
        files.add(path);
      }
    }
    return files;
  }

  /** Reads one file with the format that accepts it. */
  public void read(Path file, ArticleSink sink) {
    ArticleInput input;
    try {
      input = ArticleInput.of(file);
    } catch (IOException e) {
      sink.reject(new MalformedArticleException(file.toString(), "cannot be read: " + describe(e)));
      return;
    }
    for (ArticleFormat format : formats) {
      if (format.accepts(input)) {
        try {
          format.read(input, sink);
        } catch (SinkFailedException e) {
          throw e;
        } catch (IOException | RuntimeException e) {
          // A format that fails on malformed input fails for this file alone.
          sink.reject(new MalformedArticleException(file.toString(), "cannot be read as " + format.name() + ": " + describe(e)));
        }
        return;
      }
    }
    sink.reject(new MalformedArticleException(file.toString(), "unknown format"));
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Dot files are editor and VCS clutter, never articles. */
  private static boolean isHidden(Path file) {
    return file.getFileName().toString().startsWith(".");
  }
}
