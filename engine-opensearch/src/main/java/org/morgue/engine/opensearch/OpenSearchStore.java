package org.morgue.engine.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.morgue.search.AddedOrder;
import org.morgue.search.Arrivals;
import java.util.HashMap;
import java.util.List;
import org.morgue.article.EnrichedArticle;
import org.morgue.engine.lucene.index.ArchiveSchema;
import org.morgue.search.StoredVersion;
import org.morgue.search.StoryEntry;
import org.morgue.search.ArchiveStore;

/**
 * The writing side over a cluster: articles go out in bulk requests (see {@link BulkWriter}) to the
 * index behind the archive's alias, and a commit waits for every write, refreshes the index so the
 * next search sees them, and records the commit's metadata.
 *
 * <p>Invariants: the index's periodic refresh is off (see {@code mapping.json}), so as with the
 * embedded engine nothing written is searchable before a commit; fingerprints of writes not yet
 * committed are kept here, and the rest are read with a real-time get, which sees every write the
 * cluster acknowledged (or, for a store that opened on an empty index, known without asking: one
 * writer at a time is the contract). Unlike the embedded engine, closing without a commit does not roll back what
 * was already sent: it becomes searchable at the next commit, from this or any other writer.
 */
public final class OpenSearchStore implements ArchiveStore {
  /** What {@link #written} holds for an article deleted since the last commit. */
  private static final String DELETED = "";

  private final ArchiveIndex index;
  private final ClusterConnection connection;
  private final BulkWriter bulk;
  /** Documents made for {@link #document}: one JSON mapper for every call, as making one costs far more than using it. */
  private static final ArticleDocument DOCUMENTS = new ArticleDocument();
  private final ArticleDocument documents = new ArticleDocument();
  private final Map<String, String> written = new ConcurrentHashMap<>();
  /** The write ({@link AddedOrder}) each article in {@link #written} entered the archive with, kept as long as it is. */
  private final Map<String, Entered> writes = new ConcurrentHashMap<>();
  /**
   * The writes {@link #fingerprint} read on its way ({@link Entered#NONE} for an article the index
   * does not hold, or holds without a number), so the put that follows it needs no second round trip.
   */
  private final Map<String, Entered> lookedUp = new ConcurrentHashMap<>();
  /** The number of the write under way: what articles new to the archive get until the next commit. */
  private final AtomicLong write;
  /**
   * When an article new to the archive first took {@link #write} (milliseconds since 1970), or
   * {@link #NOT_TAKEN}, as the embedded store keeps it: the articles of one write share its time, and
   * the next commit moves to another number.
   */
  private final AtomicLong writeBegan = new AtomicLong(NOT_TAKEN);
  private static final long NOT_TAKEN = Long.MIN_VALUE;
  /**
   * Whether the index held nothing when this store opened: then every fingerprint is one this store
   * wrote, kept in {@link #written} for the store's life, and loading a new archive asks the cluster
   * for none (a get per article would be a round trip per article for a certain "not found").
   */
  private final boolean startedEmpty;
  /** Whether this store has committed: from then on the index holds articles to look up. */
  private volatile boolean committed;
  /** The most articles {@link #versionsSharing} returns (the embedded store's {@code ArchiveWriter.MAX_SHARING}). */
  static final int MAX_SHARING = 100;
  /** The most committed articles whose band keys {@link #forEachBandKey} reads (one scan of them per run). */
  static final long MAX_KEY_SCAN = 250_000;
  /** Story members read in one search; a larger story is scanned. */
  private static final int MEMBERS_PAGE = 1_000;

  /**
   * When each article was first received, kept beside the archive (as the embedded store keeps it) so
   * that a rebuild into a new index keeps it: consulted for an article the index does not hold, and
   * given the new arrivals before each commit.
   */
  private final Arrivals arrivals;
  /** The arrivals of the articles put since the last commit, which the commit records. */
  private final Map<String, Entered> arrived = new ConcurrentHashMap<>();
  /** Articles deleted since the last commit: the arrivals forget them with it. */
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();

