package org.morgue.server.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.morgue.article.HedgeLevel;
import org.morgue.article.Actor;
import org.morgue.article.Article;
import org.morgue.article.DatePrecision;
import org.morgue.article.EnrichedArticle;
import org.morgue.search.Story;
import org.morgue.article.Theme;

/**
 * Articles as RFC 4180 CSV: a UTF-8 byte order mark, a header row, then one row per article, CRLF line ends. Fields holding a
 * comma, quote or line break are quoted with quotes doubled. Lists (authors, actors, themes) are
 * joined with {@code "; "}. Provenance travels only in the response header: a comment line is not
 * CSV and would land in a spreadsheet's first row.
 *
 * <p>{@code story} is the id of the story the article is a version of (copies of one wire story share
 * it) and {@code versionCount} how many versions of it the archive holds. {@code hedging_score} is
 * rounded to three places (the share of hedged sentences: more would be noise in a spreadsheet).
 * {@code link} opens the article in the reader of the server that made the file, and {@code lead} is
 * its first paragraph, as in a RIS record's abstract: a journalist's trial found a sheet of ids and
 * headlines with no way back to the articles and nothing to read them by. Both come last, after the
 * columns earlier files had, so a reader of those by position still reads them.
 *
 * <p>A collection's export has one more column, last: {@code note}, the curator's note.
 *
 * <p>Text cells that begin with {@code = + - @}, a tab or a carriage return get a leading apostrophe,
 * so a spreadsheet shows them as text instead of running them as a formula (OWASP's "CSV injection").
 */
final class CsvExport implements ArticleExport, CollectionExport {
  static final List<String> COLUMNS = List.of(
      "id", "title", "published", "source", "url", "authors", "actors", "themes", "hedging_level", "hedging_score",
      "story", "versionCount", "added", "link", "lead");
  /** The columns of a collection's export: the same, then the curator's note. */
  static final List<String> NOTED_COLUMNS = Stream.concat(COLUMNS.stream(), Stream.of("note")).toList();

  /** U+FEFF, the byte order mark: in UTF-8 the bytes EF BB BF before the header row. */
  static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Writer out;
  private final boolean notes;
  private final String site;
  private boolean started;

  CsvExport(Writer out, ExportProvenance provenance, String site) {
    this.out = out;
    this.notes = provenance instanceof CollectionProvenance;
    this.site = site;
  }

  @Override
  public void write(EnrichedArticle enriched, Story story, Optional<Instant> added) throws IOException {
    writeRow(enriched, story, added, null);
  }

  @Override
  public void write(EnrichedArticle enriched, Story story, Optional<Instant> added, String note) throws IOException {
    writeRow(enriched, story, added, note == null ? "" : note);
  }

  private void writeRow(EnrichedArticle enriched, Story story, Optional<Instant> added, String note)
      throws IOException {
    if ((note != null) != notes) {
      throw new IllegalStateException("a note goes in a collection's export, and only there");
    }
    start();
    Article article = enriched.article();
    List<String> row = new ArrayList<>(NOTED_COLUMNS.size());
    row.add(text(article.id()));
    row.add(text(article.title()));
    // ISO 8601's reduced forms, "1961" or "1961-03", for a date whose source gave no day.
    row.add(article.published().map(DatePrecision.of(article)::iso).orElse(""));
    row.add(text(article.source()));
    row.add(text(article.url().orElse("")));
    row.add(text(String.join("; ", article.authors())));
    // A name the article gives two types (Dallas the city and the team) is listed once.
    row.add(text(String.join("; ", enriched.enrichment().actors().stream().map(Actor::name).distinct().toList())));
    row.add(text(String.join("; ", enriched.enrichment().themes().stream().map(Theme::name).toList())));
    // Empty cells for an article not measured (its headline alone), as the API's null level.
    Optional<HedgeLevel> level = enriched.enrichment().hedging().level();
    row.add(level.map(HedgeLevel::id).orElse(""));
    row.add(level.isPresent() ? String.format(java.util.Locale.ROOT, "%.3f", enriched.enrichment().hedging().score()) : "");
    row.add(text(story.id()));
    row.add(Integer.toString(story.versions().size()));
    row.add(added.map(org.morgue.server.view.InstantText::of).orElse(""));
    row.add(ReaderLink.of(site, article.id()));
    row.add(text(Lead.of(article)));
    if (note != null) {
      row.add(text(note));
    }
    writeRow(row);
  }

  @Override
  public void writeGone(String articleId, String note) throws IOException {
    if (!notes) {
      throw new IllegalStateException("a member of a collection goes in a collection's export, and only there");
    }
    start();
    List<String> row = new ArrayList<>(java.util.Collections.nCopies(NOTED_COLUMNS.size(), ""));
    row.set(0, text(articleId));
    row.set(1, GONE);
    row.set(NOTED_COLUMNS.size() - 1, text(note == null ? "" : note));
    writeRow(row);
  }

  @Override
  public void finish() throws IOException {
    start();
    out.flush();
  }

  private void start() throws IOException {
    if (!started) {
      started = true;
      // Excel, where most newsrooms open a CSV, reads UTF-8 without this mark in the local code page:
      // "£4.5m" became "Â£4.5m" and "Zoë Müller" worse (a librarian's trial). Readers of data skip it.
      out.write(BYTE_ORDER_MARK);
      writeRow(notes ? NOTED_COLUMNS : COLUMNS);
    }
  }

  private void writeRow(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(cells.get(i)));
    }
    out.write("\r\n");
  }

  /** A text cell, defused if a spreadsheet would read it as a formula. */
  static String text(String value) {
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      return "'" + value;
    }
    return value;
  }

  /** RFC 4180: quote a field with a comma, quote, CR or LF in it, doubling its quotes. */
  static String quote(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
