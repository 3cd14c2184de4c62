package org.morgue.cli;

import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Where Morgue's default folders are: under the folder the {@code morgue} launcher lives in (it
 * passes {@code -Dmorgue.home}), else the working directory.
 */
public final class MorgueHome {
  /**
   * Lucene announces at INFO, on every start, which vector implementation it picked; people running
   * a command do not need that. Held in a field because java.util.logging keeps loggers weakly.
   */
  private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  private MorgueHome() {}

  /** The Morgue installation folder. */
  public static Path home() {
    return Path.of(System.getProperty("morgue.home", "."));
  }

  /** The index folder used when none is given. */
  public static Path defaultIndex() {
    return home().resolve("var").resolve("index");
  }

  /** The shipped sample corpus. */
  public static Path defaultCorpus() {
    return home().resolve("corpus").resolve("articles");
  }

  /**
   * A command line that reports failures as one clear line (the path or value at fault), not a
   * stack trace, and exits with status 1; a bad argument is that line and where the options are
   * listed, with status 2.
   */
  public static CommandLine commandLine(Object command) {
    LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.WARNING);
    CommandLine line = new CommandLine(command);
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("morgue " + cmd.getCommandName() + ": " + describe(e));
      return 1;
    });
    line.setParameterExceptionHandler(MorgueHome::refuseArguments);
    return line;
  }

  /**
   * Says what is wrong with the arguments, and where the options are listed, instead of picocli's
   * default of the whole usage after it: forty lines under which the one that matters ("no file or
   * folder at ...") scrolled away (a user's trial). A mistyped option keeps picocli's "Did you mean".
   */
  private static int refuseArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    java.io.PrintWriter err = cmd.getErr();
    err.println("morgue " + cmd.getCommandName() + ": " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("./morgue " + cmd.getCommandSpec().qualifiedName(" ") + " --help lists the options");
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException missing) {
      return "no such file or folder: " + missing.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
