package org.morgue.server.export;

import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The file formats of {@code /api/export} and {@code /api/collections/{id}/export}: the {@code format}
 * parameter's values.
 */
public enum ExportFormat {
  /** One row per article, RFC 4180, with a header row. */
  CSV("csv", "text/csv; charset=utf-8", CsvExport::new, CsvExport::new),
  /** A provenance object, then one JSON object per article, one per line. */
  JSONL("jsonl", "application/x-ndjson; charset=utf-8", (out, provenance, site) -> new JsonLinesExport(out, provenance),
      (out, provenance, site) -> new JsonLinesExport(out, provenance)),
  /** RIS records for reference managers (Zotero, EndNote, Mendeley). */
  RIS("ris", "application/x-research-info-systems; charset=utf-8", (out, provenance, site) -> new RisExport(out, provenance),
      (out, provenance, site) -> new RisExport(out, provenance));

  private final String id;
  private final String mediaType;
  private final Opener<Provenance, ArticleExport> opener;
  private final Opener<CollectionProvenance, CollectionExport> collectionOpener;

  ExportFormat(String id, String mediaType, Opener<Provenance, ArticleExport> opener,
      Opener<CollectionProvenance, CollectionExport> collectionOpener) {
    this.id = id;
    this.mediaType = mediaType;
    this.opener = opener;
    this.collectionOpener = collectionOpener;
  }

  /** The parameter value and the file extension. */
  public String id() {
    return id;
  }

  /** The response's Content-Type. */
  public String mediaType() {
    return mediaType;
  }

  /**
   * Starts an export into a writer; nothing is written until the first article or {@link
   * ArticleExport#finish()}.
   *
   * @param site the server's root as its client reached it ({@code http://localhost:7070}), where a
   *     row's link to the reader points
   */
  public ArticleExport open(Writer out, Provenance provenance, String site) {
    return opener.open(out, provenance, site);
  }

  /**
   * Starts a collection's export into a writer: each article with the curator's note; nothing is
   * written until the first article or {@link CollectionExport#finish()}.
   */
  public CollectionExport open(Writer out, CollectionProvenance provenance, String site) {
    return collectionOpener.open(out, provenance, site);
  }

  /** Every format's id, in words for a message: {@code csv, jsonl or ris}. */
  public static String idsInWords() {
    List<String> ids = Arrays.stream(values()).map(ExportFormat::id).toList();
    return ids.size() == 1 ? ids.get(0)
        : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
  }

  /**
   * The media types an {@code Accept} header may name a format by: {@code text/csv},
   * {@code application/x-ndjson} (or {@code application/jsonl}), {@code application/x-research-info-systems}.
   */
  public static List<String> acceptedTypes() {
    return List.of("text/csv", "application/x-ndjson", "application/jsonl", "application/x-research-info-systems");
  }

  /** The format a media type of {@link #acceptedTypes()} names. */
  public static Optional<ExportFormat> byMediaType(String type) {
    return switch (type.toLowerCase(java.util.Locale.ROOT)) {
      case "text/csv" -> Optional.of(CSV);
      case "application/x-ndjson", "application/jsonl" -> Optional.of(JSONL);
      case "application/x-research-info-systems" -> Optional.of(RIS);
      default -> Optional.empty();
    };
  }

  /** The format with this id, ignoring case. */
  public static Optional<ExportFormat> byId(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equalsIgnoreCase(id.trim())).findFirst();
  }

  /** Makes a format's writer: {@code site} is for the formats that link back to the reader. */
  @FunctionalInterface
  private interface Opener<P extends ExportProvenance, E> {
    E open(Writer out, P provenance, String site);
  }
}
