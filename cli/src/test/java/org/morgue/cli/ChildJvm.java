package org.morgue.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts a Morgue command in a JVM of its own on the test class path, as the
 * launcher does, for tests that kill it or run two at once.
 */
final class ChildJvm {
  /**
   * The children live for seconds, so they compile with C1 alone, as the test JVMs do (see the
   * parent pom). (Class-data sharing, which halves a cluster's start, cannot archive the classes
   * folders a test class path holds.)
   */
  private static final List<String> OPTIONS = List.of("--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1");

  private ChildJvm() {}

  /** {@code java}, its options, then {@code main} with {@code args}. */
  static List<String> command(List<String> options, Class<?> main, List<String> args) {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(OPTIONS);
    command.addAll(options);
    command.addAll(List.of("-cp", classpath, main.getName()));
    command.addAll(args);
    return command;
  }
}
