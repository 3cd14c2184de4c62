package org.morgue.indexer.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Articles by band key, in memory: the lookup that finds an article's possible copies among those
 * added before it without comparing it with all of them. A lookup costs one map probe per band plus
 * the articles it returns. This is the lookup an index will do with band keys as an indexed field
 * (see the package documentation); here it serves the evaluation and the tests. Not thread-safe.
 */
public final class CopyCandidates {
  private final CopyDetection detection;
  private final Map<Long, List<String>> byKey = new HashMap<>();

  /** An empty lookup with the given parameters. */
  public CopyCandidates(CopyDetection detection) {
    this.detection = detection;
  }

  /** Adds an article's band keys under its id. */
  public void add(String id, StorySignature signature) {
    for (long key : BandKeys.of(signature, detection)) {
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
    }
  }

  /** The ids of added articles that share at least one band key with the signature, first added first. */
  public Set<String> candidates(StorySignature signature) {
    Set<String> found = new LinkedHashSet<>();
    for (long key : BandKeys.of(signature, detection)) {
      found.addAll(byKey.getOrDefault(key, List.of()));
    }
    return found;
  }
}
