package org.morgue.curation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An article's own fields as its source gave them, kept when a curator first corrects one: withdrawing
 * the correction later restores them without reading the source again.
 */
public record OriginalFields(String title, Optional<LocalDate> published, String source, List<String> authors) {
  public OriginalFields {
    published = published == null ? Optional.empty() : published;
    authors = authors == null ? List.of() : List.copyOf(authors);
  }
}
