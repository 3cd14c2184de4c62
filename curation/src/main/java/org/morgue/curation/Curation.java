package org.morgue.curation;

import static org.morgue.curation.CurationMetadata.SOURCE_AUTHORS;
import static org.morgue.curation.CurationMetadata.SOURCE_BEFORE_RENAME;
import static org.morgue.curation.CurationMetadata.SOURCE_DATE_PRECISION;
import static org.morgue.curation.CurationMetadata.SOURCE_PUBLISHED;
import static org.morgue.curation.CurationMetadata.SOURCE_PUBLISHED_TIME;
import static org.morgue.curation.CurationMetadata.SOURCE_SOURCE;
import static org.morgue.curation.CurationMetadata.SOURCE_TITLE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.morgue.article.Actor;
import org.morgue.article.Article;
import org.morgue.article.ArticleIdForms;
import org.morgue.article.DatePrecision;
import org.morgue.article.Enrichment;
import org.morgue.article.PublishedTime;
import org.morgue.article.Theme;
import org.morgue.curation.CurationException.Kind;
import org.morgue.curation.journal.Change;
import org.morgue.curation.journal.CurationJournal;
import org.morgue.curation.journal.CurationNotWritableException;
import org.morgue.indexer.ingest.ArticleCuration;

/**
 * The curators' state, rebuilt from the journal at start, and the one way to change it: each change is
 * checked, written to the journal (forced to the disk) and only then applied, so what a caller is told
 * happened survives a crash, and what was refused leaves no trace. Replaying the journal applies the
 * very same changes in the same order, so a restart rebuilds the same state.
 *
 * <p>It is also the {@link ArticleCuration} the indexer applies to every article it writes: reads are
 * lock-free (concurrent maps and an immutable authority file), changes one at a time.
 *
 * <p>Which articles exist is not its business: the server checks article ids against the index
 * before it asks for a change.
 */
public final class Curation implements ArticleCuration, Closeable {
  /** The longest name of a collection or saved search, in characters. */
  public static final int MAX_NAME = 200;
  /** The longest description of a collection. */
  public static final int MAX_DESCRIPTION = 5_000;
  /** The longest note on an article in a collection. */
  public static final int MAX_NOTE = 2_000;
  /** The longest reason given for a change. */
  public static final int MAX_REASON = 2_000;
  /** The most articles a collection holds. */
  public static final int MAX_COLLECTION_SIZE = 100_000;
  /** Up to this many matches, a saved search's run keeps their ids to tell exactly which are new later. */
  public static final int MAX_RUN_IDS = 10_000;
  /** How central an actor a curator adds is taken to be: the article is about it, but nothing in the text says how much. */
  static final double ADDED_SALIENCE = 0.5;

  /** The expected version {@code If-Match: *} names: any, so long as the thing exists (RFC 9110). */
  public static final long ANY_VERSION = -1;

  /** Index commit metadata key: the last curation change whose articles the index holds as altered. */
  public static final String COMMIT_KEY = "morgue.curation";

  private static final String RUNS = "runs";
  private final Path folder;
  private final CurationJournal journal;
  private final Clock clock;
  private final ObjectMapper json = CurationJournal.mapper();
  private final Map<String, Theme> themesByName;

  private final Map<String, ArticleCollection> collections = new LinkedHashMap<>();
  /**
   * Articles deleted over the API, as they were, by id: a collection that listed one still names it
   * (a librarian's trial, session 38, found only "Removed from the archive (article text-4831…)").
   */
  private final Map<String, ArticleRef> deletedArticles = new HashMap<>();
  private final Map<String, Set<String>> membership = new ConcurrentHashMap<>();
  private final Map<String, SavedSearch> savedSearches = new LinkedHashMap<>();
  private volatile ActorAuthority authority = ActorAuthority.EMPTY;
  private volatile SourceAuthority sourceNames = SourceAuthority.EMPTY;
  private final Map<String, ArticleCorrection> articleCorrections = new ConcurrentHashMap<>();
  private final Map<String, OriginalFields> originals = new ConcurrentHashMap<>();
  private final Map<String, StoryRecord> storyRecords = new ConcurrentHashMap<>();
  /** Curators' filings of articles in stories, or apart, by article id. */
  private final Map<String, ArticleFiling> filings = new ConcurrentHashMap<>();
  /** The same the other way: the articles filed with each article, by the article they name. */
  private final Map<String, Set<String>> filedWith = new ConcurrentHashMap<>();
  /** The number of the last change to the story records; 0 before any. */
  private volatile long storyRecordsSeq;
  /** The last change to any correction, story record or story filing: the corrections file's version; null before any. */
  private Change lastCorrection;
  /**
   * Every value a curator ever gave an article's own fields, by article: a stored field holding one of
   * them is the curator's, any other value is the source's (sent again since the correction).
   */
  private final Map<String, CorrectedValues> correctedValues = new ConcurrentHashMap<>();
  private final Set<String> usedIds = new HashSet<>();
  private final List<Change> changes = new ArrayList<>();
  private long seq;

  private Curation(Path folder, CurationJournal journal, List<Change> recorded, Collection<Theme> themes, Clock clock) {
    this.folder = folder;
    this.journal = journal;
    this.clock = clock;
    Map<String, Theme> names = new LinkedHashMap<>();
    for (Theme theme : themes) {
      names.put(theme.name().toLowerCase(Locale.ROOT), theme);
    }
    this.themesByName = Map.copyOf(names);
    for (Change change : recorded) {
      apply(change);
    }
  }

