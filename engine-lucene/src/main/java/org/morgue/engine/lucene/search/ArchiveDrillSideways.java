package org.morgue.engine.lucene.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.search.IndexSearcher;

/**
 * Lucene's drill sideways (a ticked facet value does not hide its dimension's other values), with
 * the matches counted from the facet ordinals held in memory instead of decoded from doc values.
 */
final class ArchiveDrillSideways extends DrillSideways {
  private final IndexColumns ordinals;

  ArchiveDrillSideways(IndexSearcher searcher, FacetsConfig config, IndexColumns ordinals) {
    super(searcher, config, ordinals.state());
    this.ordinals = ordinals;
  }

  @Override
  protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways,
      String[] drillSidewaysDims) throws IOException {
    Facets drillDownFacets = drillDowns == null ? null : counts(drillDowns);
    if (drillSideways == null || drillSideways.length == 0) {
      return drillDownFacets;
    }
    Map<String, Facets> sideways = new HashMap<>();
    for (int i = 0; i < drillSideways.length; i++) {
      sideways.put(drillSidewaysDims[i], counts(drillSideways[i]));
    }
    return new MultiFacets(sideways, drillDownFacets);
  }

  private Facets counts(FacetsCollector matches) throws IOException {
    return new OrdinalFacetCounts(ordinals.state(), ordinals.count(matches));
  }
}
