package org.morgue.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this Morgue build, as the build stamped it into the indexer's resources. */
final class MorgueVersion {
  private MorgueVersion() {}

  /**
   * This build: its version and when it was built, e.g. {@code 0.1.0-SNAPSHOT 2026-12-02T13:00:00Z},
   * which changes whenever Morgue is rebuilt even if the version does not.
   */
  static String build() {
    try (InputStream in = MorgueVersion.class.getResourceAsStream("/org/morgue/indexer/build.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties build = new Properties();
      build.load(in);
      return build.getProperty("version", "unknown") + " " + build.getProperty("built", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Morgue's build stamp", e);
    }
  }

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when run from unbuilt sources. */
  static String read() {
    try (InputStream in = MorgueVersion.class.getResourceAsStream("/org/morgue/indexer/build.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties build = new Properties();
      build.load(in);
      return build.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Morgue's build stamp", e);
    }
  }
}