  private OpenSearchStore(ArchiveIndex index, String concreteIndex, Arrivals arrivals) throws IOException {
    this.index = index;
    this.connection = index.connection();
    this.arrivals = arrivals;
    this.bulk = new BulkWriter(connection, concreteIndex);
    // Refreshed first: writes an interrupted run sent but never committed count as there.
    connection.send("POST", "/" + concreteIndex + "/_refresh", null);
    this.startedEmpty = connection.send("GET", "/" + concreteIndex + "/_count", null).path("count").asLong() == 0;
    this.write = new AtomicLong(Math.max(startedEmpty ? 0 : lastWrite(concreteIndex), arrivals.lastWrite()) + 1);
  }

  /**
   * A record of arrivals new beside an archive that holds articles takes theirs from it first: an
   * archive written before arrivals were kept knows them only in its index, which a rebuild drops.
   */
  private static void keepArrivals(ArchiveIndex index, Arrivals arrivals) throws IOException {
    if (!arrivals.created() || !index.exists()) {
      return;
    }
    Map<String, Arrivals.Arrival> found = new HashMap<>();
    new IndexScan(index.connection(), index.alias(), null, null)
        .withSourceIncludes(ArticleDocument.ID, ArticleDocument.ADDED, ArticleDocument.ADDED_AT)
        .forEach(hit -> {
          JsonNode source = hit.path("_source");
          if (source.path(ArticleDocument.ADDED).canConvertToLong()) {
            found.put(source.path(ArticleDocument.ID).asText(), new Arrivals.Arrival(
                AddedOrder.write(source.path(ArticleDocument.ADDED).asLong()), source.path(ArticleDocument.ADDED_AT).asLong(0)));
          }
        });
    arrivals.record(found);
  }

  /** The highest write number among the index's articles (0 for none). */
  private long lastWrite(String concreteIndex) throws IOException {
    ObjectNode body = ClusterConnection.object();
    body.put("size", 1).put("_source", false);
    body.putArray("sort").addObject().putObject(ArticleDocument.ADDED).put("order", "desc").put("missing", "_last");
    body.putObject("query").putObject("exists").put("field", ArticleDocument.ADDED);
    JsonNode hits = connection.send("POST", "/" + concreteIndex + "/_search", body).path("hits").path("hits");
    return hits.isEmpty() ? 0 : AddedOrder.write(hits.get(0).path("sort").path(0).asLong());
  }

  /**
   * The document {@link #put} sends for an article, for a tool that bulk-loads documents made
   * elsewhere: the bench's yardstick (issue #21) makes them from an embedded archive, so OpenSearch's
   * own bulk of enriched articles is timed on exactly what this store would have written.
   */
  public static ObjectNode document(EnrichedArticle article, Set<String> collections, String fingerprint,
      StoryEntry story) {
    ObjectNode document = DOCUMENTS.build(article, collections, fingerprint, story);
    // As the first write of a new archive numbers it, which is what the yardstick's load is.
    document.put(ArticleDocument.ADDED, AddedOrder.key(1, article.article().published()));
    document.put(ArticleDocument.ADDED_AT, System.currentTimeMillis());
    return document;
  }

  /** Opens the store on an archive, creating its index or moving it to the current mapping first. */
  public static OpenSearchStore open(ArchiveIndex index) throws IOException {
    return open(index, Arrivals.none());
  }

  /**
   * The same, with the record of when the archive's articles were first received (the store closes it):
   * an article the index does not hold but the record has keeps its arrival.
   */
  public static OpenSearchStore open(ArchiveIndex index, Arrivals arrivals) throws IOException {
    return open(index, arrivals, index::prepare);
  }

  /**
   * Opens the store on the archive behind the alias, never creating one (see {@link
   * ArchiveIndex#prepareExisting}): what a running server reopens its store with after a failed write.
   *
   * @throws org.morgue.search.ArchiveGoneException when the archive's index is gone from the cluster
   */
  public static OpenSearchStore openExisting(ArchiveIndex index, Arrivals arrivals) throws IOException {
    return open(index, arrivals, index::prepareExisting);
  }

  /** Opens the store on a new, empty index that the archive's alias now points to (see {@link ArchiveIndex#prepareEmpty}). */
  public static OpenSearchStore openEmpty(ArchiveIndex index) throws IOException {
    return openEmpty(index, Arrivals.none());
  }

  /** The same, with the record of arrivals, which keeps those of the articles the dropped index held. */
  public static OpenSearchStore openEmpty(ArchiveIndex index, Arrivals arrivals) throws IOException {
    return open(index, arrivals, index::prepareEmpty);
  }

