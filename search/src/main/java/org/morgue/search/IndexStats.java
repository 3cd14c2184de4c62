package org.morgue.search;

import java.time.Instant;
import java.util.Optional;

/**
 * Facts about an index.
 *
 * @param articles how many articles it holds
 * @param sizeBytes how much disk it takes
 * @param lastUpdate when it was last committed, if the commit says
 */
public record IndexStats(int articles, long sizeBytes, Optional<Instant> lastUpdate) {}
