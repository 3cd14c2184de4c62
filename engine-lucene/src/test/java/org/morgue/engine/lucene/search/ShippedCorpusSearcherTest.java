package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests that search the corpus Morgue ships: each test class gets its own copy of its index (built
 * once per run by {@link ShippedCorpusIndex}) and one searcher over it. Test classes run one after
 * another, so the one {@link #searcher} field serves each in turn.
 */
abstract class ShippedCorpusSearcherTest {
  @TempDir static Path tmp;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void indexTheShippedCorpus() throws IOException {
    searcher = ShippedCorpusIndex.open(tmp);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }
}
