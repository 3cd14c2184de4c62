package org.morgue.indexer.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.MatchResult;
import org.morgue.article.Article;
import org.morgue.article.ArticleIdForms;
import org.morgue.article.EnrichedArticle;
import org.morgue.article.FieldLengths;
import org.morgue.indexer.story.CopyDetection;
import org.morgue.indexer.enrich.ArticleEnricher;
import org.morgue.search.ArchiveStore;
import org.morgue.search.StoryEntry;
import org.morgue.article.ArticleJson;
import org.morgue.indexer.source.ArticleFiles;
import org.morgue.indexer.source.ArticleSink;
import org.morgue.indexer.source.ReadWarning;
import org.morgue.indexer.source.MalformedArticleException;
import org.morgue.indexer.source.SkipReason;
import org.morgue.indexer.source.SinkFailedException;

/**
 * Reads files, enriches every article in them and writes it to the index, counting as it goes.
 *
 * <p>An article whose fingerprint (its content as read, plus the Morgue build) matches the one in
 * the index is counted as unchanged and not enriched or written again, so re-running a command is
 * cheap. The run commits every {@link #COMMIT_EVERY} articles (or as configured): killed at any moment, the index keeps
 * everything up to the last commit, and running the same command again completes it.
 *
 * <p><b>Threads.</b> With more than one thread, the calling thread reads and parses the files,
 * fingerprints each article and looks it up, and hands the articles to be written to the worker
 * threads, which enrich them and add them to the one (thread-safe) index writer; each article's story
 * is decided on the calling thread, in reading order, so a story is named after its first version in
 * the files however the workers finish. At most a few
 * dozen articles per thread wait in between, so memory stays flat however large the input. Before
 * each commit the workers finish what they hold, so a commit still holds exactly the first N
 * written articles in reading order; so does a second article with an id already on its way, so
 * the later version wins as it would on one thread. With one thread everything runs on the
 * calling thread.
 */
public final class ArchiveIndexer {
  /** Commit metadata key: {@code false} while a run is still going, {@code true} once it ended. */
  public static final String COMPLETE_KEY = "morgue.complete";
  /**
   * Articles between intermediate commits, unless told otherwise. Each commit stops the workers
   * (they drain first, so a commit holds exactly the first N articles read) while the segments are
   * flushed and synced: at 5,000, a 100k bulk load spent about a tenth of its time there
   * (docs/benchmarks.md, "Indexing speed and size"). At 25,000 a killed run redoes at most about
   * half a minute of work on two cores.
   */
  public static final int COMMIT_EVERY = 25_000;
  /** Threads that enrich and write, unless told otherwise: one per available processor. */
  public static final int DEFAULT_THREADS = Runtime.getRuntime().availableProcessors();
  /** Articles that may wait for a worker, per thread: enough to keep workers busy, few enough to bound memory. */
  private static final int QUEUED_PER_THREAD = 32;

  private final ArticleFiles files;
  private final ArticleEnricher enricher;
  private final ArticleJson json = new ArticleJson();
  private final byte[] build = buildStamp();
  private final int commitEvery;
  private final int threads;
  private final ArticleCuration curation;
  /** Files each written article under its story; one per indexer, so the server's writes share it. */
  private final StoryDesk stories;
  /** False only in the bench's baseline ({@link #withoutStoryDetection()}). */
  private final boolean detectsStories;
  /** Separates a stored fingerprint's source part from the curation's stamp. */
  private static final String CURATION_STAMP = "+c";

  /** An indexer that commits every {@link #COMMIT_EVERY} articles on {@link #DEFAULT_THREADS} threads. */
  public ArchiveIndexer(ArticleFiles files, ArticleEnricher enricher) {
    this(files, enricher, COMMIT_EVERY);
  }

  /** An indexer that commits every {@code commitEvery} written articles, on {@link #DEFAULT_THREADS} threads. */
  public ArchiveIndexer(ArticleFiles files, ArticleEnricher enricher, int commitEvery) {
    this(files, enricher, commitEvery, DEFAULT_THREADS);
  }

  /**
   * An indexer that commits every {@code commitEvery} written articles and enriches and writes on
   * {@code threads} threads (1: all on the calling thread).
   */
  public ArchiveIndexer(ArticleFiles files, ArticleEnricher enricher, int commitEvery, int threads) {
    this(files, enricher, commitEvery, threads, ArticleCuration.NONE);
  }

