package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.morgue.article.Article;
import org.morgue.article.Span;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.InvalidQueryException;

/**
 * Where a search's words stand in one article's title and body, for a reader that marks them: the
 * same analysis the index matched with (stems, folding, phrases), so "oil prices" marks "Oil Price"
 * and a quoted phrase marks only the phrase. An engine whose index Lucene cannot read (a cluster's)
 * gives the same answer, since nothing here reads an index.
 *
 * <p>What a query asks of fields other than the title and body (an actor, a theme, a date) marks
 * nothing: the reader marks actors by their mentions already.
 *
 * <p>Cost: one analysis of the title and the body per call. Thread-safe.
 */
public final class QueryWords {
  private final UnifiedHighlighter highlighter;

  public QueryWords(Analyzer analyzer) {
    this.highlighter = UnifiedHighlighter.builderWithoutSearcher(analyzer)
        .withFormatter(new MatchOffsets())
        // One passage, the whole text, so that every match is in it: a reader marks them all.
        .withBreakIterator(WholeBreakIterator::new)
        .withMaxNoHighlightPassages(0)
        .withMaxLength(Integer.MAX_VALUE - 1)
        .build();
  }

  /**
   * A query as the title and body can answer it: read as a search reads it, refused as a search
   * refuses it (so a caller refuses a bad query before it looks for the article).
   */
  public Query parse(String query) throws InvalidQueryException {
    return BodySnippets.bodyAlone(ArchiveQueryParser.withoutClosenessBoost(RequestQuery.parse(query).query()));
  }

  /**
   * The ranges of {@link Article#text()} where a {@link #parse parsed} query's words match, in text
   * order, neighbours that touch joined; empty when none does.
   */
  public List<Span> in(Article article, Query parsed) {
    List<Span> spans = new ArrayList<>(matches(ArchiveSchema.TITLE, parsed, article.title(), 0));
    if (!article.blocks().isEmpty()) {
      spans.addAll(matches(ArchiveSchema.BODY, parsed, article.body(), article.titleSpan().end() + Article.BLOCK_SEPARATOR.length()));
    }
    return List.copyOf(spans);
  }

  private List<Span> matches(String field, Query query, String content, int shift) {
    if (content.isEmpty()) {
      return List.of();
    }
    try {
      Object found = highlighter.highlightWithoutSearcher(field, query, content, 1);
      if (!(found instanceof Offsets offsets)) {
        return List.of();
      }
      return offsets.spans().stream().map(span -> new Span(span.start() + shift, span.end() + shift)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a string in memory does no I/O
    }
  }

  /** The match ranges of the one passage, as the formatter found them. */
  private record Offsets(List<Span> spans) {}

  /** Collects a passage's matches, those that overlap or touch made one ("New" "York" of a phrase). */
  private static final class MatchOffsets extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<Span> spans = new ArrayList<>();
      for (Passage passage : passages) {
        int[] starts = passage.getMatchStarts();
        int[] ends = passage.getMatchEnds();
        for (int i = 0; i < passage.getNumMatches(); i++) {
          Span last = spans.isEmpty() ? null : spans.getLast();
          if (last != null && starts[i] <= last.end()) {
            spans.set(spans.size() - 1, new Span(last.start(), Math.max(last.end(), ends[i])));
          } else {
            spans.add(new Span(starts[i], ends[i]));
          }
        }
      }
      return new Offsets(spans);
    }
  }
}
