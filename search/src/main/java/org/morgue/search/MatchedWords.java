package org.morgue.search;

import java.util.List;
import java.util.Optional;
import org.morgue.article.Span;

/**
 * Where a query's words stand in one article's text ({@link SearchEngine#queryWords}).
 *
 * @param matches ranges of the article's text, in text order
 * @param interpretation how the query was read when its syntax could not be, as a search says it
 */
public record MatchedWords(List<Span> matches, Optional<QueryInterpretation> interpretation) {
  public MatchedWords {
    matches = List.copyOf(matches);
  }
}
