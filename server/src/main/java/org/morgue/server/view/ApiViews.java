package org.morgue.server.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.morgue.article.Actor;
import org.morgue.article.Article;
import org.morgue.article.BlockKind;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.Hedging;
import org.morgue.article.Mention;
import org.morgue.article.Span;
import org.morgue.article.Theme;
import org.morgue.search.Facet;
import org.morgue.search.FacetCount;
import org.morgue.search.IndexStats;
import org.morgue.search.QueryInterpretation;
import org.morgue.search.SearchHit;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.SortOrder;
import org.morgue.search.Suggestion;
import org.morgue.search.Timeline;

/** The JSON shapes of the API, built from search results; field names here are the API's contract. */
public final class ApiViews {
  private ApiViews() {}

  /**
   * The answer of {@code GET /api/search}: what was asked ({@code query}, {@code sort}, {@code size},
   * {@code filters}), then what was found. {@code interpretedAs} is the query actually run when the
   * one asked could not be read as syntax and its plain words were searched instead, and
   * {@code interpretedBecause} says what was wrong with it; both are null when the query ran as typed.
   * {@code suggestion} is, for a query with few or no hits, the query with its misspellings corrected
   * when that finds more ("did you mean"); null otherwise.
   */
  public record SearchResponse(
      String query,
      SortOrder sort,
      int size,
      Map<String, List<String>> filters,
      long total,
      long took,
      List<HitView> hits,
      Optional<String> nextCursor,
      Timeline timeline,
      Map<String, List<FacetCount>> facets,
      Optional<String> interpretedAs,
      Optional<String> interpretedBecause,
      Optional<String> suggestion) {}

  /** The answer of {@code GET /api/articles/{id}/related}: what was asked, and the related articles best first. */
  public record RelatedResponse(String id, int size, List<HitView> related) {}

  /** The answer of {@code GET /api/suggest}. */
  public record SuggestResponse(String prefix, List<Suggestion> suggestions) {}

  /** One hit in a search response. */
  public record HitView(
      String id,
      String title,
      Optional<LocalDate> published,
      String source,
      Optional<String> url,
      List<String> authors,
      String snippet,
      List<SnippetPart> snippetParts,
      List<ActorRef> actors,
      List<String> themes,
      String hedging,
      Float score) {}

  /** A run of a snippet's plain text, marked where it matched the query. */
  public record SnippetPart(String text, boolean marked) {}

  /** An actor named in a hit: enough to show a chip and filter by it. */
  public record ActorRef(String name, String type) {}

  /** The answer of {@code GET /api/articles/{id}}. */
  public record ArticleView(
      String id,
      String title,
      Optional<LocalDate> published,
      String source,
      Optional<String> url,
      List<String> authors,
      String text,
      List<BlockView> blocks,
      List<ActorView> actors,
      List<Theme> themes,
      Hedging hedging) {}

  /** A body block with where it lies in the article text. */
  public record BlockView(BlockKind kind, String text, int start, int end) {}

  /** An actor with all its mentions. */
  public record ActorView(String name, String type, String role, double salience, int mentionCount, List<Mention> mentions) {}

  /** The answer of {@code GET /api/health}. */
  public record Health(String status, int articles) {}

  /** The answer of {@code GET /api/stats}. */
  public record Stats(int articles, long indexSizeBytes, Optional<Instant> lastUpdate) {}

  public static Health health(IndexStats stats) {
    return new Health("ok", stats.articles());
  }

  public static Stats stats(IndexStats stats) {
    return new Stats(stats.articles(), stats.sizeBytes(), stats.lastUpdate());
  }

  public static SearchResponse search(SearchRequest request, SearchResult result) {
    // Filters in the order facets are listed, so the echo reads the same whatever the URL's order.
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String dim : Facet.ids()) {
      List<String> values = request.filters().getOrDefault(dim, List.of());
      if (!values.isEmpty()) {
        filters.put(dim, values);
      }
    }
    return new SearchResponse(
        request.query(), request.sort(), request.size(), filters, result.total(), result.tookMillis(),
        result.hits().stream().map(ApiViews::hit).toList(), result.nextCursor(), result.timeline(), result.facets(),
        result.interpretation().map(QueryInterpretation::query),
        result.interpretation().map(QueryInterpretation::reason),
        result.suggestion());
  }

  public static HitView hit(SearchHit hit) {
    Article article = hit.article().article();
    return new HitView(
        article.id(),
        article.title(),
        article.published(),
        article.source(),
        article.url(),
        article.authors(),
        SnippetHtml.of(hit.snippet()),
        hit.snippet().parts().stream().map(part -> new SnippetPart(part.text(), part.marked())).toList(),
        hit.article().actors().stream().map(a -> new ActorRef(a.name(), a.type().id())).toList(),
        hit.article().themes(),
        hit.article().hedging().id(),
        Float.isFinite(hit.score()) ? hit.score() : null);
  }

  public static ArticleView article(EnrichedArticle enriched) {
    Article article = enriched.article();
    List<Span> spans = article.blockSpans();
    List<BlockView> blocks = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      blocks.add(new BlockView(article.blocks().get(i).kind(), article.blocks().get(i).text(),
          spans.get(i).start(), spans.get(i).end()));
    }
    List<ActorView> actors = new ArrayList<>();
    for (Actor actor : enriched.enrichment().actors()) {
      actors.add(new ActorView(actor.name(), actor.type().id(), actor.role().orElse(null), actor.salience(),
          actor.mentionCount(), actor.mentions()));
    }
    return new ArticleView(
        article.id(), article.title(), article.published(), article.source(), article.url(), article.authors(),
        article.text(), blocks, actors, enriched.enrichment().themes(), enriched.enrichment().hedging());
  }
}
