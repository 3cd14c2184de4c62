package org.morgue.cluster;

import java.util.Map;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * Gives the development cluster the {@code icu_folding} token filter that Morgue's index mapping
 * names.
 *
 * <p>Why this exists: a real cluster gets {@code icu_folding} from the official {@code analysis-icu}
 * plugin ({@code bin/opensearch-plugin install analysis-icu}), but that plugin is published as a zip
 * for the plugin installer, not on Maven Central, so a cluster built from Central alone lacks it.
 * This class registers the same name for the same Lucene filter ({@code ICUFoldingFilter}, default
 * settings), which is all Morgue's mapping uses; options of the official filter such as
 * {@code unicode_set_filter} are not supported here.
 */
public final class IcuFoldingPlugin extends Plugin implements AnalysisPlugin {
  /** The filter's name, as the official analysis-icu plugin spells it. */
  public static final String FILTER_NAME = "icu_folding";

  @Override
  public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
    return Map.of(FILTER_NAME, IcuFoldingFilterFactory::new);
  }
}
