package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.indexer.ingest.ArchiveIndexer;

/**
 * {@code morgue index} killed with SIGKILL at random moments, again and again on the same index: after
 * every kill the index opens and holds exactly the articles of its last commit, and a final run
 * completes it. The default run kills 5 times (about 25 s); the soak run kills more:
 *
 * <pre>./mvnw -o -pl indexer -am verify -Dtest=IndexKillTest -Dsurefire.failIfNoSpecifiedTests=false -Dmorgue.faults.kills=50</pre>
 *
 * {@code -Dmorgue.faults.seed=N} replays a run; the seed is in every failure message.
 */
class IndexKillTest {
  static final int TOTAL = 1000;
  static final int COMMIT_EVERY = 100;
  /** After a run's first new commit, its kill comes at a random moment up to this much later. */
  static final int MID_RUN_WINDOW_MS = 600;

  @Test
  void killedAtRandomMomentsTheIndexAlwaysHoldsExactlyItsLastCommitAndARerunCompletesIt(@TempDir Path tmp)
      throws Exception {
    int kills = Integer.getInteger("morgue.faults.kills", 3);
    long seed = Long.getLong("morgue.faults.seed", System.nanoTime());
    Random random = new Random(seed);
    Path folder = IndexCommandTest.articles(tmp.resolve("in"), TOTAL);
    Path index = tmp.resolve("index");
    Path log = tmp.resolve("log.txt");
    List<String> sorted = IntStream.range(0, TOTAL).mapToObj(i -> String.format("article-%05d", i)).toList();

    List<Integer> committedAfterKill = new ArrayList<>();
    int midRun = 0;
    int previous = 0;
    for (int kill = 0; kill < kills; kill++) {
      // The first kill lands before the JVM can have committed anything. Each later one waits until
      // its run has committed something new, then strikes a random moment after: kills land in the
      // middle of runs however slow the machine is, never all before the first commit.
      int delay = random.nextInt(kill == 0 ? 300 : MID_RUN_WINDOW_MS);
      String context = "seed " + seed + ", kill " + (kill + 1) + " after " + delay + " ms, committed so far "
          + committedAfterKill;
      Files.writeString(log, "--- " + context + "\n", java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      Process run = IndexProcess.start(log, "--index", index.toString(), "--commit-every", String.valueOf(COMMIT_EVERY),
          folder.toString());
      boolean exitedByItself = false;
      if (kill > 0) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!exitedByItself && CommittedIndex.of(index).numDocs() <= previous && System.nanoTime() < deadline) {
          exitedByItself = run.waitFor(20, TimeUnit.MILLISECONDS);
        }
      }
      exitedByItself = exitedByItself || run.waitFor(delay, TimeUnit.MILLISECONDS);
      run.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback, no chance to tidy up
      run.waitFor();
      if (exitedByItself) {
        assertEquals(0, run.exitValue(), context + "\n" + Files.readString(log));
      }

      CommittedIndex committed = CommittedIndex.of(index);
      int count = committed.distinctIds().size();
      String state = context + ": now " + count + " articles, commit " + committed.commitData();
      // Files are read in name order and a commit falls every 100 written articles, so the last commit
      // holds exactly the first N articles, N a multiple of 100 (or all of them).
      assertTrue(count % COMMIT_EVERY == 0 || count == TOTAL, state);
      assertEquals(Set.copyOf(sorted.subList(0, count)), Set.copyOf(committed.ids()), state);
      assertTrue(count >= previous, "a kill never loses what an earlier run committed: " + state);
      if (count > 0 && count < TOTAL) {
        assertEquals("false", committed.commitData().get(ArchiveIndexer.COMPLETE_KEY), state);
      }
      committed.assertEveryArticleReadable(index);
      if (!exitedByItself && count > previous && count < TOTAL) {
        midRun++;
      }
      committedAfterKill.add(count);
      previous = count;
    }
    assertTrue(midRun > 0 || kills < 4, "at least one kill landed in the middle of a run that had committed: "
        + committedAfterKill + " (seed " + seed + ")");

    Process rerun = IndexProcess.start(log, "--index", index.toString(), "--commit-every", String.valueOf(COMMIT_EVERY),
        folder.toString());
    assertTrue(rerun.waitFor(60, TimeUnit.SECONDS), "the rerun finishes");
    assertEquals(0, rerun.exitValue(), "seed " + seed + "\n" + Files.readString(log));
    CommittedIndex complete = CommittedIndex.of(index);
    assertEquals(Set.copyOf(sorted), complete.distinctIds(), "seed " + seed);
    assertEquals(TOTAL, complete.numDocs());
    assertEquals("true", complete.commitData().get(ArchiveIndexer.COMPLETE_KEY));
    complete.assertEveryArticleReadable(index);
    System.out.println("IndexKillTest seed " + seed + ": articles committed after each kill "
        + committedAfterKill.stream().map(String::valueOf).collect(Collectors.joining(", ")));
  }
}