  /** The same, writing every article as a curator's decisions have it. */
  public ArchiveIndexer(ArticleFiles files, ArticleEnricher enricher, int commitEvery, int threads,
      ArticleCuration curation) {
    this(files, enricher, commitEvery, threads, curation, true);
  }

  private ArchiveIndexer(ArticleFiles files, ArticleEnricher enricher, int commitEvery, int threads,
      ArticleCuration curation, boolean detectsStories) {
    if (commitEvery < 1) {
      throw new IllegalArgumentException("commitEvery must be at least 1, not " + commitEvery);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    this.files = files;
    this.enricher = enricher;
    this.commitEvery = commitEvery;
    this.threads = threads;
    this.curation = curation;
    this.detectsStories = detectsStories;
    this.stories = new StoryDesk(CopyDetection.STANDARD, curation);
  }

  /**
   * The same indexer with story detection off: every article is written as a story of its own
   * ({@link StoryEntry#alone}: its own id as story id, no band keys), without signing or looking up
   * anything. For the bench only ({@code morgue bench stories}), which measures what detection adds
   * to indexing by indexing the same articles both ways; an archive written this way groups nothing,
   * and copies indexed into it later cannot find its articles.
   */
  public ArchiveIndexer withoutStoryDetection() {
    return new ArchiveIndexer(files, enricher, commitEvery, threads, curation, false);
  }

  /** How many threads enrich and write. */
  public int threads() {
    return threads;
  }

  /** Indexes without showing progress. */
  public IndexReport index(List<Path> paths, ArchiveStore writer, Map<String, String> commitData)
      throws IOException {
    return index(paths, writer, commitData, IndexProgress.SILENT);
  }

  /**
   * Indexes every article under the paths. Commits along the way with {@code commitData} and
   * {@link #COMPLETE_KEY} false, and at the end with it true. A bad file or record is skipped and
   * reported; it never stops the run.
   *
   * @throws IOException when the index cannot be written, or a path does not exist
   */
  public IndexReport index(List<Path> paths, ArchiveStore writer, Map<String, String> commitData, IndexProgress progress)
      throws IOException {
    return index(paths, writer, commitData, progress, false);
  }

  /**
   * Indexes as {@link #index(List, ArchiveStore, Map, IndexProgress)} does and, when {@code findGone},
   * also reports the articles the archive read before from files under the folders among the paths
   * whose files are gone, or were read in this run and no longer give them (a record taken out of a
   * batch, a renamed file's old name, a page without a URL whose edit gave it a new id). They are
   * kept: a folder missing a file is as often a mistake as a decision. A file skipped in this run
   * (unreadable, say) leaves its articles alone. One pass over the archive's stored articles.
   */
  public IndexReport index(List<Path> paths, ArchiveStore writer, Map<String, String> commitData, IndexProgress progress,
      boolean findGone) throws IOException {
    long start = System.nanoTime();
    ArticleFiles.FileWalk walk = files.walk(paths);
    List<Path> inputs = walk.files();
    try (Counter counter = new Counter(writer, commitData)) {
      walk.skipped().forEach(counter::reject);
      progress.started(inputs.size());
      try {
        int done = 0;
        for (Path file : inputs) {
          files.read(file, counter);
          progress.advanced(++done, counter.articles());
        }
        counter.drain();
      } catch (SinkFailedException e) {
        throw e.getCause();
      } finally {
        progress.finished();
      }
      commit(writer, withComplete(commitData, true));
      List<IndexReport.GoneArticle> gone = findGone ? counter.gone(paths) : List.of();
      return new IndexReport(inputs.size(), counter.added.get(), counter.updated.get(), counter.unchanged.get(),
          counter.skipped(), counter.warnings(), Duration.ofNanos(System.nanoTime() - start), gone, walk.savedPages(),
          counter.copies);
    }
  }

  private static Map<String, String> withComplete(Map<String, String> commitData, boolean complete) {
    Map<String, String> data = new HashMap<>(commitData);
    data.put(COMPLETE_KEY, Boolean.toString(complete));
    return data;
  }

  /**
   * The article under the form of its id the store holds it in, when that is another Unicode form
   * than the one given ({@link ArticleIdForms}): "José-report" sent decomposed then replaces the
   * precomposed article, where it was added as a second article that reads and deletes answered as
   * the first (a developer's trial, session 43). An id held as given, or in no form, is kept as given:
   * ids are stored as their source first wrote them, so curation records naming them stay true.
   */
  public Article held(Article article, ArchiveStore writer) throws IOException {
    return article.withId(heldId(article.id(), writer));
  }

  /** The form of {@code id} the store holds an article under, or {@code id} itself when it holds none. */
  public static String heldId(String id, ArchiveStore writer) throws IOException {
    List<String> forms = ArticleIdForms.of(id);
    if (forms.size() == 1 || writer.fingerprint(id).isPresent()) {
      return id;
    }
    for (String form : forms.subList(1, forms.size())) {
      if (writer.fingerprint(form).isPresent()) {
        return form;
      }
    }
    return id;
  }

  /**
   * Writes one article unless the index already holds it exactly as given (same fingerprint), in
   * which case it is neither enriched nor written. Does not commit.
   */
  public WriteOutcome write(Article article, ArchiveStore writer) throws IOException {
    String fingerprint = fingerprint(article, writer.schemaVersion());
    Optional<String> existing = writer.fingerprint(article.id());
    if (existing.isPresent() && sourcePart(existing.get()).equals(fingerprint)) {
      return WriteOutcome.UNCHANGED;
    }
    put(article, writer, fingerprint);
    return existing.isPresent() ? WriteOutcome.UPDATED : WriteOutcome.ADDED;
  }

  /**
   * Writes an article the index already holds again, as the curation now has it, keeping the
   * fingerprint it was written with: the source has not changed, only what a curator decided.
   * {@code read} is the article as its source gave it (the server restores any corrected field).
   * Does not commit.
   */
  public void rewrite(Article read, ArchiveStore writer, String fingerprint) throws IOException {
    put(read, writer, sourcePart(fingerprint));
  }

  /**
   * The fingerprint to write an article with: its source's, then the curation's stamp. The stored
   * fingerprint is also the article's version (its ETag), which must change when a curator's decision
   * changes the article; whether the source changed is decided on the source's part alone.
   */
  public String stamped(String fingerprint) {
    String stamp = curation.stamp();
    String source = sourcePart(fingerprint);
    return stamp.isEmpty() ? source : source + CURATION_STAMP + stamp;
  }

  /** A stored fingerprint without the curation's stamp. */
  static String sourcePart(String fingerprint) {
    int stamp = fingerprint.indexOf(CURATION_STAMP);
    return stamp < 0 ? fingerprint : fingerprint.substring(0, stamp);
  }

  /**
   * Writes an article the index holds again exactly as it holds it, under the story it is filed
   * under, with other collections: what a change of membership costs, with no enrichment.
   */
  public void rewriteMembership(EnrichedArticle stored, String storyId, Set<String> collections, ArchiveStore writer,
      String fingerprint) throws IOException {
    writer.put(stored, collections, fingerprint, stories.keep(stored.article(), storyId));
  }

  /**
   * Files again, as a curator's filing now has it, an article the store holds, and decides again the
   * story of every other version of the story it was in: without the article, a story it bridged
   * (a digest that reprints two briefs) falls apart into the stories detection finds, and with a
   * filing withdrawn, detection decides the article's story again. The versions are decided in the
   * order the archive received them (by write, then the earliest published, then by id) and keep the
   * story's id; the article comes last. Each is written as the store holds it, with its fingerprint
   * stamped by the curation; only its story and keys change. Does not commit.
   *
   * @return how many articles were written
   */
  public int refile(String articleId, ArchiveStore writer) throws IOException {
    List<org.morgue.search.StoredVersion> self = writer.versionsOf(List.of(articleId));
    if (self.isEmpty()) {
      return 0;
    }
    String storyId = self.get(0).storyId();
    List<String> others = writer.storyMembers(storyId).stream().filter(id -> !id.equals(articleId)).toList();
    List<String> order = writer.versionsOf(others).stream()
        .sorted(java.util.Comparator.comparingLong(org.morgue.search.StoredVersion::write)
            .thenComparing(version -> version.published().orElse(java.time.LocalDate.MAX))
            .thenComparing(org.morgue.search.StoredVersion::articleId))
        .map(org.morgue.search.StoredVersion::articleId).toList();
    List<String> all = new ArrayList<>(order);
    all.add(articleId);
    Map<String, ArchiveStore.Written> held = writer.written(all);
    List<Article> versions = order.stream().filter(held::containsKey).map(id -> held.get(id).article().article()).toList();
    AtomicInteger written = new AtomicInteger();
    stories.decideAgain(storyId, versions, held.get(articleId).article().article(), writer, (article, entry) -> {
      ArchiveStore.Written stored = held.get(article.id());
      writer.put(stored.article(), curation.collections(article.id()), stamped(stored.fingerprint()), entry);
      written.incrementAndGet();
    });
    return written.get();
  }

  /**
   * Commits the store with this metadata. Writes must be committed through here (not the store's own
   * commit) so the indexer forgets the copies it remembered since the last commit.
   */
  public void commit(ArchiveStore writer, Map<String, String> metadata) throws IOException {
    refileMerged(writer);
    writer.commit(metadata);
    stories.committed(writer);
  }

  /**
   * Forgets what was written since the last commit, which the store has thrown away: whoever rolls a
   * store back (closes it uncommitted) must call this, or the stories decided for the lost articles
   * would file later copies under them.
   */
  public void rolledBack() {
    stories.rolledBack();
  }

  /**
   * Writes again, under the story they merged into, the versions of every story a new article merged
   * into another since the last commit: in the same commit as that article, so no search sees the
   * story half merged, and a run killed before it loses both together. Each is written as the store
   * holds it, with its fingerprint; only its story changes.
   */
  private void refileMerged(ArchiveStore writer) throws IOException {
    Map<String, String> refiling = stories.refiling(writer);
    for (Map.Entry<String, ArchiveStore.Written> held : writer.written(refiling.keySet()).entrySet()) {
      EnrichedArticle article = held.getValue().article();
      writer.put(article, curation.collections(held.getKey()), held.getValue().fingerprint(),
          stories.keep(article.article(), refiling.get(held.getKey())));
    }
  }

  /** Corrects, enriches, corrects the enrichment, files it under its story, and writes with the article's collections. */
  private void put(Article read, ArchiveStore writer, String fingerprint) throws IOException {
    Article article = curation.correct(read);
    put(article, story(article, writer), writer, fingerprint);
  }

  /**
   * Files a corrected article under its story. A run files its articles in the order it reads them,
   * on the reading thread, so that the first version of a story in the files names it however the
   * threads then finish: filed as each worker finished, a run of the wire copies named the crackdown
   * story after a different version each time (a librarian's trial), and the README's
   * {@code /api/stories/crackdown-original} was a 404 on some runs.
   */
  private StoryEntry story(Article article, ArchiveStore writer) throws IOException {
    return detectsStories ? stories.assign(article, writer) : StoryEntry.alone(article.id());
  }

  /** Enriches a corrected article, corrects the enrichment, and writes it under its story with its collections. */
  private void put(Article article, StoryEntry story, ArchiveStore writer, String fingerprint) throws IOException {
    EnrichedArticle enriched = enricher.enrich(article);
    writer.put(new EnrichedArticle(article, curation.correct(article.id(), enriched.enrichment())),
        curation.collections(article.id()), stamped(fingerprint), story);
  }

  /** The digest that tells whether an article must be written again. */
  String fingerprint(Article article, String schemaVersion) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((schemaVersion + "\n").getBytes(StandardCharsets.UTF_8));
      digest.update(build);
      // Where the article was read from is not part of it: the same file moved is unchanged.
      digest.update(json.write(new Article(article.id(), article.title(), article.blocks(), article.published(),
          article.source(), article.url(), article.authors(), "", article.metadata())));
      // 64 bits: it is only ever compared with the same article's earlier fingerprint, so a change
      // goes unseen with chance 2^-64; every article stores it, and its random hex does not compress.
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The build stamp: a new Morgue may enrich differently, so it re-indexes (as a new schema does). */
  private static byte[] buildStamp() {
    try (InputStream in = ArchiveIndexer.class.getResourceAsStream("/org/morgue/indexer/build.properties")) {
      byte[] stamp = in == null ? new byte[0] : in.readAllBytes();
      return stamp;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read Morgue's build stamp", e);
    }
  }

  /** A record's origin: its file's path, {@code #} and the record's number ({@link org.morgue.indexer.source.ArticleInput#origin}). */
  private static final java.util.regex.Pattern RECORD = java.util.regex.Pattern.compile("#[0-9]+$");

  /**
   * Whether the same id from these two origins is a collision of names, not a re-sent article: a
   * whole file's id comes from its name, URL or content, so another file giving it (a second
   * {@code bridge.txt}, or a batch's record {@code "id": "bridge"}) is another article whose name met
   * it. Records re-send articles under their senders' ids, within one file or across a day's batches.
   */
  private static boolean collision(String earlier, String later) {
    return !file(earlier).equals(file(later)) && !(isRecord(earlier) && isRecord(later));
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  private static boolean isRecord(String origin) {
    return RECORD.matcher(origin).find();
  }

  private static String file(String origin) {
    return RECORD.matcher(origin).replaceFirst("");
  }

  /**
   * An id read in this run: the fingerprint stored for it before the run (null when none was), the
   * count its reading went to, and where it was first read.
   */
  private record ReadBefore(String fingerprint, AtomicInteger countedAs, String origin) {}

  /**
   * Decides, on the reading thread, what happens to each article the readers accept, hands the
   * ones to write to the workers, commits, and keeps what the readers reject.
   */
  private final class Counter implements ArticleSink, AutoCloseable {
    private final ArchiveStore writer;
    private final Map<String, String> commitData;
    /** Null with one thread: the calling thread does the work itself. */
    private final ExecutorService workers;
    /** One permit per article that may be queued or in a worker; all of them back means idle workers. */
    private final Semaphore slots;
    private final int capacity;
    /** Ids handed to the workers since they were last idle: a repeat must wait for the earlier version. */
    private final Set<String> inFlight = new HashSet<>();
    /**
     * Every id read in this run, so one id twice in an import is said, not silently settled by the
     * later copy, and is counted once, by what the run did to it (about 200 bytes an article: 20 MB
     * for a run of 100,000, and its origin's path).
     */
    private final Map<String, ReadBefore> readThisRun = new HashMap<>();
    private final List<MalformedArticleException> skipped = new ArrayList<>();
    private final List<ReadWarning> warnings = new ArrayList<>();
    /** Decided on the reading thread, in reading order. */
    private final List<IndexReport.CopiedArticle> copies = new ArrayList<>();
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private final AtomicInteger added = new AtomicInteger();
    private final AtomicInteger updated = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    private int sinceCommit;

    Counter(ArchiveStore writer, Map<String, String> commitData) {
      this.writer = writer;
      this.commitData = commitData;
      this.capacity = threads * QUEUED_PER_THREAD;
      this.slots = new Semaphore(capacity);
      this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads, workerThreads());
    }

    int articles() {
      return added.get() + updated.get() + unchanged.get();
    }

    synchronized List<MalformedArticleException> skipped() {
      return List.copyOf(skipped);
    }

    synchronized List<ReadWarning> warnings() {
      return List.copyOf(warnings);
    }

    /** See {@link ArchiveIndexer#index(List, ArchiveStore, Map, IndexProgress, boolean)}. */
    List<IndexReport.GoneArticle> gone(List<Path> paths) throws IOException {
      List<Path> folders = paths.stream().filter(Files::isDirectory).map(ArchiveIndexer::absolute).toList();
      if (folders.isEmpty()) {
        return List.of();
      }
      Set<Path> readFiles = new HashSet<>();
      readThisRun.values().forEach(read -> readFiles.add(absolute(Path.of(file(read.origin())))));
      // The ids each file gave this run that the archive did not hold before: what an edited file now gives.
      Map<Path, List<String>> newIds = new HashMap<>();
      readThisRun.forEach((id, read) -> {
        if (read.fingerprint() == null) {
          newIds.computeIfAbsent(absolute(Path.of(file(read.origin()))), f -> new ArrayList<>()).add(id);
        }
      });
      newIds.values().forEach(ids -> ids.sort(null));
      // A batch with a record skipped in this run may still hold that record's article, broken.
      skipped().forEach(skip -> readFiles.remove(absolute(Path.of(file(skip.origin())))));
      List<IndexReport.GoneArticle> gone = new ArrayList<>();
      writer.forEachOrigin((id, origin) -> {
        // A file found in a folder is named with the folder's path; an article posted over the API is
        // "body" or "line 3", which would otherwise resolve under a run over "." and count as gone.
        if (origin.isEmpty() || readThisRun.containsKey(id) || !file(origin).contains(java.io.File.separator)) {
          return;
        }
        Path file;
        try {
          file = absolute(Path.of(file(origin)));
        } catch (java.nio.file.InvalidPathException notAPath) {
          return; // posted over the API, or from another machine: no file of these folders
        }
        if (folders.stream().anyMatch(file::startsWith) && (readFiles.contains(file) || !Files.exists(file))) {
          gone.add(new IndexReport.GoneArticle(id, origin, isRecord(origin), newIds.getOrDefault(file, List.of())));
        }
      });
      gone.sort(java.util.Comparator.comparing(IndexReport.GoneArticle::origin).thenComparing(IndexReport.GoneArticle::id));
      return gone;
    }

    @Override
    public void accept(Article read) {
      Article article;
      try {
        article = asHeld(read);
      } catch (IOException e) {
        throw new SinkFailedException(e);
      }
      Optional<String> tooLarge = article.tooLarge();
      if (tooLarge.isPresent()) {
        // Checked before enrichment, which is what a huge text would make slow.
        reject(new MalformedArticleException(SkipReason.TOO_LARGE, article.origin(), tooLarge.get()));
        return;
      }
      // Every format's, not only JSON's: an HTML page's byline or a feed's source can be as long.
      Optional<FieldLengths.TooLong> tooLong = FieldLengths.of(article);
      if (tooLong.isPresent()) {
        reject(MalformedArticleException.tooLong(article.origin(), tooLong.get()));
        return;
      }
      ReadBefore earlier = readThisRun.get(article.id());
      if (earlier != null && collision(earlier.origin(), article.origin())) {
        // The later replacing the earlier would lose one of two articles without a word.
        reject(new MalformedArticleException(SkipReason.DUPLICATE_ID, article.origin(), "its id '" + article.id()
            + "' is that of " + earlier.origin() + ", read earlier in this run; one id names one article, so"
            + " this was not indexed: rename one of the two (a .txt file's id is its name) or give the record"
            + " another id"));
        return;
      }
      if (earlier != null) {
        // The line names the id and the record it was first read from, so a librarian can find the pair
        // in an export of thousands (trial, session 44); the summary counts by file, so a batch re-sending
        // many is one line of it.
        boolean sameFile = file(earlier.origin()).equals(file(article.origin()));
        String from = sameFile ? "" : ", from " + file(earlier.origin());
        String at = sameFile ? RECORD.matcher(earlier.origin()).results().map(MatchResult::group)
            .findFirst().orElse(earlier.origin()) + " of this file" : earlier.origin();
        warn(new ReadWarning(article.origin(), "id '" + article.id() + "' was first read in this run at " + at
            + "; this later one replaced it",
            "an article with the same id was read earlier in this run" + from + "; this later one replaced it"));
      }
      try {
        if (!inFlight.add(article.id())) {
          drain(); // the earlier version is written, and counted, before this one is looked at
          inFlight.add(article.id());
        }
        String fingerprint = fingerprint(article, writer.schemaVersion());
        Optional<String> existing = writer.fingerprint(article.id());
        // Counted once an id, by what the run did to it: re-reading the same two files again leaves it
        // unchanged, where counting each copy made it "updated" twice every run.
        AtomicInteger outcome = outcome(existing.isEmpty() ? null : sourcePart(existing.get()), fingerprint);
        if (earlier == null) {
          readThisRun.put(article.id(), new ReadBefore(existing.map(ArchiveIndexer::sourcePart).orElse(null), outcome,
              article.origin()));
        } else {
          AtomicInteger net = outcome(earlier.fingerprint(), fingerprint);
          if (net != earlier.countedAs()) {
            earlier.countedAs().decrementAndGet();
            net.incrementAndGet();
            readThisRun.put(article.id(), new ReadBefore(earlier.fingerprint(), net, earlier.origin()));
          }
          outcome = null;
        }
        if (existing.isPresent() && sourcePart(existing.get()).equals(fingerprint)) {
          if (outcome != null) {
            outcome.incrementAndGet();
          }
          return;
        }
        AtomicInteger counted = outcome;
        Article corrected = curation.correct(article);
        StoryEntry story = detectsStories ? storyNotingCopies(corrected) : StoryEntry.alone(corrected.id());
        submit(() -> {
          put(corrected, story, writer, fingerprint);
          if (counted != null) {
            counted.incrementAndGet();
          }
        }, article);
        if (++sinceCommit >= commitEvery) {
          drain();
          commit(writer, withComplete(commitData, false));
          sinceCommit = 0;
        }
      } catch (IOException e) {
        throw new SinkFailedException(e);
      }
    }

    /**
     * Files the article under its story and notes when its text is exactly another's read in this run:
     * an identical copy under another name, which was grouped without a word (trial, session 44).
     */
    private StoryEntry storyNotingCopies(Article article) throws IOException {
      StoryDesk.Decision decided = stories.decideStory(article, writer);
      decided.copyOf().map(readThisRun::get).filter(copied -> !copied.origin().equals(article.origin()))
          .ifPresent(copied -> copies.add(new IndexReport.CopiedArticle(article.origin(), article.id(), copied.origin(),
              decided.copyOf().get())));
      return decided.entry();
    }

    /**
     * The article under the form of its id read earlier in this run, else under the one the store
     * holds ({@link ArchiveIndexer#held}): one file's "José" decomposed and another's precomposed
     * are one id read twice, not two articles.
     */
    private Article asHeld(Article read) throws IOException {
      List<String> forms = ArticleIdForms.of(read.id());
      if (forms.size() == 1) {
        return read;
      }
      for (String form : forms) {
        if (readThisRun.containsKey(form)) {
          return read.withId(form);
        }
      }
      return held(read, writer);
    }

    /** What an article of this fingerprint does to one stored with {@code before} (null: none stored). */
    private AtomicInteger outcome(String before, String fingerprint) {
      return before == null ? added : before.equals(fingerprint) ? unchanged : updated;
    }

    /** Runs the write on a worker, or here with one thread. */
    private void submit(IndexTask task, Article article) throws IOException {
      slots.acquireUninterruptibly();
      throwIfFailed();
      Runnable run = () -> {
        try {
          if (failure.get() == null) {
            task.run();
          }
        } catch (IOException e) {
          failure.compareAndSet(null, e);
        } catch (RuntimeException e) {
          // A bug or a document Lucene refuses (a term over its size limit) costs this article only.
          reject(new MalformedArticleException(SkipReason.NOT_INDEXABLE, article.origin(), "cannot be indexed: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        } finally {
          slots.release();
        }
      };
      if (workers == null) {
        run.run();
        throwIfFailed();
      } else {
        workers.execute(run);
      }
    }

    /** Waits until the workers have written everything handed to them. */
    void drain() throws IOException {
      slots.acquireUninterruptibly(capacity);
      slots.release(capacity);
      inFlight.clear();
      throwIfFailed();
    }

    private void throwIfFailed() throws IOException {
      IOException failed = failure.get();
      if (failed != null) {
        throw failed;
      }
    }

    @Override
    public synchronized void reject(MalformedArticleException problem) {
      skipped.add(problem);
    }

    @Override
    public synchronized void warn(ReadWarning warning) {
      warnings.add(warning);
    }

    @Override
    public void close() {
      // Whatever is still queued when the run stops early is not written: the run has failed.
      failure.compareAndSet(null, new IOException("indexing stopped"));
      if (workers == null) {
        return;
      }
      // Workers skip what is still queued; what one is writing finishes first, so
      // the writer is not closed under it.
      workers.shutdown();
      try {
        while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
          // keep waiting: a worker mid-write holds the index writer
        }
      } catch (InterruptedException e) {
        workers.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The part of writing an article that runs on a worker. */
  @FunctionalInterface
  private interface IndexTask {
    void run() throws IOException;
  }

  /** Daemon worker threads with a name that says what they do in a thread dump or a profile. */
  private static ThreadFactory workerThreads() {
    AtomicInteger number = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "morgue-index-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
