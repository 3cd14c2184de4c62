package org.morgue.server.export;

import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The file formats of {@code /api/export} and {@code /api/collections/{id}/export}: the {@code format}
 * parameter's values.
 */
public enum ExportFormat {
  /** One row per article, RFC 4180, with a header row. */
  CSV("csv", "text/csv; charset=utf-8", CsvExport::new, CsvExport::new),
  /** A provenance object, then one JSON object per article, one per line. */
  JSONL("jsonl", "application/x-ndjson; charset=utf-8", JsonLinesExport::new, JsonLinesExport::new),
  /** RIS records for reference managers (Zotero, EndNote, Mendeley). */
  RIS("ris", "application/x-research-info-systems; charset=utf-8", RisExport::new, RisExport::new);

  private final String id;
  private final String mediaType;
  private final BiFunction<Writer, Provenance, ArticleExport> opener;
  private final BiFunction<Writer, CollectionProvenance, CollectionExport> collectionOpener;

  ExportFormat(String id, String mediaType, BiFunction<Writer, Provenance, ArticleExport> opener,
      BiFunction<Writer, CollectionProvenance, CollectionExport> collectionOpener) {
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

  /** Starts an export into a writer; nothing is written until the first article or {@link ArticleExport#finish()}. */
  public ArticleExport open(Writer out, Provenance provenance) {
    return opener.apply(out, provenance);
  }

  /**
   * Starts a collection's export into a writer: each article with the curator's note; nothing is
   * written until the first article or {@link CollectionExport#finish()}.
   */
  public CollectionExport open(Writer out, CollectionProvenance provenance) {
    return collectionOpener.apply(out, provenance);
  }

  /** Every format's id, in words for a message: {@code csv, jsonl or ris}. */
  public static String idsInWords() {
    List<String> ids = Arrays.stream(values()).map(ExportFormat::id).toList();
    return ids.size() == 1 ? ids.get(0)
        : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
  }

  /**
   * The format an {@code Accept} header (RFC 9110, section 12.5.1) names, the one of highest quality
   * first and, at equal quality, the first listed: {@code text/csv}, {@code application/x-ndjson} (or
   * {@code application/jsonl}), {@code application/x-research-info-systems}. Empty when it names none
   * of them: a wildcard chooses no format, since a client that takes anything has not said which file
   * it wants, and a type refused with {@code q=0} is not asked for.
   */
  public static Optional<ExportFormat> accepted(String accept) {
    if (accept == null) {
      return Optional.empty();
    }
    ExportFormat best = null;
    double bestQuality = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      Optional<ExportFormat> named = byMediaType(parts[0].strip());
      double quality = quality(parts);
      if (named.isPresent() && quality > bestQuality) {
        best = named.get();
        bestQuality = quality;
      }
    }
    return Optional.ofNullable(best);
  }

  private static Optional<ExportFormat> byMediaType(String type) {
    return switch (type.toLowerCase(java.util.Locale.ROOT)) {
      case "text/csv" -> Optional.of(CSV);
      case "application/x-ndjson", "application/jsonl" -> Optional.of(JSONL);
      case "application/x-research-info-systems" -> Optional.of(RIS);
      default -> Optional.empty();
    };
  }

  /** A media range's {@code q}, 1 when it has none; a malformed one (RFC 9110: 0 to 1, three decimals) is 0. */
  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
        String value = parameter.substring(2);
        return value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?") ? Double.parseDouble(value) : 0;
      }
    }
    return 1;
  }

  /** The format with this id, ignoring case. */
  public static Optional<ExportFormat> byId(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equalsIgnoreCase(id.trim())).findFirst();
  }
}