  /** How a store finds the index it writes to: created, required, or made anew. */
  @FunctionalInterface
  private interface Preparation {
    String concreteIndex() throws IOException;
  }

  private static OpenSearchStore open(ArchiveIndex index, Arrivals arrivals, Preparation preparation) throws IOException {
    try {
      keepArrivals(index, arrivals);
      return new OpenSearchStore(index, preparation.concreteIndex(), arrivals);
    } catch (IOException | RuntimeException e) {
      closeAfter(e, arrivals);
      throw e;
    }
  }

  private static void closeAfter(Exception e, Arrivals arrivals) {
    try {
      arrivals.close();
    } catch (IOException suppressed) {
      e.addSuppressed(suppressed);
    }
  }

  @Override
  public String schemaVersion() {
    return "opensearch-" + ArchiveIndex.MAPPING_VERSION;
  }

  @Override
  public Optional<String> fingerprint(String id) throws IOException {
    String pending = written.get(id);
    if (pending != null) {
      return pending.equals(DELETED) ? Optional.empty() : Optional.of(pending);
    }
    if (startedEmpty) {
      return Optional.empty();
    }
    Stored stored = read(id);
    lookedUp.put(id, stored.entered());
    return stored.fingerprint();
  }

  /** What the index holds of an article: its fingerprint, and the write it entered with. */
  private record Stored(Optional<String> fingerprint, Entered entered) {}

  /** The write an article entered the archive with ({@code -1} for none), and when it began (milliseconds; 0: unknown). */
  private record Entered(long write, long at) {
    static final Entered NONE = new Entered(-1, 0);
  }

  /** Reads an article's fingerprint and write with a real-time get, which sees every acknowledged write. */
  private Stored read(String id) throws IOException {
    try {
      JsonNode doc = connection.send("GET", "/" + index.alias() + "/_doc/" + encode(id),
          Map.of("_source_includes", String.join(",", ArticleDocument.FINGERPRINT, ArticleDocument.ADDED,
              ArticleDocument.ADDED_AT), "realtime", "true"),
          null, "application/json");
      if (!doc.path("found").asBoolean(false)) {
        return new Stored(Optional.empty(), Entered.NONE);
      }
      JsonNode source = doc.path("_source");
      JsonNode added = source.path(ArticleDocument.ADDED);
      return new Stored(Optional.of(source.path(ArticleDocument.FINGERPRINT).asText()), !added.canConvertToLong()
          ? Entered.NONE : new Entered(AddedOrder.write(added.asLong()), source.path(ArticleDocument.ADDED_AT).asLong(0)));
    } catch (ClusterException e) {
      if (e.status() == 404) {
        return new Stored(Optional.empty(), Entered.NONE);
      }
      throw e;
    }
  }

  /**
   * The write an article entered the archive with: the one it was first put in, or the write under
   * way for an article the archive does not hold (or holds from before writes were numbered).
   */
  private Entered writeOf(String id) throws IOException {
    Entered recent = writes.get(id);
    if (recent != null) {
      return recent;
    }
    Entered looked = lookedUp.remove(id);
    if (looked == null && !written.containsKey(id) && !startedEmpty) {
      looked = read(id).entered();
    }
    if (looked != null && looked.write() >= 0) {
      return looked;
    }
    Optional<Arrivals.Arrival> first = deleted.contains(id) ? Optional.empty() : arrivals.of(id);
    if (first.isPresent()) {
      return new Entered(first.get().write(), first.get().at());
    }
    // The witness, not a second read: a commit between the two would leave NOT_TAKEN to read.
    long now = System.currentTimeMillis();
    long began = writeBegan.compareAndExchange(NOT_TAKEN, now);
    return new Entered(write.get(), began == NOT_TAKEN ? now : began);
  }

  /**
   * The committed articles with any of these band keys, at most {@link #MAX_SHARING} (as the
   * embedded store answers, and for the same reason: a story is found among a few of its copies, and
   * text shared by thousands of articles costs a bounded number of comparisons). One {@code terms}
   * query on the indexed band keys, against the index as the last commit's refresh left it.
   */
  @Override
  public List<StoredVersion> versionsSharing(long[] bandKeys) throws IOException {
    if (bandKeys.length == 0 || nothingCommitted()) {
      return List.of();
    }
    ObjectNode body = ClusterConnection.object();
    ArrayNode keys = body.putObject("query").putObject("terms").putArray(ArticleDocument.STORY_BAND);
    for (long key : bandKeys) {
      keys.add(key);
    }
    return storedVersions(body, MAX_SHARING);
  }

