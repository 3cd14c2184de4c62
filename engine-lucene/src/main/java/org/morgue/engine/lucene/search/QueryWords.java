package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.morgue.article.Article;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.Span;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.InvalidQueryException;
import org.morgue.search.MatchedWords;
import org.morgue.search.QueryInterpretation;

/**
 * Where a search's words stand in one article's title and body, for a reader that marks them: the
 * same analysis the index matched with (stems, folding, phrases), so "oil prices" marks "Oil Price"
 * and a quoted phrase marks only the phrase. An engine whose index Lucene cannot read (a cluster's)
 * gives the same answer, since nothing here reads an index.
 *
 * <p>An actor the query names in full, by its name or another ({@code JFK}, {@code actor:"Tren de
 * Aragua"}), is marked where the article mentions it ("President Kennedy"), since that is where the
 * search found it; what a query asks of other fields (a theme, a date) marks nothing.
 *
 * <p>Cost: one analysis of the title and the body per call. Thread-safe.
 */
public final class QueryWords {
  /** Letters each followed by a full stop but the last: "U.N", "U.S.S.R". */
  private static final java.util.regex.Pattern DOTTED = java.util.regex.Pattern.compile("(?:\\p{L}\\.)+\\p{L}");
  private final UnifiedHighlighter highlighter;
  private final ActorSnippets actors;

  public QueryWords(Analyzer analyzer) {
    this.actors = new ActorSnippets(analyzer);
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
  public Parsed parse(String query) throws InvalidQueryException {
    RequestQuery.ParsedQuery parsed = RequestQuery.parse(query);
    return new Parsed(BodySnippets.bodyAlone(ArchiveQueryParser.withoutClosenessBoost(parsed.query())), parsed.interpretation());
  }

  /** A query as {@link #parse} read it, and how, when its syntax could not be read as typed. */
  public record Parsed(Query query, Optional<QueryInterpretation> interpretation) {}

  /**
   * The ranges of {@link Article#text()} where a {@link #parse parsed} query's words match, and the
   * mentions of the actors it names in full, in text order, those that overlap or touch joined; empty
   * when none does.
   */
  public MatchedWords in(EnrichedArticle enriched, Parsed query) {
    return new MatchedWords(spans(enriched, query.query()), query.interpretation());
  }

  private List<Span> spans(EnrichedArticle enriched, Query parsed) {
    Article article = enriched.article();
    List<Span> spans = new ArrayList<>(matches(ArchiveSchema.TITLE, parsed, article.title(), 0));
    if (!article.blocks().isEmpty()) {
      spans.addAll(matches(ArchiveSchema.BODY, parsed, article.body(), article.titleSpan().end() + Article.BLOCK_SEPARATOR.length()));
    }
    spans.addAll(actors.mentionsNamed(parsed, enriched));
    String text = article.text();
    spans.replaceAll(span -> withAcronymStop(text, span));
    spans.sort(Comparator.comparingInt(Span::start));
    List<Span> joined = new ArrayList<>();
    for (Span span : spans) {
      Span last = joined.isEmpty() ? null : joined.getLast();
      if (last != null && span.start() <= last.end()) {
        joined.set(joined.size() - 1, new Span(last.start(), Math.max(last.end(), span.end())));
      } else {
        joined.add(span);
      }
    }
    return List.copyOf(joined);
  }

  /**
   * A dotted acronym's match with its last full stop: the tokenizer ends "U.N." at "U.N", and a mark
   * of "U.N" beside an unmarked "." reads as a slip (a librarian's trial).
   */
  private static Span withAcronymStop(String text, Span span) {
    boolean stopAfter = span.end() < text.length() && text.charAt(span.end()) == '.';
    return stopAfter && DOTTED.matcher(text.substring(span.start(), span.end())).matches() ? new Span(span.start(), span.end() + 1) : span;
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

  /** Collects a passage's matches as they are; {@link #spans} joins those that overlap or touch. */
  private static final class MatchOffsets extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<Span> spans = new ArrayList<>();
      for (Passage passage : passages) {
        for (int i = 0; i < passage.getNumMatches(); i++) {
          spans.add(new Span(passage.getMatchStarts()[i], passage.getMatchEnds()[i]));
        }
      }
      return new Offsets(spans);
    }
  }
}
