package org.morgue.indexer.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Articles by their keys ({@link StoryKeys}: band keys and lead keys), in memory: the lookup that
 * finds an article's possible copies among those added before it without comparing it with all of
 * them. A lookup costs one map probe per key plus the articles it returns. The index does the same
 * look-up with the keys as an indexed field (see the package documentation); this one serves the
 * articles written since the last commit, the evaluation and the tests. Not thread-safe.
 */
public final class CopyCandidates {
  private final Map<Long, List<String>> byKey = new HashMap<>();

  /** Adds an article's keys ({@link StoryKeys}) under its id. */
  public void add(String id, long[] keys) {
    for (long key : keys) {
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
    }
  }

  /** The ids of added articles that share at least one of these keys, first added first. */
  public Set<String> candidates(long[] keys) {
    Set<String> found = new LinkedHashSet<>();
    for (long key : keys) {
      found.addAll(byKey.getOrDefault(key, List.of()));
    }
    return found;
  }
}
