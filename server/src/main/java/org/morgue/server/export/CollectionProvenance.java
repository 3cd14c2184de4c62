package org.morgue.server.export;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a collection's export came from: which collection, at which version, how much of it the
 * archive still holds, the index it was read from, when, and which Morgue wrote it.
 *
 * @param collection the collection as it was when the export started
 * @param entries how many articles the collection lists
 * @param exported how many of them are in the export (those the archive still holds)
 * @param removed how many were deleted from the archive since they were added, and so are not exported
 * @param indexArticles how many articles the index held
 * @param indexLastUpdate when the index was last committed, if it says
 * @param exportedAt when the export started
 * @param morgueVersion the Morgue build that wrote it
 */
public record CollectionProvenance(
    CollectionRef collection,
    int entries,
    int exported,
    int removed,
    long indexArticles,
    Optional<Instant> indexLastUpdate,
    Instant exportedAt,
    String morgueVersion) implements ExportProvenance {

  /**
   * The collection an export was made of.
   *
   * @param id its stable id
   * @param name what curators call it
   * @param version its version when the export started: a later change gives a later number
   * @param updated when it last changed
   */
  public record CollectionRef(String id, String name, long version, Instant updated) {}

  @Override
  public String describe() {
    StringBuilder text = new StringBuilder("Exported from Morgue ").append(morgueVersion)
        .append(" at ").append(exportedAt).append(": collection \"").append(collection.name()).append("\" (")
        .append(collection.id()).append(", version ").append(collection.version()).append("); ")
        .append(exported).append(" of ").append(entries).append(" articles exported");
    if (removed > 0) {
      text.append(", ").append(removed).append(removed == 1 ? " was" : " were").append(" removed from the archive");
    }
    text.append("; index of ").append(indexArticles).append(" articles");
    indexLastUpdate.ifPresent(at -> text.append(" (updated ").append(at).append(')'));
    return text.toString();
  }
}
