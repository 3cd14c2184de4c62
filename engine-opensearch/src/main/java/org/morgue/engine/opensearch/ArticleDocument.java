package org.morgue.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.morgue.article.Actor;
import org.morgue.article.Article;
import org.morgue.article.ArticleJson;
import org.morgue.article.ArticleSummary;
import org.morgue.article.DatePrecision;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.PublishedOrder;
import org.morgue.article.PublishedTime;
import org.morgue.article.Theme;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.ActorAliases;
import org.morgue.search.ActorTypes;
import org.morgue.search.Facet;
import org.morgue.search.StoryEntry;
import org.morgue.search.StoryVersion;

/**
 * One enriched article as the document the mapping ({@code mapping.json}) describes, and back. The
 * searchable fields carry the names the query parser uses ({@code title}, {@code body}, {@code
 * actor}, ...), so a parsed query translates field for field; facet values are keywords under
 * {@code facet.<id>}, in NFC as the embedded engine keeps them; the whole enriched article rides
 * along unindexed under {@code article}, which is what hits and the article view are read from.
 */
final class ArticleDocument {
  static final String ID = "id";
  static final String FINGERPRINT = "fingerprint";
  static final String PUBLISHED = "published";
  /**
   * The day and the time of day as one key ({@link PublishedOrder}), what {@code newest} and {@code
   * oldest} sort by, as the embedded engine's published doc value does; only sorted on, not indexed.
   */
  static final String PUBLISHED_ORDER = "publishedOrder";
  /**
   * How much of the publication date the source gave ({@link DatePrecision#id()}), written only when
   * it is less than the day: a timeline leaves a clipping dated only to 1961 out of 1961's months.
   */
  static final String PUBLISHED_PRECISION = "publishedPrecision";
  /** The last day the publication date may stand for, as the embedded engine's {@link ArchiveSchema#PUBLISHED_END}. */
  static final String PUBLISHED_END = ArchiveSchema.PUBLISHED_END;
  static final String HEDGING_SCORE = "hedgingScore";
  /** How many characters of text the article has, for {@link org.morgue.search.RelatedWeight}; doc values only. */
  static final String TEXT_LENGTH = ArchiveSchema.TEXT_LENGTH;
  /** Where the article stands in the order it was added ({@link org.morgue.search.AddedOrder}); the store sets it. */
  static final String ADDED = "added";
  /** When the write the article entered with began, in milliseconds since 1970; the store sets it, and keeps it. */
  static final String ADDED_AT = "addedAt";
  static final String ARTICLE = "article";
  /** The story the article is a version of: a keyword with doc values, for collapsing and counting by story. */
  static final String STORY = "story";
  /**
   * The article's band keys, where later copies look it up: indexed longs (points), with no doc
   * values (nothing sorts or aggregates on them) and left out of {@code _source} but stored, so a
   * mapping move can carry them over. Stored, a random long takes about 9 bytes; in {@code _source}
   * it would be some 20 characters of JSON that LZ4 hardly shrinks, and the engine never reads them.
   */
  static final String STORY_BAND = "storyBand";
  /** Where the stored article (an enriched article: the article, then its enrichment) keeps its time of day. */
  private static final String TIME_PATH = ARTICLE + ".article.metadata." + PublishedTime.METADATA_KEY;
  /** The {@code _source} fields {@link #version} reads, with the story id. */
  static final List<String> VERSION_FIELDS = List.of(ID, STORY, ArchiveSchema.TITLE, ArchiveSchema.SOURCE, PUBLISHED,
      PUBLISHED_PRECISION, TIME_PATH);

  private final ArticleJson json = new ArticleJson();

  /** The keyword field holding a facet's values. */
  static String facetField(String dim) {
    return "facet." + dim;
  }

