package org.morgue.server.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.morgue.article.HedgeLevel;
import org.morgue.article.Article;
import org.morgue.article.BlockKind;
import org.morgue.article.DatePrecision;
import org.morgue.article.EnrichedArticle;
import org.morgue.curation.CurationMetadata;
import org.morgue.search.Story;
import org.morgue.article.Hedging;

/**
 * JSON Lines: first {@code {"provenance": {...}}}, then one object per article with its metadata, its
 * date as precise as its source gave it ("1961" for a year's, which the import reads back as a year), its
 * body (paragraphs separated by blank lines, as the JSON Lines format reads a body), its blocks with
 * their kinds (which the import reads in the body's place, keeping the layout) and a summary of
 * its enrichment (no offsets: {@code /api/articles/{id}} has those), then
 * {@code story}, the id of the story it is a version of, and {@code versionCount}, how many versions
 * of that story the archive holds. In a
 * collection's export each article's object ends with {@code note}, the curator's note.
 */
final class JsonLinesExport implements ArticleExport, CollectionExport {
  /** The first line of every JSON Lines export. */
  record ProvenanceLine(ExportProvenance provenance) {}

  /** One article's line. */
  record ArticleLine(
      String id,
      String title,
      Optional<String> published,
      String source,
      Optional<String> url,
      List<String> authors,
      String body,
      List<BlockLine> blocks,
      Map<String, List<String>> metadata,
      List<ActorSummary> actors,
      List<ThemeSummary> themes,
      HedgingSummary hedging,
      String story,
      int versionCount,
      Optional<Instant> added,
      @JsonInclude(JsonInclude.Include.NON_NULL) String note) {}

  /** A block of the body with its kind, so an import keeps the article's layout (the body alone flattens it). */
  record BlockLine(BlockKind kind, String text) {}

  /** An actor without its mentions. */
  record ActorSummary(String name, String type, double salience, int mentionCount) {}

  /** A theme without its triggering words. */
  record ThemeSummary(String id, String name, String iptc, double score) {}

  /** The hedging verdict without the cues; no level for an article not measured (its headline alone). */
  record HedgingSummary(Optional<String> level, double score, int sentences, int hedgedSentences) {}

  private final Writer out;
  private final ExportProvenance provenance;
  // Not flushing after each line lets the first write be big enough for the server to compress the
  // answer, as it does CSV and RIS (a flushed provenance line alone is too short to be worth it).
  private final ObjectMapper mapper = ExportJson.mapper().copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
  private boolean started;

  JsonLinesExport(Writer out, ExportProvenance provenance) {
    this.out = out;
    this.provenance = provenance;
  }

  @Override
  public void write(EnrichedArticle enriched, Story story, Optional<Instant> added) throws IOException {
    writeLine(enriched, story, added, null);
  }

  @Override
  public void write(EnrichedArticle enriched, Story story, Optional<Instant> added, String note) throws IOException {
    writeLine(enriched, story, added, note == null ? "" : note);
  }

  @Override
  public void writeGone(String articleId, String note) {
    // A line is an article to read back, and this one has no text left: the provenance line counts it.
  }

  private void writeLine(EnrichedArticle enriched, Story story, Optional<Instant> added, String note)
      throws IOException {
    if ((note != null) != (provenance instanceof CollectionProvenance)) {
      throw new IllegalStateException("a note goes in a collection's export, and only there");
    }
    start();
    Article article = enriched.article();
    Hedging hedging = enriched.enrichment().hedging();
    line(new ArticleLine(
        article.id(), article.title(), article.published().map(DatePrecision.of(article)::iso), article.source(), article.url(), article.authors(),
        article.body(), article.blocks().stream().map(b -> new BlockLine(b.kind(), b.text())).toList(),
        CurationMetadata.withoutBookkeeping(article.metadata()),
        enriched.enrichment().actors().stream()
            .map(a -> new ActorSummary(a.name(), a.type().id(), a.salience(), a.mentionCount())).toList(),
        enriched.enrichment().themes().stream()
            .map(t -> new ThemeSummary(t.id(), t.name(), t.iptc(), t.score())).toList(),
        new HedgingSummary(hedging.level().map(HedgeLevel::id), hedging.score(), hedging.sentences(), hedging.hedgedSentences()),
        story.id(), story.versions().size(), added, note));
  }

  @Override
  public void finish() throws IOException {
    start();
    out.flush();
  }

  private void start() throws IOException {
    if (!started) {
      started = true;
      line(new ProvenanceLine(provenance));
    }
  }

  private void line(Object value) throws IOException {
    mapper.writeValue(out, value);
    out.write('\n');
  }
}
