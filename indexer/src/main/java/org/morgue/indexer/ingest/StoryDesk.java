package org.morgue.indexer.ingest;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.morgue.article.Article;
import org.morgue.indexer.story.BandKeyFilter;
import org.morgue.indexer.story.CopyCandidates;
import org.morgue.indexer.story.CopyDecision;
import org.morgue.indexer.story.CopyDetection;
import org.morgue.indexer.story.StoryKeys;
import org.morgue.indexer.story.ShingleSketch;
import org.morgue.indexer.story.Shingles;
import org.morgue.indexer.story.StorySigner;
import org.morgue.search.ArchiveStore;
import org.morgue.search.StoredVersion;
import org.morgue.search.StoryEntry;

/**
 * Decides which story each article the pipeline writes is a version of, before it is written, so a
 * document is written once with its story id and never updated for it.
 *
 * <p>An article's copies are looked up by its keys ({@link StoryKeys}: band keys and lead keys) in
 * two places: the store's committed articles ({@link ArchiveStore#versionsSharing}, an indexed
 * look-up) and the articles written since the last commit, which this desk remembers with their
 * {@link ShingleSketch} (at most a commit's worth, about two bytes a shingle, so memory stays flat
 * however large the archive). Each candidate is confirmed by {@link CopyDecision} on the two
 * sketches; a stored candidate's is made again from its stored body rather than kept in the index,
 * because only copies and rare key collisions ever become candidates, while a stored sketch would
 * cost every article a kilobyte or more.
 *
 * <p>An article that matches copies joins their story; one that matches none starts a story under
 * its own id. An article whose copies are filed under two or more stories (the full story after its
 * first take and its add, which share no text) merges them: it joins the story whose matched version
 * the archive received first (by write, then in the order this desk decided them, then the earliest
 * published, then by id), and the others are absorbed into it. The absorbed stories' versions are
 * re-filed by the pipeline before the next commit ({@link #refiling}), so the merge is in the same
 * commit as the article that made it. A story id never changes otherwise: an earlier version indexed
 * later joins the story, it does not rename it.
 *
 * <p>A curator's filing ({@link StoryFiling}) decides instead of detection: an article filed with
 * another joins that one's story, and one filed apart starts a story of its own. Either way the
 * article is written without keys, so detection never finds it as a copy (it cannot pull a filed-apart
 * article back, nor bridge two stories through it); the curator's links (the article filed with, and
 * the articles filed with it) count as copies both ways, so which of two linked articles comes first
 * does not matter. Safe to call from several threads;
 * the look-up in the committed articles runs in parallel, the decision one at a time, so two copies
 * written at once see each other.
 */
final class StoryDesk {
  private final CopyDetection detection;
  private final StorySigner signer;
  private final CopyDecision decision;
  private final ArticleCuration curation;
  private CopyCandidates recentKeys;
  /** What was decided for each article since the last commit, by id. */
  private final Map<String, Recent> recent = new HashMap<>();
  /** The same, by story id: which articles written since the last commit each story holds. */
  private final Map<String, Set<String>> recentByStory = new HashMap<>();
  /** The band keys written since the last commit, for the filter once they are committed. */
  private final List<long[]> recentBandKeys = new ArrayList<>();
  /**
   * The stories absorbed since the last commit, each with the story it went into (always one that is
   * not itself absorbed): what committed copies' story ids are read through until the commit.
   */
  private final Map<String, String> absorbed = new HashMap<>();
  /** The order this desk decided articles in since the last commit: which of two recent stories came first. */
  private long decided;
  /**
   * While {@link #decideAgain} runs: the versions whose story is decided again and not yet, whose
   * committed story no longer counts. Empty otherwise.
   */
  private Set<String> undecided = Set.of();
  /** While {@link #decideAgain} runs, the id the first story it starts keeps: the story's own. */
  private String keptId;
  /** The band keys the store last written to has committed; null until an article is written. */
  private volatile CommittedKeys committedKeys;

  StoryDesk(CopyDetection detection, ArticleCuration curation) {
    this.detection = detection;
    this.curation = curation;
    this.signer = new StorySigner(detection);
    this.decision = new CopyDecision(detection);
    this.recentKeys = new CopyCandidates();
  }

  /** Decides the story of an article about to be written to this store, and remembers it until the next commit. */
  StoryEntry assign(Article article, ArchiveStore store) throws IOException {
    return decideStory(article, store).entry();
  }