  /**
   * The document for an article that is a member of these collections and a version of this story,
   * carrying its fingerprint.
   *
   * @throws IllegalArgumentException when a collection id is blank
   */
  ObjectNode build(EnrichedArticle enriched, Set<String> collections, String fingerprint, StoryEntry story) {
    Article article = enriched.article();
    ObjectNode doc = ClusterConnection.object();
    doc.put(ID, article.id());
    doc.put(FINGERPRINT, fingerprint);
    doc.put(ArchiveSchema.TITLE, article.title());
    doc.put(ArchiveSchema.BODY, article.body());
    doc.put(ArchiveSchema.SOURCE, article.source());
    ArrayNode authors = doc.putArray(ArchiveSchema.AUTHOR);
    article.authors().forEach(authors::add);
    ObjectNode facets = doc.putObject("facet");
    facets.put(Facet.SOURCE.id(), ArchiveSchema.canonical(article.source()));
    article.published().ifPresent(date -> {
      doc.put(PUBLISHED, date.toEpochDay());
      doc.put(PUBLISHED_ORDER, PublishedOrder.of(article));
      DatePrecision precision = DatePrecision.of(article);
      doc.put(PUBLISHED_END, precision.lastDay(date).toEpochDay());
      if (precision != DatePrecision.DAY) {
        doc.put(PUBLISHED_PRECISION, precision.id());
      }
      facets.put(Facet.YEAR.id(), Integer.toString(date.getYear()));
    });
    ArrayNode actors = doc.putArray(ArchiveSchema.ACTOR);
    ArrayNode actorFacet = facets.putArray(Facet.ACTOR.id());
    ArrayNode typedActors = doc.putArray(ArchiveSchema.ACTOR_TYPED);
    ArrayNode aliasedActors = doc.putArray(ArchiveSchema.ACTOR_ALIASED);
    Set<String> actorTypes = new LinkedHashSet<>();
    List<String> quoted = new ArrayList<>();
    for (Actor actor : enriched.enrichment().actors()) {
      String canonical = ArchiveSchema.canonical(actor.name());
      if (actor.quoted()) {
        quoted.add(canonical);
      }
      actors.add(actor.name());
      for (String alias : actor.aliases()) {
        actors.add(alias); // searchable as the name is, as the embedded index has them
        aliasedActors.add(ActorAliases.aliasedName(alias, canonical));
      }
      actorFacet.add(canonical);
      typedActors.add(ActorTypes.typedName(actor.type(), canonical));
      actorTypes.add(actor.type().id());
    }
    ArrayNode types = facets.putArray(Facet.ACTOR_TYPE.id());
    actorTypes.forEach(types::add);
    ArrayNode quotedFacet = facets.putArray(Facet.QUOTED.id());
    quoted.forEach(quotedFacet::add);
    ArrayNode themes = doc.putArray(ArchiveSchema.THEME);
    ArrayNode themeFacet = facets.putArray(Facet.THEME.id());
    for (Theme theme : enriched.enrichment().themes()) {
      themes.add(theme.name());
      themeFacet.add(theme.name());
    }
    // An article not measured (its headline alone) is in no hedging value and has no score to sort by.
    enriched.enrichment().hedging().level().ifPresent(level -> facets.put(Facet.HEDGING.id(), level.id()));
    ArrayNode collectionFacet = facets.putArray(Facet.COLLECTION.id());
    ArchiveSchema.collectionIds(collections, article.id()).forEach(collectionFacet::add);
    if (enriched.enrichment().hedging().level().isPresent()) {
      doc.put(HEDGING_SCORE, enriched.enrichment().hedging().score());
    }
    doc.put(TEXT_LENGTH, article.textLength());
    doc.put(STORY, story.storyId());
    ArrayNode bands = doc.putArray(STORY_BAND);
    for (long key : story.bandKeys()) {
      bands.add(key);
    }
    try {
      doc.set(ARTICLE, ClusterConnection.json().readTree(json.write(enriched)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return doc;
  }

  /**
   * The collections a document's article is a member of. They are not part of the article, so a
   * document rebuilt from its article (a mapping migration) takes them from here or loses them.
   */
  static Set<String> collections(JsonNode source) {
    Set<String> ids = new LinkedHashSet<>();
    source.path("facet").path(Facet.COLLECTION.id()).forEach(id -> ids.add(id.asText()));
    return ids;
  }

  /**
   * The story a document's article is filed under and its band keys, from a hit that asked for the
   * stored {@link #STORY_BAND} field. A document written before stories (mapping 2) is a story of its
   * own without band keys: copies indexed later do not find it until it is indexed again.
   */
  static StoryEntry storyEntry(JsonNode hit) {
    JsonNode source = hit.path("_source");
    JsonNode stored = hit.path("fields").path(STORY_BAND);
    long[] keys = new long[stored.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = stored.get(i).asLong();
    }
    return new StoryEntry(storyId(source), keys);
  }

  /** The story a document's article is filed under (its own id for a document written before stories). */
  static String storyId(JsonNode source) {
    String story = source.path(STORY).asText("");
    return story.isEmpty() ? source.path(ID).asText() : story;
  }

  /**
   * A document as one version of its story, from the top-level fields alone ({@link #VERSION_FIELDS}),
   * which hold the article's own id, title, source and date: a story's versions are listed without
   * reading whole articles.
   */
  static StoryVersion version(JsonNode source) {
    JsonNode published = source.path(PUBLISHED);
    DatePrecision precision = DatePrecision.fromId(source.path(PUBLISHED_PRECISION).asText("")).orElse(DatePrecision.DAY);
    // The time is the article's own metadata, as the embedded engine reads it (PublishedTime.of).
    JsonNode time = source.path(ARTICLE).path("article").path("metadata").path(PublishedTime.METADATA_KEY);
    return new StoryVersion(source.path(ID).asText(), source.path(ArchiveSchema.TITLE).asText(),
        source.path(ArchiveSchema.SOURCE).asText(),
        published.isNumber() ? Optional.of(LocalDate.ofEpochDay(published.asLong())) : Optional.empty(),
        precision,
        published.isNumber() && precision == DatePrecision.DAY && time.size() == 1
            ? PublishedTime.parse(time.get(0).asText()) : Optional.empty());
  }

  /** The whole article a document holds. */
  EnrichedArticle article(JsonNode source) {
    // A search that names the source fields it wants gets them back in another order, and the reader
    // needs the article before its enrichment.
    return json.read(bytes(ArticleJson.inReadingOrder(source.path(ARTICLE))), source.path(ArchiveSchema.BODY).asText(""));
  }

  /** The article as a hit shows it. */
  ArticleSummary summary(JsonNode source) {
    return json.readSummary(bytes(source.path(ARTICLE)), source.path(ArchiveSchema.BODY).asText(""))
        .withAdded(added(source));
  }

  /** When the archive took the article in; empty for a document from before Morgue kept it. */
  static Optional<Instant> added(JsonNode source) {
    JsonNode at = source.path(ADDED_AT);
    return at.canConvertToLong() ? Optional.of(Instant.ofEpochMilli(at.asLong())) : Optional.empty();
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return ClusterConnection.json().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
