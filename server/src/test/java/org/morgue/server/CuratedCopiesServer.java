package org.morgue.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.morgue.curation.Curation;
import org.morgue.search.ArchiveStore;
import org.morgue.search.SearchEngine;
import org.morgue.server.live.Curators;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;

/**
 * A started server over the wire copies ({@link StoriesApiTest#COPIES}) in an embedded index, with a
 * curation and live updates for the curators named with their tokens: what the tests of curation
 * writes as a client sends them start their class on.
 */
final class CuratedCopiesServer implements AutoCloseable {
  private final TestEngine.Archive archive;
  private final Curation curation;
  private final LiveIndex live;
  private final Javalin app;
  private final AtomicInteger storesOpened;

  private CuratedCopiesServer(TestEngine.Archive archive, Curation curation, LiveIndex live, Javalin app,
      AtomicInteger storesOpened) {
    this.archive = archive;
    this.curation = curation;
    this.live = live;
    this.app = app;
    this.storesOpened = storesOpened;
  }

  /** Starts one in {@code tmp}, for curators named and their tokens: name, token, name, token... */
  static CuratedCopiesServer start(Path tmp, String... curatorsAndTokens) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < curatorsAndTokens.length; i += 2) {
      lines.append(curatorsAndTokens[i]).append(" sha256:").append(CurationApiTest.sha256(curatorsAndTokens[i + 1]))
          .append('\n');
    }
    Path tokens = Files.writeString(tmp.resolve("curators.txt"), lines);
    Curation curation = Curation.open(tmp.resolve("curation"));
    TestEngine.Archive archive = TestEngine.LUCENE.index(tmp, List.of(StoriesApiTest.COPIES), CurationApiTest.indexer(curation));
    SearchEngine searcher = archive.engine();
    AtomicInteger storesOpened = new AtomicInteger();
    ArchiveStore.Opener stores = () -> {
      storesOpened.incrementAndGet();
      return archive.stores().open();
    };
    LiveIndex live = LiveIndex.open(stores, CurationApiTest.indexer(curation), searcher, curation, Map.of());
    Javalin app = MorgueServer.create(searcher, Optional.of(new LiveUpdates(live, Curators.read(tokens, Optional.empty()))),
        HttpOptions.defaults(), Optional.of(curation)).start("127.0.0.1", 0);
    return new CuratedCopiesServer(archive, curation, live, app, storesOpened);
  }

  int port() {
    return app.port();
  }

  /** How many times the live index has opened (or tried to open) a writer on the index. */
  int storesOpened() {
    return storesOpened.get();
  }

  @Override
  public void close() throws IOException {
    app.stop();
    live.close();
    curation.close();
    archive.close();
  }
}
