package org.morgue.cli;

import org.morgue.server.live.BearerToken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code morgue serve} finds the live-update token, and how a request must present it. */
class ServeCommandTokenTest {
  @TempDir Path tmp;

  @Test
  void theTokenFileWinsOverTheEnvironmentAndItsTrailingNewlineIsNotPartOfIt() throws Exception {
    ServeCommand serve = new ServeCommand();
    serve.tokenFile = Files.writeString(tmp.resolve("token"), "from-file-token\n");
    BearerToken token = serve.token("from-env-token").orElseThrow();
    assertTrue(token.admits(Optional.of("Bearer from-file-token")));
    assertFalse(token.admits(Optional.of("Bearer from-env-token")));
  }

  @Test
  void theEnvironmentVariableIsUsedWithoutAFileAndNeitherMeansDisabled() throws Exception {
    ServeCommand serve = new ServeCommand();
    assertTrue(serve.token("from-env-token").orElseThrow().admits(Optional.of("bearer from-env-token")));
    assertEquals(Optional.empty(), serve.token(null));
  }

  @Test
  void anEmptyTokenIsRefusedAtStartWithoutEchoingIt() throws Exception {
    ServeCommand serve = new ServeCommand();
    serve.tokenFile = Files.writeString(tmp.resolve("empty"), "  \n");
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> serve.token(null));
    assertTrue(empty.getMessage().contains("is empty"), empty.getMessage());
    IllegalArgumentException spaced = assertThrows(IllegalArgumentException.class,
        () -> new ServeCommand().token("two words"));
    assertFalse(spaced.getMessage().contains("two words"), spaced.getMessage());
  }

  @Test
  void onlyTheExactTokenUnderTheBearerSchemeIsAdmitted() {
    BearerToken token = BearerToken.of("abc123", "the test");
    assertTrue(token.admits(Optional.of("Bearer abc123")));
    assertFalse(token.admits(Optional.empty()));
    assertFalse(token.admits(Optional.of("Bearer")));
    assertFalse(token.admits(Optional.of("Bearer abc12")));
    assertFalse(token.admits(Optional.of("Bearer abc1234")));
    assertFalse(token.admits(Optional.of("Basic abc123")));
    assertFalse(token.admits(Optional.of("abc123")));
    assertFalse(token.toString().contains("abc123"));
  }
  /**
   * A librarian's trial (session 39) served an imported index read-only with a copy of the curation
   * journal: the collections were listed, but filtering by one found nothing, unsaid. Only a writer
   * applies curation to the index, so a read-only server says how far behind the index is.
   */
  @Test
  void aReadOnlyServerSaysWhenTheIndexLacksCurationChangesTheJournalHolds() throws Exception {
    Path corpus = IndexCommandTest.articles(tmp.resolve("corpus"), 3);
    Path index = tmp.resolve("index");
    assertEquals(0, new picocli.CommandLine(new IndexCommand()).execute("--index", index.toString(), corpus.toString()));
    try (org.morgue.curation.Curation curation = org.morgue.curation.Curation.open(Path.of(index + ".curation"))) {
      curation.createCollection("ana", "Harbour file", "", Optional.empty());
    }
    Path log = tmp.resolve("serve.log");
    Process serve = ServeProcess.start(index, corpus, ServeProcess.freePort(), log, Optional.empty());
    try {
      String output = Files.readString(log);
      assertTrue(output.contains("the index holds the curation up to change 0 of 1"), output);
      // An index ./morgue index wrote is not checked against a corpus, and the server says so.
      assertTrue(output.contains("serving the index at " + index + " as ./morgue index wrote it"), output);
      assertFalse(output.contains("against the corpus"), output);
    } finally {
      serve.destroy();
      serve.waitFor();
    }
  }
  /**
   * An archive restored as an operator's trial did it on a cluster: the curation journal copied
   * first, then an export indexed into a new archive, which applies the whole curation to every
   * article. The new archive recorded change 0, and a read-only server said the corrections it held
   * were not in searches.
   */
  @Test
  void anArchiveIndexedNewOverACopiedJournalHoldsTheWholeCuration() throws Exception {
    Path corpus = IndexCommandTest.articles(tmp.resolve("corpus"), 3);
    Path index = tmp.resolve("restored");
    try (org.morgue.curation.Curation curation = org.morgue.curation.Curation.open(Path.of(index + ".curation"))) {
      curation.createCollection("ana", "Harbour file", "", Optional.empty());
    }
    assertEquals(0, new picocli.CommandLine(new IndexCommand()).execute("--index", index.toString(), corpus.toString()));
    assertEquals("1", org.morgue.engine.lucene.index.ArchiveWriter.lastCommitData(index).orElseThrow()
        .get(org.morgue.curation.Curation.COMMIT_KEY));
    Path log = tmp.resolve("serve.log");
    Process serve = ServeProcess.start(index, corpus, ServeProcess.freePort(), log, Optional.empty());
    try {
      String output = Files.readString(log);
      assertFalse(output.contains("the index holds the curation up to change"), output);
    } finally {
      serve.destroy();
      serve.waitFor();
    }
  }

  /** Said before the index is checked, which may mean a rebuild's minutes (an operator's trial). */
  @Test
  void aPortInUseIsRefusedAtOnceInOneLine() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      java.io.StringWriter err = new java.io.StringWriter();
      picocli.CommandLine command = MorgueHome.commandLine(new ServeCommand());
      command.setErr(new java.io.PrintWriter(err, true));
      int status = command.execute("--port", String.valueOf(taken.getLocalPort()), "--index", tmp.resolve("never").toString(),
          "--corpus", Files.createDirectories(tmp.resolve("corpus")).toString());
      assertEquals(1, status, err.toString());
      assertEquals("morgue serve: port " + taken.getLocalPort() + " on 127.0.0.1 is in use by another program"
          + " (another morgue serve?); give --port N", err.toString().strip());
      assertFalse(Files.exists(tmp.resolve("never")), "nothing is indexed for a server that cannot listen");
    }
  }
}
