package org.morgue.server;

import io.javalin.Javalin;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.morgue.engine.lucene.index.ArchiveWriter;
import org.morgue.engine.lucene.search.ArchiveSearcher;
import org.morgue.server.live.BearerToken;
import org.morgue.server.live.LiveIndex;
import org.morgue.server.live.LiveUpdates;

/**
 * The server as ServeCommand starts it over an embedded index folder: a searcher, a writer behind
 * live updates that take {@link LiveUpdatesTest#TOKEN}, on a free port.
 */
record LiveServer(ArchiveSearcher searcher, LiveIndex live, Javalin app) implements Closeable {
  static LiveServer start(Path index) throws IOException {
    ArchiveSearcher searcher = ArchiveSearcher.open(index);
    LiveIndex live = LiveIndex.open(() -> ArchiveWriter.open(index), LiveUpdatesTest.INDEXER, searcher);
    LiveUpdates updates = new LiveUpdates(live, BearerToken.of(LiveUpdatesTest.TOKEN, "the test"), LiveUpdatesTest.BODY_LIMIT);
    return new LiveServer(searcher, live, MorgueServer.create(searcher, Optional.of(updates)).start("127.0.0.1", 0));
  }

  /** Stops answering and lets go of the folder's write lock; the searcher stays open. */
  void stopWriting() throws IOException {
    app.stop();
    live.close();
  }

  @Override
  public void close() throws IOException {
    stopWriting();
    searcher.close();
  }
}
