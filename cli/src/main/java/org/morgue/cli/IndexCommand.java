package org.morgue.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.curation.Curation;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.IndexReport;
import org.morgue.indexer.source.ArticleFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.morgue.search.ArchiveStore;
import picocli.CommandLine.Parameters;

/** {@code morgue index}: adds files and folders of articles to an index, or deletes articles from it. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Index files or folders of articles (recursively), or delete articles by id.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every article was indexed",
      "1:the run failed (the index keeps its last commit)",
      "2:bad arguments",
      "3:the run finished, but some files or records were skipped (listed above the summary),"
          + " or an id given to --delete was not in the index"
    })
public final class IndexCommand implements Callable<Integer> {
  /** Exit status when the run completed but skipped something. */
  public static final int EXIT_SKIPPED = 3;

  /** The command line running this command: its error stream is where a bad argument is reported. */
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR", description = "index folder (default: ${DEFAULT-VALUE})")
  Path index = MorgueHome.defaultIndex();

  @Mixin ClusterOptions cluster = new ClusterOptions();

  @Option(names = "--delete", paramLabel = "ID", description = "delete the article with this id (repeatable)")
  List<String> deletions = new ArrayList<>();

  @Option(names = "--commit-every", paramLabel = "N",
      description = "commit after every N written articles, so an interrupted run keeps them (default: ${DEFAULT-VALUE})")
  int commitEvery = ArchiveIndexer.COMMIT_EVERY;

  @Option(names = "--threads", paramLabel = "N",
      description = "threads that enrich and write articles; files are read on one more (default: ${DEFAULT-VALUE},"
          + " the number of processors)")
  int threads = ArchiveIndexer.DEFAULT_THREADS;

  @Option(names = "--curation", paramLabel = "DIR",
      description = "the curation applied to what is indexed (default: beside the index, <index>.curation;"
          + " var/<alias>.curation for a cluster)")
  Path curationFolder;

  @Option(names = "--remove-missing",
      description = "remove the articles read before from files under the folders given that are gone, or that no"
          + " longer give them (a record taken out of a batch, a renamed file's old name); without it they are"
          + " listed and kept")
  boolean removeMissing;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "files or folders of articles")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    if (paths.isEmpty() && deletions.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give at least one PATH to index or --delete ID");
    }
    for (Path path : paths) {
      if (!Files.exists(path)) {
        // Checked before the index opens: a mistyped path must not start a run that writes nothing.
        throw new CommandLine.ParameterException(spec.commandLine(), "no file or folder at " + path);
      }
    }
    if (paths.isEmpty() && cluster.urls == null && !Files.isDirectory(index)) {
      // Deleting from an index that is not there would create an empty one at the mistyped path.
      throw new CommandLine.ParameterException(spec.commandLine(),
          "no index at " + index + " to delete from (give --index DIR of an existing index)");
    }
    try (ArchiveLocation archive = cluster.location(index)) {
      // Asked first: on a cluster this is also where a wrong address or a refused login is said. Read
      // before the writer opens, which creates the index (and, on a cluster, its metadata).
      Optional<Map<String, String>> before = archive.lastCommitData();
      boolean newArchive = before.isEmpty();
      if (newArchive && paths.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "no archive " + archive.description() + " to delete from (give --opensearch-index NAME of an existing one)");
      }
      if (newArchive && deletions.isEmpty()) {
        ArticleFiles.FileWalk walk = ArticleFiles.standard().walk(paths);
        if (walk.files().isEmpty() && walk.skipped().isEmpty()) {
          // An empty archive from an empty folder was left on a cluster (an operator's trial), or a
          // mistyped --index folder: nothing to write, so nothing is created.
          System.out.println(nothingToIndex());
          return 0;
        }
      }
      try (ArchiveStore writer = archive.openOrCreate()) {
        return index(archive, writer, before, newArchive);
      }
    }
  }

  private String nothingToIndex() {
    return "nothing to index: no files under " + paths.stream().map(Path::toString)
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private int index(ArchiveLocation archive, ArchiveStore writer, Optional<Map<String, String>> before, boolean newArchive)
      throws IOException {
    // A mistyped --index starts a new archive there; the librarian should hear so, not find out later.
    // On a cluster the archive index says so itself as it creates one.
    if (newArchive && archive instanceof ArchiveLocation.Folder) {
      System.out.println("created a new index at " + index);
    }
    // Curation is only read here: a server changes it, and holds the index meanwhile.
    Curation curation = Curation.readOnly(curationFolder != null ? curationFolder : archive.defaultCurationFolder());
    curation.checkCovers(before.orElse(Map.of()), archive.description());
    // Articles written now get the whole curation; those left alone hold what they held, so the index
    // keeps saying how far that goes (a server catches up from there). A new archive holds only
    // articles written now, so it holds the whole curation: it said change 0, and a read-only server
    // on an archive restored with its journal said the applied corrections were missing (an
    // operator's trial).
    Map<String, String> commitData = before.isEmpty() ? Map.of(Curation.COMMIT_KEY, Long.toString(curation.seq()))
        : before.map(data -> data.get(Curation.COMMIT_KEY)).map(upTo -> Map.of(Curation.COMMIT_KEY, upTo)).orElse(Map.of());
    boolean missing = false;
    for (String given : deletions) {
      // Under whichever Unicode form of the id the archive holds, as the API's DELETE.
      String id = ArchiveIndexer.heldId(given, writer);
      if (writer.delete(id)) {
        System.out.println("deleted " + id);
      } else {
        System.out.println("not deleted " + id + ": no article with that id in " + archive.description());
        missing = true;
      }
    }
    if (paths.isEmpty()) {
      writer.commit(commitData);
      return missing ? EXIT_SKIPPED : 0;
    }
    if (commitEvery < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--commit-every must be at least 1");
    }
    if (threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    ArchiveIndexer indexer =
        new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard(), commitEvery, threads, curation);
    IndexReport report = indexer.index(paths, writer, commitData, ConsoleProgress.forConsole(), true);
    IndexReportPrinter printer = new IndexReportPrinter(System.out);
    printer.print(report);
    if (report.files() == 0 && report.skipped().isEmpty()) {
      System.out.println(nothingToIndex());
    }
    if (removeMissing && !report.gone().isEmpty()) {
      for (IndexReport.GoneArticle article : report.gone()) {
        writer.delete(article.id());
      }
      Map<String, String> complete = new java.util.HashMap<>(commitData);
      complete.put(ArchiveIndexer.COMPLETE_KEY, "true");
      writer.commit(complete);
    }
    printer.printGone(report, removeMissing);
    return report.skipped().isEmpty() && !missing ? 0 : EXIT_SKIPPED;
  }

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    System.exit(MorgueHome.commandLine(new IndexCommand()).execute(args));
  }
}
