package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.morgue.article.Article;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.engine.lucene.index.StoryIds;
import org.morgue.search.Story;
import org.morgue.search.StoryVersion;

/**
 * Reads a story back: the story id a doc is filed under, and every version filed under it, earliest
 * first: what every hit carries. Cost: one doc-values read, one term look-up and one stored-fields
 * read per version; for a hit whose story has no other version (most of them), the doc-values read
 * and the term's document frequency only, since the hit's own article is the one version.
 */
final class StoryVersions {
  private final StoredArticles articles;

  StoryVersions(StoredArticles articles) {
    this.articles = articles;
  }

  /** The story id of a doc. */
  static String storyId(IndexSearcher searcher, int doc) throws IOException {
    return StoryIds.of(searcher.getIndexReader(), doc);
  }

  /** The story of a doc with all its versions. */
  Story of(IndexSearcher searcher, int doc) throws IOException {
    return story(searcher, storyId(searcher, doc));
  }

  /**
   * The story of a doc whose article is read already: when no other doc carries its story id, the
   * story of that article alone, without reading anything else.
   */
  Story of(IndexSearcher searcher, int doc, Article article) throws IOException {
    String storyId = storyId(searcher, doc);
    // The frequency counts deleted docs until their segments merge, so 1 means this doc alone.
    if (searcher.getIndexReader().docFreq(new Term(ArchiveSchema.STORY, storyId)) == 1) {
      return new Story(storyId, List.of(StoryVersion.of(article)));
    }
    return story(searcher, storyId);
  }

  /** A story by id with all its versions; the id must be one the index holds. */
  Story story(IndexSearcher searcher, String storyId) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<StoryVersion> versions = new ArrayList<>();
    Term story = new Term(ArchiveSchema.STORY, storyId);
    // As many hits as the term has docs (deleted ones included), not "all": a search for n hits
    // fills a queue of n up front, which for Integer.MAX_VALUE is one entry per doc of the index.
    int atMost = Math.max(1, searcher.getIndexReader().docFreq(story));
    for (ScoreDoc hit : searcher.search(new TermQuery(story), atMost).scoreDocs) {
      Article article = articles.summary(stored, hit.doc).article();
      versions.add(StoryVersion.of(article));
    }
    versions.sort(StoryVersion.EARLIEST);
    return new Story(storyId, versions);
  }

  /** The story with this id; empty when no live doc is filed under it. */
  Optional<Story> byId(IndexSearcher searcher, String storyId) throws IOException {
    if (searcher.count(new TermQuery(new Term(ArchiveSchema.STORY, storyId))) == 0) {
      return Optional.empty();
    }
    return Optional.of(story(searcher, storyId));
  }

  /** The story of the article with this id; empty when there is none. */
  Optional<Story> ofArticle(IndexSearcher searcher, String articleId) throws IOException {
    Optional<Integer> doc = StoredArticles.docOf(searcher, articleId);
    return doc.isEmpty() ? Optional.empty() : Optional.of(of(searcher, doc.get()));
  }
}
