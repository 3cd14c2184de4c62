package org.morgue.indexer.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.morgue.article.EnrichedArticle;
import org.morgue.search.ArchiveStore;
import org.morgue.search.StoredVersion;
import org.morgue.search.StoryEntry;

/**
 * A store that passes every call to another and remembers the writes (puts, deletes, commits) in the
 * order they were made, so that the same archive can then be written into another engine's store
 * without reading and enriching the articles again. Enriching the shipped corpus costs about 25 s of
 * CPU, and the tests that compare the engines on it paid that once for each engine.
 *
 * <p>The pipeline's decisions (which story, which article is unchanged) are taken on the first
 * store's answers, and a replay hands the second store the same writes: right for a test of what the
 * engines answer over the same archive, not for a test of the pipeline writing into the second engine
 * (those index through it).
 */
public final class RecordingStore implements ArchiveStore {
  private final ArchiveStore store;
  private final List<Write> writes = new ArrayList<>();

  /** One write, as it can be made again on another store. */
  @FunctionalInterface
  public interface Write {
    void to(ArchiveStore store) throws IOException;
  }

  public RecordingStore(ArchiveStore store) {
    this.store = store;
  }

  /** The writes so far, in the order they were made. */
  public synchronized List<Write> writes() {
    return List.copyOf(writes);
  }

  /** Makes these writes on {@code store}, one at a time, in their order. */
  public static void replay(List<Write> writes, ArchiveStore store) throws IOException {
    for (Write write : writes) {
      write.to(store);
    }
  }

  private synchronized void record(Write write) {
    writes.add(write);
  }

  @Override
  public void put(EnrichedArticle article, Set<String> collections, String fingerprint, StoryEntry story)
      throws IOException {
    store.put(article, collections, fingerprint, story);
    record(other -> other.put(article, collections, fingerprint, story));
  }

  @Override
  public boolean delete(String id) throws IOException {
    boolean deleted = store.delete(id);
    record(other -> other.delete(id));
    return deleted;
  }

  @Override
  public void commit(Map<String, String> metadata) throws IOException {
    store.commit(metadata);
    Map<String, String> copy = Map.copyOf(metadata);
    record(other -> other.commit(copy));
  }

  @Override
  public String schemaVersion() {
    return store.schemaVersion();
  }

  @Override
  public Optional<String> fingerprint(String id) throws IOException {
    return store.fingerprint(id);
  }

  @Override
  public List<StoredVersion> versionsSharing(long[] bandKeys) throws IOException {
    return store.versionsSharing(bandKeys);
  }

  @Override
  public List<StoredVersion> versionsOf(Collection<String> ids) throws IOException {
    return store.versionsOf(ids);
  }

  @Override
  public long articlesWithBandKeys() throws IOException {
    return store.articlesWithBandKeys();
  }

  @Override
  public boolean forEachBandKey(LongConsumer each) throws IOException {
    return store.forEachBandKey(each);
  }

  @Override
  public void forEachOrigin(BiConsumer<String, String> each) throws IOException {
    store.forEachOrigin(each);
  }

  @Override
  public List<String> storyMembers(String storyId) throws IOException {
    return store.storyMembers(storyId);
  }

  @Override
  public Map<String, Written> written(Collection<String> ids) throws IOException {
    return store.written(ids);
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
