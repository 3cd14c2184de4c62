package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.morgue.article.ArticleSummary;
import org.morgue.article.EnrichedArticle;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.SearchHit;

/**
 * The articles most like one article, best first, by Lucene's MoreLikeThis over its title, body and
 * actor names.
 *
 * <p>Invariants: the article itself is never among them, nor any other version of its story (its
 * copies are the same story, not related coverage); every term counts even if it occurs once in
 * the article and in one other (the defaults, twice and in five, suit a large archive, and a small
 * one would then share no terms at all), weighted by how rare it is; a candidate's score is
 * multiplied by {@link org.morgue.search.RelatedWeight} of its length, so a text long enough to hold
 * every word does not lead every list (BM25 alone let a 6.5 MB import do so); the title and actor names are
 * not stored, so the terms come from the article as loaded, analysed as the index analysed them.
 * A related hit's snippet is its lead, since there are no query words to mark.
 *
 * <p>Cost: one article read and analysed, one disjunction over its most telling terms (scored as a
 * relevance search, with one doc value per match), and one stored-fields read per related article (and per other version of its
 * story, which the hit carries).
 */
final class RelatedArticles {
  private final StoredArticles articles;
  private final StoryVersions stories;
  private final Analyzer analyzer;

  RelatedArticles(StoredArticles articles, StoryVersions stories, Analyzer analyzer) {
    this.articles = articles;
    this.stories = stories;
    this.analyzer = analyzer;
  }

  /** Up to {@code size} (at least 1) articles most like the one at {@code doc}, whose id is {@code id}. */
  List<SearchHit> of(IndexSearcher searcher, int doc, String id, int size) throws IOException {
    EnrichedArticle article = articles.article(searcher.storedFields(), doc);
    MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
    like.setAnalyzer(analyzer);
    like.setFieldNames(new String[] {ArchiveSchema.TITLE, ArchiveSchema.BODY, ArchiveSchema.ACTOR});
    like.setMinTermFreq(1);
    like.setMinDocFreq(1);
    like.setBoost(true);
    Map<String, Collection<Object>> fields = Map.of(
        ArchiveSchema.TITLE, List.of(article.article().title()),
        ArchiveSchema.BODY, List.of(article.article().body()),
        ArchiveSchema.ACTOR, List.copyOf(article.enrichment().actors().stream().map(a -> (Object) a.name()).toList()));
    Query query = new BooleanQuery.Builder()
        .add(FunctionScoreQuery.boostByValue(like.like(fields), RelatedLengthWeight.INSTANCE), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term(ArchiveSchema.ID, id)), BooleanClause.Occur.MUST_NOT)
        .add(new TermQuery(new Term(ArchiveSchema.STORY, StoryVersions.storyId(searcher, doc))), BooleanClause.Occur.MUST_NOT)
        .build();
    TopDocs top = searcher.search(query, size);
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc scoreDoc : top.scoreDocs) {
      ArticleSummary summary = articles.summary(stored, scoreDoc.doc);
      hits.add(new SearchHit(summary, scoreDoc.score, HitLoader.lead(summary),
          stories.of(searcher, scoreDoc.doc, summary.article())));
    }
    return hits;
  }
}
