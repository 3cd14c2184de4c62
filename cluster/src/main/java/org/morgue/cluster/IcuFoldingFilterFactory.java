package org.morgue.cluster;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * Makes Lucene's {@link ICUFoldingFilter} (case folding, accent removal, full-width to ASCII) for
 * one index's analysis chain.
 *
 * <p>Normalizing, as the official filter is: folding works one character at a time, so it may also
 * apply to keyword normalizers and to the terms of wildcard and prefix queries.
 */
final class IcuFoldingFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
  /** The signature OpenSearch's analysis registry calls (an {@code AnalysisProvider}). */
  IcuFoldingFilterFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
    super(indexSettings, name, settings);
  }

  @Override
  public TokenStream create(TokenStream tokenStream) {
    return new ICUFoldingFilter(tokenStream);
  }
}