  /** One {@code terms} query on the ids, against the index as the last commit's refresh left it. */
  @Override
  public List<StoredVersion> versionsOf(java.util.Collection<String> ids) throws IOException {
    if (ids.isEmpty() || nothingCommitted()) {
      return List.of();
    }
    ObjectNode body = ClusterConnection.object();
    ArrayNode terms = body.putObject("query").putObject("terms").putArray(ArticleDocument.ID);
    ids.forEach(terms::add);
    return storedVersions(body, ids.size());
  }

  /** The versions a query finds, up to {@code size}, each read from the few source fields deciding a copy takes. */
  private List<StoredVersion> storedVersions(ObjectNode query, int size) throws IOException {
    query.put("size", size);
    query.put("track_total_hits", false);
    query.putObject("_source").putArray("includes").add(ArticleDocument.ID).add(ArticleDocument.STORY)
        .add(ArticleDocument.ARTICLE).add(ArchiveSchema.BODY).add(ArticleDocument.ADDED);
    List<StoredVersion> found = new ArrayList<>();
    for (JsonNode hit : search(query).path("hits").path("hits")) {
      JsonNode source = hit.path("_source");
      org.morgue.article.Article article = documents.summary(source).article();
      found.add(new StoredVersion(ArticleDocument.storyId(source), article.id(), article.published(), article.body(),
          AddedOrder.write(source.path(ArticleDocument.ADDED).asLong(0))));
    }
    return found;
  }

  /**
   * The committed articles whose keys {@link #forEachBandKey} would read: none while nothing is
   * committed, otherwise one count. An archive larger than {@link #MAX_KEY_SCAN} articles is not
   * scanned (-1), since the first article a server writes would wait for the scan: every look-up then
   * goes to {@link #versionsSharing}, as before.
   */
  @Override
  public long articlesWithBandKeys() throws IOException {
    if (nothingCommitted()) {
      return 0;
    }
    long articles = connection.send("GET", "/" + index.alias() + "/_count", null).path("count").asLong();
    return articles > MAX_KEY_SCAN ? -1 : articles;
  }

  /**
   * Visits the band keys of every committed article, so the pipeline's filter can rule out the keys
   * no article holds: without it, every article written after the first commit asked the cluster
   * for copies, a search round trip each (a 100k bulk load into a one-node cluster ran at 150
   * articles/s). One scan of the stored keys, no source; none when {@link #articlesWithBandKeys}
   * says the archive is too large to scan.
   */
  @Override
  public boolean forEachBandKey(java.util.function.LongConsumer each) throws IOException {
    long articles = articlesWithBandKeys();
    if (articles <= 0) {
      return articles == 0;
    }
    new IndexScan(connection, index.alias(), null, null).withStoredFieldsOnly(ArticleDocument.STORY_BAND)
        .forEachPage(page -> {
          for (JsonNode hit : page) {
            for (JsonNode key : hit.path("fields").path(ArticleDocument.STORY_BAND)) {
              each.accept(key.asLong());
            }
          }
        });
    return true;
  }

  /** The committed articles filed under a story: one search, or a scan for a story of more versions than a page holds. */
  @Override
  public void forEachOrigin(java.util.function.BiConsumer<String, String> each) throws IOException {
    if (nothingCommitted()) {
      return;
    }
    String origin = ArticleDocument.ARTICLE + ".article.origin";
    new IndexScan(connection, index.alias(), null, null).withSourceIncludes(ArticleDocument.ID, origin)
        .forEach(hit -> each.accept(hit.path("_source").path(ArticleDocument.ID).asText(),
            hit.path("_source").path(ArticleDocument.ARTICLE).path("article").path("origin").asText("")));
  }

