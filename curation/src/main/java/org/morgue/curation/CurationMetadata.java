package org.morgue.curation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The metadata keys curation writes into an article for itself: the source's own values of the fields a
 * curator corrected, and the name a renamed source gave itself. They are the archive's bookkeeping, so
 * that a correction can be withdrawn after a restart or a rebuild, not anything the source said; readers
 * and exports see an article's metadata without them (an exported article posted to another archive
 * carried this one's rename with it, and a later withdrawal there gave it back the old name).
 */
public final class CurationMetadata {
  /** Metadata: the date precision the source gave, kept aside while a curator's date replaces the source's. */
  static final String SOURCE_DATE_PRECISION = "source_date_precision";
  /** Where a corrected article keeps its source's time of day, which a curator's date does not carry. */
  static final String SOURCE_PUBLISHED_TIME = "source_published_time";
  /**
   * Metadata: the source's own value of each field a curator's correction replaces, as the source gave
   * it when the article was last written (title, date as an ISO day or none, source, authors). The
   * index holds the curator's value; the journal holds the source's value when the field was first
   * corrected, which a re-import that changed it makes stale, and which a restart would otherwise
   * bring back. Kept in the article itself, so every write (a re-import, a rebuild) renews it.
   */
  static final String SOURCE_TITLE = "source_title";
  static final String SOURCE_PUBLISHED = "source_published";
  static final String SOURCE_SOURCE = "source_source";
  static final String SOURCE_AUTHORS = "source_authors";
  /**
   * Metadata: the name the source gave itself, kept while a rename of that source across the archive
   * gives the article another ({@link SourceAuthority}); a withdrawn rename, or a rebuild, puts it back.
   */
  static final String SOURCE_BEFORE_RENAME = "source_before_rename";

  private static final Set<String> KEYS = Set.of(SOURCE_DATE_PRECISION, SOURCE_PUBLISHED_TIME, SOURCE_TITLE,
      SOURCE_PUBLISHED, SOURCE_SOURCE, SOURCE_AUTHORS, SOURCE_BEFORE_RENAME);

  private CurationMetadata() {
  }

  /**
   * The name the source gave an article that a rename across the archive gives another: the name whose
   * rename, withdrawn, gives the article its own back. Empty when no rename here touches its source.
   */
  public static Optional<String> sourceBeforeRename(Map<String, List<String>> metadata) {
    return metadata.getOrDefault(SOURCE_BEFORE_RENAME, List.of()).stream().findFirst();
  }

  /** The metadata as readers and exports see it: without curation's bookkeeping. */
  public static Map<String, List<String>> withoutBookkeeping(Map<String, List<String>> metadata) {
    if (metadata.keySet().stream().noneMatch(KEYS::contains)) {
      return metadata;
    }
    Map<String, List<String>> shown = new LinkedHashMap<>(metadata);
    shown.keySet().removeAll(KEYS);
    return shown;
  }
}
