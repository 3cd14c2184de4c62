package org.morgue.server.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.morgue.article.Actor;
import org.morgue.article.Article;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.Theme;

/**
 * Articles as RFC 4180 CSV: a header row, then one row per article, CRLF line ends. Fields holding a
 * comma, quote or line break are quoted with quotes doubled. Lists (authors, actors, themes) are
 * joined with {@code "; "}. Provenance travels only in the response header: a comment line is not
 * CSV and would land in a spreadsheet's first row.
 *
 * <p>Text cells that begin with {@code = + - @}, a tab or a carriage return get a leading apostrophe,
 * so a spreadsheet shows them as text instead of running them as a formula (OWASP's "CSV injection").
 */
final class CsvExport implements ArticleExport {
  static final List<String> COLUMNS = List.of(
      "id", "title", "published", "source", "url", "authors", "actors", "themes", "hedging_level", "hedging_score");

  private final Writer out;
  private boolean started;

  CsvExport(Writer out, Provenance provenance) {
    this.out = out;
  }

  @Override
  public void write(EnrichedArticle enriched) throws IOException {
    start();
    Article article = enriched.article();
    List<String> row = new ArrayList<>(COLUMNS.size());
    row.add(text(article.id()));
    row.add(text(article.title()));
    row.add(article.published().map(Object::toString).orElse(""));
    row.add(text(article.source()));
    row.add(text(article.url().orElse("")));
    row.add(text(String.join("; ", article.authors())));
    row.add(text(String.join("; ", enriched.enrichment().actors().stream().map(Actor::name).toList())));
    row.add(text(String.join("; ", enriched.enrichment().themes().stream().map(Theme::name).toList())));
    row.add(enriched.enrichment().hedging().level().id());
    row.add(Double.toString(enriched.enrichment().hedging().score()));
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
      writeRow(COLUMNS);
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
