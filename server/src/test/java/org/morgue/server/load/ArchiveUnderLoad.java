package org.morgue.server.load;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.indexer.ingest.ArchiveIndexer;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.server.MorgueServer;
import org.morgue.server.SeedIndex;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;

/**
 * The real server, in this process, on a free port of 127.0.0.1, over an index of the shipped
 * corpus copied into a folder the caller owns, with live updates on under a fresh random token.
 */
final class ArchiveUnderLoad implements AutoCloseable {
  /** Surefire runs in the server module; the shipped corpus is its sibling. */
  static final Path CORPUS = Path.of("..", "corpus", "articles");

  private final ArchiveSearcher searcher;
  private final LiveIndex live;
  private final Javalin app;
  private final String token;

  private ArchiveUnderLoad(ArchiveSearcher searcher, LiveIndex live, Javalin app, String token) {
    this.searcher = searcher;
    this.live = live;
    this.app = app;
    this.token = token;
  }

  /** Copies the shipped corpus's index into {@code folder}/index and starts the server over it. */
  static ArchiveUnderLoad start(Path folder) throws IOException {
    Path index = SeedIndex.shippedCorpus(folder);
    ArchiveIndexer indexer = new ArchiveIndexer(ArticleFiles.standard(), ArticleEnricher.standard());
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    ArchiveSearcher searcher = ArchiveSearcher.open(index);
    LiveIndex live = LiveIndex.open(() -> ArchiveWriter.open(index), indexer, searcher);
    LiveUpdates updates = new LiveUpdates(live, BearerToken.of(token, "the load test"));
    Javalin app = MorgueServer.create(searcher, Optional.of(updates)).start("127.0.0.1", 0);
    return new ArchiveUnderLoad(searcher, live, app, token);
  }

  /** Where the server answers: {@code http://127.0.0.1:<port>}. */
  URI base() {
    return URI.create("http://127.0.0.1:" + app.port());
  }

  /** The token write requests must carry. */
  String token() {
    return token;
  }

  @Override
  public void close() throws IOException {
    try (searcher; live) {
      app.stop();
    }
  }
}