  /**
   * Opens the curation kept in a folder for reading and changing, creating it when there is none.
   *
   * @param themes the taxonomy's themes, which a curator may add to an article
   */
  public static Curation open(Path folder, Collection<Theme> themes, Clock clock) throws IOException {
    CurationJournal journal = CurationJournal.openForWriting(folder);
    try {
      return new Curation(folder, journal, journal.recorded(), themes, clock);
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  /**
   * The clock changes are dated by: UTC, to the millisecond. The system clock gives microseconds, and
   * the API then gave a change's time with six digits beside every other time's three, which some
   * clients' parsers take and others refuse (a developer's trial, session 43); a time exported and
   * imported again must compare equal, so it is cut here, where it is made, not where it is written.
   */
  static final Clock CLOCK = Clock.tickMillis(java.time.ZoneOffset.UTC);

  /** {@link #open(Path, Collection, Clock)} with the taxonomy that ships with Morgue and the system clock. */
  public static Curation open(Path folder) throws IOException {
    return open(folder, taxonomyThemes(), CLOCK);
  }

  /**
   * The themes a curator may add: the shipped taxonomy's, compiled once per process (the curation and
   * the server's theme filters both ask for them at start).
   */
  public static List<Theme> taxonomyThemes() {
    return ShippedThemes.THEMES;
  }

  private static final class ShippedThemes {
    static final List<Theme> THEMES = org.morgue.indexer.enrich.theme.ThemeTaxonomy.fromResources().themes().stream()
        .map(theme -> new Theme(theme.id(), theme.name(), theme.iptc(), 0, List.of())).toList();
  }

  /** The curation kept in a folder, to apply while indexing; it cannot be changed. None when there is no folder. */
  public static Curation readOnly(Path folder) throws IOException {
    // The taxonomy's themes, as the server's: without them a rebuild would drop every theme a curator added.
    return new Curation(folder, null, CurationJournal.readOnly(folder), taxonomyThemes(), CLOCK);
  }

  /**
   * Refuses to write an archive that holds more of the curation than this journal has: the journal is
   * not the archive's (another machine's, an empty folder, an older copy), and every article written
   * with it would lose the collections, corrections and renames the archive holds. An operator's trial
   * (session 45) indexed one edited file into a cluster from another machine's empty curation folder:
   * "1 updated", and that article left its collection and lost its actor and source renames, in silence.
   */
  public void checkCovers(Map<String, String> commitData, String archive) throws CurationBehindException {
    Optional<String> behind = behind(commitData, archive);
    if (behind.isPresent()) {
      throw new CurationBehindException(behind.get() + ". Give the archive's own with --curation DIR, or copy that"
          + " folder here; to start the archive's curation over, index into a new archive");
    }
  }

  /**
   * Why this journal is not the archive's, when the archive holds more of the curation than it has; empty
   * when it holds no more. The one sentence a writer refuses with ({@link #checkCovers}) and a server
   * that only reads warns with.
   */
  public Optional<String> behind(Map<String, String> commitData, String archive) {
    long held = indexedUpTo(commitData);
    if (held <= seq()) {
      return Optional.empty();
    }
    return Optional.of("the archive " + archive + " holds the curation up to change " + held + ", but the curation at "
        + folder + " has " + (seq() == 0 ? "no changes" : "only " + seq()) + ": it is not this archive's curation"
        + " (another machine's, or an older copy)");
  }

  /** An archive holds more of the curation than the journal given for it has. */
  public static final class CurationBehindException extends IOException {
    private static final long serialVersionUID = 1L;

    CurationBehindException(String message) {
      super(message);
    }
  }

  /** What an index's commit metadata says it holds of the curation: the last change's number, 0 for none. */
  public static long indexedUpTo(Map<String, String> commitData) {
    try {
      return Long.parseLong(commitData.getOrDefault(COMMIT_KEY, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The number of the last change applied; 0 before the first. */
  public synchronized long seq() {
    return seq;
  }

  // ---- applied to articles as they are written ----

  @Override
  public Article correct(Article read) {
    // What is written is the source's latest: a field it changed since the correction must not be put
    // back to the value it had then when a later change writes the article again.
    originals.computeIfPresent(read.id(), (id, known) ->
        OriginalFields.of(read));
    ArticleCorrection correction = articleCorrections.get(read.id());
    Article corrected = correction == null || !correction.correctsFields() ? read : corrected(read, correction);
    // A curator's source for this one article wins over the rename of its source across the archive.
    String renamed = correction != null && correction.source().isPresent()
        ? read.source() : sourceNames.resolve(read.source());
    if (renamed.equals(read.source())) {
      // A name kept by another archive's rename (an export of it posted here) is not this archive's to
      // give back: only a rename made here keeps the name the source gave.
      return withoutKey(corrected, SOURCE_BEFORE_RENAME);
    }
    Map<String, List<String>> metadata = new TreeMap<>(corrected.metadata());
    metadata.put(SOURCE_BEFORE_RENAME, List.of(read.source()));
    return new Article(corrected.id(), corrected.title(), corrected.blocks(), corrected.published(), renamed,
        corrected.url(), corrected.authors(), corrected.origin(), metadata);
  }

  private static Article withoutKey(Article article, String key) {
    if (!article.metadata().containsKey(key)) {
      return article;
    }
    Map<String, List<String>> metadata = new TreeMap<>(article.metadata());
    metadata.remove(key);
    return new Article(article.id(), article.title(), article.blocks(), article.published(), article.source(),
        article.url(), article.authors(), article.origin(), metadata);
  }

  /** The article with the fields one article's correction gives, the source's own values kept beside them. */
  private static Article corrected(Article read, ArticleCorrection correction) {
    Map<String, List<String>> metadata = correction.published().isPresent()
        ? datedAs(read.metadata(), correction.published().get().precision()) : new TreeMap<>(read.metadata());
    correction.title().ifPresent(title -> metadata.put(SOURCE_TITLE, List.of(read.title())));
    correction.published().ifPresent(date -> metadata.put(SOURCE_PUBLISHED,
        read.published().map(day -> List.of(day.toString())).orElse(List.of())));
    correction.source().ifPresent(source -> metadata.put(SOURCE_SOURCE, List.of(read.source())));
    correction.authors().ifPresent(authors -> metadata.put(SOURCE_AUTHORS, read.authors()));
    return new Article(read.id(), correction.title().orElse(read.title()), read.blocks(),
        correction.published().isPresent() ? correction.published().map(CorrectedDate::date) : read.published(),
        correction.source().orElse(read.source()), read.url(), correction.authors().orElse(read.authors()),
        read.origin(), metadata);
  }

  /**
   * A curator's date has the precision the curator gave (a day, or "1790" for an address known by its
   * year) and no time of day: the source's precision and time no longer hold once the date is
   * corrected (a bulletin's 15:05 is not a time on the day a curator gives), and are kept aside so
   * that {@link #source} can put them back with the source's date.
   */
  private static Map<String, List<String>> datedAs(Map<String, List<String>> metadata, DatePrecision precision) {
    Map<String, List<String>> dated = new TreeMap<>(metadata);
    if (!metadata.containsKey(SOURCE_DATE_PRECISION)) {
      dated.put(SOURCE_DATE_PRECISION, metadata.getOrDefault(DatePrecision.METADATA_KEY, List.of()));
      dated.put(SOURCE_PUBLISHED_TIME, metadata.getOrDefault(PublishedTime.METADATA_KEY, List.of()));
    }
    dated.put(DatePrecision.METADATA_KEY, List.of(precision.id()));
    dated.remove(PublishedTime.METADATA_KEY);
    return dated;
  }

  private static Map<String, List<String>> sourceDated(Map<String, List<String>> metadata) {
    if (!metadata.containsKey(SOURCE_DATE_PRECISION)) {
      return metadata;
    }
    Map<String, List<String>> source = new TreeMap<>(metadata);
    List<String> precision = source.remove(SOURCE_DATE_PRECISION);
    if (precision.isEmpty()) {
      source.remove(DatePrecision.METADATA_KEY);
    } else {
      source.put(DatePrecision.METADATA_KEY, precision);
    }
    // Absent where the date was corrected before times were kept: the source gave none then either.
    List<String> time = source.remove(SOURCE_PUBLISHED_TIME);
    if (time != null && !time.isEmpty()) {
      source.put(PublishedTime.METADATA_KEY, time);
    }
    return source;
  }

  @Override
  public Enrichment correct(String articleId, Enrichment found) {
    ActorAuthority names = authority;
    ArticleCorrection correction = articleCorrections.get(articleId);
    if (names.isEmpty() && correction == null) {
      return found;
    }
    List<Actor> actors = new ArrayList<>(names.apply(found.actors()));
    List<Theme> themes = new ArrayList<>(found.themes());
    if (correction != null) {
      Set<String> removed = new HashSet<>();
      for (String name : correction.removeActors()) {
        removed.add(name);
        removed.add(names.resolve(name));
      }
      actors.removeIf(actor -> removed.contains(actor.name()));
      for (ActorRef added : correction.addActors()) {
        String name = names.resolve(added.name());
        if (actors.stream().noneMatch(actor -> actor.name().equals(name))) {
          actors.add(new Actor(name, names.type(added.name(), added.type()), Optional.empty(), List.of(), ADDED_SALIENCE));
        }
      }
      actors.sort(java.util.Comparator.comparingDouble(Actor::salience).reversed());
      Set<String> removedThemes = new HashSet<>();
      correction.removeThemes().forEach(name -> removedThemes.add(name.toLowerCase(Locale.ROOT)));
      themes.removeIf(theme -> removedThemes.contains(theme.name().toLowerCase(Locale.ROOT))
          || removedThemes.contains(theme.id()));
      for (String name : correction.addThemes()) {
        Theme theme = themesByName.get(name.toLowerCase(Locale.ROOT));
        if (theme != null && themes.stream().noneMatch(t -> t.id().equals(theme.id()))) {
          themes.add(theme);
        }
      }
    }
    return new Enrichment(actors, themes, found.hedging());
  }

  @Override
  public Set<String> collections(String articleId) {
    return Set.copyOf(membership.getOrDefault(articleId, Set.of()));
  }

  @Override
  public String stamp() {
    long at = seq();
    return at == 0 ? "" : Long.toString(at);
  }

  @Override
  public Optional<org.morgue.indexer.ingest.StoryFiling> storyFiling(String articleId) {
    return Optional.ofNullable(filings.get(articleId)).map(ArticleFiling::filing);
  }

  @Override
  public Set<String> filedWith(String articleId) {
    return filedWith.getOrDefault(articleId, Set.of());
  }

  /**
   * The article as its source gave it, from the one the index holds: fields a curator ever corrected
   * are put back as they were, so that the current corrections (and none withdrawn since) apply.
   */
  public Article source(Article stored) {
    Article own = sourceFields(stored);
    List<String> renamedFrom = own.metadata().get(SOURCE_BEFORE_RENAME);
    if (renamedFrom == null) {
      return own;
    }
    Map<String, List<String>> metadata = new TreeMap<>(own.metadata());
    metadata.remove(SOURCE_BEFORE_RENAME);
    return new Article(own.id(), own.title(), own.blocks(), own.published(),
        renamedFrom.isEmpty() ? own.source() : renamedFrom.get(0), own.url(), own.authors(), own.origin(), metadata);
  }

  /** The article with the fields curators corrected on it alone put back as its source gave them. */
  private Article sourceFields(Article stored) {
    OriginalFields original = originals.get(stored.id());
    CorrectedValues corrected = correctedValues.get(stored.id());
    if (original == null || corrected == null) {
      return stored;
    }
    // Only a field holding a value a curator gave is put back: any other value the source sent since.
    // The source's value is the one the article kept beside the curator's when it was last written;
    // an article written before it kept them has only the one the correction recorded.
    Map<String, List<String>> kept = stored.metadata();
    boolean curatorsDate = stored.published().isPresent() && corrected.published().contains(stored.published().get());
    Map<String, List<String>> metadata = new TreeMap<>(curatorsDate ? sourceDated(kept) : kept);
    List.of(SOURCE_TITLE, SOURCE_PUBLISHED, SOURCE_SOURCE, SOURCE_AUTHORS).forEach(metadata::remove);
    return new Article(stored.id(),
        corrected.titles().contains(stored.title()) ? one(kept, SOURCE_TITLE).orElse(original.title()) : stored.title(),
        stored.blocks(),
        curatorsDate ? (kept.containsKey(SOURCE_PUBLISHED)
            ? one(kept, SOURCE_PUBLISHED).map(java.time.LocalDate::parse) : original.published()) : stored.published(),
        corrected.sources().contains(stored.source()) ? one(kept, SOURCE_SOURCE).orElse(original.source()) : stored.source(),
        stored.url(),
        corrected.authors().contains(stored.authors()) ? kept.getOrDefault(SOURCE_AUTHORS, original.authors())
            : stored.authors(),
        stored.origin(), metadata);
  }

  private static Optional<String> one(Map<String, List<String>> metadata, String key) {
    List<String> values = metadata.getOrDefault(key, List.of());
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The values curators gave one article's own fields, over all its corrections. */
  private record CorrectedValues(
      Set<String> titles, Set<java.time.LocalDate> published, Set<String> sources, Set<List<String>> authors) {
    static final CorrectedValues NONE = new CorrectedValues(Set.of(), Set.of(), Set.of(), Set.of());

    CorrectedValues with(ArticleCorrection correction) {
      return new CorrectedValues(plus(titles, correction.title()), plus(published, correction.published().map(CorrectedDate::date)),
          plus(sources, correction.source()), plus(authors, correction.authors()));
    }

    private static <V> Set<V> plus(Set<V> set, Optional<V> value) {
      if (value.isEmpty() || set.contains(value.get())) {
        return set;
      }
      Set<V> next = new HashSet<>(set);
      next.add(value.get());
      return Set.copyOf(next);
    }
  }

  private void remember(ArticleCorrection correction, boolean latest) {
    if (correction.original() != null) {
      // A correction made now carries the latest fields known to be the source's; an imported file's may
      // be older than those known here.
      if (latest) {
        originals.put(correction.articleId(), correction.original());
      } else {
        originals.putIfAbsent(correction.articleId(), correction.original());
      }
    }
    correctedValues.compute(correction.articleId(),
        (id, known) -> (known == null ? CorrectedValues.NONE : known).with(correction));
  }

  /** The canonical name of an actor, as the authority file has it now. */
  public String canonicalName(String actor) {
    return authority.resolve(actor);
  }

  /** The name a source goes by, as the sources' authority file has it now. */
  public String canonicalSource(String source) {
    return sourceNames.resolve(source);
  }

  // ---- reading ----

  public synchronized List<ArticleCollection> collections() {
    return List.copyOf(collections.values());
  }

  public synchronized Optional<ArticleCollection> collection(String id) {
    return Optional.ofNullable(collections.get(id));
  }

  /**
   * The collection with this name, compared as names are kept apart (any case or spacing: no two
   * collections share one), or empty: what a filter naming a collection where its id is wanted meant.
   */
  public synchronized Optional<ArticleCollection> collectionNamed(String name) {
    String key = nameKey(name);
    return collections.values().stream().filter(collection -> nameKey(collection.name()).equals(key)).findFirst();
  }

  public synchronized List<SavedSearch> savedSearches() {
    return List.copyOf(savedSearches.values());
  }

  public synchronized Optional<SavedSearch> savedSearch(String id) {
    return Optional.ofNullable(savedSearches.get(id));
  }

  /** The corrections file's version: the number of the last change to a correction, story record or filing, 0 before any. */
  public synchronized long correctionsVersion() {
    return lastCorrection == null ? 0 : lastCorrection.seq();
  }

  /** Every correction, as the export file holds them. */
  public synchronized Corrections corrections() {
    return new Corrections(new ArrayList<>(actorCorrections().values()),
        List.copyOf(sorted(sourceNames.corrections()).values()), List.copyOf(sorted(articleCorrections).values()),
        List.copyOf(sorted(storyRecords).values()), List.copyOf(sorted(filings).values()));
  }

  public synchronized Optional<ActorCorrection> actorCorrection(String actor) {
    return Optional.ofNullable(actorCorrections().get(actor));
  }

  public Optional<SourceCorrection> sourceCorrection(String source) {
    return Optional.ofNullable(sourceNames.corrections().get(source));
  }

  public Optional<ArticleCorrection> articleCorrection(String articleId) {
    return Optional.ofNullable(articleCorrections.get(articleId));
  }

  /** An article deleted over the API, as it was when deleted; empty for any other (the CLI's --delete is not recorded). */
  public synchronized Optional<ArticleRef> deletedArticle(String articleId) {
    return Optional.ofNullable(deletedArticles.get(articleId));
  }

  /** The version a curator picked as a story's record, if one did; whether it still is one is the reader's to check. */
  public Optional<StoryRecord> storyRecord(String storyId) {
    return Optional.ofNullable(storyRecords.get(storyId));
  }

  /**
   * The number of the last change that picked, withdrew or imported a story's record (0 before any):
   * those change what searches show without a commit of the index, so answers' validators cover it;
   * other changes (a collection's note) reach searches only through the index, or not at all.
   */
  public long storyRecordsSeq() {
    return storyRecordsSeq;
  }

  /** Every change, oldest first. */
  public synchronized List<Change> changes() {
    return List.copyOf(changes);
  }

  /** Changes after a number, oldest first: what an index last brought up to {@code seq} has not seen. */
  public synchronized List<Change> changesAfter(long after) {
    return changes.stream().filter(change -> change.seq() > after).toList();
  }

  // ---- collections ----

  public synchronized Applied<ArticleCollection> createCollection(String curator, String name, String description,
      Optional<String> reason) throws IOException {
    String checkedName = text("name", name, MAX_NAME, true);
    String checkedDescription = text("description", description, MAX_DESCRIPTION, false);
    refuseNameInUse(checkedName, null);
    Instant now = clock.instant();
    ArticleCollection created = new ArticleCollection(newId(checkedName, "collection"), checkedName,
        checkedDescription, curator, now, now, 1, List.of());
    Change change = record(curator, "collection.create", "collection:" + created.id(), null, tree(created), reason);
    return new Applied<>(collections.get(created.id()), change, Affected.NONE);
  }

  /** Renames or describes a collection; a field left empty stays as it is. */
  public synchronized Applied<ArticleCollection> updateCollection(String curator, String id, Optional<Long> expected,
      Optional<String> name, Optional<String> description, Optional<String> reason) throws IOException {
    ArticleCollection current = existingCollection(id, Optional.empty());
    String nextName = name.isPresent() ? text("name", name.get(), MAX_NAME, true) : current.name();
    if (name.isPresent()) {
      refuseNameInUse(nextName, id);
    }
    ArticleCollection next = new ArticleCollection(id, nextName,
        description.isPresent() ? text("description", description.get(), MAX_DESCRIPTION, false) : current.description(),
        current.curator(), current.created(), current.updated(), current.version(), List.of());
    if (next.name().equals(current.name()) && next.description().equals(current.description())) {
      return unchanged(current);
    }
    checkVersion(expected, current.version(), "collection '" + id + "'");
    Change change = record(curator, "collection.update", "collection:" + id, headerTree(current), headerTree(next), reason);
    return new Applied<>(collections.get(id), change, Affected.NONE);
  }

  /**
   * Refuses a name another collection has, in any case and spacing: the picker, the Collection facet
   * and the list name collections by their names, and a librarian's trial made two "Tren de Aragua
   * file" that none of them could tell apart. Journals written before keep their twins.
   */
  private void refuseNameInUse(String name, String exceptId) {
    String key = nameKey(name);
    for (ArticleCollection other : collections.values()) {
      if (!other.id().equals(exceptId) && nameKey(other.name()).equals(key)) {
        throw new CurationException(Kind.CONFLICT, "name", "a collection named '" + other.name() + "' exists (id '"
            + other.id() + "'); add to that one, or give this one another name");
      }
    }
  }

  private static String nameKey(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }

  public synchronized Applied<ArticleCollection> deleteCollection(String curator, String id, Optional<Long> expected,
      Optional<String> reason) throws IOException {
    ArticleCollection current = existingCollection(id, expected);
    Change change = record(curator, "collection.delete", "collection:" + id, tree(current), null, reason);
    return new Applied<>(null, change, Affected.members(ids(current.entries())));
  }

  /** Adds articles (ids with optional notes) at the end, in the order given; those already in it are left as they are. */
  public synchronized Applied<ArticleCollection> addToCollection(String curator, String id, Optional<Long> expected,
      List<CollectionEntry> entries, Optional<String> reason) throws IOException {
    ArticleCollection current = existingCollection(id, expected);
    Set<String> present = ids(current.entries());
    Map<String, CollectionEntry> added = new LinkedHashMap<>();
    Instant now = clock.instant();
    for (CollectionEntry entry : entries) {
      String articleId = text("articleId", entry.articleId(), 1_000, true);
      String note = text("note", entry.note(), MAX_NOTE, false);
      if (!present.contains(articleId)) {
        added.putIfAbsent(articleId, new CollectionEntry(articleId, note, now));
      }
    }
    if (current.entries().size() + added.size() > MAX_COLLECTION_SIZE) {
      throw new CurationException(Kind.INVALID, "articles", "a collection holds at most " + MAX_COLLECTION_SIZE
          + " articles; this one has " + current.entries().size() + " and " + added.size() + " more were asked for");
    }
    if (added.isEmpty()) {
      return new Applied<>(current, null, Affected.NONE);
    }
    ObjectNode after = json.createObjectNode();
    after.set("entries", json.valueToTree(List.copyOf(added.values())));
    Change change = record(curator, "collection.add", "collection:" + id, null, after, reason);
    return new Applied<>(collections.get(id), change, Affected.members(added.keySet()));
  }

  public synchronized Applied<ArticleCollection> removeFromCollection(String curator, String id, Optional<Long> expected,
      Collection<String> articleIds, Optional<String> reason) throws IOException {
    ArticleCollection current = existingCollection(id, expected);
    Set<String> wanted = new LinkedHashSet<>(articleIds);
    List<CollectionEntry> removed = current.entries().stream().filter(e -> wanted.contains(e.articleId())).toList();
    if (removed.size() < wanted.size()) {
      Set<String> missing = new LinkedHashSet<>(wanted);
      missing.removeAll(ids(removed));
      throw new CurationException(Kind.NOT_FOUND, "articleId", "collection '" + id + "' does not hold "
          + String.join(", ", missing.stream().limit(5).map(m -> "'" + m + "'").toList())
          + (missing.size() > 5 ? " and " + (missing.size() - 5) + " more" : ""));
    }
    if (removed.isEmpty()) {
      return new Applied<>(current, null, Affected.NONE);
    }
    ObjectNode before = json.createObjectNode();
    before.set("entries", json.valueToTree(removed));
    Change change = record(curator, "collection.remove", "collection:" + id, before, null, reason);
    return new Applied<>(collections.get(id), change, Affected.members(ids(removed)));
  }

  /** Changes one article's note, or moves it to a position (0 is first). */
  public synchronized Applied<ArticleCollection> updateEntry(String curator, String id, Optional<Long> expected,
      String articleId, Optional<String> note, Optional<Integer> position, Optional<String> reason) throws IOException {
    ArticleCollection current = existingCollection(id, Optional.empty());
    int at = indexOf(current, articleId);
    if (at < 0) {
      throw new CurationException(Kind.NOT_FOUND, "articleId", "collection '" + id + "' does not hold '" + articleId + "'");
    }
    CollectionEntry entry = current.entries().get(at);
    String nextNote = note.isPresent() ? text("note", note.get(), MAX_NOTE, false) : entry.note();
    int nextPosition = position.orElse(at);
    if (nextPosition < 0 || nextPosition >= current.entries().size()) {
      throw new CurationException(Kind.INVALID, "position", "position must be from 0 to "
          + (current.entries().size() - 1) + " in a collection of " + current.entries().size() + " articles, not " + nextPosition);
    }
    if (nextNote.equals(entry.note()) && nextPosition == at) {
      return unchanged(current);
    }
    checkVersion(expected, current.version(), "collection '" + id + "'");
    ObjectNode before = json.createObjectNode().put("articleId", articleId).put("note", entry.note()).put("position", at);
    ObjectNode after = json.createObjectNode().put("articleId", articleId).put("note", nextNote).put("position", nextPosition);
    Change change = record(curator, "collection.entry", "collection:" + id, before, after, reason);
    return new Applied<>(collections.get(id), change, Affected.NONE);
  }

  // ---- saved searches ----

  /**
   * Saves a new search, or (with an id) replaces one; the search is checked, and put in the shape
   * the API answers, by the caller.
   */
  public synchronized Applied<SavedSearch> saveSearch(String curator, Optional<String> id, Optional<Long> expected,
      String name, ObjectNode search, Optional<String> reason) throws IOException {
    String checkedName = text("name", name, MAX_NAME, true);
    Instant now = clock.instant();
    SavedSearch before = null;
    if (id.isPresent()) {
      before = savedSearches.get(id.get());
      if (before == null) {
        throw new CurationException(Kind.NOT_FOUND, "id", "no saved search '" + id.get() + "'");
      }
      if (before.name().equals(checkedName) && before.search().equals(search)) {
        return unchanged(before);
      }
      checkReplaced(expected, before.version(), before.curator(), before.updated(), "saved search '" + id.get() + "'");
    }
    SavedSearch next = before == null
        ? new SavedSearch(newId(checkedName, "search"), checkedName, search, curator, now, now, 1)
        : new SavedSearch(before.id(), checkedName, search, before.curator(), before.created(), now, before.version() + 1);
    Change change = record(curator, "saved-search.put", "saved-search:" + next.id(), tree(before), tree(next), reason);
    return new Applied<>(next, change, Affected.NONE);
  }

  public synchronized Applied<SavedSearch> deleteSavedSearch(String curator, String id, Optional<Long> expected,
      Optional<String> reason) throws IOException {
    SavedSearch before = savedSearches.get(id);
    if (before == null) {
      throw new CurationException(Kind.NOT_FOUND, "id", "no saved search '" + id + "'");
    }
    checkVersion(expected, before.version(), "saved search '" + id + "'");
    Change change = record(curator, "saved-search.delete", "saved-search:" + id, tree(before), null, reason);
    return new Applied<>(null, change, Affected.NONE);
  }

  /**
   * The latest run of a saved search by any curator, if it was ever run: what a reader who names no
   * curator is told is new.
   */
  public Optional<SavedSearchRun> lastRun(String id) throws IOException {
    Optional<SavedSearchRun> latest = sharedRun(id);
    Path byCurator = folder.resolve(RUNS).resolve(folderName(id));
    if (Files.isDirectory(byCurator)) {
      try (var files = Files.list(byCurator)) {
        for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
          SavedSearchRun run = json.readValue(file.toFile(), SavedSearchRun.class);
          if (latest.isEmpty() || run.at().isAfter(latest.get().at())) {
            latest = Optional.of(run);
          }
        }
      }
    }
    return latest;
  }

  /**
   * The last run of a saved search by this curator, so that what is new is new to them: one
   * librarian's run does not make the matches another has not seen old. A curator who has not run it
   * since runs were kept per curator (2026-12-05) gets the run all curators shared before.
   */
  public Optional<SavedSearchRun> lastRun(String id, String curator) throws IOException {
    Path file = folder.resolve(RUNS).resolve(folderName(id)).resolve(fileName(curator));
    if (!Files.exists(file)) {
      return sharedRun(id);
    }
    return Optional.of(json.readValue(file.toFile(), SavedSearchRun.class));
  }

  /** The one run all curators shared before runs were kept per curator. */
  private Optional<SavedSearchRun> sharedRun(String id) throws IOException {
    Path file = folder.resolve(RUNS).resolve(fileName(id));
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(json.readValue(file.toFile(), SavedSearchRun.class));
  }

  /**
   * Keeps what a curator's run of a saved search matched, replacing their last run atomically. Runs
   * are not curation changes (nothing in the archive changes), so they are kept beside the journal,
   * not in it.
   */
  public synchronized void recordRun(String id, String curator, SavedSearchRun run) throws IOException {
    writable();
    Path runs = folder.resolve(RUNS).resolve(folderName(id));
    Path file = runs.resolve(fileName(curator));
    Path temporary = runs.resolve(fileName(curator) + ".tmp");
    try {
      Files.createDirectories(runs);
      try (var channel = java.nio.channels.FileChannel.open(temporary, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(json.writeValueAsBytes(run));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
    } catch (IOException e) {
      // The last run kept is the one before; a half-written copy of this one must not take room.
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new CurationNotWritableException(temporary, e);
    }
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  // ---- corrections ----

  /**
   * Sets the decision about one actor name: rename it (a merge, when another actor has the new name),
   * retype it, or both. An empty rename and type withdraws nothing: use {@link #withdrawActorCorrection}.
   */
  public synchronized Applied<ActorCorrection> correctActor(String curator, String actor, Optional<Long> expected,
      Optional<String> renameTo, Optional<org.morgue.article.ActorType> type, Optional<String> reason) throws IOException {
    String name = text("actor", actor, MAX_NAME, true);
    Optional<String> target = renameTo.isPresent() ? Optional.of(text("renameTo", renameTo.get(), MAX_NAME, true))
        : Optional.empty();
    if (target.isEmpty() && type.isEmpty()) {
      throw new CurationException(Kind.INVALID, "renameTo", "say what to correct about '" + name
          + "': a new name (renameTo) or type, or both");
    }
    if (target.isPresent() && target.get().equals(name)) {
      throw new CurationException(Kind.INVALID, "renameTo", "'" + name + "' cannot be merged into itself");
    }
    ActorCorrection before = actorCorrections().get(name);
    if (before != null && before.renameTo().equals(target) && before.type().equals(type)) {
      return unchanged(before);
    }
    if (before != null) {
      checkReplaced(expected, before.version(), before.curator(), before.updated(), "the correction of '" + name + "'");
    }
    checkVersion(expected, before == null ? null : before.version(), "the correction of '" + name + "'");
    ActorCorrection next = new ActorCorrection(name, target, type, curator, clock.instant(),
        before == null ? 1 : before.version() + 1);
    ActorAuthority proposed = authority.with(name, next);
    if (proposed.chain(name).isEmpty()) {
      List<String> cycle = cycleFrom(proposed::renameOf, target.orElseThrow(), name);
      throw new CurationException(Kind.CONFLICT, "renameTo", "merging '" + name + "' into '" + target.get()
          + "' would make a cycle of merges: " + String.join(" \u2192 ", cycle)
          + "; withdraw one of them first");
    }
    Set<String> names = actorNames(name, before, next);
    Change change = record(curator, "actor.correct", "actor:" + name, tree(before), tree(next), reason);
    return new Applied<>(next, change, Affected.corrected(Set.of(), names));
  }

  public synchronized Applied<ActorCorrection> withdrawActorCorrection(String curator, String actor,
      Optional<Long> expected, Optional<String> reason) throws IOException {
    ActorCorrection before = actorCorrections().get(actor);
    if (before == null) {
      throw new CurationException(Kind.NOT_FOUND, "actor", "no correction of the actor '" + actor + "'");
    }
    checkVersion(expected, before.version(), "the correction of '" + actor + "'");
    Set<String> names = actorNames(actor, before, null);
    Change change = record(curator, "actor.correct", "actor:" + actor, tree(before), null, reason);
    return new Applied<>(null, change, Affected.corrected(Set.of(), names));
  }

  /**
   * Renames a source across the archive (a merge, when another source has the new name): every article
   * from it, and every one written later, goes by the new name, unless a curator corrected that
   * article's source itself.
   */
  public synchronized Applied<SourceCorrection> correctSource(String curator, String source, Optional<Long> expected,
      String renameTo, Optional<String> reason) throws IOException {
    String name = text("source", source, MAX_NAME, true);
    String target = text("renameTo", renameTo, MAX_NAME, true);
    if (target.equals(name)) {
      throw new CurationException(Kind.INVALID, "renameTo", "'" + name + "' cannot be merged into itself");
    }
    SourceCorrection before = sourceNames.corrections().get(name);
    if (before != null && before.renameTo().equals(target)) {
      return unchanged(before);
    }
    String what = "the rename of the source '" + name + "'";
    if (before != null) {
      checkReplaced(expected, before.version(), before.curator(), before.updated(), what);
    }
    checkVersion(expected, before == null ? null : before.version(), what);
    SourceCorrection next = new SourceCorrection(name, target, curator, clock.instant(),
        before == null ? 1 : before.version() + 1);
    SourceAuthority proposed = sourceNames.with(name, next);
    if (proposed.chain(name).isEmpty()) {
      List<String> cycle = cycleFrom(proposed::renameOf, target, name);
      throw new CurationException(Kind.CONFLICT, "renameTo", "merging the source '" + name + "' into '" + target
          + "' would make a cycle of renames: " + String.join(" \u2192 ", cycle) + "; withdraw one of them first");
    }
    Set<String> names = sourceNamesOf(name, before, next);
    Change change = record(curator, "source.correct", "source:" + name, tree(before), tree(next), reason);
    return new Applied<>(next, change, Affected.renamedSources(names));
  }

  /** Withdraws a source's rename: its articles go by the name they give again. */
  public synchronized Applied<SourceCorrection> withdrawSourceCorrection(String curator, String source,
      Optional<Long> expected, Optional<String> reason) throws IOException {
    SourceCorrection before = sourceNames.corrections().get(source);
    if (before == null) {
      throw new CurationException(Kind.NOT_FOUND, "source", "no rename of the source '" + source + "'");
    }
    checkVersion(expected, before.version(), "the rename of the source '" + source + "'");
    Set<String> names = sourceNamesOf(source, before, null);
    Change change = record(curator, "source.correct", "source:" + source, tree(before), null, reason);
    return new Applied<>(null, change, Affected.renamedSources(names));
  }

  /**
   * Sets the corrections of one article, replacing those it had.
   *
   * @param stored the article's own fields as its source gave them (the index's, with corrected fields put
   *     back by {@link #source}), kept as its originals
   */
  public synchronized Applied<ArticleCorrection> correctArticle(String curator, ArticleCorrection asked,
      Optional<Long> expected, OriginalFields stored, Optional<String> reason) throws IOException {
    String id = asked.articleId();
    ArticleCorrection before = articleCorrections.get(id);
    if (asked.title().isPresent()) {
      text("title", asked.title().get(), 2_000, true);
    }
    if (asked.source().isPresent()) {
      text("source", asked.source().get(), MAX_NAME, true);
    }
    for (String author : asked.authors().orElse(List.of())) {
      text("authors", author, MAX_NAME, true);
    }
    for (ActorRef added : asked.addActors()) {
      text("addActors", added.name(), MAX_NAME, true);
      if (added.type() == null) {
        throw new CurationException(Kind.INVALID, "addActors", "give the type of the actor '" + added.name()
            + "': person, organisation, place, government or group");
      }
    }
    for (String theme : asked.addThemes()) {
      if (!themesByName.containsKey(theme.toLowerCase(Locale.ROOT))) {
        throw new CurationException(Kind.INVALID, "addThemes", "'" + theme + "' is not a theme of the taxonomy;"
            + " the themes are: " + String.join(", ", themesByName.values().stream().map(Theme::name).sorted().toList()));
      }
    }
    for (String theme : asked.removeThemes()) {
      // As the themes are removed: by name, any case, or by id. A name no theme has would remove nothing.
      boolean known = themesByName.containsKey(theme.toLowerCase(Locale.ROOT))
          || themesByName.values().stream().anyMatch(t -> t.id().equals(theme));
      if (!known) {
        throw new CurationException(Kind.INVALID, "removeThemes", "'" + theme + "' is not a theme of the taxonomy;"
            + " the themes are: " + String.join(", ", themesByName.values().stream().map(Theme::name).sorted().toList()));
      }
    }
    // The fields as the source now has them (the server restores them from the index): they may have
    // changed since the article was first corrected.
    OriginalFields original = stored != null ? stored
        : before != null ? before.original() : originals.get(id);
    if (before != null && sameCorrection(before, asked, original)) {
      return unchanged(before);
    }
    if (before != null) {
      checkReplaced(expected, before.version(), before.curator(), before.updated(), "the corrections of article '" + id + "'");
    }
    checkVersion(expected, before == null ? null : before.version(), "the corrections of article '" + id + "'");
    ArticleCorrection next = new ArticleCorrection(id, asked.title(), asked.published(), asked.source(), asked.authors(),
        asked.removeActors(), asked.addActors(), asked.removeThemes(), asked.addThemes(), original, curator,
        clock.instant(), before == null ? 1 : before.version() + 1);
    Change change = record(curator, "article.correct", "article:" + id, tree(before), tree(next), reason);
    return new Applied<>(next, change, Affected.corrected(Set.of(id), Set.of()));
  }

  public synchronized Applied<ArticleCorrection> withdrawArticleCorrection(String curator, String articleId,
      Optional<Long> expected, Optional<String> reason) throws IOException {
    ArticleCorrection before = articleCorrections.get(articleId);
    if (before == null) {
      throw new CurationException(Kind.NOT_FOUND, "articleId", "no corrections of article '" + articleId + "'");
    }
    checkVersion(expected, before.version(), "the corrections of article '" + articleId + "'");
    Change change = record(curator, "article.correct", "article:" + articleId, tree(before), null, reason);
    return new Applied<>(null, change, Affected.corrected(Set.of(articleId), Set.of()));
  }

  // ---- story records ----

  /**
   * Picks a version as a story's record instead of the earliest. That the article is a version of the
   * story is the caller's to check against the index: the curation does not know the stories.
   */
  public synchronized Applied<StoryRecord> pickStoryRecord(String curator, String storyId, String articleId,
      Optional<Long> expected, Optional<String> reason) throws IOException {
    String story = text("storyId", storyId, 1_000, true);
    String article = text("articleId", articleId, 1_000, true);
    StoryRecord before = storyRecords.get(story);
    if (before != null && before.articleId().equals(article)) {
      return unchanged(before);
    }
    if (before != null) {
      checkReplaced(expected, before.version(), before.curator(), before.updated(), "the record of story '" + story + "'");
    }
    checkVersion(expected, before == null ? null : before.version(), "the record of story '" + story + "'");
    StoryRecord next = new StoryRecord(story, article, curator, clock.instant(), before == null ? 1 : before.version() + 1);
    // Read when a story is shown, never written into articles: no article is affected.
    Change change = record(curator, "story.record", "story:" + story, tree(before), tree(next), reason);
    return new Applied<>(next, change, Affected.NONE);
  }

  /** Withdraws a story's picked record: the earliest version is the record again. */
  public synchronized Applied<StoryRecord> withdrawStoryRecord(String curator, String storyId, Optional<Long> expected,
      Optional<String> reason) throws IOException {
    StoryRecord before = storyRecords.get(storyId);
    if (before == null) {
      throw new CurationException(Kind.NOT_FOUND, "storyId", "no curator picked the record of story '" + storyId
          + "'; its earliest version is the record");
    }
    checkVersion(expected, before.version(), "the record of story '" + storyId + "'");
    Change change = record(curator, "story.record", "story:" + storyId, tree(before), null, reason);
    return new Applied<>(null, change, Affected.NONE);
  }

  // ---- story filings ----

  /** A curator's filing of an article's story, if one filed it. */
  public Optional<ArticleFiling> filing(String articleId) {
    return Optional.ofNullable(filings.get(articleId));
  }

  /**
   * Files an article in the story of another ({@code with}; {@code story} is the story as the curator
   * named it), or apart when {@code with} is empty; {@code from} is the story it is in now. That both
   * articles exist is the caller's to check against the index: the curation does not know the stories.
   */
  public synchronized Applied<ArticleFiling> fileStory(String curator, String articleId, Optional<String> story,
      Optional<String> with, Optional<String> from, Optional<Long> expected, Optional<String> reason)
      throws IOException {
    String article = text("articleId", articleId, 1_000, true);
    if (with.isPresent() && with.get().equals(article)) {
      throw new CurationException(Kind.INVALID, "story", "article '" + article + "' cannot be filed with itself;"
          + " name another version of the story, or the story's id");
    }
    ArticleFiling before = filings.get(article);
    if (before != null && before.with().equals(with) && before.story().equals(story)) {
      return unchanged(before);
    }
    if (before != null) {
      checkReplaced(expected, before.version(), before.curator(), before.updated(), "the filing of article '" + article + "'");
    }
    checkVersion(expected, before == null ? null : before.version(), "the filing of article '" + article + "'");
    ArticleFiling next = new ArticleFiling(article, story, with, from, reason, curator, clock.instant(),
        before == null ? 1 : before.version() + 1);
    Change change = record(curator, "story.file", "article:" + article, tree(before), tree(next), reason);
    return new Applied<>(next, change, Affected.refiled(article));
  }

  /** Withdraws a curator's filing: copy detection decides the article's story again. */
  public synchronized Applied<ArticleFiling> withdrawStoryFiling(String curator, String articleId,
      Optional<Long> expected, Optional<String> reason) throws IOException {
    ArticleFiling before = filings.get(articleId);
    if (before == null) {
      throw new CurationException(Kind.NOT_FOUND, "articleId", "no curator filed the story of article '" + articleId
          + "'; copy detection decides it");
    }
    checkVersion(expected, before.version(), "the filing of article '" + articleId + "'");
    Change change = record(curator, "story.file", "article:" + articleId, tree(before), null, reason);
    return new Applied<>(null, change, Affected.refiled(articleId));
  }

  /** Replaces every correction with those of an exported file, as one change. */
  public synchronized Applied<Corrections> importCorrections(String curator, Corrections imported,
      Optional<Long> expected, Optional<String> reason) throws IOException {
    ActorAuthority proposed = ActorAuthority.EMPTY;
    for (ActorCorrection correction : imported.actors()) {
      text("actor", correction.actor(), MAX_NAME, true);
      if (correction.renameTo().isPresent() && correction.renameTo().get().equals(correction.actor())) {
        throw new CurationException(Kind.INVALID, "actors", "'" + correction.actor() + "' cannot be merged into itself");
      }
      proposed = proposed.with(correction.actor(), correction);
    }
    for (ActorCorrection correction : imported.actors()) {
      if (proposed.chain(correction.actor()).isEmpty()) {
        throw new CurationException(Kind.CONFLICT, "actors", "the file's actor corrections make a cycle of merges"
            + " through '" + correction.actor() + "'");
      }
    }
    SourceAuthority proposedSources = SourceAuthority.EMPTY;
    for (SourceCorrection correction : imported.sources()) {
      text("source", correction.source(), MAX_NAME, true);
      text("sources", correction.renameTo(), MAX_NAME, true);
      if (correction.renameTo().equals(correction.source())) {
        throw new CurationException(Kind.INVALID, "sources", "the source '" + correction.source()
            + "' cannot be merged into itself");
      }
      proposedSources = proposedSources.with(correction.source(), correction);
    }
    for (SourceCorrection correction : imported.sources()) {
      if (proposedSources.chain(correction.source()).isEmpty()) {
        throw new CurationException(Kind.CONFLICT, "sources", "the file's source renames make a cycle through '"
            + correction.source() + "'");
      }
    }
    for (ArticleCorrection correction : imported.articles()) {
      text("articleId", correction.articleId(), 1_000, true);
      if (correction.original() == null) {
        throw new CurationException(Kind.INVALID, "articles", "the correction of article '" + correction.articleId()
            + "' has no original fields; import a file Morgue exported");
      }
    }
    for (StoryRecord record : imported.stories()) {
      text("storyId", record.storyId(), 1_000, true);
      text("articleId", record.articleId(), 1_000, true);
    }
    Set<String> refiled = new HashSet<>();
    for (ArticleFiling filing : imported.filings()) {
      text("articleId", filing.articleId(), 1_000, true);
      if (filing.with().isPresent() && filing.with().get().equals(filing.articleId())) {
        throw new CurationException(Kind.INVALID, "filings", "article '" + filing.articleId()
            + "' cannot be filed with itself");
      }
      refiled.add(filing.articleId());
    }
    Corrections before = corrections();
    Set<String> names = new HashSet<>();
    Set<String> sources = new HashSet<>();
    Set<String> articleIds = new HashSet<>();
    for (Corrections side : List.of(before, imported)) {
      for (SourceCorrection correction : side.sources()) {
        sources.addAll(sourceNamesOf(correction.source(), correction, null));
      }
      for (ActorCorrection correction : side.actors()) {
        names.add(correction.actor());
        correction.renameTo().ifPresent(names::add);
        names.add(authority.resolve(correction.actor()));
      }
      side.articles().forEach(correction -> articleIds.add(correction.articleId()));
    }
    before.filings().forEach(filing -> refiled.add(filing.articleId()));
    JsonNode beforeTree = tree(before);
    JsonNode importedTree = tree(imported);
    if (beforeTree.equals(importedTree)) {
      // The file as it stands (a restore of today's backup, a client that puts back what it read, or
      // retries its import): nothing to record, and no article to write again. A librarian's trial
      // found such a restore rewrote 244 articles in 13 s and recorded a change that changed nothing.
      return unchanged(before);
    }
    // The file replaces every correction: one restored from last week's backup must not silently undo
    // what another curator corrected since (expected is the version GET /api/corrections named).
    // Checked once the file is known to be one, so that a 400 says first what is wrong with it.
    if (!before.actors().isEmpty() || !before.sources().isEmpty() || !before.articles().isEmpty()
        || !before.stories().isEmpty() || !before.filings().isEmpty()) {
      checkReplaced(expected, lastCorrection.seq(), lastCorrection.curator(), lastCorrection.at(), "the corrections file");
    } else if (expected.isPresent() && expected.get() != ANY_VERSION) {
      checkVersion(expected, correctionsVersion(), "the corrections file"); // empty: nothing to lose, but a stale tag says so
    }
    Change change = record(curator, "corrections.import", "corrections", beforeTree, importedTree, reason);
    return new Applied<>(corrections(), change, new Affected(articleIds, names, sources, Set.of(), refiled));
  }

  // ---- the archive's own writes ----

  /** How many articles of one post the changes record lists by name; the rest are counted. */
  public static final int MAX_LISTED_POSTED = 100;

  /** An article as the changes record names one written or deleted over the API: enough to tell which. */
  public record ArticleRef(String id, String title, String source, Optional<java.time.LocalDate> published) {
    public static ArticleRef of(Article article) {
      return new ArticleRef(article.id(), article.title(), article.source(), article.published());
    }
  }

  /**
   * Records articles posted over the API ({@code articles.post}; its target is the article when one
   * was written, else {@code articles}, and {@code after.ids} lists every article written, so that
   * {@link #concerns} finds the post by any of them). Posting is not curation and changes none of it, but a
   * librarian asks "who put this in the archive, and when" of the same record. The articles are
   * already committed, so a restart has nothing to write again for it.
   */
  public synchronized Change recordPosted(String curator, List<ArticleRef> added, List<ArticleRef> updated,
      Optional<String> reason) throws IOException {
    ObjectNode after = json.createObjectNode();
    after.put("addedCount", added.size());
    after.put("updatedCount", updated.size());
    after.set("added", json.valueToTree(added.stream().limit(MAX_LISTED_POSTED).toList()));
    after.set("updated", json.valueToTree(updated.stream().limit(Math.max(0, MAX_LISTED_POSTED - added.size())).toList()));
    // Every id, however many: "who posted this article" must find one that came in a batch of 5,000.
    ArrayNode ids = after.putArray("ids");
    added.forEach(ref -> ids.add(ref.id()));
    updated.forEach(ref -> ids.add(ref.id()));
    String target = added.size() + updated.size() == 1
        ? "article:" + (added.isEmpty() ? updated : added).get(0).id() : "articles";
    return record(curator, "articles.post", target, null, after, reason);
  }

  /**
   * Whether a change is about {@code target}, as {@code /api/changes?target=} asks: its own target,
   * or, for {@code article:<id>}, also a post of several articles that wrote it. Such a post is one
   * change (one request, one record of who and why), whose {@code after.ids} lists every article it
   * wrote; one recorded before that list was kept is found by the first 100 it names. An article id
   * matches in either Unicode form, as the archive reads it.
   */
  public static boolean concerns(Change change, String target) {
    if (change.target().equals(target)) {
      return true;
    }
    if (!target.startsWith("article:")) {
      return false;
    }
    String id = ArticleIdForms.key(target.substring("article:".length()));
    if (change.target().startsWith("article:")) {
      return ArticleIdForms.key(targetId(change)).equals(id);
    }
    JsonNode after = change.after();
    if (!change.action().equals("articles.post") || after == null) {
      return false;
    }
    if (after.has("ids")) {
      for (JsonNode posted : after.get("ids")) {
        if (ArticleIdForms.key(posted.asText()).equals(id)) {
          return true;
        }
      }
      return false;
    }
    for (String side : List.of("added", "updated")) {
      for (JsonNode ref : after.path(side)) {
        if (ArticleIdForms.key(ref.path("id").asText()).equals(id)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Records an article deleted over the API ({@code article.delete}), as it was, and why. */
  public synchronized Change recordDeleted(String curator, ArticleRef deleted, Optional<String> reason)
      throws IOException {
    return record(curator, "article.delete", "article:" + deleted.id(), json.valueToTree(deleted), null, reason);
  }

  /**
   * A curator's reason as the record keeps it: stripped, none when blank, refused when too long or
   * holding a control character. An article write's reason is checked with this before any article
   * is written: refused only when recorded, it would cost the articles' writing and its undoing.
   */
  public static Optional<String> reason(Optional<String> given) {
    return given.filter(r -> !r.isBlank()).map(r -> text("reason", r, MAX_REASON, false));
  }

  /** The articles a recorded change may alter, as the state now stands: what a restart writes again. */
  public synchronized Affected affected(Change change) {
    Set<String> articleIds = new HashSet<>();
    Set<String> names = new HashSet<>();
    Set<String> sources = new HashSet<>();
    Set<String> members = new HashSet<>();
    Set<String> refiled = new HashSet<>();
    switch (change.action()) {
      case "source.correct" -> {
        sources.addAll(sourceNamesOf(targetId(change), value(change.before(), SourceCorrection.class),
            value(change.after(), SourceCorrection.class)));
      }
      case "story.file" -> refiled.add(targetId(change));
      case "collection.add", "collection.remove", "collection.delete" -> {
        for (JsonNode side : new JsonNode[] {change.before(), change.after()}) {
          if (side != null && side.has("entries")) {
            side.get("entries").forEach(entry -> members.add(entry.get("articleId").asText()));
          }
        }
      }
      case "article.correct" -> articleIds.add(targetId(change));
      case "actor.correct" -> {
        String actor = targetId(change);
        names.add(actor);
        names.add(authority.resolve(actor));
        for (JsonNode side : new JsonNode[] {change.before(), change.after()}) {
          if (side != null && side.hasNonNull("renameTo")) {
            names.add(side.get("renameTo").asText());
            names.add(authority.resolve(side.get("renameTo").asText()));
          }
        }
      }
      case "corrections.import" -> {
        for (JsonNode side : new JsonNode[] {change.before(), change.after()}) {
          Corrections corrections = value(side, Corrections.class);
          if (corrections != null) {
            for (ActorCorrection correction : corrections.actors()) {
              names.add(correction.actor());
              names.add(authority.resolve(correction.actor()));
              correction.renameTo().ifPresent(names::add);
            }
            for (SourceCorrection correction : corrections.sources()) {
              sources.addAll(sourceNamesOf(correction.source(), correction, null));
            }
            corrections.articles().forEach(correction -> articleIds.add(correction.articleId()));
            corrections.filings().forEach(filing -> refiled.add(filing.articleId()));
          }
        }
      }
      default -> {}
    }
    return new Affected(articleIds, names, sources, members, refiled);
  }

  @Override
  public void close() throws IOException {
    if (journal != null) {
      journal.close();
    }
  }

  // ---- the journal and the state ----

  private Change record(String curator, String action, String target, JsonNode before, JsonNode after,
      Optional<String> reason) throws IOException {
    writable();
    Optional<String> why = reason(reason);
    Change change = new Change(seq + 1, clock.instant(), curator, action, target, before, after, why);
    journal.append(change);
    apply(change);
    return change;
  }

  /**
   * Takes back the change made last, which the archive could not follow (the disk filled while its
   * articles were written again): its line is cut off the journal and the state is the one before it,
   * so the next read shows what was there and the same change can be asked for again.
   *
   * @throws IllegalStateException when {@code change} is not the last change made
   */
  public synchronized void takeBack(Change change) throws IOException {
    writable();
    if (change.seq() != seq || changes.isEmpty() || changes.get(changes.size() - 1) != change) {
      throw new IllegalStateException("change " + change.seq() + " is not the last change made (" + seq + ")");
    }
    journal.takeBack(change);
    // The state before it, replayed from the journal as a restart would, then put in place map by map:
    // a reader that does not lock (the indexer's corrections, the authority) never sees it empty.
    Curation before = new Curation(folder, null, changes.subList(0, changes.size() - 1), themesByName.values(), clock);
    // In their order: these two are read under this object's lock only.
    collections.clear();
    collections.putAll(before.collections);
    savedSearches.clear();
    savedSearches.putAll(before.savedSearches);
    replace(deletedArticles, before.deletedArticles);
    replace(membership, before.membership);
    authority = before.authority;
    sourceNames = before.sourceNames;
    replace(articleCorrections, before.articleCorrections);
    // The source's fields learnt from articles written since the start are newer than the journal's.
    Map<String, OriginalFields> learnt = new HashMap<>(originals);
    learnt.keySet().retainAll(before.originals.keySet());
    Map<String, OriginalFields> known = new HashMap<>(before.originals);
    known.putAll(learnt);
    replace(originals, known);
    replace(storyRecords, before.storyRecords);
    replace(filings, before.filings);
    replace(filedWith, before.filedWith);
    storyRecordsSeq = before.storyRecordsSeq;
    lastCorrection = before.lastCorrection;
    replace(correctedValues, before.correctedValues);
    usedIds.retainAll(before.usedIds);
    changes.remove(changes.size() - 1);
    seq = before.seq;
  }

  private static <K, V> void replace(Map<K, V> current, Map<K, V> wanted) {
    current.keySet().retainAll(wanted.keySet());
    current.putAll(wanted);
  }

  /** Applies a recorded change to the state; the same code serves a new change and a replayed one. */
  private void apply(Change change) {
    String id = targetId(change);
    switch (change.action()) {
      case "collection.create" -> {
        ArticleCollection created = value(change.after(), ArticleCollection.class);
        collections.put(created.id(), created);
        usedIds.add(created.id());
      }
      case "collection.update" -> {
        ArticleCollection current = collections.get(id);
        ArticleCollection header = value(change.after(), ArticleCollection.class);
        collections.put(id, bumped(current, header.name(), header.description(), current.entries(), change));
      }
      case "collection.delete" -> {
        ArticleCollection removed = collections.remove(id);
        if (removed != null) {
          removed.entries().forEach(entry -> leave(entry.articleId(), id));
        }
      }
      case "collection.add" -> {
        ArticleCollection current = collections.get(id);
        List<CollectionEntry> entries = new ArrayList<>(current.entries());
        for (CollectionEntry entry : entries(change.after())) {
          entries.add(entry);
          membership.compute(entry.articleId(), (key, set) -> with(set, id));
        }
        collections.put(id, bumped(current, current.name(), current.description(), entries, change));
      }
      case "collection.remove" -> {
        ArticleCollection current = collections.get(id);
        Set<String> removed = ids(entries(change.before()));
        List<CollectionEntry> entries = new ArrayList<>(current.entries());
        entries.removeIf(entry -> removed.contains(entry.articleId()));
        removed.forEach(articleId -> leave(articleId, id));
        collections.put(id, bumped(current, current.name(), current.description(), entries, change));
      }
      case "collection.entry" -> {
        ArticleCollection current = collections.get(id);
        String articleId = change.after().get("articleId").asText();
        List<CollectionEntry> entries = new ArrayList<>(current.entries());
        CollectionEntry entry = entries.remove(indexOf(current, articleId));
        entries.add(change.after().get("position").asInt(),
            new CollectionEntry(articleId, change.after().get("note").asText(), entry.added()));
        collections.put(id, bumped(current, current.name(), current.description(), entries, change));
      }
      case "saved-search.put" -> {
        SavedSearch saved = value(change.after(), SavedSearch.class);
        savedSearches.put(saved.id(), saved);
        usedIds.add(saved.id());
      }
      case "saved-search.delete" -> savedSearches.remove(id);
      case "story.record" -> {
        storyRecordsSeq = change.seq();
        StoryRecord after = value(change.after(), StoryRecord.class);
        if (after == null) {
          storyRecords.remove(id);
        } else {
          storyRecords.put(id, after);
        }
      }
      case "story.file" -> {
        ArticleFiling before = filings.remove(id);
        if (before != null && before.with().isPresent()) {
          filedWith.computeIfPresent(before.with().get(), (anchor, set) -> {
            Set<String> next = new HashSet<>(set);
            next.remove(id);
            return next.isEmpty() ? null : Set.copyOf(next);
          });
        }
        ArticleFiling after = value(change.after(), ArticleFiling.class);
        if (after != null) {
          file(after);
        }
      }
      case "actor.correct" -> authority = authority.with(id, value(change.after(), ActorCorrection.class));
      case "source.correct" -> sourceNames = sourceNames.with(id, value(change.after(), SourceCorrection.class));
      case "article.correct" -> {
        ArticleCorrection after = value(change.after(), ArticleCorrection.class);
        if (after == null) {
          articleCorrections.remove(id);
        } else {
          articleCorrections.put(id, after);
          remember(after, true);
        }
      }
      case "corrections.import" -> {
        Corrections imported = value(change.after(), Corrections.class);
        ActorAuthority next = ActorAuthority.EMPTY;
        for (ActorCorrection correction : imported.actors()) {
          next = next.with(correction.actor(), correction);
        }
        authority = next;
        SourceAuthority renamed = SourceAuthority.EMPTY;
        for (SourceCorrection correction : imported.sources()) {
          renamed = renamed.with(correction.source(), correction);
        }
        sourceNames = renamed;
        articleCorrections.clear();
        for (ArticleCorrection correction : imported.articles()) {
          articleCorrections.put(correction.articleId(), correction);
          remember(correction, false);
        }
        // A story's record is applied when the story is shown: whether the pick is still a version then
        // is the server's to check, so a file's picks are taken as they are.
        storyRecords.clear();
        storyRecordsSeq = change.seq();
        for (StoryRecord record : imported.stories()) {
          storyRecords.put(record.storyId(), record);
        }
        // An import recorded before filings joined the file left them as they were.
        if (change.after().has("filings")) {
          filings.clear();
          filedWith.clear();
          for (ArticleFiling filing : imported.filings()) {
            file(filing);
          }
        }
      }
      case "articles.post" -> {} // the index holds these; the record only tells of them
      case "article.delete" -> deletedArticles.put(change.target().substring("article:".length()),
          value(change.before(), ArticleRef.class));
      default -> throw new IllegalStateException("change " + change.seq() + " has an unknown action '"
          + change.action() + "': it was written by a newer Morgue");
    }
    if (Set.of("actor.correct", "source.correct", "article.correct", "story.record", "story.file", "corrections.import")
        .contains(change.action())) {
      lastCorrection = change;
    }
    changes.add(change);
    seq = change.seq();
  }

  /** Keeps a filing, and the article it names as one filed with. */
  private void file(ArticleFiling filing) {
    String id = filing.articleId();
    filings.put(id, filing);
    filing.with().ifPresent(anchor -> filedWith.compute(anchor, (key, set) -> {
      Set<String> next = set == null ? new HashSet<>() : new HashSet<>(set);
      next.add(id);
      return Set.copyOf(next);
    }));
  }

  /**
   * The answer to a write that asks for what is already there: nothing recorded, the version as it was.
   * It is made before the version named in If-Match is checked, as RFC 9110 (13.1.1) allows once the
   * state asked for is the current one: a client whose first PUT went through but whose answer was
   * lost retries with the version it read, and must be told it is done, not that it is stale (a PUT
   * is idempotent). Who asked and when is not the thing's content, so a second curator asking for the
   * same leaves the first one's name and time, and no change that changed nothing is in the record.
   */
  private static <T> Applied<T> unchanged(T current) {
    return new Applied<>(current, null, Affected.NONE);
  }

  /** Whether a correction asked for is the one stored: every field a curator gives, and the source's fields it keeps. */
  private static boolean sameCorrection(ArticleCorrection stored, ArticleCorrection asked, OriginalFields original) {
    return stored.title().equals(asked.title()) && stored.published().equals(asked.published())
        && stored.source().equals(asked.source()) && stored.authors().equals(asked.authors())
        && stored.removeActors().equals(asked.removeActors()) && stored.addActors().equals(asked.addActors())
        && stored.removeThemes().equals(asked.removeThemes()) && stored.addThemes().equals(asked.addThemes())
        && java.util.Objects.equals(stored.original(), original);
  }

  private static ArticleCollection bumped(ArticleCollection current, String name, String description,
      List<CollectionEntry> entries, Change change) {
    return new ArticleCollection(current.id(), name, description, current.curator(), current.created(), change.at(),
        current.version() + 1, entries);
  }

  private void leave(String articleId, String collection) {
    membership.computeIfPresent(articleId, (key, set) -> {
      Set<String> next = new HashSet<>(set);
      next.remove(collection);
      return next.isEmpty() ? null : Set.copyOf(next);
    });
  }

  private static Set<String> with(Set<String> set, String collection) {
    Set<String> next = set == null ? new HashSet<>() : new HashSet<>(set);
    next.add(collection);
    return Set.copyOf(next);
  }

  /** The authority file's entries by name, sorted: what it holds, not a replay of the journal. */
  private Map<String, ActorCorrection> actorCorrections() {
    return new java.util.TreeMap<>(authority.corrections());
  }

  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return new java.util.TreeMap<>(map);
  }

  private Set<String> actorNames(String actor, ActorCorrection before, ActorCorrection after) {
    Set<String> names = new HashSet<>();
    names.add(actor);
    names.add(authority.resolve(actor));
    for (ActorCorrection side : new ActorCorrection[] {before, after}) {
      if (side != null && side.renameTo().isPresent()) {
        names.add(side.renameTo().get());
        names.add(authority.resolve(side.renameTo().get()));
      }
    }
    return names;
  }

  /**
   * The sources whose articles a rename may change: the names on both sides and the names they go by
   * now, as the actor facet finds an actor's ({@link #actorNames}), here with the source facet.
   */
  private Set<String> sourceNamesOf(String source, SourceCorrection before, SourceCorrection after) {
    Set<String> names = new HashSet<>();
    names.add(source);
    names.add(sourceNames.resolve(source));
    for (SourceCorrection side : new SourceCorrection[] {before, after}) {
      if (side != null) {
        names.add(side.renameTo());
        names.add(sourceNames.resolve(side.renameTo()));
      }
    }
    return names;
  }

  private static List<String> cycleFrom(java.util.function.Function<String, Optional<String>> renameOf, String from,
      String back) {
    List<String> cycle = new ArrayList<>();
    cycle.add(back);
    String at = from;
    while (!at.equals(back) && cycle.size() < 50) {
      cycle.add(at);
      Optional<String> next = renameOf.apply(at);
      if (next.isEmpty()) {
        break;
      }
      at = next.get();
    }
    cycle.add(back);
    return cycle;
  }

  private ArticleCollection existingCollection(String id, Optional<Long> expected) {
    ArticleCollection current = collections.get(id);
    if (current == null) {
      throw new CurationException(Kind.NOT_FOUND, "id", "no collection '" + id + "'");
    }
    checkVersion(expected, current.version(), "collection '" + id + "'");
    return current;
  }

  /**
   * Refuses to replace something whole that exists when the write names no version: two curators
   * correcting one article a moment apart would otherwise each replace the other's fields without
   * either being told (the lost update that RFC 6585's 428 is for). Creating needs no version, and
   * {@code If-Match: *} replaces whatever is there on purpose.
   */
  private static void checkReplaced(Optional<Long> expected, long current, String curator, Instant at, String what) {
    if (expected.isEmpty()) {
      throw new CurationException(Kind.VERSION_REQUIRED, "If-Match", what + " exists (version " + current + ", set by "
          + curator + " at " + at + ") and this write replaces it whole: read it, then send its ETag (\"v" + current
          + "\") as If-Match, so that a change made since you read it is not lost; If-Match: * replaces it whatever"
          + " it is");
    }
    checkVersion(expected, current, what);
  }

  private static void checkVersion(Optional<Long> expected, Long current, String what) {
    if (expected.isPresent() && expected.get() == ANY_VERSION) {
      if (current == null) {
        throw new CurationException(Kind.STALE_VERSION, "If-Match", what + " does not exist (any more), and"
            + " If-Match: * asks that it does");
      }
      return;
    }
    if (expected.isPresent() && !expected.get().equals(current)) {
      throw new CurationException(Kind.STALE_VERSION, "If-Match", current == null
          ? what + " does not exist (any more), so it is not at version " + expected.get()
          : what + " is at version " + current + ", not " + expected.get()
              + ": someone changed it since you read it; read it again, then write");
    }
  }

  private static int indexOf(ArticleCollection collection, String articleId) {
    for (int i = 0; i < collection.entries().size(); i++) {
      if (collection.entries().get(i).articleId().equals(articleId)) {
        return i;
      }
    }
    return -1;
  }

  private static Set<String> ids(List<CollectionEntry> entries) {
    Set<String> ids = new LinkedHashSet<>();
    entries.forEach(entry -> ids.add(entry.articleId()));
    return ids;
  }

  private List<CollectionEntry> entries(JsonNode node) {
    try {
      return List.of(json.treeToValue(node.get("entries"), CollectionEntry[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a change's entries cannot be read", e);
    }
  }

  private <V> V value(JsonNode node, Class<V> type) {
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return json.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a change's " + type.getSimpleName() + " cannot be read", e);
    }
  }

  private JsonNode tree(Object value) {
    return value == null ? null : json.valueToTree(value);
  }

  private JsonNode headerTree(ArticleCollection collection) {
    ObjectNode node = json.createObjectNode();
    node.put("name", collection.name());
    node.put("description", collection.description());
    return node;
  }

  private static String targetId(Change change) {
    int colon = change.target().indexOf(':');
    return colon < 0 ? change.target() : change.target().substring(colon + 1);
  }

  private String newId(String name, String fallback) {
    // Any script in Latin letters first: a name in Japanese or Arabic had only the fallback for an id
    // ("collection-3"), and letters without a decomposition were dropped ("Ünïcødé" was unic-de).
    String latin;
    synchronized (TO_ASCII) {
      latin = TO_ASCII.transliterate(name);
    }
    String slug = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 48) {
      slug = slug.substring(0, 48).replaceAll("-+$", "");
    }
    if (slug.isEmpty()) {
      slug = fallback;
    }
    String id = slug;
    for (int n = 2; usedIds.contains(id); n++) {
      id = slug + "-" + n;
    }
    return id;
  }

  /** Names in Latin letters and ASCII, for ids. Not safe for threads at once: used under its lock. */
  private static final com.ibm.icu.text.Transliterator TO_ASCII =
      com.ibm.icu.text.Transliterator.getInstance("Any-Latin; Latin-ASCII");

  private static String fileName(String id) {
    return folderName(id) + ".json";
  }

  /** A name as a file system takes any id or curator: hexadecimal UTF-8. */
  private static String folderName(String id) {
    return java.util.HexFormat.of().formatHex(id.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A curator's text as kept: stripped, its line ends made "\n" (a note pasted from a Windows tool
   * ends its lines in "\r\n"), no longer than {@code max} characters as a person counts them (an emoji
   * is one), and free of other control characters, which no one types and a reader would not see.
   */
  private static String text(String field, String value, int max, boolean required) {
    String text = value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (required && text.isEmpty()) {
      throw new CurationException(Kind.INVALID, field, field + " must not be empty");
    }
    int characters = text.codePointCount(0, text.length());
    if (characters > max) {
      throw new CurationException(Kind.INVALID, field, field + " is " + characters + " characters long;"
          + " the limit is " + max);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        throw new CurationException(Kind.INVALID, field, field + " holds the control character U+"
            + String.format("%04X", (int) c) + " at character " + (text.codePointCount(0, i) + 1)
            + "; only line breaks and tabs may be in it");
      }
    }
    return text;
  }

  private void writable() {
    if (journal == null) {
      throw new IllegalStateException("this curation was opened to read only");
    }
  }
}