  /**
   * What {@link #assign} decides, and the version of the story whose text the article's is exactly
   * (the one the archive received first, when several), if any: an identical copy under another name,
   * which the run reports so a librarian can clean the share. Told from what detection computes
   * anyway: a committed version's stored body, a recent one's sketch and body hash.
   */
  Decision decideStory(Article article, ArchiveStore store) throws IOException {
    boolean filed = curation.storyFiling(article.id()).isPresent();
    // A filed article is neither looked up nor findable: the curator, not its text, decides its story.
    long[] shingles = filed ? new long[0] : Shingles.of(article.body(), detection.shingleWords());
    long[] keys = filed ? new long[0] : StoryKeys.of(article, signer.sign(shingles), detection);
    ShingleSketch sketch = ShingleSketch.of(shingles);
    // Outside the lock: the committed articles change only at a commit, when no article is being
    // written, and this look-up (with the candidates' bodies read and shingled) is most of the desk's cost.
    int bodyHash = article.body().hashCode();
    List<Match> committedCopies = committedCopies(article, sketch, keysToAsk(keys, store), store);
    Set<String> links = links(article.id());
    committedCopies.addAll(committedLinks(links, store));
    synchronized (this) {
      List<Match> identical = new ArrayList<>();
      String storyId = decide(article, sketch, bodyHash, keys, links, committedCopies, store, identical);
      Recent before = recent.put(article.id(), new Recent(storyId, storyId, sketch, bodyHash, article.published(), ++decided));
      if (before != null) {
        recentByStory.get(before.storyId()).remove(article.id());
      }
      recentByStory.computeIfAbsent(storyId, s -> new HashSet<>()).add(article.id());
      if (keys.length > 0) {
        recentKeys.add(article.id(), keys);
        recentBandKeys.add(keys);
      }
      Optional<String> copyOf = identical.isEmpty() ? Optional.empty()
          : Optional.of(Collections.min(identical, Match.RECEIVED).articleId());
      return new Decision(new StoryEntry(storyId, keys), copyOf);
    }
  }

  /** An article's story entry, and the version whose text it repeats exactly, if any. */
  record Decision(StoryEntry entry, Optional<String> copyOf) {}

  /** The entry of an article written again under the story it already has: its keys made anew (none when a curator filed it). */
  StoryEntry keep(Article article, String storyId) {
    if (curation.storyFiling(article.id()).isPresent()) {
      return new StoryEntry(storyId, new long[0]);
    }
    return new StoryEntry(storyId, StoryKeys.of(article, signer.sign(article), detection));
  }

  /**
   * Decides again, in the order given, the story of each of these versions of one story as if each
   * were new (the committed story of those not decided yet no longer counts), and hands each entry to
   * {@code write} as it is decided: what a curator's filing of one of them does to the story it was
   * in. The first story started keeps the story's id; {@code last}, the article the curator filed, is
   * decided after the others, so the versions that stay keep the id and a link to it. Does not commit.
   */
  synchronized void decideAgain(String storyId, List<Article> versions, Article last, ArchiveStore store,
      Decided write) throws IOException {
    Set<String> ids = new HashSet<>();
    versions.forEach(version -> ids.add(version.id()));
    ids.add(last.id());
    undecided = ids;
    keptId = storyId;
    try {
      for (Article version : versions) {
        write.accept(version, assign(version, store));
      }
      keptId = null;
      write.accept(last, assign(last, store));
    } finally {
      undecided = Set.of();
      keptId = null;
    }
  }

  /** Takes an article's entry as {@link #decideAgain} decides it. */
  @FunctionalInterface
  interface Decided {
    void accept(Article article, StoryEntry entry) throws IOException;
  }

  /** The articles a curator linked this one with: the one it is filed with, and those filed with it. */
  private Set<String> links(String articleId) {
    Set<String> links = new TreeSet<>(curation.filedWith(articleId));
    curation.storyFiling(articleId).flatMap(StoryFiling::with).ifPresent(links::add);
    links.remove(articleId);
    return links;
  }

  /** The committed articles among the links, as matches: a curator's link counts as a copy. */
  private static List<Match> committedLinks(Set<String> links, ArchiveStore store) throws IOException {
    List<Match> matches = new ArrayList<>();
    for (StoredVersion linked : store.versionsOf(links)) {
      // Held whole: a curator's link merges the stories it spans, as a copy held whole does.
      matches.add(new Match(linked.storyId(), linked.published(), linked.articleId(), linked.write(), 0, true, false));
    }
    return matches;
  }

