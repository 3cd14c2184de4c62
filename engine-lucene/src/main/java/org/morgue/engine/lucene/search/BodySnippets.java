package org.morgue.engine.lucene.search;

import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.text.SentenceSplitter;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.Snippet;

/**
 * A hit's snippet made from its body text alone, analysing it again, for an engine whose index
 * Lucene cannot read (a cluster's): the same highlighter settings, sentence breaks and formatting as
 * the embedded engine's {@link HitLoader}, so a hit reads the same on either engine.
 *
 * <p>Cost: one analysis of the body per hit, which the embedded engine saves by reading offsets
 * from its postings. Thread-safe.
 */
public final class BodySnippets {
  private static final int PASSAGES = 2;
  private final UnifiedHighlighter highlighter;
  private final ActorSnippets actors;

  public BodySnippets(Analyzer analyzer) {
    this.actors = new ActorSnippets(analyzer);
    SentenceSplitter sentences = SentenceSplitter.fromResources();
    this.highlighter = UnifiedHighlighter.builderWithoutSearcher(analyzer)
        .withFormatter(new SnippetFormatter())
        .withBreakIterator(() -> new SnippetBreaks(sentences))
        // No passage where nothing matched: the lead (Snippet.lead) is shown, past an address's salutation.
        .withMaxNoHighlightPassages(0)
        // The whole body, as the embedded engine highlights it (the stock limit is 10,000
        // characters: a long speech's passages past it would never be shown).
        .withMaxLength(Integer.MAX_VALUE - 1)
        .build();
  }

  /**
   * The query as the body alone can answer it: every required clause made optional. The highlighter
   * marks what matches in the one field it is given, and a word required of the article but found
   * only in its title or actors ({@code +trump +border}) would otherwise leave the body unmarked.
   * Prohibited clauses mark nothing and go.
   */
  static Query bodyAlone(Query query) {
    return switch (query) {
      case BooleanQuery bool -> {
        BooleanQuery.Builder loose = new BooleanQuery.Builder();
        for (BooleanClause clause : bool.clauses()) {
          if (clause.occur() == BooleanClause.Occur.MUST || clause.occur() == BooleanClause.Occur.SHOULD) {
            loose.add(bodyAlone(clause.query()), BooleanClause.Occur.SHOULD);
          }
        }
        yield loose.build();
      }
      case BoostQuery boost -> new BoostQuery(bodyAlone(boost.getQuery()), boost.getBoost());
      default -> query;
    };
  }

  /**
   * The snippet of a body for a parsed query; where nothing in the body is marked, the sentence
   * naming an actor the query matched ({@link ActorSnippets}, from the whole article {@code
   * enriched} gives, asked only then), else the body's first passage or lead.
   */
  public Snippet of(Query query, String body, Supplier<EnrichedArticle> enriched) {
    try {
      Object snippet = highlighter.highlightWithoutSearcher(ArchiveSchema.BODY,
          bodyAlone(ArchiveQueryParser.withoutClosenessBoost(query)), body, PASSAGES);
      Snippet found = snippet instanceof Snippet made && !made.parts().isEmpty() ? made : Snippet.lead(body);
      if (found.marked() || !ActorSnippets.searchesActors(query)) {
        return found;
      }
      return actors.of(query, enriched.get()).orElse(found);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // analysing a string in memory does no I/O
    }
  }
}
