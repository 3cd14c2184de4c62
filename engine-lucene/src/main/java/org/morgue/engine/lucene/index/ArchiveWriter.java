package org.morgue.engine.lucene.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.ReaderUtil;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.morgue.search.AddedOrder;
import org.morgue.search.Arrivals;
import java.time.LocalDate;
import org.apache.lucene.search.ScoreDoc;
import org.morgue.search.StoredVersion;
import org.morgue.search.StoryEntry;
import org.morgue.search.ArchiveStore;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.morgue.article.ArticleJson;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.PublishedOrder;

/**
 * Writes enriched articles into an index folder. An article replaces any earlier version with the
 * same id, so indexing the same input twice leaves the same articles. Nothing is visible to
 * searchers until {@link #commit}; a process killed before then leaves the last commit intact.
 *
 * <p>{@link #put} may be called from several threads at once; the other methods are for one thread
 * at a time, with no {@code put} running during a {@link #commit}.
 *
 * <p>A write the file system refuses (full disk, read-only folder) is an {@link
 * IndexNotWritableException} naming the folder; the writer is then unusable, and closing it leaves
 * the last commit as it was.
 */
public final class ArchiveWriter implements ArchiveStore, Closeable {
  /** Commit metadata key: the schema version the index was written with. */
  public static final String SCHEMA_KEY = "morgue.schema";
  /** Commit metadata key: when the commit was made (ISO-8601 instant). */
  public static final String COMMITTED_AT_KEY = "morgue.committedAt";

  @Override
  public String schemaVersion() {
    return ArchiveSchema.VERSION;
  }

  /** What {@link #written} holds for an article deleted since the last commit; no fingerprint is empty. */
  private static final String DELETED = "";

  private final Path folder;
  private final Directory directory;
  private final IndexWriter writer;
  private final ArticleDocumentBuilder documents = new ArticleDocumentBuilder();
  /** The most articles {@link #versionsSharing} returns. */
  static final int MAX_SHARING = 100;
  private static final Set<String> STORED_VERSION_FIELDS = Set.of(ArchiveSchema.ID, ArchiveSchema.BODY);
  /** The index as last committed when this writer opened: where earlier fingerprints are looked up. */
  private DirectoryReader committed;
  /** Fingerprints written since the last commit, which the committed snapshot cannot see. */
  private final Map<String, String> written = new ConcurrentHashMap<>();
  /** The write ({@link AddedOrder}) each article put since the last commit entered the archive with. */
  private final Map<String, Entered> writtenWrites = new ConcurrentHashMap<>();
  /** The number of the write under way: what articles new to the archive get until the next commit. */
  private final AtomicLong write;
  /**
   * When an article new to the archive first took {@link #write} (milliseconds since 1970), or
   * {@link #NOT_TAKEN}: the articles of one write share its time, so times never disagree with the
   * order of writes; the next commit moves to another number.
   */
  private final AtomicLong writeBegan = new AtomicLong(NOT_TAKEN);
  private static final long NOT_TAKEN = Long.MIN_VALUE;

  /**
   * When each article was first received, kept beside the index so that a rebuild keeps it: consulted
   * for an article the index does not hold, and given the new arrivals before each commit.
   */
  private final Arrivals arrivals;
  /** Articles deleted since the last commit: the arrivals forget them with it. */
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();

  /** The write an article entered the archive with, and when that write began (milliseconds; 0: unknown). */
  private record Entered(long write, long at) {}

  private ArchiveWriter(Path folder, Directory directory, IndexWriter writer, DirectoryReader committed,
      Arrivals arrivals) throws IOException {
    this.folder = folder;
    this.directory = directory;
    this.writer = writer;
    this.committed = committed;
    this.arrivals = arrivals;
    if (arrivals.created() && committed != null) {
      arrivals.record(arrivalsIn(committed));
    }
    this.write = new AtomicLong(Math.max(lastWrite(committed), arrivals.lastWrite()) + 1);
  }