  /**
   * The keys worth looking up in the store's committed articles: those its filter does not rule out
   * (all of them when the store cannot list its keys). Most articles are no copy of anything, and
   * then most of their keys are ruled out, which saves a search of every segment per key.
   */
  private long[] keysToAsk(long[] keys, ArchiveStore store) throws IOException {
    CommittedKeys committed = committedKeys(store);
    if (committed.filter() == null) {
      return keys;
    }
    return Arrays.stream(keys).filter(committed.filter()::mightContain).toArray();
  }

  /** The filter of the store's committed keys, loaded on the first article written to a store. */
  private CommittedKeys committedKeys(ArchiveStore store) throws IOException {
    CommittedKeys known = committedKeys;
    if (known != null && known.store() == store) {
      return known;
    }
    synchronized (this) {
      if (committedKeys == null || committedKeys.store() != store) {
        committedKeys = load(store);
      }
      return committedKeys;
    }
  }

  /**
   * One pass over the store's keys, into a filter sized by the store's count of articles: each holds
   * at most {@link StoryKeys#most} keys (none for a body without words), so the size is an upper bound, and the
   * store's keys are never read twice (on a cluster, a scan of every committed article).
   */
  private CommittedKeys load(ArchiveStore store) throws IOException {
    long articles = store.articlesWithBandKeys();
    if (articles < 0) {
      return new CommittedKeys(store, null);
    }
    // Room for as many again before it must be made anew.
    BandKeyFilter filter = new BandKeyFilter(2 * articles * StoryKeys.most(detection));
    if (!store.forEachBandKey(filter::add)) {
      return new CommittedKeys(store, null);
    }
    return new CommittedKeys(store, filter);
  }

  /**
   * Forgets what was written since the last commit to this store: its look-up sees it now, and its
   * keys join the filter (or the filter is made anew, larger, once full).
   */
  synchronized void committed(ArchiveStore store) {
    if (committedKeys != null && committedKeys.store() == store && committedKeys.filter() != null) {
      for (long[] keys : recentBandKeys) {
        for (long key : keys) {
          committedKeys.filter().add(key);
        }
      }
      if (committedKeys.filter().full()) {
        committedKeys = null;
      }
    } else if (committedKeys != null && committedKeys.store() != store) {
      committedKeys = null;
    }
    forgetRecent();
  }

  /**
   * Forgets what was decided since the last commit, as a store rolled back does what was written: an
   * article whose write failed must start no story and be no copy. Remembered, it did both (a trial's
   * failed post of "phantom-src" left the next copy of its text filed in story "phantom-src").
   */
  synchronized void rolledBack() {
    forgetRecent();
    // Made from the keys of a store that is closed now; the next write makes it again from what is committed.
    committedKeys = null;
  }

  /** Empties what was decided since the last commit, which a commit has made the store's or a rollback undone. */
  private void forgetRecent() {
    recentBandKeys.clear();
    recent.clear();
    recentByStory.clear();
    absorbed.clear();
    decided = 0;
    recentKeys = new CopyCandidates();
  }

  /** The committed articles that are copies of this one (itself excluded), in a list the caller may add to. */
  private List<Match> committedCopies(Article article, ShingleSketch sketch, long[] keys, ArchiveStore store)
      throws IOException {
    List<Match> matches = new ArrayList<>();
    if (keys.length == 0) {
      return matches;
    }
    for (StoredVersion stored : store.versionsSharing(keys)) {
      String id = stored.articleId();
      ShingleSketch version = ShingleSketch.of(Shingles.of(stored.body(), detection.shingleWords()));
      if (!id.equals(article.id()) && decision.sameStory(sketch, version)) {
        matches.add(new Match(stored.storyId(), stored.published(), id, stored.write(), 0, holdsWhole(sketch, version),
            stored.body().equals(article.body())));
      }
    }
    return matches;
  }