  @Override
  public List<String> storyMembers(String storyId) throws IOException {
    if (nothingCommitted()) {
      return List.of();
    }
    ObjectNode query = ClusterConnection.object();
    query.putObject("term").put(ArticleDocument.STORY, storyId);
    ObjectNode body = ClusterConnection.object();
    body.set("query", query);
    body.put("size", MEMBERS_PAGE);
    body.put("track_total_hits", true);
    body.putObject("_source").putArray("includes").add(ArticleDocument.ID);
    JsonNode hits = search(body).path("hits");
    List<String> ids = new ArrayList<>();
    if (hits.path("total").path("value").asLong() > MEMBERS_PAGE) {
      new IndexScan(connection, index.alias(), query, null).forEach(hit -> ids.add(hit.path("_source").path(ArticleDocument.ID).asText()));
      return ids;
    }
    hits.path("hits").forEach(hit -> ids.add(hit.path("_source").path(ArticleDocument.ID).asText()));
    return ids;
  }

  /**
   * The bulk requests sent first, then one real-time multi-get, which sees every acknowledged write
   * without a refresh: nothing becomes searchable before the commit.
   */
  @Override
  public Map<String, Written> written(java.util.Collection<String> ids) throws IOException {
    Map<String, Written> found = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    bulk.flush();
    ObjectNode body = ClusterConnection.object();
    ArrayNode wanted = body.putArray("ids");
    ids.forEach(wanted::add);
    JsonNode answer = connection.send("POST", "/" + index.alias() + "/_mget", Map.of("realtime", "true"),
        body.toString(), "application/json");
    for (JsonNode doc : answer.path("docs")) {
      if (doc.path("found").asBoolean(false)) {
        JsonNode source = doc.path("_source");
        found.put(doc.path("_id").asText(), new Written(documents.article(source),
            source.path(ArticleDocument.FINGERPRINT).asText()));
      }
    }
    return found;
  }

  /**
   * Whether no article is committed yet: a store that opened on an empty index and has not
   * committed (one writer at a time) knows without asking, which spares a first load two searches
   * per article.
   */
  private boolean nothingCommitted() {
    return startedEmpty && !committed;
  }

  private JsonNode search(ObjectNode body) throws IOException {
    return connection.send("POST", "/" + index.alias() + "/_search", body);
  }

  @Override
  public void put(EnrichedArticle article, Set<String> collections, String fingerprint, StoryEntry story)
      throws IOException {
    String id = article.article().id();
    Entered entered = writeOf(id);
    ObjectNode document = documents.build(article, collections, fingerprint, story);
    document.put(ArticleDocument.ADDED, AddedOrder.key(entered.write(), article.article().published()));
    if (entered.at() != 0) {
      document.put(ArticleDocument.ADDED_AT, entered.at());
    }
    bulk.index(id, document);
    written.put(id, fingerprint);
    writes.put(id, entered);
    arrived.put(id, entered);
  }

  @Override
  public boolean delete(String id) throws IOException {
    boolean present = fingerprint(id).isPresent();
    if (present) {
      bulk.delete(id);
      written.put(id, DELETED);
      writes.remove(id);
      arrived.remove(id);
      deleted.add(id);
      lookedUp.remove(id); // put again before the commit, it is new to the archive
    }
    return present;
  }

  /**
   * Waits until every write is applied, then refreshes the index so searches see them, and records
   * the metadata. The cluster's translog has made each acknowledged write durable already.
   */
  @Override
  public void commit(Map<String, String> metadata) throws IOException {
    bulk.flush();
    // Before the commit is recorded: a committed article whose arrival was lost would be received anew
    // at a rebuild. Deleted ones go first, so that one deleted and put again is a new arrival.
    arrivals.forget(deleted);
    deleted.clear();
    Map<String, Arrivals.Arrival> toRecord = new HashMap<>();
    arrived.forEach((id, entered) -> toRecord.put(id, new Arrivals.Arrival(entered.write(), entered.at())));
    arrivals.record(toRecord);
    arrived.clear();
    connection.send("POST", "/" + index.alias() + "/_refresh", null);
    index.recordCommit(metadata);
    committed = true;
    if (!startedEmpty) {
      written.clear();
      writes.clear();
    }
    lookedUp.clear();
    if (writeBegan.getAndSet(NOT_TAKEN) != NOT_TAKEN) {
      write.incrementAndGet();
    }
  }

  @Override
  public void close() throws IOException {
    try (arrivals) {
      bulk.close();
    }
  }

  static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
