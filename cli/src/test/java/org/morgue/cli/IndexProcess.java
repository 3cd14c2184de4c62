package org.morgue.cli;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code morgue index} as a separate JVM on the test class path, as the launcher runs it, so a test
 * can kill it with SIGKILL ({@link Process#destroyForcibly}) or run two at once. Output is appended
 * to a log file the test shows when something fails.
 */
final class IndexProcess {
  private IndexProcess() {}

  static Process start(Path log, String... args) throws IOException {
    List<String> command = ChildJvm.command(List.of(), IndexCommand.class, List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
  }
}