  /** The arrival of every article a committed index holds that has one: what an index written before arrivals were kept knows. */
  private static Map<String, Arrivals.Arrival> arrivalsIn(DirectoryReader reader) throws IOException {
    Map<String, Arrivals.Arrival> found = new HashMap<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      StoredFields stored = leaf.reader().storedFields();
      NumericDocValues added = DocValues.getNumeric(leaf.reader(), ArchiveSchema.ADDED);
      NumericDocValues at = DocValues.getNumeric(leaf.reader(), ArchiveSchema.ADDED_AT);
      org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if ((live != null && !live.get(doc)) || !added.advanceExact(doc)) {
          continue;
        }
        long time = at.advanceExact(doc) ? at.longValue() : 0;
        String id = stored.document(doc, Set.of(ArchiveSchema.ID)).get(ArchiveSchema.ID);
        found.put(id, new Arrivals.Arrival(AddedOrder.write(added.longValue()), time));
      }
    }
    return found;
  }

  /** The highest write number among the committed articles, deleted ones too (0 for none): numbers are never reused. */
  private static long lastWrite(DirectoryReader reader) throws IOException {
    if (reader == null) {
      return 0;
    }
    byte[] max = PointValues.getMaxPackedValue(reader, ArchiveSchema.ADDED);
    return max == null ? 0 : AddedOrder.write(LongPoint.decodeDimension(max, 0));
  }

  /**
   * Opens (or creates) the index in a folder.
   *
   * @throws IndexLockedException when another process is writing to the same index
   * @throws IndexNotWritableException when the folder cannot be created or written
   */
  public static ArchiveWriter open(Path folder) throws IOException {
    return open(folder, null);
  }

  /**
   * Opens (or creates) the index in a folder, with the record of when its articles were first received
   * in a file beside it ({@link Arrivals}; none when null): an article the index does not hold but the
   * record has keeps its arrival. A record new beside an index that holds articles first takes their
   * arrivals from it.
   *
   * @throws IndexLockedException when another process is writing to the same index
   * @throws IndexNotWritableException when the folder or the record cannot be created or written
   */
  public static ArchiveWriter open(Path folder, Path arrivalsFile) throws IOException {
    try {
      Files.createDirectories(folder);
    } catch (FileSystemException e) {
      throw new IndexNotWritableException(folder, e);
    }
    return open(folder, FSDirectory.open(folder), IndexWriterConfig.OpenMode.CREATE_OR_APPEND, arrivalsFile);
  }

  /**
   * Opens the index a folder holds, never creating one: what a running server reopens its writer with
   * after a failed write. Its folder moved away under it, {@link #open} made a new, empty index there,
   * which took the server's writes, passed its health check and was served by the next start.
   *
   * @throws IndexMissingException when the folder is gone or holds no committed index
   * @throws IndexLockedException when another process is writing to the same index
   */
  public static ArchiveWriter openExisting(Path folder, Path arrivalsFile) throws IOException {
    // Checked before the writer takes its lock, which would create the folder to hold write.lock.
    if (!Files.isDirectory(folder)) {
      throw new IndexMissingException(folder);
    }
    Directory directory = FSDirectory.open(folder);
    boolean exists;
    try {
      exists = DirectoryReader.indexExists(directory);
    } catch (NoSuchFileException | NotDirectoryException e) {
      exists = false; // gone between the two looks
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    if (!exists) {
      directory.close();
      throw new IndexMissingException(folder);
    }
    // APPEND as well: were the folder lost between these looks and the lock (whose factory makes the
    // folder again to hold write.lock), the writer fails rather than commit a new, empty index there.
    return open(folder, directory, IndexWriterConfig.OpenMode.APPEND, arrivalsFile);
  }

  private static ArchiveWriter open(Path folder, Directory directory, IndexWriterConfig.OpenMode mode,
      Path arrivalsFile) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(ArchiveSchema.analyzer());
    config.setOpenMode(mode);
    config.setRAMBufferSizeMB(64);
    config.setCodec(new ArchiveCodec());
    IndexWriter writer = null;
    try {
      writer = new IndexWriter(directory, config);
      DirectoryReader committed = DirectoryReader.indexExists(directory) ? DirectoryReader.open(directory) : null;
      // After the index: a folder that cannot be written is said as such, not as its neighbour.
      Arrivals arrivals;
      try {
        arrivals = arrivalsFile == null ? Arrivals.none() : Arrivals.open(arrivalsFile);
      } catch (FileSystemException e) {
        if (committed != null) {
          committed.close();
        }
        throw new IndexNotWritableException(arrivalsFile, e);
      }
      try {
        return new ArchiveWriter(folder, directory, writer, committed, arrivals);
      } catch (IOException | RuntimeException e) {
        arrivals.close();
        if (committed != null) {
          committed.close();
        }
        throw e;
      }
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexLockedException(folder, e);
    } catch (IOException | RuntimeException e) {
      try {
        if (writer != null) {
          writer.rollback();
        }
        directory.close();
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof FileSystemException fs) {
        throw new IndexNotWritableException(folder, fs);
      }
      throw e;
    }
  }

  /**
   * The fingerprint the index holds for an article id, counting what this writer has written
   * since it opened; empty when the index has no such article.
   */
  public Optional<String> fingerprint(String id) throws IOException {
    String recent = written.get(id);
    if (recent != null) {
      return recent.equals(DELETED) ? Optional.empty() : Optional.of(recent);
    }
    OptionalInt doc = committedDoc(id);
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(committed.storedFields()
        .document(doc.getAsInt(), Set.of(ArchiveSchema.FINGERPRINT)).get(ArchiveSchema.FINGERPRINT));
  }

  /** The committed snapshot's document of an article, if it has one. */
  private OptionalInt committedDoc(String id) throws IOException {
    if (committed == null) {
      return OptionalInt.empty();
    }
    TopDocs top = new IndexSearcher(committed).search(new TermQuery(new Term(ArchiveSchema.ID, id)), 1);
    return top.scoreDocs.length == 0 ? OptionalInt.empty() : OptionalInt.of(top.scoreDocs[0].doc);
  }

  /** A committed document's value of a numeric doc-values field, if it has one. */
  private OptionalLong committedLong(int doc, String field) throws IOException {
    List<LeafReaderContext> leaves = committed.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
    return values.advanceExact(doc - leaf.docBase) ? OptionalLong.of(values.longValue()) : OptionalLong.empty();
  }

  /**
   * Adds an article, or replaces the stored one with the same id, as a member of these collections:
   * the replaced document goes whole, so memberships it had and this put does not name go with it.
   */
  @Override
  public void put(EnrichedArticle article, Set<String> collections, String fingerprint, StoryEntry story)
      throws IOException {
    String id = article.article().id();
    Entered entered = writeOf(id);
    Document document = documents.build(article, collections, fingerprint, story);
    long added = AddedOrder.key(entered.write(), article.article().published());
    document.add(new LongPoint(ArchiveSchema.ADDED, added));
    document.add(new NumericDocValuesField(ArchiveSchema.ADDED, added));
    if (entered.at() != 0) {
      document.add(new LongPoint(ArchiveSchema.ADDED_AT, entered.at()));
      document.add(new StoredField(ArchiveSchema.ADDED_AT, entered.at()));
      document.add(new NumericDocValuesField(ArchiveSchema.ADDED_AT, entered.at()));
    }
    try {
      writer.updateDocument(new Term(ArchiveSchema.ID, id), document);
    } catch (IOException e) {
      throw new IndexNotWritableException(folder, e); // a flush of buffered documents failed
    }
    written.put(id, fingerprint);
    writtenWrites.put(id, entered);
  }

  /**
   * The write an article entered the archive with: the one it was first put in, or the write under
   * way for an article the archive does not hold (or held before this Morgue numbered writes).
   */
  private Entered writeOf(String id) throws IOException {
    Entered recent = writtenWrites.get(id);
    if (recent != null) {
      return recent;
    }
    if (!written.containsKey(id)) {
      OptionalInt doc = committedDoc(id);
      OptionalLong added = doc.isPresent() ? committedLong(doc.getAsInt(), ArchiveSchema.ADDED) : OptionalLong.empty();
      if (added.isPresent()) {
        return new Entered(AddedOrder.write(added.getAsLong()),
            committedLong(doc.getAsInt(), ArchiveSchema.ADDED_AT).orElse(0));
      }
      if (doc.isEmpty() && !deleted.contains(id)) {
        Optional<Arrivals.Arrival> first = arrivals.of(id);
        if (first.isPresent()) {
          return new Entered(first.get().write(), first.get().at());
        }
      }
    }
    // The witness, not a second read: a commit between the two would leave NOT_TAKEN to read.
    long now = System.currentTimeMillis();
    long began = writeBegan.compareAndExchange(NOT_TAKEN, now);
    return new Entered(write.get(), began == NOT_TAKEN ? now : began);
  }

  /**
   * The committed articles with any of these band keys, at most {@link #MAX_SHARING}: enough to
   * find a story among its copies (they all carry its id), few enough that text shared by thousands
   * of articles (a standard disclaimer as the whole body) costs a bounded number of comparisons.
   * Each is read from its stored id and body and its date's doc value, not from its stored JSON:
   * a new article can have a hundred candidates, and parsing their JSON was most of the look-up.
   */
  @Override
  public List<StoredVersion> versionsSharing(long[] bandKeys) throws IOException {
    if (committed == null || bandKeys.length == 0) {
      return List.of();
    }
    IndexSearcher searcher = new IndexSearcher(committed);
    TopDocs top = searcher.search(LongPoint.newSetQuery(ArchiveSchema.STORY_BAND, bandKeys), MAX_SHARING);
    List<StoredVersion> found = new ArrayList<>(top.scoreDocs.length);
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc hit : top.scoreDocs) {
      found.add(storedVersion(stored, hit.doc));
    }
    return found;
  }

  @Override
  public List<StoredVersion> versionsOf(Collection<String> ids) throws IOException {
    if (committed == null || ids.isEmpty()) {
      return List.of();
    }
    IndexSearcher searcher = new IndexSearcher(committed);
    StoredFields stored = searcher.storedFields();
    List<StoredVersion> found = new ArrayList<>(ids.size());
    for (String id : ids) {
      TopDocs top = searcher.search(new TermQuery(new Term(ArchiveSchema.ID, id)), 1);
      if (top.scoreDocs.length > 0) {
        found.add(storedVersion(stored, top.scoreDocs[0].doc));
      }
    }
    return found;
  }

  /** A committed document as a version of its story: its stored id and body, its doc values' story, date and write. */
  private StoredVersion storedVersion(StoredFields stored, int doc) throws IOException {
    Document document = stored.document(doc, STORED_VERSION_FIELDS);
    String body = document.get(ArchiveSchema.BODY);
    return new StoredVersion(StoryIds.of(committed, doc), document.get(ArchiveSchema.ID), published(doc),
        body == null ? "" : body, AddedOrder.write(committedLong(doc, ArchiveSchema.ADDED).orElse(0)));
  }

  /** A committed document's publication date, from its doc value. */
  private Optional<LocalDate> published(int doc) throws IOException {
    OptionalLong day = committedLong(doc, ArchiveSchema.PUBLISHED_ORDER);
    return day.isPresent() ? Optional.of(LocalDate.ofEpochDay(PublishedOrder.day(day.getAsLong()))) : Optional.empty();
  }

  /** Every document of the committed index, deleted ones too: their points stay until merged away. */
  @Override
  public long articlesWithBandKeys() {
    return committed == null ? 0 : committed.maxDoc();
  }

  /** Reads every band key point of the committed index: one pass over the points, no stored field. */
  @Override
  public boolean forEachBandKey(java.util.function.LongConsumer each) throws IOException {
    if (committed == null) {
      return true;
    }
    for (LeafReaderContext leaf : committed.leaves()) {
      org.apache.lucene.index.PointValues points = leaf.reader().getPointValues(ArchiveSchema.STORY_BAND);
      if (points == null) {
        continue;
      }
      points.intersect(new org.apache.lucene.index.PointValues.IntersectVisitor() {
        @Override
        public void visit(int doc) {
          throw new IllegalStateException("every cell crosses, so every value is visited with its bytes");
        }

        @Override
        public void visit(int doc, byte[] packedValue) {
          each.accept(LongPoint.decodeDimension(packedValue, 0));
        }

        @Override
        public org.apache.lucene.index.PointValues.Relation compare(byte[] min, byte[] max) {
          return org.apache.lucene.index.PointValues.Relation.CELL_CROSSES_QUERY;
        }
      });
    }
    return true;
  }

  @Override
  public void forEachOrigin(java.util.function.BiConsumer<String, String> each) throws IOException {
    if (committed == null) {
      return;
    }
    ArticleJson json = new ArticleJson();
    Set<String> fields = Set.of(ArchiveSchema.ID, ArchiveSchema.SOURCE_JSON);
    for (LeafReaderContext leaf : committed.leaves()) {
      org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
      org.apache.lucene.index.StoredFields stored = leaf.reader().storedFields();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          Document document = stored.document(doc, fields);
          each.accept(document.get(ArchiveSchema.ID), json.origin(document.getBinaryValue(ArchiveSchema.SOURCE_JSON).bytes));
        }
      }
    }
  }

  @Override
  public List<String> storyMembers(String storyId) throws IOException {
    if (committed == null) {
      return List.of();
    }
    IndexSearcher searcher = new IndexSearcher(committed);
    List<String> ids = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    Term story = new Term(ArchiveSchema.STORY, storyId);
    // Asked for every new story (is its id free?), so it must cost what the story holds, not the
    // index: a search for n hits fills a queue of n up front, so n is the term's doc count.
    int atMost = committed.docFreq(story);
    if (atMost == 0) {
      return List.of();
    }
    for (ScoreDoc hit : searcher.search(new TermQuery(story), atMost).scoreDocs) {
      ids.add(stored.document(hit.doc, Set.of(ArchiveSchema.ID)).get(ArchiveSchema.ID));
    }
    return ids;
  }

  /**
   * Read through a near-real-time reader of the writer, which sees the writes since the last commit
   * (it flushes them to a segment, and publishes nothing): a merge of stories re-files versions
   * written moments before.
   */
  @Override
  public Map<String, Written> written(Collection<String> ids) throws IOException {
    Map<String, Written> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    ArticleJson json = new ArticleJson();
    Set<String> fields = Set.of(ArchiveSchema.SOURCE_JSON, ArchiveSchema.BODY, ArchiveSchema.FINGERPRINT);
    DirectoryReader recent;
    try {
      recent = DirectoryReader.open(writer);
    } catch (IOException e) {
      throw new IndexNotWritableException(folder, e); // opening it flushes the buffered documents
    }
    try (recent) {
      IndexSearcher searcher = new IndexSearcher(recent);
      StoredFields stored = searcher.storedFields();
      for (String id : ids) {
        TopDocs top = searcher.search(new TermQuery(new Term(ArchiveSchema.ID, id)), 1);
        if (top.scoreDocs.length > 0) {
          Document document = stored.document(top.scoreDocs[0].doc, fields);
          String body = document.get(ArchiveSchema.BODY);
          found.put(id, new Written(json.read(document.getBinaryValue(ArchiveSchema.SOURCE_JSON).bytes,
              body == null ? "" : body), document.get(ArchiveSchema.FINGERPRINT)));
        }
      }
    }
    return found;
  }

  /** Removes the article with this id; says whether the index held it. */
  public boolean delete(String id) throws IOException {
    boolean present = fingerprint(id).isPresent();
    writer.deleteDocuments(new Term(ArchiveSchema.ID, id));
    written.remove(id);
    writtenWrites.remove(id);
    if (present) {
      deleted.add(id);
    }
    if (committed != null && present) {
      // The snapshot would still report the deleted article; forget it for this writer.
      written.put(id, DELETED);
    }
    return present;
  }

  /** Removes every article: the first step of a full rebuild. */
  public void deleteAll() throws IOException {
    writer.deleteAll();
    written.clear();
    writtenWrites.clear();
    deleted.clear();
    if (committed != null) {
      committed.close();
      committed = null;
    }
  }

  /** Makes everything written so far durable and visible, recording the given metadata with it. */
  public void commit(Map<String, String> metadata) throws IOException {
    Map<String, String> data = new HashMap<>(metadata);
    data.put(SCHEMA_KEY, ArchiveSchema.VERSION);
    data.put(COMMITTED_AT_KEY, java.time.Instant.now().toString());
    writer.setLiveCommitData(data.entrySet());
    // Before the commit: a committed article whose arrival was lost would be received anew at a rebuild.
    // Deleted ones go first, so that one deleted and put again since the last commit is a new arrival.
    Map<String, Arrivals.Arrival> arrived = new HashMap<>();
    writtenWrites.forEach((id, entered) -> arrived.put(id, new Arrivals.Arrival(entered.write(), entered.at())));
    try {
      arrivals.forget(deleted);
      arrivals.record(arrived);
    } catch (IOException e) {
      throw new IndexNotWritableException(arrivals.file().orElse(folder), e);
    }
    deleted.clear();
    try {
      writer.commit();
    } catch (IOException e) {
      throw new IndexNotWritableException(folder, e);
    }
    // The snapshot now holds everything written: look fingerprints up there again, so a writer held
    // open for long (the server's) does not remember every id it ever wrote.
    DirectoryReader fresh = committed == null ? DirectoryReader.open(directory) : DirectoryReader.openIfChanged(committed);
    if (fresh != null) {
      if (committed != null) {
        committed.close();
      }
      committed = fresh;
    }
    written.clear();
    writtenWrites.clear();
    if (writeBegan.getAndSet(NOT_TAKEN) != NOT_TAKEN) {
      write.incrementAndGet();
    }
  }

  /** The metadata of the last commit of the index in a folder, or empty when there is no index. */
  public static Optional<Map<String, String>> lastCommitData(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Directory directory = FSDirectory.open(folder)) {
      if (!DirectoryReader.indexExists(directory)) {
        return Optional.empty();
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        return Optional.of(reader.getIndexCommit().getUserData());
      }
    }
  }

  /** Closes without committing what was written since the last commit. */
  @Override
  public void close() throws IOException {
    try (arrivals; directory) {
      if (committed != null) {
        committed.close();
      }
      writer.rollback();
    }
  }
}
