package org.morgue.curation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.morgue.article.DatePrecision;

/**
 * A curator's corrections to one article: its own fields, and the actors and themes the enrichment
 * found wrongly or missed.
 *
 * @param articleId the article
 * @param title the corrected headline, if corrected
 * @param published the corrected date, to the year, month or day the curator knows, if corrected
 * @param source the corrected source, if corrected
 * @param authors the corrected bylines, if corrected
 * @param removeActors actor names that are wrong for this article
 * @param addActors actors the enrichment missed
 * @param removeThemes theme names that are wrong for this article
 * @param addThemes theme names (from the taxonomy) the enrichment missed
 * @param original the fields as the source gave them when first corrected
 * @param curator who made the latest change
 * @param updated when
 * @param version counts its changes
 */
public record ArticleCorrection(
    String articleId,
    Optional<String> title,
    Optional<CorrectedDate> published,
    Optional<String> source,
    Optional<List<String>> authors,
    List<String> removeActors,
    List<ActorRef> addActors,
    List<String> removeThemes,
    List<String> addThemes,
    OriginalFields original,
    String curator,
    Instant updated,
    long version) {
  public ArticleCorrection {
    title = title == null ? Optional.empty() : title;
    published = published == null ? Optional.empty() : published;
    source = source == null ? Optional.empty() : source;
    authors = authors == null ? Optional.empty() : authors.map(List::copyOf);
    removeActors = removeActors == null ? List.of() : List.copyOf(removeActors);
    addActors = addActors == null ? List.of() : List.copyOf(addActors);
    removeThemes = removeThemes == null ? List.of() : List.copyOf(removeThemes);
    addThemes = addThemes == null ? List.of() : List.copyOf(addThemes);
  }

  /**
   * What it corrects, by the names the API gives them: {@code title}, {@code published},
   * {@code source}, {@code authors}, {@code actors}, {@code themes}.
   */
  public List<String> correctedFields() {
    List<String> fields = new java.util.ArrayList<>();
    title.ifPresent(t -> fields.add("title"));
    published.ifPresent(p -> fields.add("published"));
    source.ifPresent(s -> fields.add("source"));
    authors.ifPresent(a -> fields.add("authors"));
    if (!removeActors.isEmpty() || !addActors.isEmpty()) {
      fields.add("actors");
    }
    if (!removeThemes.isEmpty() || !addThemes.isEmpty()) {
      fields.add("themes");
    }
    return List.copyOf(fields);
  }

  /** The same correction, showing these as the source's fields: what the source gives now. */
  public ArticleCorrection withOriginal(OriginalFields now) {
    return new ArticleCorrection(articleId, title, published, source, authors, removeActors, addActors, removeThemes,
        addThemes, now, curator, updated, version);
  }

  /**
   * The fields it corrects to the value the source now gives as well ({@code title}, {@code
   * published}, {@code source}, {@code authors}): the source has caught up, and the correction of that
   * field changes nothing a reader sees. A date agrees when the source gives the same day, month or
   * year to the same precision.
   */
  public List<String> sourceAgrees(OriginalFields now) {
    List<String> fields = new java.util.ArrayList<>();
    title.filter(now.title()::equals).ifPresent(t -> fields.add("title"));
    published.filter(date -> now.published().isPresent() && now.published().get().equals(date.date())
        && now.publishedPrecision().orElse(DatePrecision.DAY.id()).equals(date.precision().id()))
        .ifPresent(p -> fields.add("published"));
    source.filter(now.source()::equals).ifPresent(s -> fields.add("source"));
    authors.filter(now.authors()::equals).ifPresent(a -> fields.add("authors"));
    return List.copyOf(fields);
  }

  /** Whether it corrects any of the article's own fields. */
  public boolean correctsFields() {
    return title.isPresent() || published.isPresent() || source.isPresent() || authors.isPresent();
  }
}
