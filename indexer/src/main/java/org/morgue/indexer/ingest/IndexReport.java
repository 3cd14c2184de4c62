package org.morgue.indexer.ingest;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.morgue.indexer.source.MalformedArticleException;
import org.morgue.indexer.source.ReadWarning;
import org.morgue.indexer.source.SavedPageFolder;
import org.morgue.indexer.source.SkipReason;

/**
 * What an indexing run did.
 *
 * @param files how many files were read
 * @param added articles new to the index
 * @param updated articles that replaced an earlier, different version with the same id
 * @param unchanged articles already in the index exactly as read (not written again)
 * @param skipped every file or record that was not indexed, with where and why
 * @param warnings every article indexed without something its source held (e.g. an unreadable date), with where and what
 * @param elapsed how long the run took
 * @param gone the archive's articles read before from files under the run's folders that are gone or
 *     no longer give them (kept by the run; empty when not looked for)
 * @param savedPages the folders passed over as a saved page's own files (styles, scripts, images,
 *     frames), each with its page: not articles, and not skips either, since nothing was lost
 * @param copies the articles written in this run whose text is exactly that of another read earlier
 *     in it (indexed, as versions of one story), in reading order
 */
public record IndexReport(
    int files, int added, int updated, int unchanged, List<MalformedArticleException> skipped, List<ReadWarning> warnings,
    Duration elapsed, List<GoneArticle> gone, List<SavedPageFolder> savedPages, List<CopiedArticle> copies) {
  public IndexReport {
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
    gone = List.copyOf(gone);
    savedPages = List.copyOf(savedPages);
    copies = List.copyOf(copies);
  }

  /** A run's report that found no identical copies. */
  public IndexReport(int files, int added, int updated, int unchanged, List<MalformedArticleException> skipped,
      List<ReadWarning> warnings, Duration elapsed, List<GoneArticle> gone, List<SavedPageFolder> savedPages) {
    this(files, added, updated, unchanged, skipped, warnings, elapsed, gone, savedPages, List.of());
  }

  /**
   * An article whose text is exactly another's read earlier in the run: where it was read and its id,
   * and where the one it copies was read and that one's id.
   */
  public record CopiedArticle(String origin, String id, String copiesOrigin, String copiesId) {}

  /** A run's report that passed over no saved page's folder. */
  public IndexReport(int files, int added, int updated, int unchanged, List<MalformedArticleException> skipped,
      List<ReadWarning> warnings, Duration elapsed, List<GoneArticle> gone) {
    this(files, added, updated, unchanged, skipped, warnings, elapsed, gone, List.of());
  }

  /** A run's report where the articles whose files are gone were not looked for. */
  public IndexReport(int files, int added, int updated, int unchanged, List<MalformedArticleException> skipped,
      List<ReadWarning> warnings, Duration elapsed) {
    this(files, added, updated, unchanged, skipped, warnings, elapsed, List.of());
  }

  /**
   * An article of the archive whose file is gone, or no longer gives it: its id, where it was read,
   * whether that was a record of a file (a batch's line) rather than a whole file, and the ids new to
   * the archive that the file, still there, gave in this run (a page without a URL edited into a new
   * id: the trial saw only the old one named, and both versions stayed in the archive).
   */
  public record GoneArticle(String id, String origin, boolean record, List<String> nowGives) {
    public GoneArticle {
      nowGives = List.copyOf(nowGives);
    }

    /** One whose file gave no new id in this run. */
    public GoneArticle(String id, String origin, boolean record) {
      this(id, origin, record, List.of());
    }
  }

  /** Articles read successfully: added, updated or unchanged. */
  public int articles() {
    return added + updated + unchanged;
  }

  /** Articles written to the index: added or updated. */
  public int indexed() {
    return added + updated;
  }

  /**
   * How many files and records were skipped of each kind, in the kinds' order, leaving out kinds
   * with none: the named counters a run is summed up by, however varied the detailed reasons.
   */
  public Map<SkipReason, Integer> skippedByKind() {
    Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
    skipped.forEach(problem -> counts.merge(problem.kind(), 1, Integer::sum));
    return counts;
  }

  /** How many records were skipped for each reason, in words. */
  public Map<String, Integer> skippedByReason() {
    Map<String, Integer> counts = new TreeMap<>();
    skipped.forEach(problem -> counts.merge(problem.reason(), 1, Integer::sum));
    return counts;
  }

  /** How many articles were indexed with each warning, by the warnings' {@link ReadWarning#summary()}. */
  public Map<String, Integer> warningsByReason() {
    Map<String, Integer> counts = new TreeMap<>();
    warnings.forEach(warning -> counts.merge(warning.summary(), 1, Integer::sum));
    return counts;
  }

  /** Articles read per second over the whole run. */
  public double articlesPerSecond() {
    double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    return articles() / seconds;
  }
}
