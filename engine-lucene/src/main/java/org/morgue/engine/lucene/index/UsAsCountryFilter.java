package org.morgue.engine.lucene.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * "US" in capitals is the country, written as "U.S." is ("U.S"), not the pronoun "us" that folding
 * would make of it. The same as OpenSearch's {@code pattern_replace} token filter with {@code ^US$} and
 * {@code U.S} in the mapping, without a regular expression matched against every token.
 */
final class UsAsCountryFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  UsAsCountryFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (term.length() == 2 && term.charAt(0) == 'U' && term.charAt(1) == 'S') {
      term.setEmpty().append("U.S");
    }
    return true;
  }
}
