package org.morgue.server;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browser tests of the page over the corpus Morgue ships: each test class serves its own copy of the
 * index (built once a run) and drives the run's browser (skipped, saying why, where Chromium is
 * missing). Test classes run one after another, so the one {@link #page} field serves each in turn.
 */
abstract class ShippedCorpusPageTest {
  @TempDir static Path tmp;
  static PageBrowser page;

  @BeforeAll
  static void indexTheShippedCorpusAndOpenTheBrowser() throws IOException {
    page = PageBrowser.start(SeedIndex.shippedCorpus(tmp));
  }

  @AfterAll
  static void closeTheBrowser() throws IOException {
    if (page != null) {
      page.close();
      page = null;
    }
  }
}
