package org.morgue.curation.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer of a curation journal at a time, across processes, for as long as it holds the journal:
 * an operator's trial (session 45) ran two servers on one cluster, and both wrote the journal, because
 * reading the file had released the lock taken on it.
 */
class CurationJournalLockTest {

  @Test
  void anotherProcessCannotWriteTheJournalWhileOneHoldsItEvenAfterTheJournalIsRead(@TempDir Path folder)
      throws Exception {
    try (CurationJournal writing = CurationJournal.openForWriting(folder)) {
      assertEquals(List.of(), writing.recorded());
      // What a running server does beside its writes: read the journal (GET /api/changes, a restart's reading).
      assertEquals(List.of(), CurationJournal.readOnly(folder));
      // A second writer in this process is refused, and its attempt does not free the first's lock.
      assertThrows(CurationJournal.JournalLockedException.class, () -> CurationJournal.openForWriting(folder));
      assertEquals("locked", inAnotherProcess(folder));
    }
    assertEquals("opened", inAnotherProcess(folder), "closed, the journal is free again");
  }

  /** What another JVM gets when it opens the journal for writing. */
  private static String inAnotherProcess(Path folder) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), OpenJournal.class.getName(), folder.toString())
        .redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the other process did not finish");
    }
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  /** Opens the journal in the folder given for writing, and says whether it could. */
  public static final class OpenJournal {
    public static void main(String[] args) throws IOException {
      try (CurationJournal journal = CurationJournal.openForWriting(Path.of(args[0]))) {
        System.out.println(journal.recorded().isEmpty() ? "opened" : "opened a journal with changes");
      } catch (CurationJournal.JournalLockedException e) {
        System.out.println("locked");
      }
    }
  }
}