  /**
   * The articles whose documents carry a story absorbed since the last commit, each with the story it
   * is filed under now: the committed versions of each absorbed story, and those written since under
   * it. The pipeline writes each again before it commits.
   */
  synchronized Map<String, String> refiling(ArchiveStore store) throws IOException {
    Map<String, String> refile = new TreeMap<>();
    for (Map.Entry<String, Recent> written : recent.entrySet()) {
      Recent now = written.getValue();
      if (!now.writtenAs().equals(now.storyId())) {
        refile.put(written.getKey(), now.storyId());
      }
    }
    for (Map.Entry<String, String> merge : absorbed.entrySet()) {
      for (String member : store.storyMembers(merge.getKey())) {
        // One written again since the commit has the story decided for it then.
        if (!recent.containsKey(member)) {
          refile.put(member, merge.getValue());
        }
      }
    }
    return refile;
  }

  private String decide(Article article, ShingleSketch sketch, int bodyHash, long[] keys, Set<String> links,
      List<Match> committedCopies, ArchiveStore store, List<Match> identical) throws IOException {
    List<Match> matches = new ArrayList<>();
    for (Match copy : committedCopies) {
      // A version written since the commit supersedes the committed one, and is judged below; one
      // decided again and not yet is in no story for now.
      if (!recent.containsKey(copy.articleId()) && !undecided.contains(copy.articleId())) {
        matches.add(copy.filedUnder(absorbed.getOrDefault(copy.storyId(), copy.storyId())));
      }
    }
    for (String id : keys.length == 0 ? List.<String>of() : recentKeys.candidates(keys)) {
      Recent other = recent.get(id);
      if (!id.equals(article.id()) && decision.sameStory(sketch, other.sketch())) {
        // After every committed version: the archive received it in the write under way.
        // The same shingles and the same body hash: the same text, but for odds far below a false copy's.
        boolean same = other.bodyHash() == bodyHash && other.sketch().shingles() == sketch.shingles()
            && sketch.containment(other.sketch()) == 1.0;
        matches.add(new Match(other.storyId(), other.published(), id, Long.MAX_VALUE, other.decided(),
            holdsWhole(sketch, other.sketch()), same));
      }
    }
    for (String id : links) {
      Recent other = recent.get(id);
      if (other != null) {
        matches.add(new Match(other.storyId(), other.published(), id, Long.MAX_VALUE, other.decided(), true, false));
      }
    }
    matches.stream().filter(Match::identical).forEach(identical::add);
    if (matches.isEmpty()) {
      return newStory(article.id(), store);
    }
    // Stories of which the article holds a version whole merge (the full story holds its take and
    // its add); one it only overlaps does not (two clippings sharing a paragraph or a press office's
    // boilerplate), since merging on a partial overlap would chain unrelated stories into one. The
    // article then joins one story, as before merges.
    List<Match> whole = matches.stream().filter(Match::heldWhole).toList();
    if (whole.stream().map(Match::storyId).distinct().count() < 2) {
      // A curator's link decides which one: the article is filed with the article it is linked to.
      List<Match> linked = matches.stream().filter(match -> links.contains(match.articleId())).toList();
      return Collections.min(linked.isEmpty() ? matches : linked, Match.RECEIVED).storyId();
    }
    String survivor = Collections.min(whole, Match.RECEIVED).storyId();
    for (Match copy : whole) {
      if (!copy.storyId().equals(survivor)) {
        absorb(copy.storyId(), survivor);
      }
    }
    return survivor;
  }

  /**
   * The least share of a stored version's shingles a new article must hold for the version to count
   * as held whole: a take or an add copied into the full story, with its dateline or a word or two
   * edited. Not measured on a set: no set here has partial overlaps between stories.
   */
  static final double WHOLE = 0.9;

  /** Whether the article holds the version whole: the version is the smaller, and nearly all of it is in the article. */
  private static boolean holdsWhole(ShingleSketch article, ShingleSketch version) {
    return version.shingles() <= article.shingles() && article.containment(version) >= WHOLE;
  }

  /** Files every version of one story under another: the recent ones here, the committed ones at {@link #refiling}. */
  private void absorb(String storyId, String into) {
    absorbed.put(storyId, into);
    absorbed.replaceAll((from, to) -> to.equals(storyId) ? into : to);
    Set<String> members = recentByStory.remove(storyId);
    if (members != null) {
      for (String member : members) {
        recent.put(member, recent.get(member).filedUnder(into));
      }
      recentByStory.computeIfAbsent(into, s -> new HashSet<>()).addAll(members);
    }
  }

