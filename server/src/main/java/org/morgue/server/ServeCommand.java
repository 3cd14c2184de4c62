package org.morgue.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.morgue.indexer.cli.ConsoleProgress;
import org.morgue.indexer.cli.IndexReportPrinter;
import org.morgue.indexer.cli.MorgueHome;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.CorpusFingerprint;
import org.morgue.indexer.ingest.CorpusIndexer;
import org.morgue.indexer.ingest.IndexReport;
import org.morgue.indexer.search.ArchiveSearcher;
import org.morgue.indexer.source.ArticleFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code morgue serve}: brings the index up to date with the corpus if it was built from one and is
 * stale (or is missing), then serves the API and the page until stopped.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the search page and API over an index, indexing the sample corpus first when needed.")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", description = "port to listen on (default: ${DEFAULT-VALUE})")
  int port = 7070;

  @Option(names = "--host", description = "address to bind (default: ${DEFAULT-VALUE}, this machine only)")
  String host = "127.0.0.1";

  @Option(names = "--index", paramLabel = "DIR", description = "index folder (default: ${DEFAULT-VALUE})")
  Path index = MorgueHome.defaultIndex();

  @Option(names = "--corpus", paramLabel = "DIR",
      description = "corpus indexed into a missing or stale corpus index (default: ${DEFAULT-VALUE})")
  Path corpus = MorgueHome.defaultCorpus();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!Files.isDirectory(corpus)) {
      throw new java.nio.file.NoSuchFileException(corpus.toString(), null, "corpus folder not found");
    }
    ArticleFiles files = ArticleFiles.standard();
    CorpusIndexer corpusIndexer = new CorpusIndexer(
        new ArchiveIndexer(files, ArticleEnricher.standard()), new CorpusFingerprint(files));
    System.out.println("checking the index at " + index + " against the corpus at " + corpus + " ...");
    Optional<IndexReport> report = corpusIndexer.indexIfStale(corpus, index, ConsoleProgress.forConsole());
    report.ifPresent(r -> new IndexReportPrinter(System.out).print(r));

    ArchiveSearcher searcher = ArchiveSearcher.open(index);
    if (report.isEmpty()) {
      System.out.println("index is up to date: " + searcher.articleCount() + " articles");
    }
    Javalin app = MorgueServer.create(searcher);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      try {
        searcher.close();
      } catch (IOException e) {
        System.err.println("closing the index failed: " + e.getMessage());
      }
      stopped.countDown();
    }, "morgue-shutdown"));
    app.start(host, port);
    String shown = host.equals("127.0.0.1") || host.equals("0.0.0.0") ? "localhost" : host;
    System.out.println("Morgue is serving " + searcher.articleCount() + " articles at http://" + shown + ":" + app.port() + "/");
    stopped.await();
    return 0;
  }

  /** Runs the command; returns only when the server is stopped or failed to start. */
  public static void main(String[] args) {
    int status = MorgueHome.commandLine(new ServeCommand()).execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }
}
