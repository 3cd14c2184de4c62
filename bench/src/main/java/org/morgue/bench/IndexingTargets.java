package org.morgue.bench;

/**
 * Issue #21's targets for indexing, each read from one run of {@code bench indexing-targets}: Morgue's
 * full indexing (two threads, enrichment included) against OpenSearch's bulk of the same articles
 * already enriched and against plain Lucene (B0), its two-thread speed-up, its index against the raw
 * text, and a million articles in under five minutes.
 */
final class IndexingTargets {
  static final String TITLE = "Indexing targets (issue #21)";
  private static final double OVER_BULK = 1.0;
  private static final double OVER_PLAIN = 0.5;
  private static final double SPEED_UP = 1.7;
  private static final double INDEX_OVER_TEXT = 1.2;
  private static final int MILLION = 1_000_000;
  private static final double MILLION_MINUTES = 5;

  private IndexingTargets() {}

  static ReportTable table(IndexingBenchmark.Result result, EnrichedBulkBenchmark.Bulk bulk, int nodes) {
    IndexingBenchmark.Run morgue = result.morgue();
    ReportTable table = new ReportTable(TITLE, "Morgue: `ArchiveIndexer` over the generated files (read, parse, "
        + "enrich, detect stories, index, commit) with " + morgue.threads() + " threads, as `./morgue index` runs it."
        + " OpenSearch bulk: the documents of the archive that run wrote, as the OpenSearch engine would send them"
        + " (enriched, band keys included), sent untouched to `_bulk` of a fresh index in a cluster of " + nodes
        + " node(s) on the same machine, timed from the first request to the refresh done"
        + (bulk.cpuMillisPerDocument().isPresent()
            ? "; the cluster spent " + ReportTable.number(bulk.cpuMillisPerDocument().getAsDouble())
                + " ms of CPU per article; Morgue held the machine's " + morgue.threads() + " threads for "
                + ReportTable.number(morgue.threads() * 1e3 * morgue.seconds() / morgue.articles())
                + " ms per article"
            : "")
        + ". B0: plain Lucene, title and body, StandardAnalyzer, the same threads. One run each; the causes of"
        + " each gap are profiled in the hand-written sections of this file.",
        "target", "measured", "limit", "met");
    table.target("Morgue full indexing / OpenSearch bulk of the enriched documents, docs/s ("
        + ReportTable.number(morgue.articlesPerSecond()) + " / " + ReportTable.number(bulk.documentsPerSecond()) + ")",
        morgue.articlesPerSecond() / bulk.documentsPerSecond(), OVER_BULK, "x", true);
    table.target("Morgue / B0 plain Lucene, 2 threads, docs/s (" + ReportTable.number(morgue.articlesPerSecond())
        + " / " + ReportTable.number(result.plain().articlesPerSecond()) + ")",
        morgue.articlesPerSecond() / result.plain().articlesPerSecond(), OVER_PLAIN, "x", true);
    table.target("Morgue, 2 threads / 1 thread, docs/s (" + ReportTable.number(morgue.articlesPerSecond()) + " / "
        + ReportTable.number(result.morgueOneThread().articlesPerSecond()) + ")",
        morgue.articlesPerSecond() / result.morgueOneThread().articlesPerSecond(), SPEED_UP, "x", true);
    table.target("Morgue's index / raw title and body text (" + ReportTable.megabytes(morgue.indexBytes()) + " / "
        + ReportTable.megabytes(morgue.textBytes()) + "; OpenSearch's bulk-built primaries "
        + ReportTable.megabytes(bulk.primaryBytes()) + ")",
        (double) morgue.indexBytes() / morgue.textBytes(), INDEX_OVER_TEXT, "x", false);
    double minutes = morgue.seconds() / 60 * MILLION / morgue.articles();
    table.target(morgue.articles() == MILLION ? "1,000,000 articles, minutes"
        : "1,000,000 articles at this run's rate, minutes (projected: measured on " + morgue.articles() + ")",
        minutes, MILLION_MINUTES, "min", false);
    return table;
  }
}
