package org.morgue.server.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.morgue.article.Actor;
import org.morgue.article.Article;
import org.morgue.article.DatePrecision;
import org.morgue.article.EnrichedArticle;
import org.morgue.search.Story;
import org.morgue.article.Theme;

/**
 * RIS records, one per article, for reference managers. Every record is {@code TY  - NEWS} (Zotero
 * and EndNote read it as a newspaper article; the URL, when known, is in {@code UR}). RIS has no
 * place for a file-level comment, so each record carries the provenance in its {@code N1} note:
 * once imported, every reference still says which query and index it came from. In a collection's
 * export a second {@code N1} (RIS allows several) carries the curator's note:
 * {@code N1  - Curator's note: ...}. An article with copies in the archive (other versions of its wire
 * story) says so in one more {@code N1}: {@code N1  - Story: <story id>, 3 versions}; RIS has no tag
 * for it, and a note is what a reference manager shows.
 */
final class RisExport implements ArticleExport, CollectionExport {
  /** What begins the {@code N1} that names an article's story. */
  static final String STORY_NOTE = "Story: ";
  /** What begins the {@code N1} that carries a curator's note. */
  static final String CURATORS_NOTE = "Curator's note: ";

  private static final DateTimeFormatter RIS_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");

  private final Writer out;
  private final String note;

  RisExport(Writer out, ExportProvenance provenance) {
    this.out = out;
    this.note = provenance.describe();
  }

  // When the archive took the article in has no RIS tag: Y2 is the date a reader accessed a source,
  // which reference managers show as such, so the time is left to the CSV and JSON Lines exports.
  @Override
  public void write(EnrichedArticle enriched, Story story, Optional<Instant> added) throws IOException {
    record(enriched, story, "");
  }

  @Override
  public void write(EnrichedArticle enriched, Story story, Optional<Instant> added, String curatorsNote)
      throws IOException {
    record(enriched, story, curatorsNote == null ? "" : curatorsNote);
  }

  @Override
  public void writeGone(String articleId, String curatorsNote) throws IOException {
    tag("TY", "NEWS");
    tag("ID", articleId);
    tag("TI", GONE);
    tag("N1", note);
    if (curatorsNote != null && !curatorsNote.isBlank()) {
      tag("N1", CURATORS_NOTE + curatorsNote);
    }
    out.write("ER  - \r\n\r\n");
  }

  private void record(EnrichedArticle enriched, Story story, String curatorsNote) throws IOException {
    Article article = enriched.article();
    tag("TY", "NEWS");
    tag("ID", article.id());
    tag("TI", article.title());
    for (String author : article.authors()) {
      tag("AU", inverted(author));
    }
    if (article.published().isPresent()) {
      java.time.LocalDate date = article.published().get();
      tag("PY", Integer.toString(date.getYear()));
      // RIS writes the parts a source gave and leaves the others empty: "1961///" for a year alone.
      tag("DA", switch (DatePrecision.of(article)) {
        case YEAR -> String.format(java.util.Locale.ROOT, "%04d///", date.getYear());
        case MONTH -> String.format(java.util.Locale.ROOT, "%04d/%02d//", date.getYear(), date.getMonthValue());
        case DAY -> date.format(RIS_DATE);
      });
    }
    tag("T2", article.source());
    if (article.url().isPresent()) {
      tag("UR", article.url().get());
    }
    for (Theme theme : enriched.enrichment().themes()) {
      tag("KW", theme.name());
    }
    // A name the article gives two types (Dallas the city and the team) is one keyword.
    for (String actor : enriched.enrichment().actors().stream().map(Actor::name).distinct().toList()) {
      tag("KW", actor);
    }
    String lead = Lead.of(article);
    if (!lead.isEmpty()) {
      tag("AB", lead);
    }
    tag("N1", note);
    if (story.hasCopies()) {
      tag("N1", STORY_NOTE + story.id() + ", " + story.versions().size() + " versions");
    }
    if (!curatorsNote.isBlank()) {
      tag("N1", CURATORS_NOTE + curatorsNote);
    }
    out.write("ER  - \r\n\r\n");
  }

  /** Name suffixes that follow the family name: "Martin Luther King Jr." is King, Martin Luther, Jr. */
  private static final java.util.Set<String> SUFFIXES = java.util.Set.of("Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV");

  /**
   * An author as RIS asks for one, "Family, Given" (reference managers read "Jimmy Carter" as one
   * family name otherwise); a name already holding a comma, or of one word, is kept as written.
   */
  static String inverted(String name) {
    String written = name.strip().replaceAll("\\s+", " ");
    if (written.contains(",") || !written.contains(" ")) {
      return written;
    }
    java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of(written.split(" ")));
    String suffix = words.size() > 2 && SUFFIXES.contains(words.getLast()) ? words.removeLast() : null;
    String family = words.removeLast();
    return family + ", " + String.join(" ", words) + (suffix == null ? "" : ", " + suffix);
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  /** A RIS line; a value is one line, so line breaks inside it become spaces. */
  private void tag(String tag, String value) throws IOException {
    if (value.isBlank()) {
      return;
    }
    out.write(tag + "  - " + value.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip() + "\r\n");
  }
}
