package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.morgue.article.ArticleJson;
import org.morgue.article.ArticleSummary;
import org.morgue.article.EnrichedArticle;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.IndexedArticle;

/**
 * Reads articles back from the index's stored fields: a whole article with its enrichments, the
 * summary a hit shows, an article's version, when it was added, and the doc an id names.
 *
 * <p>Invariant: an article is rebuilt from its stored source JSON and body only (what was indexed,
 * not what analysis made of it); an article stored without a body reads as one with an empty body.
 *
 * <p>Cost: one stored-fields read per article (two fields, decompressing their block); finding an id
 * is one term look-up. Thread-safe (the StoredFields given are the caller's, one per thread).
 */
final class StoredArticles {
  /** The stored fields an article is rebuilt from. */
  private static final Set<String> ARTICLE_FIELDS = Set.of(ArchiveSchema.SOURCE_JSON, ArchiveSchema.BODY);
  /** The stored fields of an article as the index holds it: the article's, its version and when it was added. */
  private static final Set<String> INDEXED_FIELDS =
      Set.of(ArchiveSchema.SOURCE_JSON, ArchiveSchema.BODY, ArchiveSchema.FINGERPRINT, ArchiveSchema.ADDED_AT);
  /** The stored fields a hit's summary is made of: the article's, and when it was added. */
  private static final Set<String> SUMMARY_FIELDS =
      Set.of(ArchiveSchema.SOURCE_JSON, ArchiveSchema.BODY, ArchiveSchema.ADDED_AT);

  private final ArticleJson json = new ArticleJson();

  /** The doc of the article with this id; empty when there is none. */
  static Optional<Integer> docOf(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(ArchiveSchema.ID, id)), 1);
    return top.scoreDocs.length == 0 ? Optional.empty() : Optional.of(top.scoreDocs[0].doc);
  }

  /** An article's fingerprint as stored: its version. */
  static Optional<String> version(StoredFields stored, int doc) throws IOException {
    return Optional.ofNullable(stored.document(doc, Set.of(ArchiveSchema.FINGERPRINT)).get(ArchiveSchema.FINGERPRINT));
  }

  private static Optional<Instant> added(Document document) {
    IndexableField field = document.getField(ArchiveSchema.ADDED_AT);
    return field == null || field.numericValue() == null ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(field.numericValue().longValue()));
  }

  /** The whole article with every mention of its enrichments. */
  EnrichedArticle article(StoredFields stored, int doc) throws IOException {
    Document document = stored.document(doc, ARTICLE_FIELDS);
    return json.read(document.getBinaryValue(ArchiveSchema.SOURCE_JSON).bytes, body(document));
  }

  /** The whole article with its version and when it was added, in one read. */
  IndexedArticle indexed(StoredFields stored, int doc) throws IOException {
    Document document = stored.document(doc, INDEXED_FIELDS);
    EnrichedArticle article = json.read(document.getBinaryValue(ArchiveSchema.SOURCE_JSON).bytes, body(document));
    return new IndexedArticle(article, document.get(ArchiveSchema.FINGERPRINT), added(document));
  }

  /** The article with the names of its enrichments, as a hit shows it. */
  ArticleSummary summary(StoredFields stored, int doc) throws IOException {
    return summaryAndBody(stored, doc).summary();
  }

  /**
   * A hit's summary with the body as stored, in one read: the highlighter takes the body from here
   * instead of reading it again.
   */
  SummaryAndBody summaryAndBody(StoredFields stored, int doc) throws IOException {
    Document document = stored.document(doc, SUMMARY_FIELDS);
    String body = body(document);
    ArticleSummary summary = json.readSummary(document.getBinaryValue(ArchiveSchema.SOURCE_JSON).bytes, body);
    return new SummaryAndBody(summary.withAdded(added(document)), body);
  }

  /** A hit's summary and its body exactly as stored. */
  record SummaryAndBody(ArticleSummary summary, String body) {}

  private static String body(Document document) {
    String body = document.get(ArchiveSchema.BODY);
    return body == null ? "" : body;
  }
}
