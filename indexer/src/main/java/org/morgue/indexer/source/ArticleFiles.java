package org.morgue.indexer.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;

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
    return walk(paths).files();
  }

  /**
   * The files under the given paths, in the order they would be read, and what the walk could not
   * follow. Symbolic links are followed, so a linked folder is read; a link that leads back into a
   * folder being walked (a loop) or to nothing is reported and passed over, and the walk ends. A
   * folder of a page saved "complete" ({@link SavedPageFolder}) inside a given folder is passed over
   * whole and listed; one given as a path is read, since it was asked for.
   *
   * @throws IOException when a given path does not exist
   */
  public FileWalk walk(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    List<MalformedArticleException> skipped = new ArrayList<>();
    List<SavedPageFolder> savedPages = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such file or folder");
      }
      if (Files.isDirectory(path)) {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
            if (folder.equals(path)) {
              return FileVisitResult.CONTINUE;
            }
            java.util.Optional<SavedPageFolder> saved = SavedPageFolder.of(folder);
            if (saved.isPresent()) {
              savedPages.add(saved.get());
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (isHidden(file)) {
              return FileVisitResult.CONTINUE;
            }
            if (attributes.isRegularFile()) {
              found.add(file);
            } else if (attributes.isSymbolicLink()) {
              // Following it failed, so the walker fell back to the link itself: it points nowhere.
              skipped.add(new MalformedArticleException(SkipReason.UNREADABLE, file.toString(), "broken symbolic link: its target does not exist"));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            String reason = e instanceof FileSystemLoopException
                ? "symbolic link loop: it leads back into a folder already being read, so it is not followed"
                : "cannot be read: " + describe(e);
            skipped.add(new MalformedArticleException(SkipReason.UNREADABLE, file.toString(), reason));
            return FileVisitResult.CONTINUE;
          }
        });
        found.sort(null);
        files.addAll(found);
      } else {
        files.add(path);
      }
    }
    savedPages.sort(java.util.Comparator.comparing(SavedPageFolder::folder));
    return new FileWalk(files, skipped, savedPages);
  }

  /**
   * What a walk found.
   *
   * @param files the files to read, in order
   * @param skipped links and folders that could not be followed, with the reason
   * @param savedPages the folders passed over as the own files of a page saved beside them
   */
  public record FileWalk(List<Path> files, List<MalformedArticleException> skipped, List<SavedPageFolder> savedPages) {
    public FileWalk {
      files = List.copyOf(files);
      skipped = List.copyOf(skipped);
      savedPages = List.copyOf(savedPages);
    }
  }

  /** Reads one file with the format that accepts it. */
  public void read(Path file, ArticleSink sink) {
    ArticleInput input;
    try {
      input = ArticleInput.of(file);
    } catch (IOException e) {
      SkipReason kind = e instanceof InputTooLargeException ? SkipReason.TOO_LARGE : SkipReason.UNREADABLE;
      sink.reject(new MalformedArticleException(kind, file.toString(), "cannot be read: " + describe(e)));
      return;
    }
    if (input.isEmpty()) {
      sink.reject(new MalformedArticleException(SkipReason.EMPTY, file.toString(), "empty file"));
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
          SkipReason kind = e instanceof InputTooLargeException ? SkipReason.TOO_LARGE : SkipReason.MALFORMED;
          sink.reject(new MalformedArticleException(kind, file.toString(), "cannot be read as " + format.name() + ": " + describe(e)));
        } catch (StackOverflowError e) {
          // A pattern that recurses a character at a time, on a text made to defeat it: this file alone
          // is refused, where the error ended the run (a "word" of 9,000 letters in a .txt did).
          sink.reject(new MalformedArticleException(SkipReason.MALFORMED, file.toString(), "cannot be read as "
              + format.name() + ": a run of text in it is too long to be read"));
        }
        return;
      }
    }
    sink.reject(new MalformedArticleException(SkipReason.UNKNOWN_FORMAT, file.toString(), "unknown format"
        + whatToDo(file.getFileName().toString(), input.headText())));
  }

  /**
   * What a librarian should do with a file no format takes, where a kind is recognised: an archive of
   * files, or Morgue's own CSV or RIS export, which list articles without their text (trial, session
   * 39: "unknown format" alone on a file Morgue itself wrote read as a bug).
   */
  private static String whatToDo(String name, String head) {
    if (ARCHIVE.matcher(name).find()) {
      return ": an archive of files, which Morgue does not open; unpack it and index the folder";
    }
    String firstLine = head.stripLeading().lines().findFirst().orElse("");
    if (firstLine.startsWith("\uFEFF")) {
      firstLine = firstLine.substring(1);
    }
    if (firstLine.startsWith("id,title,published,source,") || firstLine.startsWith("TY  - NEWS")) {
      return ": Morgue's " + (firstLine.startsWith("TY") ? "RIS" : "CSV") + " export lists articles without their"
          + " text, so it cannot be indexed; to move articles between archives, export them with format=jsonl"
          + " and index that";
    }
    if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
      return ": Morgue does not read CSV; write the articles as JSON Lines, one object a line"
          + " (docs/formats.md)";
    }
    return "";
  }

  /**
   * Archives of files a newsroom sends: said, with what to do, where "unknown format" alone left a
   * librarian guessing (trial, session 38). A {@code .gz} of one file is read as that file.
   */
  private static final java.util.regex.Pattern ARCHIVE =
      java.util.regex.Pattern.compile("(?i)\\.(zip|7z|rar|tar|tgz|tar\\.gz|tar\\.bz2|tar\\.xz)$");

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Dot files are editor and VCS clutter, never articles. */
  private static boolean isHidden(Path file) {
    return file.getFileName().toString().startsWith(".");
  }
}
