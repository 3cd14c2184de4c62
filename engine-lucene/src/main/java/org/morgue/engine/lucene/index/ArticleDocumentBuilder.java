package org.morgue.engine.lucene.index;

import org.morgue.article.HedgeLevel;
import org.morgue.article.ArticleJson;
import org.morgue.article.DatePrecision;
import org.morgue.article.PublishedOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.morgue.article.Actor;
import org.morgue.article.Article;
import org.morgue.article.EnrichedArticle;
import org.morgue.search.ActorAliases;
import org.morgue.search.ActorTypes;
import org.morgue.search.StoryEntry;
import org.morgue.article.Theme;

/** Turns one enriched article into the Lucene document the schema describes. */
public final class ArticleDocumentBuilder {
  private static final org.apache.lucene.document.FieldType BODY_TYPE = ArchiveSchema.bodyFieldType();
  private final FacetsConfig facets = ArchiveSchema.facetsConfig();
  private final ArticleJson json = new ArticleJson();

  /**
   * The document for an article that is a member of these collections and a version of this story,
   * facets included, carrying its fingerprint.
   *
   * @throws IllegalArgumentException when a collection id is blank
   */
  public Document build(EnrichedArticle enriched, Set<String> collections, String fingerprint, StoryEntry story) {
    Article article = enriched.article();
    Document doc = new Document();
    doc.add(new KeywordField(ArchiveSchema.ID, article.id(), Field.Store.YES));
    doc.add(new StringField(ArchiveSchema.STORY, story.storyId(), Field.Store.NO));
    doc.add(new SortedDocValuesField(ArchiveSchema.STORY, new BytesRef(story.storyId())));
    for (long key : story.bandKeys()) {
      doc.add(new LongPoint(ArchiveSchema.STORY_BAND, key));
    }
    doc.add(new StoredField(ArchiveSchema.FINGERPRINT, fingerprint));
    doc.add(new TextField(ArchiveSchema.TITLE, article.title(), Field.Store.NO));
    doc.add(new Field(ArchiveSchema.BODY, article.body(), BODY_TYPE));
    doc.add(new TextField(ArchiveSchema.SOURCE, article.source(), Field.Store.NO));
    doc.add(new SortedSetDocValuesFacetField(ArchiveSchema.FACET_SOURCE, ArchiveSchema.canonical(article.source())));
    for (String author : article.authors()) {
      doc.add(new TextField(ArchiveSchema.AUTHOR, author, Field.Store.NO));
    }
    article.published().ifPresent(date -> {
      long day = date.toEpochDay();
      doc.add(new LongPoint(ArchiveSchema.PUBLISHED, day));
      // Sorted by the day and the time of day (PublishedOrder); what reads the day divides it out.
      doc.add(new NumericDocValuesField(ArchiveSchema.PUBLISHED_ORDER, PublishedOrder.of(article)));
      DatePrecision precision = DatePrecision.of(article);
      // Nearly every article is dated to the day, whose last day is its first: PublishedWithin reads
      // a missing last day so, which spares a point an article (issue #21).
      if (precision != DatePrecision.DAY) {
        doc.add(new LongPoint(ArchiveSchema.PUBLISHED_END, precision.lastDay(date).toEpochDay()));
        doc.add(new NumericDocValuesField(ArchiveSchema.PUBLISHED_PRECISION, precision.ordinal()));
      }
      doc.add(new SortedSetDocValuesFacetField(ArchiveSchema.FACET_YEAR, Integer.toString(date.getYear())));
    });

    Set<String> actorTypes = new LinkedHashSet<>();
    for (Actor actor : enriched.enrichment().actors()) {
      doc.add(new TextField(ArchiveSchema.ACTOR, actor.name(), Field.Store.NO));
      // Its other names are searchable as its name is: "FDR" finds Franklin D. Roosevelt's articles.
      String canonical = ArchiveSchema.canonical(actor.name());
      for (String alias : actor.aliases()) {
        doc.add(new TextField(ArchiveSchema.ACTOR, alias, Field.Store.NO));
        doc.add(new StringField(ArchiveSchema.ACTOR_ALIASED, ActorAliases.aliasedName(alias, canonical), Field.Store.NO));
      }
      doc.add(new SortedSetDocValuesFacetField(ArchiveSchema.FACET_ACTOR, canonical));
      doc.add(new StringField(ArchiveSchema.ACTOR_TYPED, ActorTypes.typedName(actor.type(), canonical), Field.Store.NO));
      actorTypes.add(actor.type().id());
      if (actor.quoted()) {
        doc.add(new SortedSetDocValuesFacetField(ArchiveSchema.FACET_QUOTED, canonical));
      }
    }
    for (String type : actorTypes) {
      doc.add(new SortedSetDocValuesFacetField(ArchiveSchema.FACET_ACTOR_TYPE, type));
    }
    for (Theme theme : enriched.enrichment().themes()) {
      doc.add(new TextField(ArchiveSchema.THEME, theme.name(), Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(ArchiveSchema.FACET_THEME, theme.name()));
    }
    // An article not measured (its headline alone) is in no hedging value and has no score to sort by.
    Optional<HedgeLevel> level = enriched.enrichment().hedging().level();
    level.ifPresent(measured -> doc.add(new SortedSetDocValuesFacetField(ArchiveSchema.FACET_HEDGING, measured.id())));
    for (String collection : ArchiveSchema.collectionIds(collections, article.id())) {
      doc.add(new SortedSetDocValuesFacetField(ArchiveSchema.FACET_COLLECTION, collection));
    }
    if (level.isPresent()) {
      doc.add(new DoubleDocValuesField(ArchiveSchema.HEDGING_SCORE, enriched.enrichment().hedging().score()));
    }
    doc.add(new NumericDocValuesField(ArchiveSchema.TEXT_LENGTH, article.textLength()));
    doc.add(new StoredField(ArchiveSchema.SOURCE_JSON, json.write(enriched)));
    try {
      return facets.build(doc);
    } catch (IOException e) {
      // FacetsConfig.build only does I/O for taxonomy facets, which Morgue does not use.
      throw new UncheckedIOException(e);
    }
  }
}
