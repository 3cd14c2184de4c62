package org.morgue.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine and JVM a run measured on, as the report states them.
 *
 * @param cpu the CPU model, from /proc/cpuinfo where there is one
 * @param ramBytes physical memory, from /proc/meminfo where there is one
 * @param loadAverage the 1, 5 and 15 minute load averages when the run ended, from /proc/loadavg: a
 *     load above the core count means other work shared the machine and the figures are not comparable
 */
record MachineDescription(String cpu, int cores, Optional<Long> ramBytes, Optional<String> loadAverage, String jdk,
    List<String> jvmFlags) {
  static MachineDescription current() {
    return new MachineDescription(cpuModel(), Runtime.getRuntime().availableProcessors(), ram(), readLoadAverage(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  private static String cpuModel() {
    return procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
  }

  private static Optional<Long> ram() {
    return procLine("/proc/meminfo", "MemTotal").map(value -> Long.parseLong(value.replaceAll("[^0-9]", "")) * 1024);
  }

  private static Optional<String> readLoadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
      return Optional.of(String.join(" ", List.of(fields).subList(0, 3)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not Linux: the report says "unknown"
    }
  }

  /** The value after the colon on the first line of a /proc file that starts with a key. */
  private static Optional<String> procLine(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not Linux: the report says "unknown"
    }
  }

  String markdown() {
    return "- CPU: " + cpu + ", " + cores + " cores available to the JVM\n"
        + "- RAM: " + ramBytes.map(bytes -> String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)).orElse("unknown") + "\n"
        + "- Load average (1, 5, 15 min) at the end: " + loadAverage.orElse("unknown") + "\n"
        + "- JDK: " + jdk + "\n"
        + "- JVM flags: `" + String.join(" ", jvmFlags) + "`\n";
  }
}
