package org.morgue.engine.lucene.search;

import org.morgue.search.DayCounts;
import org.morgue.search.TimelineCounts;

/**
 * What a search counts over all its matches: how many carry each facet value (by the reader's
 * ordinals) and how many fall on each publication day (with how many of those are hedged).
 */
record MatchCounts(int[] facets, TimelineCounts days) {}
