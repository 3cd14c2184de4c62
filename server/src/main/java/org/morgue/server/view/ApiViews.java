package org.morgue.server.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.morgue.article.HedgeLevel;
import org.morgue.article.Actor;
import org.morgue.article.Article;
import org.morgue.article.BlockKind;
import org.morgue.article.DatePrecision;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.Hedging;
import org.morgue.article.Mention;
import org.morgue.article.PublishedTime;
import org.morgue.article.Span;
import org.morgue.article.Theme;
import org.morgue.article.text.ArticleDiff;
import org.morgue.curation.CurationMetadata;
import org.morgue.search.Facet;
import org.morgue.search.FilterNames;
import org.morgue.search.FacetCount;
import org.morgue.search.Grouping;
import org.morgue.search.ArchiveHealth;
import org.morgue.search.IndexStats;
import org.morgue.search.QueryInterpretation;
import org.morgue.search.SearchHit;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.SortOrder;
import org.morgue.search.Story;
import org.morgue.search.StoryVersion;
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
   * when that finds more ("did you mean"); null otherwise. {@code group} is whether hits are stories
   * (one per story, the default) or articles; {@code stories} is how many distinct stories the
   * matching articles belong to, and {@code counted} says what {@code total}, the facets and the
   * timeline count: always {@code articles}. {@code from} and {@code to} are the dates asked (null when
   * not), and {@code partlyInRange} how many more articles would match but are dated to a month or
   * year that runs past them (a clipping dated 1961, for January to June 1961), so are not counted.
   * {@code unknownFilters} lists the actor, theme and source filter values the archive holds under no
   * name, and the collection values that are the id of no collection (each filters every article out),
   * with the name it holds nearest, or the id of the collection so named, if any ("did you mean");
   * empty when every value is held.
   */
  public record SearchResponse(
      String query,
      SortOrder sort,
      int size,
      Grouping group,
      Map<String, List<String>> filters,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      long total,
      long stories,
      long partlyInRange,
      String counted,
      long took,
      List<HitView> hits,
      Optional<String> nextCursor,
      Timeline timeline,
      Map<String, List<FacetCount>> facets,
      Optional<String> interpretedAs,
      Optional<String> interpretedBecause,
      Optional<String> suggestion,
      List<UnknownFilter> unknownFilters) {}

  /**
   * A filter value the archive holds under no name: its facet, the value as sent, and the value of
   * that facet it most likely misspells (null when none is near).
   */
  public record UnknownFilter(String facet, String value, Optional<String> suggestion) {
    /** The filter values {@link FilterNames#unheld} found, as answers name them. */
    public static List<UnknownFilter> of(List<FilterNames.Unheld> unheld) {
      return unheld.stream().map(value -> new UnknownFilter(value.facet(), value.value(), value.near())).toList();
    }

    /**
     * What the page says of it: No actor in the archive is named “Kenedy”. Did you mean Kennedy? A
     * collection is filtered by its id, so that is what it says of one.
     */
    public String inWords() {
      String asked = facet.equals(Facet.COLLECTION.id()) ? " in the archive has the id \u201c" : " in the archive is named \u201c";
      return "No " + facet + asked + value + "\u201d."
          + suggestion.map(near -> " Did you mean " + near + "?").orElse("");
    }
  }

  /** The answer of {@code GET /api/articles/{id}/related}: what was asked, and the related articles best first. */
  public record RelatedResponse(String id, int size, List<HitView> related) {}

  /**
   * The answer of {@code GET /api/articles/{id}/matches}: what was asked, where its words stand in
   * the article's text, in text order, and, as a search's answer says it, the query run when its
   * syntax could not be read as typed and why (both null when it ran as typed).
   */
  public record MatchesResponse(String id, String q, List<Span> matches, Optional<String> interpretedAs,
      Optional<String> interpretedBecause) {}

  /** The answer of {@code GET /api/suggest}. */
  public record SuggestResponse(String prefix, List<Suggestion> suggestions) {}

  /** One hit in a search response. */
  public record HitView(
      String id,
      String title,
      Optional<LocalDate> published,
      Optional<String> publishedPrecision,
      Optional<String> publishedTime,
      String source,
      Optional<String> url,
      List<String> authors,
      Optional<Instant> added,
      String snippet,
      List<SnippetPart> snippetParts,
      List<ActorRef> actors,
      List<String> themes,
      Optional<String> hedging,
      Float score,
      StoryView story) {}

  /**
   * The story an article is a version of: its id (the first version's article id, which never
   * changes), how many versions the archive holds, and each of them with the record (representative)
   * first: the version a curator picked ({@code record} is {@code curator}) or else the earliest
   * ({@code earliest}); the others earliest first.
   */
  public record StoryView(String id, int versionCount, String record, List<VersionView> versions) {}

  /**
   * The version curators picked as each story's record (story id to article id), read when a story is
   * shown; a pick that is no longer a version of the story is ignored, and the earliest is the record.
   * Also which versions a curator filed in their story (or apart) rather than copy detection.
   */
  @FunctionalInterface
  public interface RecordPicks {
    /** No picks: every story's record is its earliest version. */
    RecordPicks NONE = storyId -> Optional.empty();

    Optional<String> of(String storyId);

    /** Whether a curator filed this article in its story, or apart (docs/stories.md). */
    default boolean filed(String articleId) {
      return false;
    }
  }

  /**
   * One version of a story; {@code filed} says who put it in the story: {@code curator} when a curator
   * filed it there (or apart, a story of its own), {@code detected} when copy detection did.
   */
  public record VersionView(String id, String title, String source, Optional<LocalDate> published,
      Optional<String> publishedPrecision, Optional<String> publishedTime, boolean representative, String filed) {}

  /** A run of a snippet's plain text, marked where it matched the query. */
  public record SnippetPart(String text, boolean marked) {}

  /** An actor named in a hit: enough to show a chip and filter by it. */
  public record ActorRef(String name, String type) {}

  /**
   * The answer of {@code GET /api/articles/{id}}; {@code sourceRenamedFrom}: the name the source gave,
   * where a curator's rename across the archive shows it as {@code source}.
   */
  public record ArticleView(
      String id,
      String title,
      Optional<LocalDate> published,
      Optional<String> publishedPrecision,
      Optional<String> publishedTime,
      String source,
      Optional<String> sourceRenamedFrom,
      Optional<String> url,
      List<String> authors,
      Optional<Instant> added,
      String text,
      List<BlockView> blocks,
      List<ActorView> actors,
      List<Theme> themes,
      Hedging hedging,
      StoryView story,
      Map<String, List<String>> metadata,
      Optional<CorrectedView> corrected) {}

  /**
   * That a curator corrected the article, and what: the answer's fields hold the corrected values,
   * and a librarian citing one must be able to tell (the source's own are under
   * {@code /api/corrections/articles/{id}}).
   */
  public record CorrectedView(List<String> fields, String curator, Instant updated) {}

  /** The curator's corrections of an article, when there are any. */
  public interface CorrectionNotes {
    /** No curation: nothing is corrected. */
    CorrectionNotes NONE = articleId -> Optional.empty();

    Optional<CorrectedView> of(String articleId);
  }

  /** The actor authority file's canonical names, for saying which of an article's actors a curator renamed. */
  public interface ActorRenames {
    /** No curation: every name is its own. */
    ActorRenames NONE = name -> name;

    /** The name a curator's renames (followed through their chain) give {@code name}; itself when none does. */
    String canonical(String name);
  }

  /**
   * The answer of {@code GET /api/articles/{id}/diff?with=}: the two versions compared, whether they
   * are one story, the headlines, every sentence of both in reading order with what happened to it,
   * and how many sentences each change touched.
   */
  public record DiffView(VersionRef from, VersionRef to, boolean sameStory, TitleView title,
      List<SentenceView> sentences, Map<String, Integer> counts) {}

  /** One side of a comparison. */
  public record VersionRef(String id, String title, String source, Optional<LocalDate> published,
      Optional<String> publishedTime) {}

  /** The two headlines. */
  public record TitleView(String from, String to, boolean changed) {}

  /**
   * One sentence of a comparison: {@code text} for a sentence kept, added or removed; {@code from},
   * {@code to} and {@code words} for a changed one. Absent fields are left out, not null.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SentenceView(String change, String text, String from, String to, List<WordView> words) {}

  /** A run of words of a changed sentence: kept, removed or added. */
  public record WordView(String change, String text) {}

  /** A body block with where it lies in the article text. */
  public record BlockView(BlockKind kind, String text, int start, int end) {}

  /**
   * An actor with all its mentions; {@code renamedFrom}: the names the enrichment gave it that a curator
   * renamed or merged into {@code name}, so a reader whose text says one of them can be told why the
   * name shown is another (empty when no curator renamed it); {@code quotes}: the words of saying that
   * credit a statement to it ("said", "according to"), empty when the article does not quote it.
   */
  public record ActorView(String name, String type, String role, double salience, int mentionCount, List<Mention> mentions,
      List<String> renamedFrom, List<Mention> quotes) {}

  /**
   * The answer of {@code GET /api/health}: {@code status} "ok", or "degraded" with the {@code reason}
   * when searches answer but the archive is at risk; {@code writable} when the server takes changes.
   */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public record Health(String status, Optional<String> reason, int articles, boolean writable) {}

  /** The answer of {@code GET /api/stats}. */
  public record Stats(int articles, long indexSizeBytes, Optional<Instant> lastUpdate) {}

  public static Health health(ArchiveHealth health, boolean writable) {
    return new Health(health.degraded().isPresent() ? "degraded" : "ok", health.degraded(), health.articles(), writable);
  }

  public static Stats stats(IndexStats stats) {
    return new Stats(stats.articles(), stats.sizeBytes(), stats.lastUpdate());
  }

  public static SearchResponse search(SearchRequest request, SearchResult result, RecordPicks picks,
      List<FilterNames.Unheld> unheld) {
    // Filters in the order facets are listed, so the echo reads the same whatever the URL's order.
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String dim : Facet.ids()) {
      List<String> values = request.filters().getOrDefault(dim, List.of());
      if (!values.isEmpty()) {
        filters.put(dim, values);
      }
    }
    return new SearchResponse(
        request.query(), request.sort(), request.size(), request.grouping(), filters, request.from(), request.to(),
        result.total(), result.stories(), result.partlyInRange(), "articles", result.tookMillis(),
        result.hits().stream().map(hit -> hit(hit, picks)).toList(), result.nextCursor(), result.timeline(), result.facets(),
        result.interpretation().map(QueryInterpretation::query),
        result.interpretation().map(QueryInterpretation::reason),
        result.suggestion(),
        UnknownFilter.of(unheld));
  }

  public static HitView hit(SearchHit hit, RecordPicks picks) {
    Article article = hit.article().article();
    return new HitView(
        article.id(),
        article.title(),
        article.published(),
        precision(article),
        time(article),
        article.source(),
        article.url(),
        article.authors(),
        hit.article().added(),
        SnippetHtml.of(hit.snippet()),
        hit.snippet().parts().stream().map(part -> new SnippetPart(part.text(), part.marked())).toList(),
        hit.article().actors().stream().map(a -> new ActorRef(a.name(), a.type().id())).toList(),
        hit.article().themes(),
        hit.article().hedging().map(HedgeLevel::id),
        Float.isFinite(hit.score()) ? hit.score() : null,
        story(hit.story(), picks));
  }

  /** How much of the date the source gave ({@code day}, {@code month}, {@code year}); none without a date. */
  private static Optional<String> precision(Article article) {
    return article.published().map(date -> DatePrecision.of(article).id());
  }

  /** The time of day the source gave with a date to the day ({@code 15:05:00}, {@code 10:00:00+01:00}). */
  private static Optional<String> time(Article article) {
    return PublishedTime.of(article).map(PublishedTime::iso);
  }

  /**
   * The version a curator picked as the story's record, while it is one of the story's versions. A
   * story that absorbed others in a merge (docs/stories.md) and has no pick of its own takes the pick
   * of the earliest absorbed story that has one, while that is a version: an absorbed story's id is
   * its first version's, now a version of this story, so its pick is found by the versions' ids.
   */
  public static Optional<String> pickedRecord(Story story, RecordPicks picks) {
    Optional<String> own = picks.of(story.id()).filter(id -> isVersion(story, id));
    if (own.isPresent()) {
      return own;
    }
    for (StoryVersion version : story.versions()) {
      if (!version.articleId().equals(story.id())) {
        Optional<String> carried = picks.of(version.articleId()).filter(id -> isVersion(story, id));
        if (carried.isPresent()) {
          return carried;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isVersion(Story story, String articleId) {
    return story.versions().stream().anyMatch(version -> version.articleId().equals(articleId));
  }

  /** A story with its record first: the curator's pick while it is one of the versions, else the earliest. */
  public static StoryView story(Story story, RecordPicks picks) {
    Optional<String> picked = pickedRecord(story, picks);
    List<StoryVersion> ordered = new ArrayList<>(story.versions());
    picked.ifPresent(id -> {
      StoryVersion record = ordered.stream().filter(version -> version.articleId().equals(id)).findFirst().orElseThrow();
      ordered.remove(record);
      ordered.add(0, record);
    });
    List<VersionView> versions = new ArrayList<>(ordered.size());
    for (StoryVersion version : ordered) {
      versions.add(new VersionView(version.articleId(), version.title(), version.source(), version.published(),
          version.published().map(date -> version.precision().id()), version.time().map(PublishedTime::iso),
          versions.isEmpty(), picks.filed(version.articleId()) ? "curator" : "detected"));
    }
    return new StoryView(story.id(), versions.size(), picked.isPresent() ? "curator" : "earliest", versions);
  }

  /** The comparison of two articles; {@code sameStory} whether the archive files them under one story. */
  public static DiffView diff(Article from, Article to, boolean sameStory, ArticleDiff diff) {
    List<SentenceView> sentences = new ArrayList<>(diff.sentences().size());
    for (ArticleDiff.Sentence sentence : diff.sentences()) {
      String change = sentence.change().id();
      sentences.add(sentence.change() == ArticleDiff.Change.CHANGED
          ? new SentenceView(change, null, sentence.from(), sentence.to(),
              sentence.words().stream().map(word -> new WordView(word.change().id(), word.text())).toList())
          : new SentenceView(change, sentence.text(), null, null, null));
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (ArticleDiff.Change change : ArticleDiff.Change.values()) {
      counts.put(change.id(), diff.count(change));
    }
    return new DiffView(version(from), version(to), sameStory,
        new TitleView(diff.title().from(), diff.title().to(), diff.title().changed()), sentences, counts);
  }

  private static VersionRef version(Article article) {
    return new VersionRef(article.id(), article.title(), article.source(), article.published(), time(article));
  }

  /**
   * Of an actor's aliases, those a curator's rename leads to its name. The curation keeps each renamed
   * name among the aliases (ActorAuthority.apply), beside the gazetteer's ("FDR"), which no rename leads
   * anywhere; the stored article has no other record of the name the enrichment gave.
   */
  private static List<String> renamedFrom(Actor actor, ActorRenames renames) {
    return actor.aliases().stream()
        .filter(alias -> !alias.equals(actor.name()) && renames.canonical(alias).equals(actor.name()))
        .toList();
  }

  /** The article answer; {@code added}: when the archive took the article in, where it says. */
  public static ArticleView article(EnrichedArticle enriched, Optional<Instant> added, Story story, RecordPicks picks,
      Optional<CorrectedView> corrected, ActorRenames renames) {
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
          actor.mentionCount(), actor.mentions(), renamedFrom(actor, renames), actor.quotes()));
    }
    return new ArticleView(
        article.id(), article.title(), article.published(), precision(article), time(article), article.source(),
        CurationMetadata.sourceBeforeRename(article.metadata()), article.url(),
        article.authors(), added, article.text(), blocks, actors, enriched.enrichment().themes(), enriched.enrichment().hedging(),
        story(story, picks), CurationMetadata.withoutBookkeeping(article.metadata()), corrected);
  }
}