  /**
   * The story of an article that matches no copy and no decided link. While a story's versions are
   * decided again, the first one started keeps the story's id. An article a curator filed in a story
   * that holds none of its versions yet (a rebuild read it before them: a CMS export read before the
   * desk's text file) starts that story under the id the filing named, not its own, and the story's
   * other versions join it as they come: those linked to the article, the other articles filed naming
   * it, and the article whose id it is. So the story keeps the id it had when the curator filed into
   * it, whatever order the files are read in (a librarian's trial, session 44, found the story renamed
   * after the filed article by a rebuild). Otherwise a story under the article's own id (or
   * {@code id~2}...).
   */
  private String newStory(String articleId, ArchiveStore store) throws IOException {
    if (keptId != null && !takenByOthers(keptId, articleId, store)) {
      String kept = keptId;
      keptId = null;
      return kept;
    }
    Optional<StoryFiling> filing = curation.storyFiling(articleId);
    if (filing.isPresent() && filing.get().apart()) {
      return freeId(articleId, store);
    }
    String named = filing.flatMap(StoryFiling::story).orElse(articleId);
    if (!takenByOthers(named, articleId, store) || heldFor(named, articleId, filing.isPresent(), store)) {
      return named;
    }
    return freeId(articleId, store);
  }

  /**
   * Whether the story with this id, which other articles hold, is the one the article belongs in by
   * name: another of its versions is filed naming it, or (for an article filed naming it) the article
   * whose id it is, not filed apart, is a version of it.
   */
  private boolean heldFor(String storyId, String articleId, boolean filedNamingIt, ArchiveStore store)
      throws IOException {
    for (String member : members(storyId, articleId, store)) {
      Optional<StoryFiling> filing = curation.storyFiling(member);
      if (filing.flatMap(StoryFiling::story).filter(storyId::equals).isPresent()
          || filedNamingIt && member.equals(storyId) && filing.map(f -> !f.apart()).orElse(true)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A new story's id: the article's own, unless other articles are already filed under it (the
   * article started a story, was rewritten, and no longer shares its text); then the first free of
   * {@code id~2}, {@code id~3}...
   */
  private String freeId(String articleId, ArchiveStore store) throws IOException {
    String candidate = articleId;
    for (int n = 2; takenByOthers(candidate, articleId, store); n++) {
      candidate = articleId + "~" + n;
    }
    return candidate;
  }

  private boolean takenByOthers(String storyId, String articleId, ArchiveStore store) throws IOException {
    return !members(storyId, articleId, store).isEmpty();
  }

  /**
   * The articles other than this one filed under the story now: those written since the commit under
   * it, and its committed versions not written again since under another (nor being decided again).
   * The committed ones of a story absorbed since the commit do not count: they are re-filed at the commit.
   */
  private Set<String> members(String storyId, String articleId, ArchiveStore store) throws IOException {
    Set<String> members = new TreeSet<>(recentByStory.getOrDefault(storyId, Set.of()));
    if (!absorbed.containsKey(storyId)) {
      for (String member : store.storyMembers(storyId)) {
        Recent now = recent.get(member);
        if (now == null ? !undecided.contains(member) : now.storyId().equals(storyId)) {
          members.add(member);
        }
      }
    }
    members.remove(articleId);
    return members;
  }

  /** A store and the filter of its committed band keys; no filter when it cannot list them. */
  private record CommittedKeys(ArchiveStore store, BandKeyFilter filter) {}

  /**
   * An article written since the last commit: the story it is filed under now, the one its document
   * was written with (another after a merge), and when this desk decided it.
   */
  private record Recent(String storyId, String writtenAs, ShingleSketch sketch, int bodyHash, Optional<LocalDate> published,
      long decided) {
    Recent filedUnder(String story) {
      return new Recent(story, writtenAs, sketch, bodyHash, published, decided);
    }
  }

  /** A copy of the article being decided: its story, and when the archive received it (write, then this desk's order). */
  private record Match(String storyId, Optional<LocalDate> published, String articleId, long write, long decided,
      boolean heldWhole, boolean identical) {
    /** The copy the archive received first: its story keeps its id when the article merges stories. */
    static final Comparator<Match> RECEIVED = Comparator.comparingLong(Match::write)
        .thenComparingLong(Match::decided)
        .thenComparing((Match m) -> m.published().orElse(LocalDate.MAX))
        .thenComparing(Match::articleId);

    Match filedUnder(String story) {
      return new Match(story, published, articleId, write, decided, heldWhole, identical);
    }
  }
}
