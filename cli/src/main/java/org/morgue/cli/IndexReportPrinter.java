package org.morgue.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.morgue.indexer.ingest.IndexReport;
import org.morgue.indexer.source.MalformedArticleException;
import org.morgue.indexer.source.ReadWarning;
import org.morgue.indexer.source.SavedPageFolder;

/**
 * Prints an indexing report for people: every skipped record and every warning, then a summary, the
 * skips counted by kind, and the skips and warnings counted by reason.
 */
public final class IndexReportPrinter {
  private final PrintStream out;

  public IndexReportPrinter(PrintStream out) {
    this.out = out;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Prints the report. */
  public void print(IndexReport report) {
    for (MalformedArticleException problem : report.skipped()) {
      out.println("skipped " + problem.origin() + ": " + problem.reason());
    }
    // One line a folder, not one a file: a thousand saved pages would otherwise be thousands of lines.
    for (SavedPageFolder saved : report.savedPages()) {
      out.println("passed over " + saved.folder() + ": the styles, scripts, images and frames of the page saved"
          + " beside it, " + saved.page().getFileName() + ", not articles");
    }
    for (ReadWarning warning : report.warnings()) {
      out.println("warning " + warning.origin() + ": " + warning.reason());
    }
    for (IndexReport.CopiedArticle copy : report.copies()) {
      out.println("copy " + copy.origin() + ": the same text as " + copy.copiesOrigin() + " (" + copy.copiesId()
          + "); indexed as a version of its story");
    }
    out.printf(Locale.ROOT, "%s: %s added, %d updated, %d unchanged; %d skipped; %.1f s, %.0f articles/s%n",
        count(report.files(), "file"), count(report.added(), "article"), report.updated(), report.unchanged(),
        report.skipped().size(), report.elapsed().toMillis() / 1000.0, report.articlesPerSecond());
    if (!report.savedPages().isEmpty()) {
      out.println("  " + count(report.savedPages().size(), "folder") + " of saved pages passed over: a page's own"
          + " files, not articles");
    }
    if (!report.copies().isEmpty()) {
      out.println("  " + count(report.copies().size(), "article") + " with the same text as another read in this run"
          + " (identical copies), each indexed as a version of its story");
    }
    if (!report.skipped().isEmpty()) {
      out.println("  skipped by kind: " + report.skippedByKind().entrySet().stream()
          .map(kind -> kind.getValue() + " " + kind.getKey().id()).collect(Collectors.joining(", ")));
    }
    for (Map.Entry<String, Integer> reason : report.skippedByReason().entrySet()) {
      out.printf(Locale.ROOT, "  %6d skipped: %s%n", reason.getValue(), reason.getKey());
    }
    for (Map.Entry<String, Integer> reason : report.warningsByReason().entrySet()) {
      out.printf(Locale.ROOT, "  %6d indexed with a warning: %s%n", reason.getValue(), reason.getKey());
    }
  }

  /**
   * Lists the articles whose files are gone (or no longer give them): removed by this run when
   * {@code removed}, else kept, with the option that removes them.
   */
  public void printGone(IndexReport report, boolean removed) {
    if (report.gone().isEmpty()) {
      return;
    }
    for (IndexReport.GoneArticle article : report.gone()) {
      String now = String.join(", ", article.nowGives());
      String which = article.nowGives().isEmpty()
          ? (article.record() ? "no longer holds it" : "is gone or no longer gives it")
          : article.record() ? "no longer holds it; new in it: " + now : "now gives " + now + " instead";
      out.println((removed ? "removed " : "gone ") + article.id() + ": read from " + article.origin() + ", which " + which);
    }
    out.println(removed
        ? count(report.gone().size(), "article") + " removed: their files are gone or no longer give them"
        : count(report.gone().size(), "article") + " of the archive came from files under these folders that are gone"
            + " or no longer give them; kept: run again with --remove-missing to remove them");
  }
}
