package org.morgue.cli;

import org.morgue.server.live.BearerToken;
import org.morgue.server.live.Curators;
import org.morgue.curation.Curation;
import org.morgue.server.HttpOptions;
import org.morgue.server.http.PublicAddress;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;
import org.morgue.server.MorgueServer;
import org.morgue.server.StartingServer;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.ingest.IndexReport;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.engine.opensearch.ClusterUnavailableException;
import org.morgue.indexer.source.ArticleFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.morgue.search.ArchiveUnavailableException;
import org.morgue.search.SearchEngine;

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

  @Mixin ClusterOptions cluster = new ClusterOptions();

  @Option(names = "--corpus", paramLabel = "DIR",
      description = "corpus indexed into a missing or stale corpus index (default: ${DEFAULT-VALUE})")
  Path corpus = MorgueHome.defaultCorpus();

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "enable live updates (POST and DELETE /api/articles) for requests bearing the token in FILE;"
          + " the environment variable " + TOKEN_ENV + " does the same")
  Path tokenFile;

  @Option(names = "--curators", paramLabel = "FILE",
      description = "let the curators named in FILE change the archive, each with a token of their own: one line"
          + " per curator, 'name sha256:<digest>' (printf %%s \"$TOKEN\" | sha256sum); the changes record names them")
  Path curatorsFile;
  @Option(names = "--curation", paramLabel = "DIR",
      description = "where collections, saved searches, corrections and the changes record are kept"
          + " (default: beside the index, <index>.curation; var/<alias>.curation for a cluster)")
  Path curationFolder;
  @Option(names = "--cors-origin", paramLabel = "ORIGIN",
      description = "let web apps on this origin (e.g. https://desk.example.org) write over the API too;"
          + " repeatable. Any origin may read")
  List<String> corsOrigins = new ArrayList<>();

  @Option(names = "--max-concurrent-searches", paramLabel = "N",
      description = "index reads (search, suggest, article, feed, export) run at once (default: ${DEFAULT-VALUE})")
  int maxConcurrentSearches = HttpOptions.DEFAULT_MAX_CONCURRENT_SEARCHES;

  @Option(names = "--search-queue", paramLabel = "N",
      description = "more that may wait their turn; beyond that a request is answered 429 with Retry-After"
          + " (default: ${DEFAULT-VALUE})")
  int searchQueue = HttpOptions.DEFAULT_SEARCH_QUEUE;

  @Option(names = "--public-url", paramLabel = "URL",
      description = "the address readers reach the server at behind a reverse proxy (e.g. https://news.example.org),"
          + " for the links and ids of feeds (default: the address each request came to)")
  String publicUrl;

  /** The environment variable that holds the live-update token when no --token-file is given. */
  static final String TOKEN_ENV = "MORGUE_TOKEN";

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!Files.isDirectory(corpus)) {
      throw new java.nio.file.NoSuchFileException(corpus.toString(), null, "corpus folder not found");
    }
    // Before the index check, which can take a rebuild's minutes: a port in use was said only after it.
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new java.net.InetSocketAddress(host, port));
    } catch (java.net.BindException inUse) {
      throw new IllegalArgumentException("port " + port + " on " + host
          + " is in use by another program (another morgue serve?); give --port N");
    }
    // Answers 503 with how far it has got while the index is checked, rebuilt and opened, instead of
    // leaving the port closed for a rebuild's seconds or minutes; closed before the server binds it.
    try (StartingServer starting = StartingServer.start(host, port)) {
      return serve(starting);
    }
  }

  private Integer serve(StartingServer starting) throws IOException, InterruptedException {
    Optional<BearerToken> token = token(System.getenv(TOKEN_ENV));
    warnIfOthersMayRead(tokenFile);
    warnIfOthersMayRead(curatorsFile);
    Optional<Curators> curators = curatorsFile != null ? Optional.of(Curators.read(curatorsFile, token))
        : token.map(Curators::single);
    HttpOptions options = new HttpOptions(corsOrigins, maxConcurrentSearches, searchQueue);
    if (publicUrl != null) {
      options = options.withAddress(PublicAddress.of(publicUrl));
    }
    ArticleFiles files = ArticleFiles.standard();
    ArchiveLocation archive = cluster.location(index);
    Path curationAt = curationFolder != null ? curationFolder : archive.defaultCurationFolder();
    // The last commit's metadata is read here, again after a rebuild, and again after a writer's
    // catching up: each read is a request on a cluster, and a start had made six.
    Optional<Map<String, String>> before;
    Curation curation;
    try {
      // Read before the curation folder is made: on a cluster this is where a wrong address or a
      // refused login is said, and a server that never started must leave nothing in var/.
      before = cluster.urls != null ? awaitCluster(archive, starting) : archive.lastCommitData();
      // Only a server that takes curators' changes writes the journal, and one at a time; servers that
      // only read (several in front of one cluster) read it, and do not hold it.
      curation = curators.isPresent() ? Curation.open(curationAt) : Curation.readOnly(curationAt);
    } catch (IOException | RuntimeException | InterruptedException e) {
      archive.close();
      throw e;
    }
    if (curators.isPresent()) {
      try {
        curation.checkCovers(before.orElse(Map.of()), archive.description());
      } catch (IOException | RuntimeException e) {
        curation.close();
        archive.close();
        throw e;
      }
    }
    // Made only when needed (a stale index, or live updates): most starts serve an up-to-date index.
    Supplier<ArchiveIndexer> indexer = new Supplier<>() {
      private ArchiveIndexer made;

      @Override
      public synchronized ArchiveIndexer get() {
        if (made == null) {
          made = new ArchiveIndexer(files, ArticleEnricher.standard(), ArchiveIndexer.COMMIT_EVERY,
              ArchiveIndexer.DEFAULT_THREADS, curation);
        }
        return made;
      }
    };
    CorpusIndexer corpusIndexer = new CorpusIndexer(indexer, new CorpusFingerprint(files));
    SearchEngine searcher;
    Optional<LiveIndex> live;
    Optional<Map<String, String>> written;
    try {
      if (before.isPresent() && !before.get().containsKey(CorpusFingerprint.KEY)) {
        // Never rebuilt from the corpus (CorpusIndexer): "checking against the corpus" misled a wire
        // editor serving an index of their own files into thinking the sample corpus was in it.
        System.out.println("serving the index at " + archive.description() + " as ./morgue index wrote it"
            + " (not built from a corpus folder, so --corpus is not read)");
      } else {
        System.out.println("checking the index at " + archive.description() + " against the corpus at " + corpus + " ...");
      }
      // A rebuild applies the whole curation to every article it writes.
      starting.doing("checking the index against the corpus");
      Optional<IndexReport> report = corpusIndexer.indexIfStale(corpus, archive, before,
          starting.reporting(ConsoleProgress.forConsole()), Map.of(Curation.COMMIT_KEY, Long.toString(curation.seq())));
      report.ifPresent(r -> new IndexReportPrinter(System.out).print(r));
      Optional<Map<String, String>> current = report.isPresent() ? archive.lastCommitData() : before;
      starting.doing("opening the index");
      searcher = archive.openEngine();
      if (searcher instanceof ArchiveSearcher embedded) {
        // Read while the web server starts, instead of during the first search.
        Thread.ofPlatform().daemon().name("morgue-warm").start(() -> {
          try {
            embedded.warm();
          } catch (IOException | RuntimeException e) {
            System.err.println("warming the index failed (searches will read it instead): " + e.getMessage());
          }
        });
      }
      try {
        // Held until shutdown: while the server may write, `morgue index` on this index is refused.
        live = curators.isPresent()
            ? Optional.of(LiveIndex.open(archive.stores(), indexer.get(), searcher, curation, current.orElse(Map.of())))
            : Optional.empty();
      } catch (IOException | RuntimeException e) {
        searcher.close();
        throw e;
      }
      // Opening the writer commits the curation changes the index did not hold yet, if any.
      written = live.isPresent() ? archive.lastCommitData() : current;
      if (report.isEmpty() && written.isPresent() && !archive.currentLayout(written.get())) {
        // An index of one's own files is never rebuilt behind one's back, but it must not pass as current.
        System.err.println("the index at " + archive.description() + " was written by an older Morgue, which"
            + " analysed words differently: searches may miss some until its files are indexed again"
            + " (./morgue index --index DIR FILES...)");
      } else if (report.isEmpty()) {
        System.out.println("index is up to date: " + searcher.articleCount() + " articles");
      }
    } catch (IOException | RuntimeException e) {
      curation.close();
      archive.close();
      throw e;
    }
    // Said before the server listens, so it is in the log before the first answer.
    long indexedUpTo = Curation.indexedUpTo(written.orElse(Map.of()));
    Optional<String> behind = curation.behind(written.orElse(Map.of()), archive.description());
    if (live.isEmpty() && behind.isPresent()) {
      System.err.println(behind.get() + "; its collections, saved searches and corrections are not listed here:"
          + " give the archive's own with --curation DIR");
    }
    if (live.isEmpty() && indexedUpTo < curation.seq()) {
      // Only a writer applies curation to the index; a read-only server shows the journal's collections
      // and corrections on their own pages, but searches and filters go by what the index holds (a
      // librarian's trial served an imported index with a copied journal: collection=... found 0).
      System.err.println("the index holds the curation up to change " + indexedUpTo + " of " + curation.seq()
          + ": collections, corrections and story records changed since are not in searches and filters"
          + " until a server with --curators or --token-file starts on this index, which applies them");
    }
    Javalin app = MorgueServer.create(searcher,
        live.map(writer -> new LiveUpdates(writer, curators.orElseThrow())), options, Optional.of(curation));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // Said, so a log shows a stop was asked for and not a crash (an operator's trial saw nothing).
      System.out.println("stopping: finishing the requests under way, then closing the index");
      MorgueServer.stopGracefully(app);
      try (archive; searcher; curation) {
        if (live.isPresent()) {
          live.get().close();
        }
      } catch (IOException e) {
        System.err.println("closing the index failed: " + e.getMessage());
      }
      stopped.countDown();
    }, "morgue-shutdown"));
    starting.close();
    app.start(host, port);
    String shown = host.equals("127.0.0.1") || host.equals("0.0.0.0") ? "localhost" : host;
    System.out.println("Morgue is serving " + searcher.articleCount() + " articles at http://" + shown + ":" + app.port() + "/"
        // Where readers reach it, and that it listens beyond this machine: "localhost" alone hid both.
        + (publicUrl != null ? " (for readers: " + publicUrl.strip().replaceAll("/+$", "") + "/)" : "")
        + (host.equals("0.0.0.0") || host.equals("::") ? ", listening on every network interface" : ""));
    System.out.println(live.isPresent()
        ? "live updates and curation are enabled for " + String.join(", ", curators.orElseThrow().names())
            + ": POST and DELETE /api/articles, and /api/collections, /api/saved-searches, /api/corrections,"
            + " with a curator's bearer token"
        : "live updates and curation changes are disabled (no --curators, --token-file or " + TOKEN_ENV + ")");
    System.out.println("curation (" + curation.collections().size() + " collections, " + curation.seq()
        + " changes) is kept in " + curationAt);
    stopped.await();
    return 0;
  }

  /** The longest wait between two tries of a cluster that does not answer yet, in seconds. */
  private static final int MOST_SECONDS_BETWEEN_TRIES = 30;

  /**
   * Waits, answering 503 "starting", until the cluster answers: a server started by systemd before
   * OpenSearch exited at once with status 1 and needed a restart policy (an operator's trial). Only
   * a cluster that does not answer is waited for; one that answers with an error (not OpenSearch,
   * refused) fails the start as before. Each try is said, with the cause, so the log shows why the
   * server is not serving yet.
   *
   * @return the archive's last commit metadata, as {@link ArchiveLocation#lastCommitData} read it
   */
  private static Optional<Map<String, String>> awaitCluster(ArchiveLocation archive, StartingServer starting)
      throws IOException, InterruptedException {
    for (int seconds = 1; ; seconds = Math.min(2 * seconds, MOST_SECONDS_BETWEEN_TRIES)) {
      try {
        return archive.lastCommitData();
      } catch (ArchiveUnavailableException notYet) {
        // Clients are told why as a running server's 503 tells them (the engine's words, which keep the
        // transport's and the address's credentials out): "waiting for it to answer" alone sent an
        // operator behind a load balancer to the log to learn that the cluster refused connections.
        starting.doing(notYet instanceof ClusterUnavailableException cluster && cluster.why().isPresent()
            ? "waiting for " + archive.description() + ", which " + cluster.why().get()
            : "waiting for " + archive.description() + ": " + notYet.getMessage());
        System.err.println(notYet.getMessage() + "; trying again in " + seconds + " s");
        Thread.sleep(seconds * 1000L);
      }
    }
  }

  /**
   * A token file anyone on the machine may read gives anyone on it the right to write (an operator's
   * trial: the README's own recipe made one readable by all). Said, not refused: a container's only
   * user is everyone.
   */
  private static void warnIfOthersMayRead(Path file) {
    if (file == null) {
      return;
    }
    try {
      java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
          || permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)) {
        System.err.println("warning: " + file + " may be read by other users of this machine"
            + " (chmod 600 " + file + ")");
      }
    } catch (UnsupportedOperationException | IOException notPosix) {
      // No POSIX permissions to look at (Windows); nothing to say.
    }
  }

  /** The token from --token-file, else from the environment variable's value; empty when neither is set. */
  Optional<BearerToken> token(String fromEnvironment) throws IOException {
    if (tokenFile != null) {
      return Optional.of(BearerToken.of(Files.readString(tokenFile), "--token-file " + tokenFile));
    }
    if (fromEnvironment != null) {
      return Optional.of(BearerToken.of(fromEnvironment, TOKEN_ENV));
    }
    return Optional.empty();
  }

  /** Runs the command; returns only when the server is stopped or failed to start. */
  public static void main(String[] args) {
    int status = MorgueHome.commandLine(new ServeCommand()).execute(args);
    if (status != 0) {
      System.exit(status);
    }
  }
}
